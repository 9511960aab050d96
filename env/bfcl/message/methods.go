package message

import (
	"slices"
	"strconv"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// Methods implements bfcl.Class: the reference's public methods, with
// their parameters in signature order.
func (a *API) Methods() []bfcl.Method { return bfcl.Bound(a, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*API) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	req := bfcl.Req
	m := func(name string, call func(*API, []pyval.Value) (pyval.Value, error), params ...bfcl.Param) bfcl.Method {
		return bfcl.Method{Name: name, Params: params, Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { return call(c.(*API), v) }}
	}
	return []bfcl.Method{
		m("list_users", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.ListUsers(), nil }),
		m("get_user_id", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.UserID(v[0]) }, req("user")),
		m("message_login", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Login(v[0]), nil }, req("user_id")),
		m("message_get_login_status", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.LoginStatus(), nil }),
		m("send_message", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.SendMessage(v[0], v[1]) }, req("receiver_id"), req("message")),
		m("delete_message", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.DeleteMessage(v[0]) }, req("receiver_id")),
		m("view_messages_sent", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.ViewMessagesSent() }),
		m("add_contact", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.AddContact(v[0]) }, req("user_name")),
		m("search_messages", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.SearchMessages(v[0]) }, req("keyword")),
		m("get_message_stats", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.MessageStats() }),
	}
})

func dict(kv ...pyval.Value) *pyval.Dict {
	return pyval.DictOf(kv[:len(kv)&^1]...)
}

func errDict(msg string) *pyval.Dict { return dict("error", msg) }

// notLoggedIn is the reference's error when no user is logged in.
const notLoggedIn = "No user is currently logged in."

// errNotLoggedIn is the result for notLoggedIn, built once: results are
// only read (the executor renders them at once).
var errNotLoggedIn = errDict(notLoggedIn)

// checkHashable fails as Python does when v cannot be a dict key.
func checkHashable(v pyval.Value) error {
	if _, ok := v.(string); ok || pyval.Hashable(v) {
		return nil
	}
	return pyval.TypeError("unhashable type: '" + pyval.TypeName(v) + "'")
}

func noAttribute(v pyval.Value, attr string) error {
	return pyval.Exc("AttributeError", "'"+pyval.TypeName(v)+"' object has no attribute '"+attr+"'")
}

// hasValue reports whether some value of d equals v (Python's v in
// d.values()).
func hasValue(d *pyval.Dict, v pyval.Value) bool {
	found := false
	d.Items(func(_, x pyval.Value) bool {
		found = pyval.Equal(x, v)
		return !found
	})
	return found
}

// firstItem is list(message.items())[0] for one inbox entry.
func firstItem(message pyval.Value) (k, v pyval.Value, err error) {
	d, ok := message.(*pyval.Dict)
	if !ok {
		return nil, nil, noAttribute(message, "items")
	}
	if d.Len() == 0 {
		return nil, nil, pyval.IndexError("list index out of range")
	}
	d.Items(func(key, val pyval.Value) bool {
		k, v = key, val
		return false
	})
	return k, v, nil
}

// ListUsers is list_users(): the user names.
func (a *API) ListUsers() *pyval.Dict {
	return dict("user_list", a.userMap.Keys())
}

// UserID is get_user_id(user).
func (a *API) UserID(user pyval.Value) (pyval.Value, error) {
	if err := checkHashable(user); err != nil {
		return nil, err
	}
	id, ok := a.userMap.Get(user)
	if !ok {
		return errDict("User '" + pyval.Str(user) + "' not found in the workspace."), nil
	}
	return dict("user_id", id), nil
}

// Login is message_login(user_id): it logs in a user known by id.
func (a *API) Login(userID pyval.Value) *pyval.Dict {
	if !hasValue(a.userMap, userID) {
		return dict("login_status", false, "message", "User ID '"+pyval.Str(userID)+"' not found.")
	}
	a.currentUser = userID
	return dict("login_status", true, "message", "User '"+pyval.Str(userID)+"' logged in successfully.")
}

