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

// notLoggedIn is the reference's error when no user is logged in.
const notLoggedIn = "No user is currently logged in."

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
	if s, ok := v.(string); ok { // a str equals only a str
		d.Items(func(_, x pyval.Value) bool {
			if xs, ok := x.(string); ok {
				found = xs == s
			} else {
				found = pyval.Equal(x, v)
			}
			return !found
		})
		return found
	}
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

// strReceiver returns the receiver of an inbox entry that is a non-empty
// dict whose first key is a str, the usual entry.
func strReceiver(message pyval.Value) (string, bool) {
	d, ok := message.(*pyval.Dict)
	if !ok || d.Len() == 0 {
		return "", false
	}
	k, _, _ := firstItem(d)
	s, ok := k.(string)
	return s, ok
}

// ListUsers is list_users(): the user names.
func (a *API) ListUsers() pyval.Value {
	var buf [renderBuf]byte
	b := append(buf[:0], `{"user_list": [`...)
	ok := true
	a.userMap.Items(func(k, _ pyval.Value) bool {
		if len(b) > len(`{"user_list": [`) {
			b = append(b, ", "...)
		}
		b, ok = appendJSON(b, k)
		return ok
	})
	if !ok {
		return dict("user_list", a.userMap.Keys())
	}
	return bfcl.JSONResult(append(b, "]}"...))
}

// UserID is get_user_id(user).
func (a *API) UserID(user pyval.Value) (pyval.Value, error) {
	if err := checkHashable(user); err != nil {
		return nil, err
	}
	id, ok := a.userMap.Get(user)
	if !ok {
		return errResult("User '", user, "' not found in the workspace."), nil
	}
	var buf [renderBuf]byte
	b, ok := appendJSON(append(buf[:0], `{"user_id": `...), id)
	if !ok {
		return dict("user_id", id), nil
	}
	return bfcl.JSONResult(append(b, '}')), nil
}

// Login is message_login(user_id): it logs in a user known by id.
func (a *API) Login(userID pyval.Value) pyval.Value {
	if !hasValue(a.userMap, userID) {
		return textResult2(`{"login_status": false, "message": "User ID '`, userID, `' not found."}`)
	}
	a.currentUser = userID
	return textResult2(`{"login_status": true, "message": "User '`, userID, `' logged in successfully."}`)
}

// textResult2 renders prefix + str(v) + suffix, where prefix opens a JSON
// str that suffix closes.
func textResult2(prefix string, v pyval.Value, suffix string) bfcl.JSONResult {
	var buf [renderBuf]byte
	b := appendStr(append(buf[:0], prefix...), v)
	return bfcl.JSONResult(append(b, suffix...))
}

// LoginStatus is message_get_login_status().
func (a *API) LoginStatus() pyval.Value {
	if pyval.Truth(a.currentUser) {
		return resLoggedIn
	}
	return resLoggedOut
}

// generateID is the reference's _generate_id: a five-digit id not drawn
// before (the reference returns it as {"new_id": id}).
func (a *API) generateID() (int64, error) {
	id := a.gen.next()
	for a.idUsed(id) {
		id = a.gen.next()
	}
	switch ids := a.generatedIDs.(type) {
	case nil:
		a.ids = append(a.ids, id)
	case *pyval.Set: // a Go caller's scenario may hold a set
		ids.Add(id)
	default:
		return 0, noAttribute(a.generatedIDsValue(), "add")
	}
	return id, nil
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
		return resNotLoggedIn, nil
	}
	if !hasValue(a.userMap, receiverID) {
		return errResult("Receiver ID '", receiverID, "' not found."), nil
	}
	id, err := a.generateID()
	if err != nil {
		return nil, err
	}
	if err := checkHashable(receiverID); err != nil {
		return nil, err
	}
	a.inbox = append(a.inbox, pyval.DictOf(receiverID, message))
	a.messageCount++
	var buf [renderBuf]byte
	b := append(buf[:0], `{"sent_status": true, "message_id": {"new_id": `...)
	b = strconv.AppendInt(b, id, 10)
	b = append(b, `}, "message": "Message sent to '`...)
	b = appendStr(b, receiverID)
	return bfcl.JSONResult(append(b, `' successfully."}`...)), nil
}

