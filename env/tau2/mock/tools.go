package mock

import (
	"encoding/json"
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// function is one method of a toolkit that Run may call; tools are the
// ones with a spec.
type function struct {
	method bfcl.Method
	info   *tau2.ToolInfo // nil for a method that is not a tool
	run    func(e *Env, a []pyval.Value) (pyval.Value, error)
}

// toolkit is one side's ToolKit class.
type toolkit struct {
	class string
	funcs map[string]*function
	infos []tau2.ToolInfo
}

func newToolkit(class string, fns []*function) *toolkit {
	tk := &toolkit{class: class, funcs: map[string]*function{}}
	for _, f := range fns {
		tk.funcs[f.method.Name] = f
		if f.info != nil {
			tk.infos = append(tk.infos, *f.info)
		}
	}
	return tk
}

// info builds a ToolInfo from the reference's schema.
func info(name, desc string, typ tau2.ToolType, params string) *tau2.ToolInfo {
	return &tau2.ToolInfo{Spec: spec(name, desc, typ, params), Type: typ, Mutates: typ == tau2.Write}
}

var (
	req = bfcl.Req
	opt = bfcl.Opt
)

func method(name string, ps ...bfcl.Param) bfcl.Method { return bfcl.Method{Name: name, Params: ps} }

// The assistant's toolkit (tools.py MockTools), in the reference's order.
var agentKit = newToolkit("MockTools", []*function{
	{
		method: method("create_task", req("user_id"), req("title"), opt("description", nil)),
		info: info("create_task", "Create a new task for a user.", tau2.Write,
			`{"properties":{"user_id":{"description":"The ID of the user creating the task","title":"User Id","type":"string"},"title":{"description":"The title of the task","title":"Title","type":"string"},"description":{"default":null,"description":"Optional description of the task","title":"Description","type":"string"}},"required":["user_id","title"],"title":"parameters","type":"object"}`),
		run: func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.createTask(a[0], a[1], a[2]) },
	},
	{
		method: method("get_users"),
		info:   info("get_users", "Get all users in the database.", tau2.Read, emptyParams),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.getUsers() },
	},
	{
		method: method("update_task_status", req("task_id"), req("status")),
		info: info("update_task_status", "Update the status of a task.", tau2.Write,
			`{"properties":{"task_id":{"description":"The ID of the task to update","title":"Task Id","type":"string"},"status":{"description":"The new status of the task","enum":["pending","completed"],"title":"Status","type":"string"}},"required":["task_id","status"],"title":"parameters","type":"object"}`),
		run: func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.updateTaskStatus(a[0], a[1]) },
	},
	{
		method: method("assert_number_of_tasks", req("user_id"), req("expected_number")),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.assertNumberOfTasks(a[0], a[1]) },
	},
	{
		method: method("assert_task_status", req("task_id"), req("expected_status")),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.assertTaskStatus(a[0], a[1]) },
	},
	{
		method: method("transfer_to_human_agents", req("summary")),
		info: info("transfer_to_human_agents", "Transfer the user to a human agent, with a summary of the user's issue.\n\nOnly transfer if\n -  the user explicitly asks for a human agent\n -  given the policy and the available tools, you cannot solve the user's issue.", tau2.Generic,
			`{"properties":{"summary":{"description":"A summary of the user's issue.","title":"Summary","type":"string"}},"required":["summary"],"title":"parameters","type":"object"}`),
		run: func(e *Env, a []pyval.Value) (pyval.Value, error) { return "Transfer successful", nil },
	},
	{
		method: method("get_db_hash"),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.agent.hash() },
	},
})

// The user's toolkit (user_tools.py MockUserTools).
var userKit = newToolkit("MockUserTools", []*function{
	{
		method: method("check_notifications"),
		info:   info("check_notifications", "Check all notifications in the user's inbox.", tau2.Read, emptyParams),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.checkNotifications() },
	},
	{
		method: method("dismiss_notification", req("notification_id")),
		info: info("dismiss_notification", "Dismiss (mark as read) a notification.", tau2.Write,
			`{"properties":{"notification_id":{"description":"The ID of the notification to dismiss.","title":"Notification Id","type":"string"}},"required":["notification_id"],"title":"parameters","type":"object"}`),
		run: func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.dismissNotification(a[0]) },
	},
	{
		method: method("add_notification", req("notification_id"), req("message"), opt("task_id", nil)),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.addNotification(a[0], a[1], a[2]) },
	},
	{
		method: method("assert_notification_status", req("notification_id"), req("expected_status")),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.assertNotificationStatus(a[0], a[1]) },
	},
	{
		method: method("get_db_hash"),
		run:    func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.user.hash() },
	},
})

// spec builds a tool spec; Parameters is the reference's openai_schema
// "parameters" object, key order included.
func spec(name, desc string, typ tau2.ToolType, params string) tool.Spec {
	return tool.Spec{
		Name:        name,
		Description: desc,
		Parameters:  json.RawMessage(params),
		Annotations: &tool.Annotations{ReadOnly: typ != tau2.Write, Category: string(typ)},
	}
}

const emptyParams = `{"properties":{},"title":"parameters","type":"object"}`