// LoginStatus is message_get_login_status().
func (a *API) LoginStatus() *pyval.Dict {
	return dict("login_status", pyval.Truth(a.currentUser))
}

// generateID is the reference's _generate_id: a five-digit id not drawn
// before.
func (a *API) generateID() (pyval.Value, error) {
	id := a.rng.RandInt(10000, 99999)
	for a.idUsed(id) {
		id = a.rng.RandInt(10000, 99999)
	}
	switch ids := a.generatedIDs.(type) {
	case nil:
		a.ids = append(a.ids, id)
	case *pyval.Set: // a Go caller's scenario may hold a set
		ids.Add(id)
	default:
		return nil, noAttribute(a.generatedIDsValue(), "add")
	}
	return dict("new_id", id), nil
}

func (a *API) idUsed(id int64) bool {
	switch ids := a.generatedIDs.(type) {
	case nil:
		return slices.Contains(a.ids, id)
	case *pyval.Set:
		return ids.Has(id)
	case []pyval.Value:
		for _, x := range ids {
			if pyval.Equal(x, id) {
				return true
			}
		}
	case pyval.Tuple:
		for _, x := range ids {
			if pyval.Equal(x, id) {
				return true
			}
		}
	case *pyval.Dict:
		_, ok := ids.Get(id)
		return ok
	}
	return false
}

// SendMessage is send_message(receiver_id, message): the logged-in user
// sends a message to a known user id.
func (a *API) SendMessage(receiverID, message pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return errNotLoggedIn, nil
	}
	if !hasValue(a.userMap, receiverID) {
		return errDict("Receiver ID '" + pyval.Str(receiverID) + "' not found."), nil
	}
	id, err := a.generateID()
	if err != nil {
		return nil, err
	}
	if err := checkHashable(receiverID); err != nil {
		return nil, err
	}
	a.inbox = append(a.inbox, dict(receiverID, message))
	a.messageCount++
	return dict("sent_status", true, "message_id", id, "message", "Message sent to '"+pyval.Str(receiverID)+"' successfully."), nil
}

// DeleteMessage is delete_message(receiver_id): it deletes the latest
// message to the receiver. As in the reference, the inbox entry removed
// is the first one equal to that latest message.
func (a *API) DeleteMessage(receiverID pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return errNotLoggedIn, nil
	}
	for i := len(a.inbox) - 1; i >= 0; i-- {
		msg := a.inbox[i]
		receiver, _, err := firstItem(msg)
		if err != nil {
			return nil, err
		}
		if !pyval.Equal(receiver, receiverID) {
			continue
		}
		a.remove(msg)
		return dict(
			"deleted_status", true,
			"receiver_id", receiver,
			"message", "Receiver "+pyval.Str(receiverID)+"'s latest message deleted successfully.",
		), nil
	}
	return errDict("Receiver ID " + pyval.Str(receiverID) + " not found."), nil
}

// remove is list.remove: it deletes the first entry equal to msg.
func (a *API) remove(msg pyval.Value) {
	for j, x := range a.inbox {
		if same(x, msg) || pyval.Equal(x, msg) {
			// In place: no other slice shares the inbox's array (Load,
			// Clone and State copy it).
			n := len(a.inbox) - 1
			copy(a.inbox[j:], a.inbox[j+1:])
			a.inbox[n] = nil
			a.inbox = a.inbox[:n]
			return
		}
	}
}

// same reports identity for the inbox's dicts, which list.remove checks
// before equality.
func same(x, y pyval.Value) bool {
	dx, ok1 := x.(*pyval.Dict)
	dy, ok2 := y.(*pyval.Dict)
	return ok1 && ok2 && dx == dy
}

// ViewMessagesSent is view_messages_sent(): the messages grouped by
// receiver, in inbox order.
func (a *API) ViewMessagesSent() (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return errNotLoggedIn, nil
	}
	if sent, ok := a.sentByStrReceiver(); ok {
		return dict("messages", sent), nil
	}
	sent := pyval.NewDict()
	for _, msg := range a.inbox {
		receiver, content, err := firstItem(msg)
		if err != nil {
			return nil, err
		}
		if l, ok := sent.Get(receiver); ok {
			sent.Set(receiver, append(l.([]pyval.Value), content))
		} else {
			sent.Set(receiver, []pyval.Value{content})
		}
	}
	return dict("messages", sent), nil
}

