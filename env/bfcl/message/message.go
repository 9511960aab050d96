// Package message re-implements BFCL's MessageAPI (the reference's
// message_api.py): a workspace of users who log in, send messages, delete
// the latest message to someone, search and count messages, and add
// contacts. Message ids come from a CPython-equivalent random.Random
// seeded as the reference seeds it, so the ids a model sees are the ones
// the ground truth quotes. Every method returns the dict the reference
// returns, key for key, and fails with the exception text CPython would
// raise for arguments of the wrong type.
//
// The class registers itself as "MessageAPI" with package bfcl.
package message

import (
	"fmt"
	"slices"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name.
const ClassName = "MessageAPI"

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return &API{} }) // unloaded: Env loads it
}

// defaultSeed seeds the id generator when the scenario gives no
// random_seed.
const defaultSeed = int64(200191)

// API is one MessageAPI instance.
type API struct {
	// gen is the random.Random the ids come from.
	gen idStream

	// ids is the reference's generated_ids when it is the set the
	// instance made itself (the scenario gave none): the ids drawn so far,
	// distinct, in drawing order. The set is built only for State.
	ids    []int64
	idsBuf [4]int64 // ids' first backing array
	// generatedIDs, when not nil, is the generated_ids the scenario gave
	// instead (a JSON list, which fails on the first add, as in the
	// reference); ids is then unused.
	generatedIDs pyval.Value
	userCount    int64
	userMap      *pyval.Dict
	// mapShared reports that userMap is not the instance's own (it is the
	// scenario's, or the default map shared by all instances): the first
	// add_contact copies it.
	mapShared bool
	// inbox holds single-item dicts {receiver_id: message}. The dicts are
	// never changed after they are added, so clones share them.
	inbox        []pyval.Value
	messageCount int64
	currentUser  pyval.Value
}

// New returns an instance in the reference's default scenario.
func New() *API {
	a := &API{}
	if err := a.Load(pyval.NewDict(), false); err != nil {
		panic(err) // the default scenario always loads
	}
	return a
}

// Name implements bfcl.Class.
func (a *API) Name() string { return ClassName }

// defaultUserMap and defaultInbox are the reference's default scenario,
// built once and shared by the instances: the user map is copied before
// its first change, the inbox's list at Load, and the message dicts are
// never changed.
var (
	defaultUserMap = pyval.DictOf("Alice", "USR001", "Bob", "USR002", "Catherine", "USR003", "Daniel", "USR004")
	defaultInbox   = []pyval.Value{
		pyval.DictOf("USR002", "My name is Alice. I want to connect."),
		pyval.DictOf("USR003", "Could you upload the file?"),
		pyval.DictOf("USR004", "Could you upload the file?"),
	}
)

// CopiesConfig implements bfcl.ConfigCopier: Load leaves its config
// unchanged. Of what the instance keeps, the methods change only the user
// map (add_contact, which copies it first), the inbox's list (copied at
// Load) and a generated_ids set (copied at Load); they replace every
// other attribute and change no message dict.
func (*API) CopiesConfig() {}

// Load implements bfcl.Class: it sets the scenario as the reference's
// _load_scenario does. user_count and message_count must be ints,
// user_map a dict and inbox a list (the reference's methods assume so);
// other types are an error.
func (a *API) Load(config *pyval.Dict, longContext bool) error {
	get := func(key string) (pyval.Value, bool) { return config.Get(key) }
	var err error
	a.gen = idStream{} // seeded with defaultSeed
	if v, ok := get("random_seed"); ok {
		if a.gen.rng, err = newRandom(v); err != nil {
			return err
		}
	}
	a.ids, a.generatedIDs = a.idsBuf[:0], nil
	if v, ok := get("generated_ids"); ok {
		switch x := v.(type) {
		case nil:
			v = none{} // a given None stays apart from "none given"
		case *pyval.Set:
			v = x.Clone() // generateID adds to it
		}
		a.generatedIDs = v
	}
	a.userCount = 4
	if v, ok := get("user_count"); ok {
		if a.userCount, err = intAttr("user_count", v); err != nil {
			return err
		}
	}
	if v, ok := get("user_map"); ok {
		d, isDict := v.(*pyval.Dict)
		if !isDict {
			return fmt.Errorf("message: user_map is a %s, not a dict", pyval.TypeName(v))
		}
		a.userMap = d
	} else {
		a.userMap = defaultUserMap
	}
	a.mapShared = true
	if v, ok := get("inbox"); ok {
		l, isList := v.([]pyval.Value)
		if !isList {
			return fmt.Errorf("message: inbox is a %s, not a list", pyval.TypeName(v))
		}
		a.inbox = withRoom(l)
	} else {
		a.inbox = withRoom(defaultInbox)
	}
	a.messageCount = 3
	if v, ok := get("message_count"); ok {
		if a.messageCount, err = intAttr("message_count", v); err != nil {
			return err
		}
	}
	a.currentUser = nil
	if v, ok := get("current_user"); ok {
		a.currentUser = v
	}
	return nil
}

