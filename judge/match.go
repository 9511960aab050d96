package judge

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// CallMatch says how the calls made in a turn match its gold calls.
type CallMatch struct {
	// Exact is true when every gold call was matched and no call is extra.
	Exact bool `json:"exact"`
	// Matched counts matched pairs, Expected the gold calls, Made the calls
	// the model made.
	Matched  int `json:"matched"`
	Expected int `json:"expected"`
	Made     int `json:"made"`
	// Missing are the gold calls left unmatched, in gold order.
	Missing []task.Call `json:"missing,omitempty"`
	// Extra are the model's calls left unmatched, in the order made.
	Extra []tool.Call `json:"extra,omitempty"`
}

// MatchCalls matches the calls a model made, grouped by assistant message in
// the order the messages came, against gold steps, as the package doc
// describes: a largest matching in which no call matched to a later gold
// step comes from an earlier message than one matched to an earlier step.
func MatchCalls(gold [][]task.Call, made [][]tool.Call) CallMatch {
	m := newMatcher(gold, made)
	return m.run()
}

// CallsEqual reports whether two calls are equal: same name, arguments
// equal as JSON values (key order ignored, numbers by value, "" as {}).
func CallsEqual(a, b tool.Call) bool {
	return a.Name == b.Name && argsKey(a.Arguments) == argsKey(b.Arguments)
}

// turnCalls returns the tool calls of the assistant messages in msgs,
// grouped by message: consecutive assistant messages with the same
// non-zero Step form one group. Messages without calls are left out.
func turnCalls(msgs []trajectory.Message) [][]tool.Call {
	var out [][]tool.Call
	lastStep := -1
	for _, m := range msgs {
		if len(m.ToolCalls) == 0 {
			continue
		}
		if m.Step > 0 && m.Step == lastStep && len(out) > 0 {
			out[len(out)-1] = append(out[len(out)-1], m.ToolCalls...)
			continue
		}
		out = append(out, slices.Clone(m.ToolCalls))
		lastStep = m.Step
	}
	return out
}

// matcher holds one matching problem with calls reduced to key ids: ids
// 0..nk-1 are keys some gold call has; -1 marks a model call no gold call
// equals.
type matcher struct {
	gold     [][]task.Call
	made     [][]tool.Call
	goldKeys [][]int
	madeKeys [][]int
	nk       int
	// goldCount[j][k] and msgCount[m][k] count key k in step j, message m.
	goldCount [][]int
	msgCount  [][]int
	memo      map[string]choice
}

// choice is the best value of a dynamic-programme state and the message
// where the step hands over to the next.
type choice struct {
	value int
	end   int
}

func newMatcher(gold [][]task.Call, made [][]tool.Call) *matcher {
	m := &matcher{gold: gold, made: made}
	ids := map[string]int{}
	m.goldKeys = make([][]int, len(gold))
	for j, step := range gold {
		m.goldKeys[j] = make([]int, len(step))
		for i, c := range step {
			k := c.Name + "\x00" + argsKey(string(c.Arguments))
			id, ok := ids[k]
			if !ok {
				id = len(ids)
				ids[k] = id
			}
			m.goldKeys[j][i] = id
		}
	}
	m.nk = len(ids)
	m.madeKeys = make([][]int, len(made))
	for p, msg := range made {
		m.madeKeys[p] = make([]int, len(msg))
		for i, c := range msg {
			id, ok := ids[c.Name+"\x00"+argsKey(c.Arguments)]
			if !ok {
				id = -1
			}
			m.madeKeys[p][i] = id
		}
	}
	m.goldCount = counts(m.goldKeys, m.nk)
	m.msgCount = counts(m.madeKeys, m.nk)
	return m
}

func counts(keys [][]int, nk int) [][]int {
	out := make([][]int, len(keys))
	for i, ks := range keys {
		out[i] = make([]int, nk)
		for _, k := range ks {
			if k >= 0 {
				out[i][k]++
			}
		}
	}
	return out
}

