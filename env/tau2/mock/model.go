package mock

import (
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// The two database classes of the domain (data_model.py MockDB,
// user_data_model.py MockUserDB). A store holds one database of either
// class: after a task's initialization_data the reference points both
// toolkits at one database object, so a toolkit may hold the other class.
type dbClass int

const (
	classMockDB dbClass = iota
	classMockUserDB
)

func (c dbClass) String() string {
	if c == classMockDB {
		return "MockDB"
	}
	return "MockUserDB"
}

// store is one database object: its class and its tables, records kept as
// their model_dump dicts.
type store struct {
	class dbClass
	db    *docdb.DB
}

// table returns the named table as the attribute access self.db.<name>
// does: an AttributeError when the database's class has no such field.
func (s *store) table(name string) (*docdb.Table, error) {
	switch {
	case s.class == classMockDB && (name == "tasks" || name == "users"),
		s.class == classMockUserDB && name == "notifications":
		return s.db.Table(name), nil
	}
	return nil, tau2.ClassAttributeError(s.class.String(), name)
}

// dump returns model_dump() of the database (sharing records: read only).
func (s *store) dump() *pyval.Dict { return s.db.Dict() }

// validateStore validates data as model_validate of class c would and
// returns the new database.
func validateStore(c dbClass, data pyval.Value) (*store, error) {
	v := &validation{model: c.String()}
	d, ok := data.(*pyval.Dict)
	if !ok {
		v.add(nil, "model_type", "Input should be a valid dictionary or instance of "+c.String(), data)
		return nil, v.err()
	}
	out := pyval.NewDict()
	var fields []string
	if c == classMockDB {
		fields = []string{"tasks", "users"}
	} else {
		fields = []string{"notifications"}
	}
	for _, f := range fields {
		loc := []pyval.Value{f}
		x, ok := d.Get(f)
		if !ok {
			if c == classMockUserDB {
				out.Set(f, pyval.NewDict()) // default_factory=dict
				continue
			}
			v.add(loc, "missing", "Field required", d)
			continue
		}
		out.Set(f, validateDictOf(v, loc, x, f))
	}
	// DB forbids extra fields.
	d.Items(func(k, x pyval.Value) bool {
		for _, f := range fields {
			if pyval.Equal(k, f) {
				return true
			}
		}
		v.add([]pyval.Value{k}, "extra_forbidden", "Extra inputs are not permitted", x)
		return true
	})
	if err := v.err(); err != nil {
		return nil, err
	}
	db, err := docdb.FromDict(out)
	if err != nil {
		return nil, err
	}
	return &store{class: c, db: db}, nil
}

// validateDictOf validates a Dict[str, Model] field.
func validateDictOf(v *validation, loc []pyval.Value, x pyval.Value, field string) *pyval.Dict {
	d, ok := x.(*pyval.Dict)
	if !ok {
		v.add(loc, "dict_type", "Input should be a valid dictionary", x)
		return nil
	}
	out := pyval.NewDict()
	d.Items(func(k, rec pyval.Value) bool {
		kl := tau2.ExtendLoc(loc, k)
		if _, ok := k.(string); !ok {
			v.add(tau2.ExtendLoc(kl, "[key]"), "string_type", "Input should be a valid string", k)
			return true
		}
		var r *pyval.Dict
		switch field {
		case "tasks":
			r = validateTask(v, kl, rec)
		case "users":
			r = validateUser(v, kl, rec)
		default:
			r = validateNotification(v, kl, rec)
		}
		out.Set(k, r)
		return true
	})
	return out
}

// modelInput checks that x can validate a model and returns it as a dict.
func modelInput(v *validation, loc []pyval.Value, x pyval.Value, model string) (*pyval.Dict, bool) {
	d, ok := x.(*pyval.Dict)
	if !ok {
		v.add(loc, "model_type", "Input should be a valid dictionary or instance of "+model, x)
	}
	return d, ok
}

// required fetches a required field, recording "missing" when absent.
func required(v *validation, loc []pyval.Value, d *pyval.Dict, f string) (pyval.Value, bool) {
	x, ok := d.Get(f)
	if !ok {
		v.add(tau2.ExtendLoc(loc, f), "missing", "Field required", d)
	}
	return x, ok
}

// validateTask validates a Task (extra fields ignored).
func validateTask(v *validation, loc []pyval.Value, x pyval.Value) *pyval.Dict {
	d, ok := modelInput(v, loc, x, "Task")
	if !ok {
		return nil
	}
	out := pyval.NewDict()
	if id, ok := required(v, loc, d, "task_id"); ok {
		v.str(tau2.ExtendLoc(loc, "task_id"), id)
		out.Set("task_id", id)
	}
	if t, ok := required(v, loc, d, "title"); ok {
		v.str(tau2.ExtendLoc(loc, "title"), t)
		out.Set("title", t)
	}
	desc, _ := d.Get("description")
	v.optStr(tau2.ExtendLoc(loc, "description"), desc)
	out.Set("description", desc)
	if s, ok := required(v, loc, d, "status"); ok {
		v.literal(tau2.ExtendLoc(loc, "status"), s, "pending", "completed")
		out.Set("status", s)
	}
	return out
}

// validateUser validates a User (extra fields ignored).
func validateUser(v *validation, loc []pyval.Value, x pyval.Value) *pyval.Dict {
	d, ok := modelInput(v, loc, x, "User")
	if !ok {
		return nil
	}
	out := pyval.NewDict()
	for _, f := range []string{"user_id", "name"} {
		if s, ok := required(v, loc, d, f); ok {
			v.str(tau2.ExtendLoc(loc, f), s)
			out.Set(f, s)
		}
	}
	if ts, ok := required(v, loc, d, "tasks"); ok {
		l, isList := ts.([]pyval.Value)
		if !isList {
			v.add(tau2.ExtendLoc(loc, "tasks"), "list_type", "Input should be a valid list", ts)
		} else {
			for i, t := range l {
				v.str(tau2.ExtendLoc(tau2.ExtendLoc(loc, "tasks"), int64(i)), t)
			}
			out.Set("tasks", append([]pyval.Value(nil), l...))
		}
	}
	return out
}

// validateNotification validates a Notification (extra fields forbidden).
func validateNotification(v *validation, loc []pyval.Value, x pyval.Value) *pyval.Dict {
	d, ok := modelInput(v, loc, x, "Notification")
	if !ok {
		return nil
	}
	return notification(v, loc, d)
}

var notificationFields = []string{"notification_id", "message", "status", "task_id"}

// notification validates Notification fields from d.
func notification(v *validation, loc []pyval.Value, d *pyval.Dict) *pyval.Dict {
	out := pyval.NewDict()
	for _, f := range []string{"notification_id", "message"} {
		if s, ok := required(v, loc, d, f); ok {
			v.str(tau2.ExtendLoc(loc, f), s)
			out.Set(f, s)
		}
	}
	st, ok := d.Get("status")
	if !ok {
		st = "unread"
	} else {
		v.literal(tau2.ExtendLoc(loc, "status"), st, "unread", "read")
	}
	out.Set("status", st)
	tid, _ := d.Get("task_id")
	v.optStr(tau2.ExtendLoc(loc, "task_id"), tid)
	out.Set("task_id", tid)
	d.Items(func(k, x pyval.Value) bool {
		for _, f := range notificationFields {
			if pyval.Equal(k, f) {
				return true
			}
		}
		v.add(tau2.ExtendLoc(loc, k), "extra_forbidden", "Extra inputs are not permitted", x)
		return true
	})
	return out
}
