package tau2judge

import (
	"encoding/json"
	"math"
	"sync"
	"unicode/utf8"

	"github.com/toolgym/toolgym/pyval"
)

// AppendJSON appends to b exactly the bytes json.Marshal(r) returns, and
// returns json.Marshal's error (b unchanged) where it fails. It writes the
// verdict directly, without reflection or a marshaller per member: a
// verdict is rendered for every scored episode.
func (r *RewardInfo) AppendJSON(b []byte) ([]byte, error) {
	w := verdictWriter{b: b}
	if r == nil {
		return append(b, "null"...), nil
	}
	w.rewardInfo(r)
	if !w.slow {
		return w.b, nil
	}
	// Something the direct writer does not reproduce byte for byte (a
	// value pyval cannot encode, a NaN in a Dict): encoding/json decides,
	// error included.
	out, err := json.Marshal(r)
	if err != nil {
		return b, err
	}
	return append(b, out...), nil
}

// verdictWriter renders a RewardInfo as encoding/json does: compact, Go
// strings escaped with HTML escaping (invalid UTF-8 as \ufffd), the
// members' MarshalJSON methods reproduced, and the Dicts' Python JSON
// compacted and HTML-escaped as encoding/json compacts a marshaller's
// output. slow is set when the direct rendering cannot be trusted to
// match; the caller then uses encoding/json.
type verdictWriter struct {
	b       []byte
	scratch []byte
	slow    bool
}

func (w *verdictWriter) raw(s string) { w.b = append(w.b, s...) }

func (w *verdictWriter) str(s string) { w.b = appendGoJSONString(w.b, s) }

func (w *verdictWriter) bool(v bool) {
	if v {
		w.raw("true")
	} else {
		w.raw("false")
	}
}

// float is Float.MarshalJSON.
func (w *verdictWriter) float(f Float) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		w.raw("null")
		return
	}
	w.b = pyval.AppendFloatRepr(w.b, x)
}

func (w *verdictWriter) optStr(s *string) {
	if s == nil {
		w.raw("null")
		return
	}
	w.str(*s)
}

func (w *verdictWriter) strs(xs []string) {
	if xs == nil {
		w.raw("null")
		return
	}
	w.b = append(w.b, '[')
	for i, s := range xs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.str(s)
	}
	w.b = append(w.b, ']')
}

func (w *verdictWriter) rewardTypes(xs []RewardType) {
	if xs == nil {
		w.raw("null")
		return
	}
	w.b = append(w.b, '[')
	for i, s := range xs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.str(string(s))
	}
	w.b = append(w.b, ']')
}

// dict is Dict.MarshalJSON (json.dumps with ensure_ascii=False) as
// encoding/json embeds it: compacted, HTML characters escaped.
func (w *verdictWriter) dict(d Dict) {
	if d.Dict == nil {
		w.raw("null")
		return
	}
	if w.scratch == nil {
		w.scratch = getScratch()
	}
	var err error
	w.scratch, err = pyval.AppendJSON(w.scratch[:0], d.Dict, false)
	if err != nil {
		w.slow = true
		return
	}
	var ok bool
	if w.b, ok = appendCompactHTML(w.b, w.scratch); !ok {
		w.slow = true
	}
}

func (w *verdictWriter) rewardInfo(r *RewardInfo) {
	defer w.release()
	w.raw(`{"reward":`)
	w.float(r.Reward)
	w.raw(`,"db_check":`)
	if c := r.DBCheck; c == nil {
		w.raw("null")
	} else {
		w.raw(`{"db_match":`)
		w.bool(c.DBMatch)
		w.raw(`,"db_reward":`)
		w.float(c.DBReward)
		w.b = append(w.b, '}')
	}
	w.raw(`,"env_assertions":`)
	if r.EnvAssertions == nil {
		w.raw("null")
	} else {
		w.b = append(w.b, '[')
		for i := range r.EnvAssertions {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			c := &r.EnvAssertions[i]
			a := &c.EnvAssertion
			w.raw(`{"env_assertion":{"env_type":`)
			w.str(string(a.EnvType))
			w.raw(`,"func_name":`)
			w.str(a.FuncName)
			w.raw(`,"arguments":`)
			w.dict(a.Arguments)
			w.raw(`,"assert_value":`)
			w.bool(a.AssertValue)
			w.raw(`,"message":`)
			w.optStr(a.Message)
			w.raw(`},"met":`)
			w.bool(c.Met)
			w.raw(`,"reward":`)
			w.float(c.Reward)
			w.b = append(w.b, '}')
		}
		w.b = append(w.b, ']')
	}
	w.raw(`,"action_checks":`)
	w.list(r.ActionChecks == nil, len(r.ActionChecks), func(i int) { w.actionCheck(&r.ActionChecks[i]) })
	w.raw(`,"nl_assertions":`)
	w.list(r.NLAssertions == nil, len(r.NLAssertions), func(i int) {
		c := &r.NLAssertions[i]
		w.metCheck(`{"nl_assertion":`, c.NLAssertion, c.Met, c.Justification)
	})
	w.raw(`,"communicate_checks":`)
	w.list(r.CommunicateChecks == nil, len(r.CommunicateChecks), func(i int) {
		c := &r.CommunicateChecks[i]
		w.metCheck(`{"info":`, c.Info, c.Met, c.Justification)
	})
	w.raw(`,"reward_basis":`)
	w.rewardTypes(r.RewardBasis)
	w.raw(`,"reward_breakdown":`)
	if r.RewardBreakdown == nil {
		w.raw("null")
	} else {
		// Breakdown.MarshalJSON: the components in order; a repeated
		// type is written twice, as the objectWriter writes it.
		w.b = append(w.b, '{')
		for i, c := range r.RewardBreakdown {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.str(string(c.Type))
			w.b = append(w.b, ':')
			w.float(Float(c.Reward))
		}
		w.b = append(w.b, '}')
	}
	w.raw(`,"info":`)
	w.dict(r.Info)
	if len(r.NotEvaluated) > 0 {
		w.raw(`,"not_evaluated":`)
		w.rewardTypes(r.NotEvaluated)
	}
	w.b = append(w.b, '}')
}

