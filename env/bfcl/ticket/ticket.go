// Package ticket is BFCL's TicketAPI, the support-ticket system of the
// multi-turn categories, re-implemented in Go for toolgym: a logged-in
// user creates, reads, edits, resolves and closes tickets in a queue. Each
// method returns what the Python reference
// (bfcl_eval/.../func_source_code/ticket_api.py) returns, byte for byte
// once rendered, and leaves the same state behind.
//
// The class registers itself with the bfcl framework as "TicketAPI";
// import the package for its side effect, or use [New] directly.
package ticket

import (
	"fmt"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name, under which the class is
// registered.
const ClassName = "TicketAPI"

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return New() })
}

// TicketAPI is one ticket system. Its fields are the reference's instance
// attributes, holding Python values (pyval).
type TicketAPI struct {
	// queue is ticket_queue: the tickets, normally dicts with id, title,
	// description, status, priority and created_by.
	queue []pyval.Value
	// counter is ticket_counter, the next ticket's id.
	counter pyval.Value
	// user is current_user, None when nobody is logged in.
	user pyval.Value
}

var _ bfcl.Class = (*TicketAPI)(nil)

// New returns a TicketAPI loaded with the reference's default scenario:
// no tickets, the counter at 1, nobody logged in.
func New() *TicketAPI {
	return &TicketAPI{queue: []pyval.Value{}, counter: int64(1)}
}

// Name implements bfcl.Class.
func (t *TicketAPI) Name() string { return ClassName }

// CopiesConfig implements bfcl.ConfigCopier: Load leaves its config
// unchanged. Of what the instance keeps, the methods change only the
// queue's list (create_ticket appends to it) and its ticket dicts
// (edit_ticket, resolve_ticket and close_ticket set their keys), which
// Load copies; the methods replace the counter and the user and change no
// value inside a ticket, so the copies are shallow.
func (*TicketAPI) CopiesConfig() {}

// Load implements bfcl.Class: ticket_queue, ticket_counter and
// current_user from the config, each defaulting as in the reference. The
// class has no long-context variant.
func (t *TicketAPI) Load(config *pyval.Dict, longContext bool) error {
	var queue []pyval.Value
	if v, ok := config.Get("ticket_queue"); ok {
		l, ok := v.([]pyval.Value)
		if !ok {
			return fmt.Errorf("ticket: ticket_queue is a %s, not a list", pyval.TypeName(v))
		}
		queue = l
	}
	// The queue gets room for the tickets a test entry creates, so that
	// the first creations do not copy it, and each ticket room for
	// resolve_ticket's resolution.
	t.queue = make([]pyval.Value, len(queue), len(queue)+queueRoom)
	for i, tk := range queue {
		if d, ok := tk.(*pyval.Dict); ok {
			tk = copyWithRoom(d, 1)
		}
		t.queue[i] = tk
	}
	t.counter = pyval.Value(int64(1))
	if v, ok := config.Get("ticket_counter"); ok {
		t.counter = v
	}
	t.user = nil
	if v, ok := config.Get("current_user"); ok {
		t.user = v
	}
	return nil
}

// queueRoom is the room Load leaves in the ticket queue.
const queueRoom = 4

// copyWithRoom returns a shallow copy of d with room for extra more
// items.
func copyWithRoom(d *pyval.Dict, extra int) *pyval.Dict {
	c := new(pyval.Dict)
	c.Grow(d.Len() + extra)
	d.Items(func(k, v pyval.Value) bool {
		c.Set(k, v)
		return true
	})
	return c
}

// State implements bfcl.Class: ticket_queue, ticket_counter and
// current_user. The values share storage with the API; they are valid
// until its next call.
func (t *TicketAPI) State() *pyval.Dict {
	return pyval.DictOf("ticket_queue", t.queue, "ticket_counter", t.counter, "current_user", t.user)
}

// StateEqual implements bfcl.StateComparer: the attributes State lists,
// compared without copying them.
func (t *TicketAPI) StateEqual(other bfcl.Class) bool {
	o, ok := other.(*TicketAPI)
	return ok && pyval.Equal(t.queue, o.queue) &&
		pyval.Equal(t.counter, o.counter) &&
		pyval.Equal(t.user, o.user)
}

// Clone implements bfcl.Class.
func (t *TicketAPI) Clone() bfcl.Class {
	return &TicketAPI{
		queue:   pyval.DeepCopy(t.queue).([]pyval.Value),
		counter: pyval.DeepCopy(t.counter),
		user:    pyval.DeepCopy(t.user),
	}
}

// method is one entry of the method table: its parameters are shared by
// every instance.
type method struct {
	name   string
	params []bfcl.Param
	call   func(t *TicketAPI, a []pyval.Value) (pyval.Value, error)
}