// DeleteMessage is delete_message(receiver_id): it deletes the latest
// message to the receiver. As in the reference, the inbox entry removed
// is the first one equal to that latest message.
func (a *API) DeleteMessage(receiverID pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return resNotLoggedIn, nil
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
		var buf [renderBuf]byte
		b, ok := appendJSON(append(buf[:0], `{"deleted_status": true, "receiver_id": `...), receiver)
		if !ok {
			return dict(
				"deleted_status", true,
				"receiver_id", receiver,
				"message", "Receiver "+pyval.Str(receiverID)+"'s latest message deleted successfully.",
			), nil
		}
		b = append(b, `, "message": "Receiver `...)
		b = appendStr(b, receiverID)
		return bfcl.JSONResult(append(b, `'s latest message deleted successfully."}`...)), nil
	}
	return errResult("Receiver ID ", receiverID, " not found."), nil
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
		return resNotLoggedIn, nil
	}
	if r, ok := a.renderSent(); ok {
		return r, nil
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

// renderSent renders view_messages_sent's result for the usual inbox,
// whose receivers are all str and whose messages json.dumps encodes: the
// receivers in the order they first appear, each with its messages in
// inbox order. It reports false, leaving the work to the general code,
// for any other inbox.
func (a *API) renderSent() (bfcl.JSONResult, bool) {
	var nameBuf [8]string
	names := nameBuf[:0] // the receivers, distinct, in order
	for _, msg := range a.inbox {
		name, ok := strReceiver(msg)
		if !ok {
			return "", false
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	var buf [renderBuf]byte
	b := append(buf[:0], `{"messages": {`...)
	for g, name := range names {
		if g > 0 {
			b = append(b, ", "...)
		}
		b = appendQuoted(b, name)
		b = append(b, ": ["...)
		first := true
		for _, msg := range a.inbox {
			d := msg.(*pyval.Dict)
			if r, _ := strReceiver(d); r != name {
				continue
			}
			if !first {
				b = append(b, ", "...)
			}
			first = false
			_, content, _ := firstItem(d)
			var ok bool
			if b, ok = appendJSON(b, content); !ok {
				return "", false
			}
		}
		b = append(b, ']')
	}
	return bfcl.JSONResult(append(b, "}}"...)), true
}

// AddContact is add_contact(user_name): a new user with the next id
// (USR005, ...). As in the reference, the user count grows even when the
// new id turns out to be taken.
func (a *API) AddContact(userName pyval.Value) (pyval.Value, error) {
	if err := checkHashable(userName); err != nil {
		return nil, err
	}
	if _, ok := a.userMap.Get(userName); ok {
		return errResult("User name '", userName, "' already exists."), nil
	}
	a.userCount++
	userID := "USR" + zfill(strconv.FormatInt(a.userCount, 10), 3)
	if hasValue(a.userMap, userID) {
		return errResult("User ID '", userID, "' already exists."), nil
	}
	if a.mapShared {
		a.userMap, a.mapShared = a.userMap.Copy(), false
	}
	a.userMap.Set(userName, userID)
	var buf [renderBuf]byte
	b := append(buf[:0], `{"added_status": true, "user_id": `...)
	b = appendQuoted(b, userID)
	b = append(b, `, "message": "Contact '`...)
	b = appendStr(b, userName)
	return bfcl.JSONResult(append(b, `' added successfully."}`...)), nil
}

// SearchMessages is search_messages(keyword): the messages containing the
// keyword, case-insensitively.
func (a *API) SearchMessages(keyword pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return resNotLoggedIn, nil
	}
	kw, ok := keyword.(string)
	if !ok {
		return nil, noAttribute(keyword, "lower")
	}
	kw = lower(kw)
	var buf [renderBuf]byte
	b := append(buf[:0], `{"results": [`...)
	first, rendered := true, true
	for _, msg := range a.inbox {
		receiver, content, err := firstItem(msg)
		if err != nil {
			return nil, err
		}
		s, ok := content.(string)
		if !ok {
			return nil, noAttribute(content, "lower")
		}
		if !rendered || !containsLower(s, kw) {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b, rendered = appendJSON(append(b, `{"receiver_id": `...), receiver)
		b = append(appendQuoted(append(b, `, "message": `...), s), '}')
	}
	if !rendered { // a receiver json.dumps rejects
		return dict("results", a.searchResults(kw)), nil
	}
	return bfcl.JSONResult(append(b, "]}"...)), nil
}

// searchResults is search_messages' list of results for the lowered
// keyword kw, over an inbox SearchMessages has checked.
func (a *API) searchResults(kw string) []pyval.Value {
	results := []pyval.Value{}
	for _, msg := range a.inbox {
		receiver, content, _ := firstItem(msg)
		if s := content.(string); containsLower(s, kw) {
			results = append(results, dict("receiver_id", receiver, "message", content))
		}
	}
	return results
}

// MessageStats is get_message_stats(): how many messages the inbox holds
// and to how many distinct receivers.
func (a *API) MessageStats() (pyval.Value, error) {
	if !pyval.Truth(a.currentUser) {
		return resNotLoggedIn, nil
	}
	var nameBuf [8]string
	names := nameBuf[:0]  // the str receivers, distinct
	var others *pyval.Set // the other receivers
	for _, msg := range a.inbox {
		receiver, _, err := firstItem(msg)
		if err != nil {
			return nil, err
		}
		if s, ok := receiver.(string); ok { // a str equals only a str
			if !slices.Contains(names, s) {
				names = append(names, s)
			}
			continue
		}
		if others == nil {
			others = pyval.NewSet()
		}
		others.Add(receiver)
	}
	contacts := len(names)
	if others != nil {
		contacts += others.Len()
	}
	var buf [renderBuf]byte
	b := append(buf[:0], `{"stats": {"received_count": `...)
	b = strconv.AppendInt(b, int64(len(a.inbox)), 10)
	b = append(b, `, "total_contacts": `...)
	b = strconv.AppendInt(b, int64(contacts), 10)
	return bfcl.JSONResult(append(b, "}}"...)), nil
}