func (e *Env) createTask(userID, title, description pyval.Value) (pyval.Value, error) {
	users, err := e.agent.table("users")
	if err != nil {
		return nil, err
	}
	uid, ok, err := tau2.StrKey(userID)
	if err != nil {
		return nil, err
	}
	if !ok || !users.Has(uid) {
		return nil, pyval.ValueError(fmt.Sprintf("User %s not found", pyval.Str(userID)))
	}
	tasks, err := e.agent.table("tasks")
	if err != nil {
		return nil, err
	}
	taskID := fmt.Sprintf("task_%d", tasks.Len()+1)
	v := &validation{model: "Task"}
	v.str([]pyval.Value{"title"}, title)
	v.optStr([]pyval.Value{"description"}, description)
	if err := v.err(); err != nil {
		return nil, err
	}
	task := pyval.DictOf("task_id", taskID, "title", title, "description", description, "status", "pending")
	tasks.Put(taskID, task)
	u, _ := users.Mut(uid)
	ud := u.(*pyval.Dict)
	ts, _ := ud.Get("tasks")
	ud.Set("tasks", append(ts.([]pyval.Value), taskID))
	return task.Copy(), nil
}

func (e *Env) getUsers() (pyval.Value, error) {
	users, err := e.agent.table("users")
	if err != nil {
		return nil, err
	}
	out := make([]pyval.Value, 0, users.Len())
	for _, u := range users.All() {
		out = append(out, u)
	}
	return out, nil
}

func (e *Env) updateTaskStatus(taskID, status pyval.Value) (pyval.Value, error) {
	tasks, err := e.agent.table("tasks")
	if err != nil {
		return nil, err
	}
	id, ok, err := tau2.StrKey(taskID)
	if err != nil {
		return nil, err
	}
	if !ok || !tasks.Has(id) {
		return nil, pyval.ValueError(fmt.Sprintf("Task %s not found", pyval.Str(taskID)))
	}
	t, _ := tasks.Mut(id)
	td := t.(*pyval.Dict)
	td.Set("status", status) // no validate_assignment: any value is kept
	return td.Copy(), nil
}

func (e *Env) assertNumberOfTasks(userID, expected pyval.Value) (pyval.Value, error) {
	users, err := e.agent.table("users")
	if err != nil {
		return nil, err
	}
	uid, ok, err := tau2.StrKey(userID)
	if err != nil {
		return nil, err
	}
	if !ok || !users.Has(uid) {
		return nil, pyval.ValueError(fmt.Sprintf("User %s not found", pyval.Str(userID)))
	}
	u, _ := users.Get(uid)
	ts, _ := u.(*pyval.Dict).Get("tasks")
	return pyval.Equal(int64(len(ts.([]pyval.Value))), expected), nil
}

func (e *Env) assertTaskStatus(taskID, expected pyval.Value) (pyval.Value, error) {
	tasks, err := e.agent.table("tasks")
	if err != nil {
		return nil, err
	}
	id, ok, err := tau2.StrKey(taskID)
	if err != nil {
		return nil, err
	}
	if !ok || !tasks.Has(id) {
		return nil, pyval.ValueError(fmt.Sprintf("Task %s not found", pyval.Str(taskID)))
	}
	t, _ := tasks.Get(id)
	st, _ := t.(*pyval.Dict).Get("status")
	return pyval.Equal(st, expected), nil
}

func (e *Env) checkNotifications() (pyval.Value, error) {
	ns, err := e.user.table("notifications")
	if err != nil {
		return nil, err
	}
	out := make([]pyval.Value, 0, ns.Len())
	for _, n := range ns.All() {
		out = append(out, n)
	}
	return out, nil
}

func (e *Env) dismissNotification(id pyval.Value) (pyval.Value, error) {
	ns, err := e.user.table("notifications")
	if err != nil {
		return nil, err
	}
	key, ok, err := tau2.StrKey(id)
	if err != nil {
		return nil, err
	}
	if !ok || !ns.Has(key) {
		return nil, pyval.ValueError(fmt.Sprintf("Notification %s not found", pyval.Str(id)))
	}
	n, _ := ns.Mut(key)
	n.(*pyval.Dict).Set("status", "read")
	return fmt.Sprintf("Notification %s dismissed", key), nil
}

func (e *Env) addNotification(id, message, taskID pyval.Value) (pyval.Value, error) {
	v := &validation{model: "Notification"}
	n := notification(v, nil, pyval.DictOf("notification_id", id, "message", message, "task_id", taskID))
	if err := v.err(); err != nil {
		return nil, err
	}
	ns, err := e.user.table("notifications")
	if err != nil {
		return nil, err
	}
	ns.Put(id.(string), n)
	return n.Copy(), nil
}

func (e *Env) assertNotificationStatus(id, expected pyval.Value) (pyval.Value, error) {
	ns, err := e.user.table("notifications")
	if err != nil {
		return nil, err
	}
	key, ok, err := tau2.StrKey(id)
	if err != nil {
		return nil, err
	}
	if !ok || !ns.Has(key) {
		return nil, pyval.ValueError(fmt.Sprintf("Notification %s not found", pyval.Str(id)))
	}
	n, _ := ns.Get(key)
	st, _ := n.(*pyval.Dict).Get("status")
	return pyval.Equal(st, expected), nil
}