func (m *matcher) run() CallMatch {
	res := CallMatch{}
	for _, s := range m.gold {
		res.Expected += len(s)
	}
	for _, s := range m.made {
		res.Made += len(s)
	}
	goldUsed := make([][]bool, len(m.gold))
	for j := range m.gold {
		goldUsed[j] = make([]bool, len(m.gold[j]))
	}
	madeUsed := make([][]bool, len(m.made))
	for p := range m.made {
		madeUsed[p] = make([]bool, len(m.made[p]))
	}
	if m.greedy(goldUsed, madeUsed) {
		res.Matched = res.Expected
	} else {
		for _, u := range goldUsed {
			clear(u)
		}
		for _, u := range madeUsed {
			clear(u)
		}
		res.Matched = m.optimal(goldUsed, madeUsed)
	}
	for j, s := range m.gold {
		for i, c := range s {
			if !goldUsed[j][i] {
				res.Missing = append(res.Missing, c)
			}
		}
	}
	for p, s := range m.made {
		for i, c := range s {
			if !madeUsed[p][i] {
				res.Extra = append(res.Extra, c)
			}
		}
	}
	res.Exact = res.Matched == res.Expected && res.Matched == res.Made
	return res
}

// greedy matches each gold step in turn with the earliest free equal calls
// not before the messages earlier steps used. It reports whether every
// gold call found a partner; such a matching is a largest one.
func (m *matcher) greedy(goldUsed, madeUsed [][]bool) bool {
	cursor := 0
	for j, keys := range m.goldKeys {
		hi := cursor
		for gi, k := range keys {
			found := false
			for p := cursor; p < len(m.madeKeys) && !found; p++ {
				for mi, mk := range m.madeKeys[p] {
					if mk == k && !madeUsed[p][mi] {
						madeUsed[p][mi], goldUsed[j][gi] = true, true
						hi, found = max(hi, p), true
						break
					}
				}
			}
			if !found {
				return false
			}
		}
		cursor = hi
	}
	return true
}

// optimal finds a largest matching by dynamic programming, marks the
// matched calls and returns their number.
func (m *matcher) optimal(goldUsed, madeUsed [][]bool) int {
	if len(m.gold) == 0 || len(m.made) == 0 || m.nk == 0 {
		return 0
	}
	// taken[j][p][k]: how many calls of key k step j takes from message p.
	taken := make([]map[int][]int, len(m.gold))
	for j := range taken {
		taken[j] = map[int][]int{}
	}
	m.memo = map[string]choice{}
	resid := slices.Clone(m.msgCount[0])
	m.best(0, 0, resid)
	// Follow the recorded choices to rebuild the matching.
	start := 0
	for j := range m.gold {
		end := m.memo[m.stateKey(j, start, resid)].end
		next := m.takeStep(j, start, end, resid, taken[j])
		resid, start = next, end
	}
	// Turn counts into pairs: the first free instances, in order.
	matched := 0
	for j := range m.gold {
		for _, p := range sortedKeys(taken[j]) {
			for k, n := range taken[j][p] {
				for ; n > 0; n-- {
					gi := firstUnused(m.goldKeys[j], goldUsed[j], k)
					mi := firstUnused(m.madeKeys[p], madeUsed[p], k)
					goldUsed[j][gi] = true
					madeUsed[p][mi] = true
					matched++
				}
			}
		}
	}
	return matched
}

func sortedKeys(m map[int][]int) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func firstUnused(keys []int, used []bool, k int) int {
	for i, x := range keys {
		if x == k && !used[i] {
			return i
		}
	}
	panic("judge: matcher counts out of step with its calls")
}

func (m *matcher) stateKey(j, start int, resid []int) string {
	b := make([]byte, 0, 16+4*len(resid))
	b = strconv.AppendInt(b, int64(j), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(start), 10)
	for _, r := range resid {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r), 10)
	}
	return string(b)
}

