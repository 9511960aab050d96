package travel

import (
	"fmt"
	"sync"
	"unsafe"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// The long-context variant adds CREDIT_CARD_EXTENSION's cards and
// BOOKING_RECORD_EXTENSION's bookings to every instance, and book_flight
// then answers with the whole booking record. The constants are read
// once per loaded data folder into an extension that instances share:
//
//   - The booking records are shared as they are: no method changes a
//     booking record in place (book_flight adds new ones, cancel_booking
//     deletes them from the instance's own dict). Their json.dumps text is
//     made once, so that book_flight writes the history's run of
//     extension records as one piece instead of encoding every record.
//   - The cards are shared until a method changes one: the first balance
//     change on an instance replaces the shared card there with its own
//     copy (see API.ownCard), so each instance behaves as if it had its
//     own copies from the start.

// extension is the long-context constants of one loaded data folder.
type extension struct {
	// version identifies the data they were read from: the first byte of
	// bfcl.ConstantJSON's rendering of CREDIT_CARD_EXTENSION, which the
	// framework makes once per loaded data folder.
	version *byte

	cards    *pyval.Dict          // CREDIT_CARD_EXTENSION: never changed
	bookings *pyval.Dict          // BOOKING_RECORD_EXTENSION: never changed
	shared   map[*pyval.Dict]bool // the card dicts of cards

	// The booking records in order, with the json.dumps text of the
	// items of bookings ("id": {...}, "id": {...}, ...): item i starts at
	// itemAt[i], and the text of items i to j-1 is
	// items[itemAt[i]:itemAt[j]-2] (less the separator). recs is nil when
	// json.dumps fails on an item or a key is not a str.
	keys   []string
	recs   []*pyval.Dict
	items  []byte
	itemAt []int
	index  map[*pyval.Dict]int // position in recs
}

var (
	extMu  sync.Mutex
	extNow *extension
)

// loadExtension returns the extension of the constants now loaded,
// reading them when they changed since the last call.
func loadExtension() (*extension, error) {
	raw, err := bfcl.ConstantJSON("CREDIT_CARD_EXTENSION")
	if err != nil {
		return nil, fmt.Errorf("travel: %w", err)
	}
	version := unsafe.SliceData(raw)
	extMu.Lock()
	defer extMu.Unlock()
	if extNow != nil && extNow.version == version {
		return extNow, nil
	}
	cards, err := constantDict("CREDIT_CARD_EXTENSION")
	if err != nil {
		return nil, err
	}
	bookings, err := constantDict("BOOKING_RECORD_EXTENSION")
	if err != nil {
		return nil, err
	}
	x := &extension{
		version:  version,
		cards:    cards,
		bookings: bookings,
		shared:   make(map[*pyval.Dict]bool, cards.Len()),
	}
	cards.Items(func(_, v pyval.Value) bool {
		if d, ok := v.(*pyval.Dict); ok {
			x.shared[d] = true
		}
		return true
	})
	x.renderBookings()
	extNow = x
	return x, nil
}

// renderBookings makes the text of the booking records, when json.dumps
// renders every item and every key is a str.
func (x *extension) renderBookings() {
	ok := true
	x.bookings.Items(func(k, v pyval.Value) bool {
		key, isStr := k.(string)
		rec, isDict := v.(*pyval.Dict)
		if !isStr || !isDict {
			ok = false
			return false
		}
		if len(x.keys) > 0 {
			x.items = append(x.items, ", "...)
		}
		x.itemAt = append(x.itemAt, len(x.items))
		x.items, _ = pyval.AppendJSON(x.items, key, true)
		x.items = append(x.items, ": "...)
		var err error
		if x.items, err = pyval.AppendJSON(x.items, rec, true); err != nil {
			ok = false
			return false
		}
		x.keys = append(x.keys, key)
		x.recs = append(x.recs, rec)
		return true
	})
	x.itemAt = append(x.itemAt, len(x.items)+2)
	if !ok {
		x.keys, x.recs, x.items, x.itemAt = nil, nil, nil, nil
		return
	}
	x.index = make(map[*pyval.Dict]int, len(x.recs))
	for i, r := range x.recs {
		x.index[r] = i
	}
}

// constantDict returns a long-context constant that must be a dict.
func constantDict(name string) (*pyval.Dict, error) {
	v, err := bfcl.Constant(name)
	if err != nil {
		return nil, fmt.Errorf("travel: %w", err)
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		return nil, fmt.Errorf("travel: long-context constant %s is not a dict", name)
	}
	return d, nil
}

// withRoom returns a new dict of the items of d (their values deep
// copies when deep is set) followed by those of ext (which may be nil)
// whose keys d does not have, with room for extra more items: what the
// long-context variant merges, built at its size in one go.
func withRoom(d, ext *pyval.Dict, deep bool, extra int) *pyval.Dict {
	n := d.Len() + extra
	if ext != nil {
		n += ext.Len()
	}
	m := pyval.NewDict()
	m.Grow(n)
	d.Items(func(k, v pyval.Value) bool {
		if deep {
			v = pyval.DeepCopy(v)
		}
		m.Set(k, v)
		return true
	})
	if ext != nil {
		ext.Items(func(k, v pyval.Value) bool {
			if !d.Has(k) {
				m.Set(k, v)
			}
			return true
		})
	}
	return m
}

// ownCard returns the card dict v (a value of credit_card_list under key
// id) ready to change: when it is one the extension shares, the instance
// gets its own copy first.
func (a *API) ownCard(id pyval.Value, v pyval.Value) (*pyval.Dict, bool) {
	card, ok := v.(*pyval.Dict)
	if !ok {
		return nil, false
	}
	if a.ext != nil && a.ext.shared[card] {
		card = card.Clone()
		a.creditCards.Set(id, card)
	}
	return card, true
}

// historySize estimates the length of historyJSON's text.
func (a *API) historySize() int {
	// The extension's records are written from their text; about 200
	// bytes for each other one (book_flight's records are 170 to 190).
	n := a.bookings.Len()
	size := 2
	if x := a.ext; x != nil && x.recs != nil {
		size += len(x.items)
		n = max(0, n-len(x.recs))
	}
	return size + 200*n
}

// historyJSON appends json.dumps(booking_record) to b, runs of the
// extension's records from their text; ok is false when json.dumps fails
// on it.
func (a *API) historyJSON(b []byte) (_ []byte, ok bool) {
	if a.bookings.Len() == 0 {
		return append(b, "{}"...), true
	}
	var x *extension
	if a.ext != nil && a.ext.recs != nil {
		x = a.ext
	}
	b = append(b, '{')
	ok = true
	n := 0             // items written
	from, to := -1, -1 // the run of extension items not written yet
	a.bookings.Items(func(k, v pyval.Value) bool {
		key, isStr := k.(string)
		if !isStr {
			ok = false // json.dumps converts other keys: leave it to json.dumps
			return false
		}
		if rec, isDict := v.(*pyval.Dict); isDict && x != nil {
			if to >= 0 && to < len(x.recs) && x.recs[to] == rec && x.keys[to] == key {
				to++
				n++
				return true
			}
			if i, have := x.index[rec]; have && x.keys[i] == key {
				if from >= 0 {
					b = append(b, x.items[x.itemAt[from]:x.itemAt[to]-2]...)
				}
				if n > 0 {
					b = append(b, ", "...)
				}
				from, to = i, i+1
				n++
				return true
			}
		}
		if from >= 0 {
			b = append(b, x.items[x.itemAt[from]:x.itemAt[to]-2]...)
			from, to = -1, -1
		}
		if n > 0 {
			b = append(b, ", "...)
		}
		n++
		b = appendKey(b, key)
		b = append(b, ": "...)
		var err error
		if b, err = appendJSON(b, v); err != nil {
			ok = false
			return false
		}
		return true
	})
	if !ok {
		return b, false
	}
	if from >= 0 {
		b = append(b, x.items[x.itemAt[from]:x.itemAt[to]-2]...)
	}
	return append(b, '}'), true
}

// appendKey appends a str as json.dumps writes it.
func appendKey(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			b, _ = pyval.AppendJSON(b, s, true) // a str always encodes
			return b
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// renderInvoice renders retrieve_invoice's result, {"invoice":
// {"booking_id": id, field: value, ...}} with the invoiceFields, as
// json.dumps does, or returns the dict when json.dumps fails on it.
func renderInvoice(bookingID pyval.Value, vals []pyval.Value) pyval.Value {
	b := make([]byte, 0, 256)
	b = append(b, `{"invoice": {"booking_id": `...)
	b, err := appendJSON(b, bookingID)
	for i := 0; i < len(vals) && err == nil; i++ {
		b = append(b, ", "...)
		b = append(b, invoiceKeys[i]...)
		b, err = appendJSON(b, vals[i])
	}
	if err != nil {
		kv := []pyval.Value{"booking_id", bookingID}
		for i, f := range invoiceFields {
			kv = append(kv, f, vals[i])
		}
		return pyval.DictOf("invoice", pyval.DictOf(kv...)) // the executor shows str()
	}
	return bfcl.BytesResult(append(b, "}}"...))
}

// invoiceKeys are the invoice fields as json.dumps writes them, with the
// separator after them.
var invoiceKeys = func() (keys [len(invoiceFields)]string) {
	for i, f := range invoiceFields {
		keys[i] = string(appendKey(nil, f)) + ": "
	}
	return keys
}()

// bytesString returns b as a string without copying it, as
// strings.Builder does; b must not change afterwards.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