// sentByStrReceiver is view_messages_sent's grouping for the usual inbox,
// whose receivers are all str: the first pass finds each message's group,
// the second lays the groups' lists out in one array, and the dict is
// built at its size. It reports false, leaving the work to the general
// code, for any other inbox.
func (a *API) sentByStrReceiver() (*pyval.Dict, bool) {
	var groupBuf [16]int
	group := groupBuf[:0] // the group of each message
	var nameBuf [8]string
	names := nameBuf[:0] // each group's receiver
	var kvBuf [16]pyval.Value
	kv := kvBuf[:0] // each group's receiver and, later, list
	var sizeBuf [8]int
	size := sizeBuf[:0] // each group's number of messages
	for _, msg := range a.inbox {
		d, ok := msg.(*pyval.Dict)
		if !ok || d.Len() == 0 {
			return nil, false
		}
		receiver, _, _ := firstItem(d)
		name, ok := receiver.(string)
		if !ok {
			return nil, false
		}
		g := slices.Index(names, name)
		if g < 0 {
			g = len(names)
			names = append(names, name)
			kv = append(kv, receiver, nil)
			size = append(size, 0)
		}
		size[g]++
		group = append(group, g)
	}
	all := make([]pyval.Value, len(a.inbox))
	var listBuf [8][]pyval.Value
	lists := listBuf[:0]
	at := 0
	for _, n := range size {
		lists = append(lists, all[at:at:at+n])
		at += n
	}
	for i, msg := range a.inbox {
		_, content, _ := firstItem(msg)
		lists[group[i]] = append(lists[group[i]], content)
	}
	for g, l := range lists {
		kv[2*g+1] = l
	}
	return pyval.DictOf(kv...), true
}

// AddContact is add_contact(user_name): a new user with the next id
// (USR005, ...). As in the reference, the user count grows even when the
// new id turns out to be taken.
func (a *API) AddContact(userName pyval.Value) (pyval.Value, error) {
	if err := checkHashable(userName); err != nil {
		return nil, err
	}
	if _, ok := a.userMap.Get(userName); ok {
		return errDict("User name '" + pyval.Str(userName) + "' already exists."), nil
	}
	a.userCount++
	userID := "USR" + zfill(strconv.FormatInt(a.userCount, 10), 3)
	if hasValue(a.userMap, userID) {
		return errDict("User ID '" + userID + "' already exists."), nil
	}
	a.userMap.Set(userName, userID)
	return dict("added_status", true, "user_id", userID, "message", "Contact '"+pyval.Str(userName)+"' added successfully."), nil
}

// SearchMessages is search_messages(keyword): the messages containing the
// keyword, case-insensitively.
func (a *API) SearchMessages(keyword pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return errNotLoggedIn, nil
	}
	kw, ok := keyword.(string)
	if !ok {
		return nil, noAttribute(keyword, "lower")
	}
	kw = lower(kw)
	results := []pyval.Value{}
	for _, msg := range a.inbox {
		receiver, content, err := firstItem(msg)
		if err != nil {
			return nil, err
		}
		s, ok := content.(string)
		if !ok {
			return nil, noAttribute(content, "lower")
		}
		if containsLower(s, kw) {
			results = append(results, dict("receiver_id", receiver, "message", content))
		}
	}
	return dict("results", results), nil
}

// MessageStats is get_message_stats(): how many messages the inbox holds
// and to how many distinct receivers.
func (a *API) MessageStats() (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return errNotLoggedIn, nil
	}
	contacts := pyval.NewSet()
	received := int64(0)
	for _, msg := range a.inbox {
		receiver, _, err := firstItem(msg)
		if err != nil {
			return nil, err
		}
		received++
		contacts.Add(receiver)
	}
	return dict("stats", dict("received_count", received, "total_contacts", int64(contacts.Len()))), nil
}