// best returns the most matches steps j.. can make when step j starts at
// message start, of which resid is still free (later messages are whole),
// and records the best hand-over message in the memo.
func (m *matcher) best(j, start int, resid []int) int {
	if j == len(m.gold) {
		return 0
	}
	key := m.stateKey(j, start, resid)
	if c, ok := m.memo[key]; ok {
		return c.value
	}
	bestC := choice{value: -1}
	need := make([]int, m.nk)
	interior := make([]int, m.nk) // free calls only step j can use
	for end := start; end < len(m.made); end++ {
		// Messages before end are the step's alone: move the one before
		// end into interior.
		if end > start {
			src := m.msgCount[end-1]
			if end-1 == start {
				src = resid
			}
			for k := range interior {
				interior[k] += src[k]
			}
		}
		boundary := m.msgCount[end]
		if end == start {
			boundary = resid
		}
		copy(need, m.goldCount[j])
		got := 0
		next := make([]int, m.nk)
		for k := range need {
			t := min(need[k], interior[k])
			need[k] -= t
			got += t
			t = min(need[k], boundary[k])
			got += t
			next[k] = boundary[k] - t
		}
		v := got + m.best(j+1, end, next)
		if v > bestC.value {
			bestC = choice{value: v, end: end}
		}
	}
	m.memo[key] = bestC
	return bestC.value
}

// takeStep records what step j takes when it runs from message start to
// end, greedily as best assumed, and returns what is left of message end.
func (m *matcher) takeStep(j, start, end int, resid []int, taken map[int][]int) []int {
	need := slices.Clone(m.goldCount[j])
	take := func(p int, avail []int) []int {
		left := slices.Clone(avail)
		var t []int
		for k := range need {
			n := min(need[k], avail[k])
			if n > 0 {
				if t == nil {
					t = make([]int, m.nk)
				}
				t[k] = n
				need[k] -= n
				left[k] -= n
			}
		}
		if t != nil {
			taken[p] = t
		}
		return left
	}
	if end == start {
		return take(start, resid)
	}
	// Interior first (message start's remainder, then whole messages), and
	// the hand-over message last; within the interior the order does not
	// change how many are taken, only which instances.
	take(start, resid)
	for p := start + 1; p < end; p++ {
		take(p, m.msgCount[p])
	}
	return take(end, m.msgCount[end])
}

// argsKey returns a canonical text of JSON arguments such that two
// arguments have equal keys exactly when they are equal JSON values:
// object members sorted by key (the last of repeated keys wins, as in
// encoding/json), strings unescaped, numbers by value (see numberKey).
// Empty arguments are {}. Text that is not JSON gets a key no JSON value
// has.
func argsKey(args string) string {
	s := strings.TrimSpace(args)
	if s == "" {
		return "{}"
	}
	if !json.Valid([]byte(s)) {
		return "\x01" + s
	}
	b, _ := canonical(make([]byte, 0, len(s)), s, 0)
	return string(b)
}

