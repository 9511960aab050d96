package mock

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// testDomain builds the domain from testdata (two small databases written
// for these tests).
func testDomain(tb testing.TB) *Domain {
	tb.Helper()
	d, err := Load("testdata")
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// anchorDomain loads the reference's own mock data from the anchors.
func anchorDomain(tb testing.TB) *Domain {
	tb.Helper()
	d, err := Load(filepath.Join(replay.Anchors(tb), "tau2", "mock"))
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func call(e tau2.Env, r tau2.Requestor, name, args string) tool.Result {
	return e.CallAs(context.Background(), r, tool.Call{ID: "1", Name: name, Arguments: args})
}

func TestRegistered(t *testing.T) {
	d, err := tau2.Load(Name, "testdata")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name() != "mock" || d.New().Domain() != "mock" {
		t.Fatalf("names %q %q", d.Name(), d.New().Domain())
	}
	if _, err := tau2.Load(Name, "no/such/dir"); err == nil {
		t.Fatal("loading a missing folder succeeded")
	}
}

// The expected texts below are the reference's outputs for the same calls
// (tau2-bench a2c0247 with pydantic 2.12).
func TestCalls(t *testing.T) {
	const valErr = "Error: 2 validation errors for Task\ntitle\n  Input should be a valid string [type=string_type, input_value=5, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type\ndescription\n  Input should be a valid string [type=string_type, input_value=[1], input_type=list]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type"
	e := anchorDomain(t).New()
	steps := []struct {
		r          tau2.Requestor
		name, args string
		want       string
		isErr      bool
	}{
		{tau2.Assistant, "create_task", `{"user_id":"user_1","title":"Hi \u00e9\ud83d\ude00","description":"d"}`, `{"task_id": "task_2", "title": "Hi \u00e9\ud83d\ude00", "description": "d", "status": "pending"}`, false},
		{tau2.Assistant, "get_users", `{}`, `[{"user_id": "user_1", "name": "Test User", "tasks": ["task_1", "task_2"]}]`, false},
		{tau2.Assistant, "create_task", `{"user_id":"nobody","title":"x"}`, "Error: User nobody not found", true},
		{tau2.Assistant, "create_task", `{"user_id":["a"],"title":"x"}`, "Error: unhashable type: 'list'", true},
		{tau2.Assistant, "create_task", `{"user_id":"user_1","title":5,"description":[1]}`, valErr, true},
		{tau2.Assistant, "create_task", `{"user_id":"user_1"}`, "Error: MockTools.create_task() missing 1 required positional argument: 'title'", true},
		{tau2.Assistant, "create_task", `{"user_id":"user_1","title":"a","bogus":1}`, "Error: MockTools.create_task() got an unexpected keyword argument 'bogus'", true},
		{tau2.Assistant, "update_task_status", `{"task_id":"task_1","status":{"a":[1,2.0]}}`, `{"task_id": "task_1", "title": "Test task", "description": "A test task", "status": {"a": [1, 2.0]}}`, false},
		{tau2.Assistant, "update_task_status", `{"task_id":1.5,"status":"x"}`, "Error: Task 1.5 not found", true},
		{tau2.Assistant, "update_task_status", `{"task_id":{"x":1},"status":"x"}`, "Error: unhashable type: 'dict'", true},
		{tau2.Assistant, "transfer_to_human_agents", `{"summary":null}`, "Transfer successful", false},
		{tau2.Assistant, "assert_task_status", `{"task_id":"task_1","expected_status":"pending"}`, "Error: Tool 'assert_task_status' not found.", true},
		{tau2.Assistant, "get_users", `{"requestor":"user"}`, "Error: tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'", true},
		{tau2.Assistant, "get_users", `{"tool_name":"x"}`, "Error: Environment.make_tool_call() got multiple values for argument 'tool_name'", true},
		{tau2.User, "check_notifications", ``, `[{"notification_id": "notif_1", "message": "Task 'Test task' has been assigned to you.", "status": "unread", "task_id": "task_1"}]`, false},
		{tau2.User, "dismiss_notification", `{"notification_id":"notif_1"}`, "Notification notif_1 dismissed", false},
		{tau2.User, "dismiss_notification", `{"notification_id":null}`, "Error: Notification None not found", true},
		{tau2.User, "create_task", `{}`, "Error: Tool 'create_task' not found.", true},
	}
	for i, s := range steps {
		res := call(e, s.r, s.name, s.args)
		if got := res.Text(); got != s.want || (res.Error != nil) != s.isErr {
			t.Errorf("step %d %s(%s):\n got %q (error %v)\nwant %q", i, s.name, s.args, got, res.Error != nil, s.want)
		}
	}
	if res := call(e, tau2.Assistant, "nope", `{}`); res.Error == nil || res.Error.Kind != tool.KindUnknownTool {
		t.Errorf("unknown tool: %+v", res)
	}
	if res := call(e, tau2.Assistant, "get_users", `[1]`); res.Error == nil || res.Error.Kind != tool.KindInvalidJSON {
		t.Errorf("array arguments: %+v", res)
	}
	// The dismissal and the junk status are in the state.
	wantUser := `{"notifications": {"notif_1": {"message": "Task 'Test task' has been assigned to you.", "notification_id": "notif_1", "status": "read", "task_id": "task_1"}}}`
	if got := sortedJSON(t, e.Dump(tau2.User)); got != wantUser {
		t.Errorf("user db %s\nwant %s", got, wantUser)
	}
}

func sortedJSON(tb testing.TB, v pyval.Value) string {
	tb.Helper()
	b, err := docdb.SortedJSON(nil, v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestRun(t *testing.T) {
	e := anchorDomain(t).New()
	cases := []struct {
		r       tau2.Requestor
		name    string
		args    string
		want    string // repr of the result, or the exception text
		excType string
	}{
		{tau2.User, "add_notification", `{"notification_id":"n2","message":"m"}`, `{'notification_id': 'n2', 'message': 'm', 'status': 'unread', 'task_id': None}`, ""},
		{tau2.User, "add_notification", `{"notification_id":2,"message":null,"task_id":3}`, "3 validation errors for Notification\nnotification_id\n  Input should be a valid string [type=string_type, input_value=2, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type\nmessage\n  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type\ntask_id\n  Input should be a valid string [type=string_type, input_value=3, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type", "ValidationError"},
		{tau2.User, "assert_notification_status", `{"notification_id":"n2","expected_status":"unread"}`, "True", ""},
		{tau2.User, "assert_notification_status", `{"notification_id":"n3","expected_status":"unread"}`, "Notification n3 not found", "ValueError"},
		{tau2.Assistant, "assert_number_of_tasks", `{"user_id":"user_1","expected_number":1.0}`, "True", ""},
		{tau2.Assistant, "assert_number_of_tasks", `{"user_id":"user_1","expected_number":2}`, "False", ""},
		{tau2.Assistant, "assert_task_status", `{"task_id":"task_1","expected_status":"completed"}`, "False", ""},
		{tau2.Assistant, "nope", `{}`, "'MockTools' object has no attribute 'nope'", "AttributeError"},
		{tau2.Assistant, "assert_task_status", `{"task_id":"task_1"}`, "MockTools.assert_task_status() missing 1 required positional argument: 'expected_status'", "TypeError"},
		{tau2.Assistant, "get_db_hash", `{}`, "'107f83a70b7bf4f616e283b0b0b8451346fe7681173398d4498a1ec15c5fdfc6'", ""},
	}
	for _, c := range cases {
		v, err := e.Run(c.r, c.name, replay.Dict(t, json.RawMessage(c.args)))
		if c.excType != "" {
			if err == nil || !pyval.IsExc(err, c.excType) || err.Error() != c.want {
				t.Errorf("%s(%s): err %v, want %s %q", c.name, c.args, err, c.excType, c.want)
			}
			continue
		}
		if err != nil || pyval.Repr(v) != c.want {
			t.Errorf("%s(%s) = %s, %v; want %s", c.name, c.args, pyval.Repr(v), err, c.want)
		}
	}
}

func TestUpdateDBSharesOneDatabase(t *testing.T) {
	e := anchorDomain(t).New()
	err := e.UpdateDB(tau2.Assistant, replay.Dict(t, json.RawMessage(`{"tasks":{"task_2":{"task_id":"task_2","title":"T","status":"completed","extra":1}},"users":{"user_1":{"tasks":["task_1","task_2"]}}}`)))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := e.Hash(tau2.Assistant)
	u, _ := e.Hash(tau2.User)
	if a != "5ccf77465efe2a2a8de881a9b53b3ad527a1a64cb9a47eb9ea1e57a949b5a628" || u != a {
		t.Fatalf("hashes %s %s: both toolkits should hold the updated MockDB", a, u)
	}
	if got := call(e, tau2.User, "check_notifications", `{}`).Text(); got != "Error: 'MockDB' object has no attribute 'notifications'" {
		t.Errorf("user tool on the shared MockDB: %q", got)
	}
	err = e.UpdateDB(tau2.User, replay.Dict(t, json.RawMessage(`{"notifications":{}}`)))
	want := "1 validation error for MockDB\nnotifications\n  Extra inputs are not permitted [type=extra_forbidden, input_value={}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/extra_forbidden"
	if err == nil || err.Error() != want {
		t.Errorf("user update on the MockDB: %v", err)
	}
	err = e.UpdateDB(tau2.Assistant, replay.Dict(t, json.RawMessage(`{"tasks":{"t":{"task_id":1,"title":"x","status":"nope"}},"users":[]}`)))
	want = "3 validation errors for MockDB\ntasks.t.task_id\n  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type\ntasks.t.status\n  Input should be 'pending' or 'completed' [type=literal_error, input_value='nope', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/literal_error\nusers\n  Input should be a valid dictionary [type=dict_type, input_value=[], input_type=list]\n    For further information visit https://errors.pydantic.dev/2.12/v/dict_type"
	if err == nil || err.Error() != want {
		t.Errorf("invalid update: %v", err)
	}
	if h, _ := e.Hash(tau2.Assistant); h != a {
		t.Error("a failed update changed the database")
	}
	// A fork keeps the two toolkits on one database.
	f := e.Fork().(*Env)
	if f.agent != f.user {
		t.Error("fork split the shared database")
	}
}

func TestForkIsolation(t *testing.T) {
	d := testDomain(t)
	a := d.NewEnv()
	b := a.Fork().(*Env)
	if !a.SameState(tau2.Assistant, b) || !a.SameState(tau2.User, b) {
		t.Fatal("fresh fork differs")
	}
	call(b, tau2.Assistant, "update_task_status", `{"task_id":"task_1","status":"completed"}`)
	call(b, tau2.User, "dismiss_notification", `{"notification_id":"n1"}`)
	call(b, tau2.Assistant, "create_task", `{"user_id":"ada","title":"t"}`)
	if a.SameState(tau2.Assistant, b) || a.SameState(tau2.User, b) {
		t.Fatal("writes in the fork not seen by SameState")
	}
	fresh := d.NewEnv()
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		ha, _ := a.Hash(r)
		hf, _ := fresh.Hash(r)
		if ha != hf || !a.SameState(r, fresh) {
			t.Errorf("%s: the parent changed after writes in its fork", r)
		}
	}
	if got := call(a, tau2.Assistant, "get_users", `{}`).Text(); !strings.Contains(got, `"tasks": ["task_1", "task_2"]`) {
		t.Errorf("parent users: %s", got)
	}
	// The same end state reached twice compares equal, as hashes do.
	c := d.NewEnv()
	call(c, tau2.Assistant, "create_task", `{"user_id":"ada","title":"t"}`)
	call(c, tau2.Assistant, "update_task_status", `{"task_id":"task_1","status":"completed"}`)
	call(c, tau2.User, "dismiss_notification", `{"notification_id":"n1"}`)
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		hb, _ := b.Hash(r)
		hc, _ := c.Hash(r)
		if hb != hc || !b.SameState(r, c) {
			t.Errorf("%s: equal states compare unequal", r)
		}
	}
	// 1 and 1.0 hash differently, so SameState tells them apart.
	call(b, tau2.Assistant, "update_task_status", `{"task_id":"task_1","status":1}`)
	call(c, tau2.Assistant, "update_task_status", `{"task_id":"task_1","status":1.0}`)
	if b.SameState(tau2.Assistant, c) {
		t.Error("1 and 1.0 compare equal")
	}
}

func TestToolInfo(t *testing.T) {
	e := testDomain(t).New()
	var names []string
	for _, in := range e.ToolInfo(tau2.Assistant) {
		names = append(names, in.Spec.Name+":"+string(in.Type))
		if in.Mutates != (in.Type == tau2.Write) {
			t.Errorf("%s mutates %v", in.Spec.Name, in.Mutates)
		}
		if err := in.Spec.Validate(); err != nil {
			t.Error(err)
		}
		if !json.Valid(in.Spec.Parameters) {
			t.Errorf("%s: invalid parameters JSON", in.Spec.Name)
		}
	}
	for _, in := range e.ToolInfo(tau2.User) {
		names = append(names, in.Spec.Name+":"+string(in.Type))
	}
	want := "create_task:write get_users:read update_task_status:write transfer_to_human_agents:generic check_notifications:read dismiss_notification:write"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("tools %s\nwant %s", got, want)
	}
	if e.ToolInfo("nobody") != nil {
		t.Error("ToolInfo of an unknown requestor")
	}
	if len(e.Tools()) != 4 || e.Tools()[0].Name != "create_task" {
		t.Errorf("Tools: %v", e.Tools())
	}
}

func TestSnapshot(t *testing.T) {
	e := testDomain(t).New()
	snap, err := e.Snapshot()
	if err != nil || !json.Valid(snap) {
		t.Fatalf("snapshot %s: %v", snap, err)
	}
	if !strings.HasPrefix(string(snap), `{"agent_db": {"tasks": {"task_1": {"description": "Every other day", "status": "pending"`) {
		t.Errorf("snapshot %s", snap)
	}
}

func TestCanceled(t *testing.T) {
	e := testDomain(t).New()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := e.CallAs(ctx, tau2.Assistant, tool.Call{Name: "get_users", Arguments: "{}"})
	if res.Error == nil || res.Error.Kind != tool.KindCanceled {
		t.Fatalf("canceled call: %+v", res)
	}
}

func FuzzCallAs(f *testing.F) {
	d := testDomain(f)
	names := []string{"create_task", "get_users", "update_task_status", "transfer_to_human_agents", "check_notifications", "dismiss_notification", "add_notification", "nope"}
	f.Add(uint8(0), false, `{"user_id":"ada","title":"x"}`)
	f.Add(uint8(2), false, `{"task_id":"task_1","status":[1,{"a":null}]}`)
	f.Add(uint8(5), true, `{"notification_id":"n1"}`)
	f.Add(uint8(6), true, `{"notification_id":1e400}`)
	f.Fuzz(func(t *testing.T, n uint8, user bool, args string) {
		e := d.New()
		r := tau2.Assistant
		if user {
			r = tau2.User
		}
		res := call(e, r, names[int(n)%len(names)], args)
		if res.Error == nil && !json.Valid([]byte(res.Text())) && !strings.HasPrefix(res.Text(), "Transfer") && !strings.HasPrefix(res.Text(), "Notification") {
			t.Fatalf("result %q is neither JSON nor a message", res.Text())
		}
		if _, err := e.Hash(tau2.Assistant); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Hash(tau2.User); err != nil {
			t.Fatal(err)
		}
	})
}
