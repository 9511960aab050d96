package judge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// MaxStateDiff is how many differing paths a verdict lists at most.
const MaxStateDiff = 20

// DiffJSON compares two JSON documents and returns up to limit lines
// "path: got != want", one per differing leaf, in document order (object
// keys sorted), with the number of further differences left out. Paths
// read like accounts[2].balance; a key that is not an identifier is
// written ["like this"]; the root is $. Numbers are compared as written,
// as state hashes compare them. A value absent on one side reads
// <missing>; long values are cut.
func DiffJSON(got, want []byte, limit int) (lines []string, more int, err error) {
	g, err := decodeJSON(got)
	if err != nil {
		return nil, 0, fmt.Errorf("diff: first document: %w", err)
	}
	w, err := decodeJSON(want)
	if err != nil {
		return nil, 0, fmt.Errorf("diff: second document: %w", err)
	}
	d := &differ{limit: limit}
	d.walk("", g, w, true, true)
	return d.lines, d.more, nil
}

func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

type differ struct {
	limit int
	lines []string
	more  int
}

func (d *differ) report(path string, g, w any, hasG, hasW bool) {
	if len(d.lines) >= d.limit {
		d.more++
		return
	}
	if path == "" {
		path = "$"
	}
	d.lines = append(d.lines, path+": "+render(g, hasG)+" != "+render(w, hasW))
}

func (d *differ) walk(path string, g, w any, hasG, hasW bool) {
	if !hasG || !hasW {
		d.report(path, g, w, hasG, hasW)
		return
	}
	switch gv := g.(type) {
	case map[string]any:
		wv, ok := w.(map[string]any)
		if !ok {
			d.report(path, g, w, true, true)
			return
		}
		keys := make([]string, 0, len(gv)+len(wv))
		for k := range gv {
			keys = append(keys, k)
		}
		for k := range wv {
			if _, dup := gv[k]; !dup {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			gk, okG := gv[k]
			wk, okW := wv[k]
			d.walk(joinKey(path, k), gk, wk, okG, okW)
		}
	case []any:
		wv, ok := w.([]any)
		if !ok {
			d.report(path, g, w, true, true)
			return
		}
		for i := range max(len(gv), len(wv)) {
			var gi, wi any
			if i < len(gv) {
				gi = gv[i]
			}
			if i < len(wv) {
				wi = wv[i]
			}
			d.walk(path+"["+strconv.Itoa(i)+"]", gi, wi, i < len(gv), i < len(wv))
		}
	default:
		if !leafEqual(g, w) {
			d.report(path, g, w, true, true)
		}
	}
}

func leafEqual(g, w any) bool {
	switch gv := g.(type) {
	case json.Number:
		wv, ok := w.(json.Number)
		return ok && gv == wv
	case string:
		wv, ok := w.(string)
		return ok && gv == wv
	case bool:
		wv, ok := w.(bool)
		return ok && gv == wv
	case nil:
		return w == nil
	}
	return false
}

func joinKey(path, k string) string {
	if isIdent(k) {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	return path + "[" + strconv.Quote(k) + "]"
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || r == '-' && i > 0 || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9' && i > 0)
		if !ok {
			return false
		}
	}
	return true
}

const maxRendered = 60

func render(v any, present bool) string {
	if !present {
		return "<missing>"
	}
	var s string
	switch x := v.(type) {
	case json.Number:
		s = string(x)
	case nil:
		s = "null"
	default:
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(x); err != nil {
			s = fmt.Sprint(x)
		} else {
			s = strings.TrimRight(b.String(), "\n")
		}
	}
	if len(s) > maxRendered {
		cut := maxRendered
		for cut > 0 && !utf8Start(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