// methods are the reference's public methods, with their parameters in
// signature order.
var methods = []method{
	{"create_ticket", []bfcl.Param{bfcl.Req("title"), bfcl.Opt("description", ""), bfcl.Opt("priority", int64(1))}, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.CreateTicket(a[0], a[1], a[2]) }},
	{"get_ticket", []bfcl.Param{bfcl.Req("ticket_id")}, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.GetTicket(a[0]) }},
	{"close_ticket", []bfcl.Param{bfcl.Req("ticket_id")}, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.CloseTicket(a[0]) }},
	{"resolve_ticket", []bfcl.Param{bfcl.Req("ticket_id"), bfcl.Req("resolution")}, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.ResolveTicket(a[0], a[1]) }},
	{"edit_ticket", []bfcl.Param{bfcl.Req("ticket_id"), bfcl.Req("updates")}, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.EditTicket(a[0], a[1]) }},
	{"ticket_login", []bfcl.Param{bfcl.Req("username"), bfcl.Req("password")}, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.TicketLogin(a[0], a[1]), nil }},
	{"ticket_get_login_status", nil, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.TicketGetLoginStatus(), nil }},
	{"logout", nil, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.Logout(), nil }},
	{"get_user_tickets", []bfcl.Param{bfcl.Opt("status", nil)}, func(t *TicketAPI, a []pyval.Value) (pyval.Value, error) { return t.GetUserTickets(a[0]) }},
}

// Methods implements bfcl.Class.
func (t *TicketAPI) Methods() []bfcl.Method { return bfcl.Bound(t, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*TicketAPI) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	out := make([]bfcl.Method, len(methods))
	for i := range methods {
		m := &methods[i]
		out[i] = bfcl.Method{Name: m.name, Params: m.params, Run: func(c bfcl.Class, a []pyval.Value) (pyval.Value, error) { return m.call(c.(*TicketAPI), a) }}
	}
	return out
})

// Results that never vary, rendered (see render.go).
const (
	errCreateAuth = bfcl.JSONResult(`{"error": "User not authenticated. Please log in to create a ticket."}`)
	errPriority   = bfcl.JSONResult(`{"error": "Invalid priority. Priority must be between 1 and 5."}`)
	resSuccess    = bfcl.JSONResult(`{"success": true}`)
	resFailure    = bfcl.JSONResult(`{"success": false}`)
	resLoggedIn   = bfcl.JSONResult(`{"login_status": true}`)
	resLoggedOut  = bfcl.JSONResult(`{"login_status": false}`)
)

// errTicketsAuth is get_user_tickets' one item when nobody is logged in:
// the executor shows the list with str(). It is only read.
var errTicketsAuth = pyval.DictOf("error", "User not authenticated. Please log in to view tickets.")

// CreateTicket is create_ticket: it queues an open ticket by the current
// user and returns it. Priority runs from 1 to 5.
func (t *TicketAPI) CreateTicket(title, description, priority pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(t.user) {
		return errCreateAuth, nil
	}
	low, err := compare(priority, int64(1), "<")
	if err != nil {
		return nil, err
	}
	if !low {
		if low, err = compare(priority, int64(5), ">"); err != nil {
			return nil, err
		}
	}
	if low {
		return errPriority, nil
	}
	// Built with room for a seventh key, resolve_ticket's resolution.
	ticket := new(pyval.Dict)
	ticket.Grow(7)
	ticket.Set("id", t.counter)
	ticket.Set("title", title)
	ticket.Set("description", description)
	ticket.Set("status", "Open")
	ticket.Set("priority", priority)
	ticket.Set("created_by", t.user)
	t.queue = append(t.queue, ticket)
	next, err := increment(t.counter)
	if err != nil {
		return nil, err
	}
	t.counter = next
	return ticket, nil
}

// find is _find_ticket: the first ticket whose id equals id, or nil.
func (t *TicketAPI) find(id pyval.Value) (*pyval.Dict, error) {
	for _, tk := range t.queue {
		v, err := item(tk, keyID)
		if err != nil {
			return nil, err
		}
		if equal(v, id) {
			d, ok := tk.(*pyval.Dict)
			if !ok || d.Len() == 0 {
				// A falsy ticket reads as not found; a non-dict one
				// cannot get this far (item fails on it).
				return nil, nil
			}
			return d, nil
		}
	}
	return nil, nil
}

func notFound(id pyval.Value) pyval.Value {
	return render("error", "Ticket with ID ", id, " not found.")
}

// GetTicket is get_ticket: the ticket with the given id.
func (t *TicketAPI) GetTicket(ticketID pyval.Value) (pyval.Value, error) {
	tk, err := t.find(ticketID)
	if err != nil {
		return nil, err
	}
	if tk == nil {
		return notFound(ticketID), nil
	}
	return tk, nil
}

