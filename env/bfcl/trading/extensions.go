package trading

import (
	"fmt"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// The long-context variant pads several results with long constant
// lists (the reference's long_context.py): 2,000 moving averages, 1,000
// transactions, 1,000 symbols. They never enter the state, so they are
// loaded once per process and rendered once; a result that carries them is
// a [Rendered], which holds the Python value the reference returns along
// with the text the executor shows for it, assembled from the pre-rendered
// pieces. This keeps a long-context call about as cheap as any other.

// Rendered is a method result delivered with its rendering: Text is what
// the reference's executor shows for Value (json.dumps of a dict, str() of
// a list), so bfcl.ResultString returns Text (through PyStr) without
// encoding the value again. Value is the result as a Python value; PyRepr
// and PyType report its repr and type.
type Rendered struct {
	Text  string
	value func() pyval.Value // the value, unless base is set
	typ   string
	// base, when set, is a dict whose copy with the raw items set is the
	// value (renderCached's results, built only when asked for).
	base *pyval.Dict
	raws [2]rawItem
	nraw int
}

// Value returns the result as a Python value.
func (r *Rendered) Value() pyval.Value {
	if r.base != nil {
		c := r.base.Copy()
		for _, ri := range r.raws[:r.nraw] {
			c.Set(ri.key, ri.value)
		}
		return c
	}
	return r.value()
}

// PyStr returns the executor's rendering of the result.
func (r *Rendered) PyStr() string { return r.Text }

// PyRepr implements pyval.Object: repr of the result.
func (r *Rendered) PyRepr() string { return pyval.Repr(r.Value()) }

// PyType reports the result's type name ("dict", "list").
func (r *Rendered) PyType() string { return r.typ }

// extensions holds the long-context constants and their renderings.
type extensions struct {
	ma5, ma20         []pyval.Value // MA_5_EXTENSION, MA_20_EXTENSION
	ma5V, ma20V       pyval.Value   // the same, boxed once
	ma5JSON, ma20JSON []byte
	tech, auto        *Rendered     // get_available_stocks of the two sectors
	txItems           []pyval.Value // TRANSACTION_HISTORY_EXTENSION
	txBody            []byte        // its items as JSON, between the brackets
	watchItems        []pyval.Value // WATCH_LIST_EXTENSION
	watchBody         string        // its items' repr, between the brackets

	details []detailTemplate // ORDER_DETAIL_EXTENSION
	missing string           // the first field other than symbol they name

	mu       sync.Mutex
	meta     map[string]metadata // by symbol text
	rendered map[string]string   // see renderCached
}

// detailTemplate is one ORDER_DETAIL_EXTENSION entry: the text split at
// its {symbol} fields.
type detailTemplate struct {
	key   string
	parts []string
}

// metadata is ORDER_DETAIL_EXTENSION formatted for one symbol.
type metadata struct {
	dict *pyval.Dict
	json []byte
}

// maxMetaCache bounds the metadata cache; symbols come from the stock
// table, so it is rarely reached.
const maxMetaCache = 1024

// maxRenderCache bounds the cache of rendered stock quotes and order
// details (a few KB to 32 KB each); it is emptied when full.
const maxRenderCache = 512

var (
	extMu     sync.Mutex
	extLoaded *extensions
)

// loadExtensions returns the process's long-context constants, loading
// them on first use.
func loadExtensions() (*extensions, error) {
	extMu.Lock()
	defer extMu.Unlock()
	if extLoaded != nil {
		return extLoaded, nil
	}
	e, err := buildExtensions()
	if err != nil {
		return nil, fmt.Errorf("trading: long-context constants: %w", err)
	}
	extLoaded = e
	return e, nil
}

func buildExtensions() (*extensions, error) {
	lists := map[string][]pyval.Value{}
	for _, name := range []string{"MA_5_EXTENSION", "MA_20_EXTENSION", "TECHNOLOGY_EXTENSION", "AUTOMOBILE_EXTENSION", "TRANSACTION_HISTORY_EXTENSION"} {
		v, err := bfcl.Constant(name)
		if err != nil {
			return nil, err
		}
		l, ok := v.([]pyval.Value)
		if !ok {
			return nil, fmt.Errorf("%s is a %s, not a list", name, pyval.TypeName(v))
		}
		lists[name] = l
	}
	e := &extensions{
		ma5:      lists["MA_5_EXTENSION"],
		ma20:     lists["MA_20_EXTENSION"],
		txItems:  lists["TRANSACTION_HISTORY_EXTENSION"],
		meta:     map[string]metadata{},
		rendered: map[string]string{},
	}
	var err error
	render := func(v pyval.Value) []byte {
		b, jerr := pyval.AppendJSON(nil, v, true)
		if jerr != nil && err == nil {
			err = jerr
		}
		return b
	}
	e.ma5V, e.ma20V = e.ma5, e.ma20
	e.ma5JSON = render(e.ma5)
	e.ma20JSON = render(e.ma20)
	tx := render(e.txItems)
	if err != nil {
		return nil, err
	}
	e.txBody = tx[1 : len(tx)-1]
	sector := func(base []pyval.Value, ext []pyval.Value) *Rendered {
		d := pyval.DictOf("stock_list", append(base, ext...))
		text, jerr := pyval.JSONDumps(d)
		if jerr != nil && err == nil {
			err = jerr
		}
		return &Rendered{Text: text, value: func() pyval.Value { return d }, typ: "dict"}
	}
	e.tech = sector([]pyval.Value{"AAPL", "GOOG", "MSFT", "NVDA"}, lists["TECHNOLOGY_EXTENSION"])
	e.auto = sector([]pyval.Value{"TSLA", "F", "GM"}, lists["AUTOMOBILE_EXTENSION"])
	if err != nil {
		return nil, err
	}

	if e.watchItems, err = watchListItems(); err != nil {
		return nil, err
	}
	r := pyval.Repr(e.watchItems)
	e.watchBody = r[1 : len(r)-1]

	v, err := bfcl.Constant("ORDER_DETAIL_EXTENSION")
	if err != nil {
		return nil, err
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		return nil, fmt.Errorf("ORDER_DETAIL_EXTENSION is a %s, not a dict", pyval.TypeName(v))
	}
	d.Items(func(k, v pyval.Value) bool {
		key, kok := k.(string)
		text, vok := v.(string)
		if !kok || !vok {
			err = fmt.Errorf("ORDER_DETAIL_EXTENSION must map str to str")
			return false
		}
		parts, missing, perr := parseTemplate(text)
		if perr != nil {
			err = fmt.Errorf("ORDER_DETAIL_EXTENSION[%q]: %w", key, perr)
			return false
		}
		if e.missing == "" {
			e.missing = missing
		}
		e.details = append(e.details, detailTemplate{key: key, parts: parts})
		return true
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// watchListItems returns WATCH_LIST_EXTENSION, the reference's list that
// ends with Python's Ellipsis (bfcl.UseData reads it from long_context.py).
func watchListItems() ([]pyval.Value, error) {
	v, err := bfcl.Constant(bfcl.WatchListConstant)
	if err != nil {
		return nil, err
	}
	items, ok := v.([]pyval.Value)
	if !ok {
		return nil, fmt.Errorf("%s is not a list", bfcl.WatchListConstant)
	}
	return items, nil
}

// parseTemplate splits a str.format template at its {symbol} fields. It
// reports the first other field name, which str.format(symbol=...) fails
// on with a KeyError, and rejects what this small formatter does not
// handle (conversions, format specs, positional fields).
func parseTemplate(s string) (parts []string, missing string, err error) {
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' && i+1 < len(s) && s[i+1] == '{':
			cur.WriteByte('{')
			i++
		case c == '}' && i+1 < len(s) && s[i+1] == '}':
			cur.WriteByte('}')
			i++
		case c == '{':
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				return nil, "", fmt.Errorf("unmatched '{' in format string")
			}
			name := s[i+1 : i+j]
			if !isIdentifier(name) {
				return nil, "", fmt.Errorf("unsupported format field {%s}", name)
			}
			if name == "symbol" {
				parts = append(parts, cur.String())
				cur.Reset()
			} else if missing == "" {
				missing = name
			}
			i += j
		case c == '}':
			return nil, "", fmt.Errorf("single '}' encountered in format string")
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, cur.String()), missing, nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r != '_' && !(r >= 'a' && r <= 'z') && !(r >= 'A' && r <= 'Z') && (i == 0 || !(r >= '0' && r <= '9')) {
			return false
		}
	}
	return true
}

// stockInfo is get_stock_info's long-context result: a copy of the stock
// with the moving averages replaced by the long extension lists.
func (e *extensions) stockInfo(stock *pyval.Dict) pyval.Value {
	return e.renderCached(stock, rawItem{"MA(5)", e.ma5V, e.ma5JSON}, rawItem{"MA(20)", e.ma20V, e.ma20JSON})
}

// orderDetails is get_order_details's long-context result: a copy of the
// order with a "metadata" dict of texts about its stock, or the error
// dict the reference returns when formatting fails.
func (e *extensions) orderDetails(order *pyval.Dict, symbol pyval.Value) pyval.Value {
	if e.missing != "" {
		return errDict("KeyError during formatting: " + pyval.Repr(e.missing))
	}
	meta := e.metadata(symbol)
	return e.renderCached(order, rawItem{"metadata", meta.dict, meta.json})
}

// rawItem is an item set on a copy of a dict, whose value is one of the
// big constants, with its rendering.
type rawItem struct {
	key   string
	value pyval.Value
	json  []byte
}

// renderCached returns a copy of d with the raw items (at most two) set,
// rendered as json.dumps renders it, the raw values written from their
// renderings. The copy is only made when the value is asked for.
// Renderings are cached under a short key, the same text with a marker
// byte in place of each raw value (the JSON of anything else never holds
// a raw control byte).
func (e *extensions) renderCached(d *pyval.Dict, raws ...rawItem) *Rendered {
	r := &Rendered{typ: "dict", base: d}
	r.nraw = copy(r.raws[:], raws)
	bp := keyBufs.Get().(*[]byte)
	defer keyBufs.Put(bp)
	key, err := appendDict((*bp)[:0], d, raws, true)
	*bp = key[:0]
	if err == nil {
		e.mu.Lock()
		text, ok := e.rendered[string(key)] // no copy of the key to look up
		e.mu.Unlock()
		if ok {
			r.Text = text
			return r
		}
	}
	b, err := appendDict(nil, d, raws, false)
	if err != nil {
		// json.dumps fails on it too, and the executor shows str().
		r.Text = pyval.Repr(r.Value())
		return r
	}
	r.Text = string(b)
	e.mu.Lock()
	if len(e.rendered) >= maxRenderCache {
		clear(e.rendered)
	}
	e.rendered[string(key)] = r.Text
	e.mu.Unlock()
	return r
}

// keyBufs holds renderCached's buffers for keys.
var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// appendDict appends json.dumps of d with the raw items set: their
// renderings, or with markers a marker byte, in place of their values, at
// the place of their key in d or else after d's items.
func appendDict(b []byte, d *pyval.Dict, raws []rawItem, markers bool) ([]byte, error) {
	if b == nil {
		size := 32*d.Len() + 32*len(raws)
		for _, r := range raws {
			size += len(r.json)
		}
		b = make([]byte, 0, size)
	}
	b = append(b, '{')
	var err error
	var done [2]bool // which raw items were written
	writeRaw := func(b []byte, j int) []byte {
		done[j] = true
		if markers {
			return append(b, byte(j))
		}
		return append(b, raws[j].json...)
	}
	i := 0
	d.Items(func(k, v pyval.Value) bool {
		if i > 0 {
			b = append(b, ", "...)
		}
		i++
		ks, ok := k.(string)
		if !ok {
			// A key json.dumps converts (int, float, bool, None) or
			// rejects: render the item as a one-item dict.
			start := len(b)
			if b, err = pyval.AppendJSON(b, pyval.DictOf(k, v), true); err != nil {
				return false
			}
			b = append(b[:start], b[start+1:len(b)-1]...)
			return true
		}
		b, _ = pyval.AppendJSON(b, k, true) // a str always encodes
		b = append(b, ": "...)
		for j, r := range raws {
			if r.key == ks {
				b = writeRaw(b, j)
				return true
			}
		}
		b, err = pyval.AppendJSON(b, v, true)
		return err == nil
	})
	if err != nil {
		return nil, err
	}
	for j, r := range raws {
		if done[j] {
			continue
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		i++
		b, _ = pyval.AppendJSON(b, r.key, true)
		b = append(b, ": "...)
		b = writeRaw(b, j)
	}
	return append(b, '}'), nil
}

// metadata returns ORDER_DETAIL_EXTENSION formatted for symbol, from the
// cache when it can.
func (e *extensions) metadata(symbol pyval.Value) metadata {
	text := pyval.Str(symbol) // format(symbol, "") for the built-in types
	e.mu.Lock()
	m, ok := e.meta[text]
	e.mu.Unlock()
	if ok {
		return m
	}
	d := pyval.NewDict()
	for _, t := range e.details {
		d.Set(t.key, strings.Join(t.parts, text))
	}
	b, _ := pyval.AppendJSON(nil, d, true) // str values always encode
	m = metadata{dict: d, json: b}
	e.mu.Lock()
	if len(e.meta) < maxMetaCache {
		e.meta[text] = m
	}
	e.mu.Unlock()
	return m
}

// availableStocks is get_available_stocks's long-context result.
func (e *extensions) availableStocks(sector pyval.Value) pyval.Value {
	switch sector {
	case "Technology":
		return e.tech
	case "Automobile":
		return e.auto
	}
	return pyval.DictOf("stock_list", []pyval.Value{})
}

// transactions is get_transaction_history's long-context result: the
// filtered transactions followed by TRANSACTION_HISTORY_EXTENSION.
func (e *extensions) transactions(filtered []pyval.Value) pyval.Value {
	value := func() pyval.Value {
		all := append(append(make([]pyval.Value, 0, len(filtered)+len(e.txItems)), filtered...), e.txItems...)
		return pyval.DictOf("transaction_history", all)
	}
	var sb strings.Builder
	sb.Grow(len(e.txBody) + 128*len(filtered) + 32)
	sb.WriteString(`{"transaction_history": [`)
	var scratch []byte
	for i, tr := range filtered {
		if i > 0 {
			sb.WriteString(", ")
		}
		var err error
		if scratch, err = pyval.AppendJSON(scratch[:0], tr, true); err != nil {
			// json.dumps fails on it too, and the executor shows str().
			return &Rendered{Text: pyval.Repr(value()), value: value, typ: "dict"}
		}
		sb.Write(scratch)
	}
	if len(filtered) > 0 && len(e.txBody) > 0 {
		sb.WriteString(", ")
	}
	sb.Write(e.txBody)
	sb.WriteString("]}")
	text := sb.String()
	return &Rendered{Text: text, value: value, typ: "dict"}
}

// watchList is get_watchlist's long-context result: the watch list
// followed by WATCH_LIST_EXTENSION, a list the executor shows with str().
func (e *extensions) watchList(watch []pyval.Value) pyval.Value {
	items := append([]pyval.Value(nil), watch...)
	var b strings.Builder
	b.Grow(len(e.watchBody) + 16*len(items) + 2)
	b.WriteByte('[')
	var buf []byte
	for _, s := range items {
		buf = pyval.AppendRepr(buf[:0], s)
		b.Write(buf)
		b.WriteString(", ")
	}
	b.WriteString(e.watchBody)
	b.WriteByte(']')
	value := func() pyval.Value { return append(items, e.watchItems...) }
	return &Rendered{Text: b.String(), value: value, typ: "list"}
}