// inboxRoom is the room Load leaves in the inbox for the messages a test
// entry sends.
const inboxRoom = 8

// withRoom returns l in a backing array with room for inboxRoom more
// items, so that the first sends do not copy the inbox.
func withRoom(l []pyval.Value) []pyval.Value {
	return append(make([]pyval.Value, 0, len(l)+inboxRoom), l...)
}

func intAttr(name string, v pyval.Value) (int64, error) {
	n, ok := v.(int64)
	if !ok {
		return 0, fmt.Errorf("message: %s is a %s, not an int", name, pyval.TypeName(v))
	}
	return n, nil
}

// newRandom seeds random.Random as the reference does with the scenario's
// random_seed.
func newRandom(seed pyval.Value) (*pyval.Random, error) {
	r := new(pyval.Random)
	if err := r.Seed(seed); err != nil {
		return nil, fmt.Errorf("%s: random_seed: %w", "message", err)
	}
	return r, nil
}

// State implements bfcl.Class: the public attributes in the order of the
// reference's vars(). Containers are copied; the message dicts inside the
// inbox are shared, as nothing changes them.
func (a *API) State() *pyval.Dict {
	d := pyval.NewDict()
	if a.generatedIDs != nil {
		d.Set("generated_ids", pyval.DeepCopy(a.generatedIDsValue()))
	} else {
		d.Set("generated_ids", a.generatedIDsValue())
	}
	d.Set("user_count", a.userCount)
	d.Set("user_map", a.userMap.Clone())
	d.Set("inbox", append([]pyval.Value{}, a.inbox...))
	d.Set("message_count", a.messageCount)
	d.Set("current_user", a.currentUser)
	return d
}

// StateEqual implements bfcl.StateComparer: the attributes State lists,
// compared without copying them.
func (a *API) StateEqual(other bfcl.Class) bool {
	o, ok := other.(*API)
	return ok && a.sameGeneratedIDs(o) &&
		pyval.Equal(a.userCount, o.userCount) &&
		pyval.Equal(a.userMap, o.userMap) &&
		pyval.Equal(a.inbox, o.inbox) &&
		pyval.Equal(a.messageCount, o.messageCount) &&
		pyval.Equal(a.currentUser, o.currentUser)
}

// Clone implements bfcl.Class.
func (a *API) Clone() bfcl.Class {
	c := *a
	c.gen = a.gen.clone()
	c.ids = append([]int64(nil), a.ids...)
	c.generatedIDs = pyval.DeepCopy(a.generatedIDs)
	c.userMap, c.mapShared = a.userMap.Clone(), false
	c.inbox = append([]pyval.Value(nil), a.inbox...)
	return &c
}

// none stands for a generated_ids of None given by the scenario.
type none struct{}

// generatedIDsValue returns generated_ids as the reference holds it: the
// scenario's value, or a new set of the ids drawn.
func (a *API) generatedIDsValue() pyval.Value {
	switch v := a.generatedIDs.(type) {
	case nil:
		s := pyval.NewSet()
		for _, id := range a.ids {
			s.Add(id)
		}
		return s
	case none:
		return nil
	default:
		return v
	}
}

// sameGeneratedIDs reports whether generated_ids equals o's (Python ==).
func (a *API) sameGeneratedIDs(o *API) bool {
	if a.generatedIDs != nil || o.generatedIDs != nil {
		return pyval.Equal(a.generatedIDsValue(), o.generatedIDsValue())
	}
	if len(a.ids) != len(o.ids) {
		return false
	}
	for _, id := range a.ids { // both hold distinct ids
		if !slices.Contains(o.ids, id) {
			return false
		}
	}
	return true
}