// CloseTicket is close_ticket: it sets a ticket's status to Closed.
func (t *TicketAPI) CloseTicket(ticketID pyval.Value) (pyval.Value, error) {
	tk, err := t.find(ticketID)
	if err != nil {
		return nil, err
	}
	if tk == nil {
		return notFound(ticketID), nil
	}
	status, err := item(tk, keyStatus)
	if err != nil {
		return nil, err
	}
	if equal(status, "Closed") {
		return render("error", "Ticket with ID ", ticketID, " is already closed."), nil
	}
	tk.Set("status", "Closed")
	return render("status", "Ticket ", ticketID, " has been closed successfully."), nil
}

// ResolveTicket is resolve_ticket: it sets a ticket's status to Resolved
// and records the resolution.
func (t *TicketAPI) ResolveTicket(ticketID, resolution pyval.Value) (pyval.Value, error) {
	tk, err := t.find(ticketID)
	if err != nil {
		return nil, err
	}
	if tk == nil {
		return notFound(ticketID), nil
	}
	status, err := item(tk, keyStatus)
	if err != nil {
		return nil, err
	}
	if equal(status, "Resolved") {
		return render("error", "Ticket with ID ", ticketID, " is already resolved."), nil
	}
	tk.Set("status", "Resolved")
	tk.Set("resolution", resolution)
	return render("status", "Ticket ", ticketID, " has been resolved successfully."), nil
}

// validFields are the ticket fields edit_ticket may change.
var validFields = map[string]bool{"title": true, "description": true, "status": true, "priority": true}

// EditTicket is edit_ticket: it sets the given fields (title,
// description, status, priority) of a ticket, skipping None values.
//
// With several invalid fields the reference names them in the iteration
// order of a Python set of strings, which changes from process to process
// (string hashing is randomized); toolgym names them in the order the
// updates give them.
func (t *TicketAPI) EditTicket(ticketID, updates pyval.Value) (pyval.Value, error) {
	tk, err := t.find(ticketID)
	if err != nil {
		return nil, err
	}
	if tk == nil {
		return notFound(ticketID), nil
	}
	u, ok := updates.(*pyval.Dict)
	if !ok {
		return nil, pyval.Exc("AttributeError", "'"+pyval.TypeName(updates)+"' object has no attribute 'keys'")
	}
	var invalid []byte
	u.Items(func(k, _ pyval.Value) bool {
		if s, ok := k.(string); !ok || !validFields[s] {
			if len(invalid) > 0 {
				invalid = append(invalid, ", "...)
			}
			invalid = append(invalid, str(k)...)
		}
		return true
	})
	if len(invalid) > 0 {
		return render("error", "Invalid fields for update: ", string(invalid), ""), nil
	}
	u.Items(func(k, v pyval.Value) bool {
		if v != nil {
			tk.Set(k, v)
		}
		return true
	})
	return render("status", "Ticket ", ticketID, " has been updated successfully."), nil
}

// TicketLogin is ticket_login: any non-empty username and password log
// the user in.
func (t *TicketAPI) TicketLogin(username, password pyval.Value) pyval.Value {
	if pyval.Truth(username) && pyval.Truth(password) {
		t.user = username
		return resSuccess
	}
	return resFailure
}

// TicketGetLoginStatus is ticket_get_login_status.
func (t *TicketAPI) TicketGetLoginStatus() pyval.Value {
	if pyval.Truth(t.user) {
		return resLoggedIn
	}
	return resLoggedOut
}

// Logout is logout.
func (t *TicketAPI) Logout() pyval.Value {
	if pyval.Truth(t.user) {
		t.user = nil
		return resSuccess
	}
	return resFailure
}

// GetUserTickets is get_user_tickets: the current user's tickets, those
// with the given status (compared case-insensitively) when status is not
// empty. The reference returns a list, which the executor prints with
// str().
func (t *TicketAPI) GetUserTickets(status pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(t.user) {
		return []pyval.Value{errTicketsAuth}, nil
	}
	out := []pyval.Value{}
	for _, tk := range t.queue {
		by, err := item(tk, keyCreatedBy)
		if err != nil {
			return nil, err
		}
		if equal(by, t.user) {
			out = append(out, tk)
		}
	}
	if !pyval.Truth(status) {
		return out, nil
	}
	filtered := []pyval.Value{}
	for _, tk := range out {
		s, err := item(tk, keyStatus)
		if err != nil {
			return nil, err
		}
		ls, err := lower(s)
		if err != nil {
			return nil, err
		}
		want, err := lower(status)
		if err != nil {
			return nil, err
		}
		if ls == want {
			filtered = append(filtered, tk)
		}
	}
	return filtered, nil
}