// canonical appends the canonical form of the JSON value starting at s[i]
// (s is valid JSON) and returns the index after the value. An object's
// members are written as they come and, only when their keys are not
// already sorted and unique, rewritten in order.
func canonical(b []byte, s string, i int) ([]byte, int) {
	i = skipSpace(s, i)
	switch s[i] {
	case '{':
		type member struct {
			key        string
			start, end int
		}
		var buf [8]member
		ms := buf[:0]
		sorted := true
		objStart := len(b)
		b = append(b, '{')
		i = skipSpace(s, i+1)
		for s[i] != '}' {
			if len(ms) > 0 {
				b = append(b, ',')
			}
			var key string
			key, i = jsonString(s, i)
			start := len(b)
			b = appendQuoted(b, key)
			b = append(b, ':')
			i = skipSpace(s, i) + 1 // ':'
			b, i = canonical(b, s, i)
			if len(ms) > 0 && ms[len(ms)-1].key >= key {
				sorted = false
			}
			ms = append(ms, member{key, start, len(b)})
			i = skipSpace(s, i)
			if s[i] == ',' {
				i = skipSpace(s, i+1)
			}
		}
		b = append(b, '}')
		if !sorted {
			tmp := slices.Clone(b[objStart:])
			slices.SortStableFunc(ms, func(x, y member) int { return strings.Compare(x.key, y.key) })
			b = append(b[:objStart], '{')
			n := 0
			for k, m := range ms {
				if k+1 < len(ms) && ms[k+1].key == m.key {
					continue // a later member of the same key wins
				}
				if n > 0 {
					b = append(b, ',')
				}
				n++
				b = append(b, tmp[m.start-objStart:m.end-objStart]...)
			}
			b = append(b, '}')
		}
		return b, i + 1
	case '[':
		b = append(b, '[')
		i = skipSpace(s, i+1)
		for n := 0; s[i] != ']'; n++ {
			if n > 0 {
				b = append(b, ',')
			}
			b, i = canonical(b, s, i)
			i = skipSpace(s, i)
			if s[i] == ',' {
				i = skipSpace(s, i+1)
			}
		}
		return append(b, ']'), i + 1
	case '"':
		var str string
		str, i = jsonString(s, i)
		return appendQuoted(b, str), i
	case 't':
		return append(b, "true"...), i + 4
	case 'f':
		return append(b, "false"...), i + 5
	case 'n':
		return append(b, "null"...), i + 4
	}
	j := i
	for j < len(s) && strings.IndexByte("+-0123456789.eE", s[j]) >= 0 {
		j++
	}
	return appendNumberKey(b, s[i:j]), j
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// jsonString returns the value of the JSON string starting at s[i] and the
// index after it.
func jsonString(s string, i int) (string, int) {
	j := i + 1
	escaped := false
	for s[j] != '"' {
		if s[j] == '\\' {
			escaped = true
			j++
		}
		j++
	}
	if !escaped {
		return s[i+1 : j], j + 1
	}
	var v string
	_ = json.Unmarshal([]byte(s[i:j+1]), &v) // valid: checked by the caller
	return v, j + 1
}

// appendQuoted appends s between quotes with quotes and backslashes
// escaped, an injective encoding.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for k := 0; k < len(s); k++ {
		if s[k] == '"' || s[k] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[k])
	}
	return append(b, '"')
}

// numberKey returns a canonical form of a JSON number's value: its
// significant digits and the power of ten of the point, as "-123e4" for
// -0.123×10⁴. Equal values give equal keys, exactly (no floating point),
// however the number is written: 1, 1.0, 10e-1 and 0.1e1 all give "1e1".
func numberKey(s string) string { return string(appendNumberKey(nil, s)) }

// appendNumberKey appends numberKey(s) to b.
func appendNumberKey(b []byte, s string) []byte {
	orig := s
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 1<<40 || e < -(1<<40) {
			return append(append(b, "raw:"...), orig...)
		}
		mant, exp = s[:i], e
	}
	intPart, frac := mant, ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
	}
	// The digits are intPart followed by frac; find the first and last
	// that are not zero.
	n := len(intPart) + len(frac)
	digit := func(k int) byte {
		if k < len(intPart) {
			return intPart[k]
		}
		return frac[k-len(intPart)]
	}
	lo, hi := 0, n-1
	for lo < n && digit(lo) == '0' {
		lo++
	}
	if lo == n {
		return append(b, '0')
	}
	for digit(hi) == '0' {
		hi--
	}
	if neg {
		b = append(b, '-')
	}
	for k := lo; k <= hi; k++ {
		b = append(b, digit(k))
	}
	b = append(b, 'e')
	return strconv.AppendInt(b, int64(len(intPart)+exp-lo), 10)
}