// actionCheck is ActionCheck.MarshalJSON with Action.MarshalJSON inside.
// list writes null when isNil, else the n items item writes, as a JSON
// array.
func (w *verdictWriter) list(isNil bool, n int, item func(i int)) {
	if isNil {
		w.raw("null")
		return
	}
	w.b = append(w.b, '[')
	for i := range n {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		item(i)
	}
	w.b = append(w.b, ']')
}

// metCheck writes an NL-assertion or communicate check: open is its
// opening brace and first key.
func (w *verdictWriter) metCheck(open, text string, met bool, justification string) {
	w.raw(open)
	w.str(text)
	w.raw(`,"met":`)
	w.bool(met)
	w.raw(`,"justification":`)
	w.str(justification)
	w.b = append(w.b, '}')
}

func (w *verdictWriter) actionCheck(c *ActionCheck) {
	a := &c.Action
	w.raw(`{"action":{"action_id":`)
	w.str(a.ActionID)
	w.raw(`,"requestor":`)
	req := a.Requestor
	if req == "" {
		req = "assistant"
	}
	w.str(string(req))
	w.raw(`,"name":`)
	w.str(a.Name)
	w.raw(`,"arguments":`)
	w.dict(a.Arguments)
	w.raw(`,"info":`)
	w.optStr(a.Info)
	w.raw(`,"compare_args":`)
	w.strs(a.CompareArgs)
	w.raw(`},"action_match":`)
	w.bool(c.ActionMatch)
	w.raw(`,"action_reward":`)
	w.float(c.ActionReward)
	w.raw(`,"tool_type":`)
	if c.ToolType == "" {
		w.raw("null")
	} else {
		w.str(string(c.ToolType))
	}
	w.b = append(w.b, '}')
}

func (w *verdictWriter) release() {
	if w.scratch != nil {
		putScratch(w.scratch)
		w.scratch = nil
	}
}

var scratchBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

func getScratch() []byte { return (*scratchBufs.Get().(*[]byte))[:0] }

func putScratch(b []byte) {
	if cap(b) <= 64<<10 {
		scratchBufs.Put(&b)
	}
}

const hexDigits = "0123456789abcdef"

// appendGoJSONString appends s as encoding/json writes a Go string with
// HTML escaping: ", \ and control characters escaped (\b, \f, \n, \r, \t
// short), <, > and & as \u003c, \u003e, \u0026, U+2028 and U+2029
// escaped, and each byte of invalid UTF-8 as \ufffd.
func appendGoJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendCompactHTML appends src, JSON as pyval writes it, as
// encoding/json embeds a marshaller's output: whitespace outside strings
// dropped, <, > and & escaped, U+2028 and U+2029 escaped. It reports false
// when src holds something outside strings that is not plain JSON
// (Python's NaN and Infinity, which encoding/json rejects); b is then
// garbage.
func appendCompactHTML(b, src []byte) ([]byte, bool) {
	inStr, esc := false, false
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			case c == '<' || c == '>' || c == '&':
				b = append(b, src[start:i]...)
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
				start = i + 1
			case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
				b = append(b, src[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
				i += 2
				start = i + 1
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			b = append(b, src[start:i]...)
			start = i + 1
		case '"':
			inStr = true
		case '{', '}', '[', ']', ',', ':', '-', '+', '.', 'e', 'E',
			'0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
			't', 'r', 'u', 'f', 'a', 'l', 's', 'n':
		default:
			return b, false
		}
	}
	if inStr {
		return b, false
	}
	return append(b, src[start:]...), true
}
