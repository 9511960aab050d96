package toolcall

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/syntax"

	"github.com/toolgym/toolgym/tool"
)

// Pythonic is the format of BFCL's prompting mode, Llama 3.2 and 4 and
// vLLM's "pythonic" parser: the message is a Python list of calls
//
//	[get_weather(city='Paris', unit='celsius'), math.factorial(n=5)]
//
// or a bare single call get_weather(city='Paris'), with only white space
// around it. Llama 4's <|python_start|> ... <|python_end|> wrapping is
// accepted, the text outside it being content, and so is a Markdown code
// fence around the whole message. Any other text is content
// with no calls. Arguments must be keyword arguments whose values are
// Python literals; see [ParsePython].
type Pythonic struct{}

// PyCall is one Python function call: its name, dotted when the call was
// (math.factorial), and its keyword arguments in the order written.
type PyCall struct {
	Name string
	Args []PyArg
}

// PyArg is one argument and its value as JSON. Name is empty for a
// positional argument (accepted only with PyOptions.Positional).
type PyArg struct {
	Name  string
	Value json.RawMessage
}

// Arguments returns the call's keyword arguments as a JSON object, in
// order; positional arguments are left out.
func (c PyCall) Arguments() json.RawMessage {
	n := 2
	for _, a := range c.Args {
		n += len(a.Name) + len(a.Value) + 4
	}
	b := make([]byte, 0, n)
	b = append(b, '{')
	first := true
	for _, a := range c.Args {
		if a.Name == "" {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, a.Name)
		b = append(b, ':')
		b = append(b, a.Value...)
	}
	return append(b, '}')
}

const (
	pyStart = "<|python_start|>"
	pyEnd   = "<|python_end|>"
)

// Name returns "pythonic".
func (Pythonic) Name() string { return "pythonic" }

// Parse splits text into content and calls; see [Pythonic].
func (Pythonic) Parse(text string) (string, []tool.Call, error) {
	trimmed := strings.TrimSpace(text)
	body, base, content := text, 0, ""
	if k := strings.Index(text, pyStart); k >= 0 {
		base = k + len(pyStart)
		body = text[base:]
		after := ""
		if e := strings.Index(body, pyEnd); e >= 0 {
			after = body[e+len(pyEnd):]
			body = body[:e]
		}
		content = strings.TrimSpace(trimEndTokens(text[:k]+after, "<|eot_id|>", "<|eom_id|>", "<|eot|>", "<|eom|>"))
	}
	body = trimEndTokens(body, "<|eot_id|>", "<|eom_id|>", "<|eot|>", "<|eom|>")
	if inner, off, ok := stripFence(body); ok && looksLikePyCalls(inner) {
		body, base = inner, base+off
	}
	if !looksLikePyCalls(body) {
		return trimmed, nil, nil
	}
	pcs, err := parsePython(body, base, PyOptions{})
	if err != nil {
		return trimmed, nil, err
	}
	calls := make([]tool.Call, len(pcs))
	for i, pc := range pcs {
		calls[i] = tool.Call{ID: callID(i, ""), Name: pc.Name, Arguments: string(pc.Arguments())}
	}
	if len(calls) == 0 {
		calls = nil
	}
	return content, calls, nil
}

// looksLikePyCalls reports whether s (white space aside) is an attempt at
// a call list: "[" then a name then "(", or an empty list, or a name
// directly followed by "(" and ending with ")".
func looksLikePyCalls(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		i := skipSpace(s, 1)
		if i < len(s) && s[i] == ']' {
			return strings.TrimSpace(s[i+1:]) == ""
		}
		j := dottedNameEnd(s, i)
		if j == i {
			return false
		}
		j = skipSpace(s, j)
		return j < len(s) && s[j] == '('
	}
	j := dottedNameEnd(s, 0)
	return j > 0 && j < len(s) && s[j] == '(' && strings.HasSuffix(s, ")")
}

// dottedNameEnd returns the end of the dotted name starting at s[i], or i
// when there is none.
func dottedNameEnd(s string, i int) int {
	end := i
	j := i
	for {
		k := j
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if k == j && !isIdentStart(r) || !isIdentRune(r) {
				break
			}
			k += size
		}
		if k == j {
			return end
		}
		end = k
		if k < len(s) && s[k] == '.' {
			j = k + 1
			continue
		}
		return end
	}
}

// ParsePython parses Python source holding one function call, as in
// cd(folder='document'), or a list of calls, as in
// [f(a=1, b='x'), mod.g()], into calls in order. It parses with
// go.starlark.net/syntax and evaluates nothing.
//
// Arguments must be keyword arguments. Values must be literals: strings
// (any quoting, with Python's escapes), integers (decimal, hex, octal,
// binary, negative), floats (kept as written, so 2.0 stays 2.0 in JSON),
// True, False and None (true, false, null), lists and tuples (JSON arrays)
// and dicts with string keys (JSON objects), nested freely. Positional
// arguments, names, expressions, calls, lambdas, comprehensions, set
// literals, bytes, f-strings and digit separators (1_000) are rejected with
// an error wrapping [ErrMalformed]. An empty list yields no calls.
func ParsePython(src string) ([]PyCall, error) {
	return ParsePythonWith(src, PyOptions{})
}

// PyOptions adjust ParsePythonWith.
type PyOptions struct {
	// Positional accepts positional arguments (before any keyword
	// argument), as BFCL's ground truth uses them: sort('report.pdf').
	// They come back as PyArgs with an empty Name.
	Positional bool
}

// ParsePythonWith is ParsePython with options.
func ParsePythonWith(src string, opts PyOptions) ([]PyCall, error) {
	pcs, err := parsePython(src, 0, opts)
	if err != nil {
		return nil, err
	}
	return pcs, nil
}

// parsePython is ParsePython for src found at offset base of a larger
// text; error offsets count from the start of that text.
func parsePython(src string, base int, opts PyOptions) ([]PyCall, *Error) {
	lead := skipSpace(src, 0)
	s := strings.TrimRight(src[lead:], " \t\r\n")
	base += lead
	if s == "" {
		return nil, malformed("pythonic", base, -1, "expected a function call such as f(a=1) or a list of calls such as [f(a=1), g(b=2)], got nothing")
	}
	p, perr := prepPython(s)
	if perr != nil {
		perr.Offset += base
		return nil, perr
	}
	expr, err := (&syntax.FileOptions{}).ParseExpr("", p.src, 0)
	if err != nil {
		var se syntax.Error
		off := base
		msg := err.Error()
		if errors.As(err, &se) {
			off = base + p.offsetOf(se.Pos.Line, se.Pos.Col)
			msg = se.Msg
		}
		if p.load {
			msg = strings.ReplaceAll(msg, loadPlaceholder, "load")
		}
		return nil, malformed("pythonic", off, -1, "invalid Python: %s; write the calls as [tool_name(arg=value, ...), ...]", explainSyntax(msg))
	}
	cv := pyConv{src: p, base: base, positional: opts.Positional}
	for {
		p, ok := expr.(*syntax.ParenExpr)
		if !ok {
			break
		}
		expr = p.X
	}
	var elems []syntax.Expr
	switch e := expr.(type) {
	case *syntax.CallExpr:
		elems = []syntax.Expr{e}
	case *syntax.ListExpr:
		elems = e.List
	case *syntax.TupleExpr:
		elems = e.List
	default:
		return nil, cv.errAt(expr, -1, "expected a function call such as f(a=1) or a list of calls such as [f(a=1), g(b=2)]")
	}
	calls := make([]PyCall, 0, len(elems))
	for i, el := range elems {
		ce, ok := el.(*syntax.CallExpr)
		if !ok {
			return nil, cv.errAt(el, i, "element %d of the list is not a function call: the list may hold only calls such as f(a=1)", i+1)
		}
		c, err := cv.call(ce, i)
		if err != nil {
			return nil, err
		}
		calls = append(calls, c)
	}
	return calls, nil
}

// explainSyntax rewords the Starlark parser's commonest messages for a
// model writing Python.
func explainSyntax(msg string) string {
	switch {
	case strings.HasSuffix(msg, "after expression, want EOF"):
		return "unexpected text after the calls (" + msg + "): the message must hold only the call list"
	case strings.HasPrefix(msg, "got end of file"):
		return "the text ends before the calls are complete: a value or a closing bracket is missing"
	case strings.HasPrefix(msg, "unexpected EOF in string"), strings.HasPrefix(msg, "unexpected newline in string"):
		return "a string is not closed (" + msg + ")"
	}
	return msg
}

// pyConv converts Starlark syntax trees into calls and JSON values.
type pyConv struct {
	src        *pySource
	base       int
	positional bool   // accept positional arguments (PyOptions)
	buf        []byte // JSON of all argument values, sliced into PyArg.Value
}

func (cv *pyConv) offset(n syntax.Node) int {
	pos, _ := n.Span()
	return cv.base + cv.src.offsetOf(pos.Line, pos.Col)
}

func (cv *pyConv) errAt(n syntax.Node, call int, format string, args ...any) *Error {
	return malformed("pythonic", cv.offset(n), call, format, args...)
}

func (cv *pyConv) ident(id *syntax.Ident) string {
	if cv.src.load && id.Name == loadPlaceholder {
		return "load"
	}
	return id.Name
}

// dotted returns the dotted name of a called expression, or "".
func (cv *pyConv) dotted(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Ident:
		return cv.ident(e)
	case *syntax.DotExpr:
		x := cv.dotted(e.X)
		if x == "" {
			return ""
		}
		return x + "." + cv.ident(e.Name)
	}
	return ""
}

func (cv *pyConv) call(ce *syntax.CallExpr, i int) (PyCall, *Error) {
	name := cv.dotted(ce.Fn)
	if name == "" {
		return PyCall{}, cv.errAt(ce, i, "the called function must be a name or dotted name such as get_weather or math.factorial")
	}
	for _, part := range strings.Split(name, ".") {
		if pyKeywords[part] {
			return PyCall{}, cv.errAt(ce, i, "%s is a Python keyword and cannot name a function", part)
		}
	}
	c := PyCall{Name: name, Args: make([]PyArg, 0, len(ce.Args))}
	name = clip(name, 60) // for messages
	for j, a := range ce.Args {
		be, ok := a.(*syntax.BinaryExpr)
		if !ok || be.Op != syntax.EQ {
			if ue, ok := a.(*syntax.UnaryExpr); ok && (ue.Op == syntax.STAR || ue.Op == syntax.STARSTAR) {
				return PyCall{}, cv.errAt(a, i, "*args and **kwargs are not allowed in a call of %s: write each argument as name=value", name)
			}
			if cv.positional {
				if len(c.Args) > 0 && c.Args[len(c.Args)-1].Name != "" {
					return PyCall{}, cv.errAt(a, i, "argument %d of %s: positional argument follows keyword argument", j+1, name)
				}
				start := len(cv.buf)
				var err *Error
				cv.buf, err = cv.value(cv.buf, a, i, fmt.Sprintf("%s argument %d", name, j+1), 0)
				if err != nil {
					return PyCall{}, err
				}
				c.Args = append(c.Args, PyArg{Value: json.RawMessage(cv.buf[start:len(cv.buf):len(cv.buf)])})
				continue
			}
			return PyCall{}, cv.errAt(a, i, "argument %d of %s is positional, but keyword arguments are required: write %s(name=value, ...)", j+1, name, name)
		}
		id, ok := be.X.(*syntax.Ident)
		if !ok {
			return PyCall{}, cv.errAt(a, i, "argument %d of %s must be written name=value", j+1, name)
		}
		kw := cv.ident(id)
		if pyKeywords[kw] {
			return PyCall{}, cv.errAt(a, i, "%s is a Python keyword and cannot name an argument of %s", kw, name)
		}
		for _, prev := range c.Args {
			if prev.Name == kw {
				return PyCall{}, cv.errAt(a, i, "argument %s of %s is given twice", clip(kw, 60), name)
			}
		}
		start := len(cv.buf)
		var err *Error
		cv.buf, err = cv.value(cv.buf, be.Y, i, name+" argument "+clip(kw, 60), 0)
		if err != nil {
			return PyCall{}, err
		}
		c.Args = append(c.Args, PyArg{Name: kw, Value: json.RawMessage(cv.buf[start:len(cv.buf):len(cv.buf)])})
	}
	return c, nil
}

// maxDepth bounds the nesting of values (the Starlark scanner stops at
// 1000 brackets anyway).
const maxDepth = 1000

// value appends the JSON of the literal e; where names the argument for
// error messages.
func (cv *pyConv) value(b []byte, e syntax.Expr, call int, where string, depth int) ([]byte, *Error) {
	if depth > maxDepth {
		return b, cv.errAt(e, call, "the value of %s is nested too deeply", where)
	}
	switch e := e.(type) {
	case *syntax.Literal:
		switch e.Token {
		case syntax.STRING:
			return appendJSONString(b, e.Value.(string)), nil
		case syntax.INT, syntax.FLOAT:
			return appendPyNumber(b, e, false), nil
		case syntax.BYTES:
			return b, cv.errAt(e, call, "the value of %s is a bytes literal: use a plain string", where)
		}
	case *syntax.Ident:
		switch e.Name {
		case "True":
			return append(b, "true"...), nil
		case "False":
			return append(b, "false"...), nil
		case "None":
			return append(b, "null"...), nil
		}
		name := clip(cv.ident(e), 60)
		return b, cv.errAt(e, call, "the value of %s is the bare name %s: values must be literals, so put text in quotes, as in '%s'", where, name, name)
	case *syntax.UnaryExpr:
		if e.Op == syntax.MINUS || e.Op == syntax.PLUS {
			neg := e.Op == syntax.MINUS
			x := e.X
			for {
				u, ok := x.(*syntax.UnaryExpr)
				if !ok || (u.Op != syntax.MINUS && u.Op != syntax.PLUS) {
					break
				}
				if u.Op == syntax.MINUS {
					neg = !neg
				}
				x = u.X
			}
			if lit, ok := x.(*syntax.Literal); ok && (lit.Token == syntax.INT || lit.Token == syntax.FLOAT) {
				return appendPyNumber(b, lit, neg), nil
			}
			return b, cv.errAt(e, call, "the value of %s applies a sign to something that is not a number", where)
		}
	case *syntax.ParenExpr:
		return cv.value(b, e.X, call, where, depth+1)
	case *syntax.ListExpr:
		return cv.array(b, e.List, call, where, depth)
	case *syntax.TupleExpr:
		return cv.array(b, e.List, call, where, depth)
	case *syntax.DictExpr:
		return cv.dict(b, e, call, where, depth)
	case *syntax.CallExpr:
		return b, cv.errAt(e, call, "the value of %s is a function call: values must be literals such as 'text', 3, 2.5, True, None, [..] or {..}", where)
	case *syntax.LambdaExpr:
		return b, cv.errAt(e, call, "the value of %s is a lambda: values must be literals", where)
	case *syntax.Comprehension:
		return b, cv.errAt(e, call, "the value of %s is a comprehension: write the values out as a literal list or dict", where)
	}
	return b, cv.errAt(e, call, "the value of %s is an expression: values must be literals such as 'text', 3, 2.5, True, None, [..] or {..}, so write the computed value", where)
}

func (cv *pyConv) array(b []byte, elems []syntax.Expr, call int, where string, depth int) ([]byte, *Error) {
	b = append(b, '[')
	for i, el := range elems {
		if i > 0 {
			b = append(b, ',')
		}
		var err *Error
		if b, err = cv.value(b, el, call, where, depth+1); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// dict appends a dict as a JSON object. As in Python, a repeated key keeps
// its first position and its last value.
func (cv *pyConv) dict(b []byte, d *syntax.DictExpr, call int, where string, depth int) ([]byte, *Error) {
	keys := make([]string, len(d.List))
	for i, el := range d.List {
		entry := el.(*syntax.DictEntry)
		k := entry.Key
		for {
			p, ok := k.(*syntax.ParenExpr)
			if !ok {
				break
			}
			k = p.X
		}
		lit, ok := k.(*syntax.Literal)
		if !ok || lit.Token != syntax.STRING {
			return b, cv.errAt(entry.Key, call, "a dict key in the value of %s is not a string: JSON objects need string keys, so write it in quotes", where)
		}
		keys[i] = lit.Value.(string)
	}
	// last[i] is the index of the entry whose value key i takes, or -1 for
	// a key already written.
	last := make([]int, len(keys))
	if len(keys) <= 16 {
		for i := range keys {
			last[i] = i
			for j := 0; j < i; j++ {
				if keys[j] == keys[i] && last[j] >= 0 {
					last[j] = i
					last[i] = -1
					break
				}
			}
		}
	} else {
		firstAt := make(map[string]int, len(keys))
		for i, k := range keys {
			if j, ok := firstAt[k]; ok {
				last[j] = i
				last[i] = -1
				continue
			}
			firstAt[k] = i
			last[i] = i
		}
	}
	b = append(b, '{')
	first := true
	for i, k := range keys {
		if last[i] < 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, k)
		b = append(b, ':')
		var err *Error
		if b, err = cv.value(b, d.List[last[i]].(*syntax.DictEntry).Value, call, where, depth+1); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// appendPyNumber appends an int or float literal, negated if neg, as a
// JSON number: ints in decimal, floats as written (made valid JSON, so
// 5. becomes 5.0 and .5 becomes 0.5).
func appendPyNumber(b []byte, lit *syntax.Literal, neg bool) []byte {
	if lit.Token == syntax.INT {
		var digits string
		switch v := lit.Value.(type) {
		case int64:
			digits = strconv.FormatInt(v, 10)
		case *big.Int:
			digits = v.String()
		}
		if neg && digits != "0" {
			b = append(b, '-')
		}
		return append(b, digits...)
	}
	if neg {
		b = append(b, '-')
	}
	mant, exp := lit.Raw, ""
	if k := strings.IndexAny(mant, "eE"); k >= 0 {
		mant, exp = mant[:k], mant[k:]
	}
	ip, fp, dot := strings.Cut(mant, ".")
	ip = strings.TrimLeft(ip, "0")
	if ip == "" {
		ip = "0"
	}
	b = append(b, ip...)
	if dot {
		if fp == "" {
			fp = "0"
		}
		b = append(b, '.')
		b = append(b, fp...)
	}
	return append(b, exp...)
}

// Format renders calls as a Python list, [f(a=1, b='x'), g()], with
// Python literals (True, False, None; numbers as the JSON wrote them).
// Names and argument names must be Python names.
func (Pythonic) Format(calls []tool.Call) (string, error) {
	if len(calls) == 0 {
		return "", nil
	}
	b := []byte{'['}
	for i, c := range calls {
		if i > 0 {
			b = append(b, ", "...)
		}
		var err error
		if b, err = appendPyCall(b, i, c); err != nil {
			return "", err
		}
	}
	return string(append(b, ']')), nil
}

func appendPyCall(b []byte, i int, c tool.Call) ([]byte, error) {
	if c.Name == "" {
		return nil, malformed("pythonic", -1, i, "the call has no name")
	}
	for _, part := range strings.Split(c.Name, ".") {
		if !isPyName(part) {
			return nil, malformed("pythonic", -1, i, "the tool name %q is not a Python name or dotted name", c.Name)
		}
	}
	args, err := callArgs("pythonic", i, c)
	if err != nil {
		return nil, err
	}
	b = append(b, c.Name...)
	b = append(b, '(')
	dec := json.NewDecoder(bytes.NewReader(args))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil { // {
		return nil, malformed("pythonic", -1, i, "the arguments of %s are not a JSON object", c.Name)
	}
	seen := map[string]bool{}
	for n := 0; dec.More(); n++ {
		tok, err := dec.Token()
		if err != nil {
			return nil, malformed("pythonic", -1, i, "the arguments of %s are not a JSON object: %v", c.Name, err)
		}
		key, _ := tok.(string)
		if !isPyName(key) {
			return nil, malformed("pythonic", -1, i, "the argument name %q of %s is not a Python name", key, c.Name)
		}
		if seen[key] {
			return nil, malformed("pythonic", -1, i, "the argument %s of %s is given twice", key, c.Name)
		}
		seen[key] = true
		if n > 0 {
			b = append(b, ", "...)
		}
		b = append(b, key...)
		b = append(b, '=')
		if b, err = appendPyValue(b, dec); err != nil {
			return nil, malformed("pythonic", -1, i, "the arguments of %s are not a JSON object: %v", c.Name, err)
		}
	}
	return append(b, ')'), nil
}

// appendPyValue appends the next JSON value of dec as a Python literal.
func appendPyValue(b []byte, dec *json.Decoder) ([]byte, error) {
	tok, err := dec.Token()
	if err != nil {
		return b, err
	}
	switch t := tok.(type) {
	case json.Delim:
		closing := byte(']')
		if t == '{' {
			closing = '}'
		}
		b = append(b, byte(t))
		for n := 0; dec.More(); n++ {
			if n > 0 {
				b = append(b, ", "...)
			}
			if t == '{' {
				k, err := dec.Token()
				if err != nil {
					return b, err
				}
				key, _ := k.(string)
				b = appendPyString(b, key)
				b = append(b, ": "...)
			}
			if b, err = appendPyValue(b, dec); err != nil {
				return b, err
			}
		}
		if _, err := dec.Token(); err != nil {
			return b, err
		}
		return append(b, closing), nil
	case string:
		return appendPyString(b, t), nil
	case json.Number:
		return append(b, t...), nil
	case bool:
		if t {
			return append(b, "True"...), nil
		}
		return append(b, "False"...), nil
	case nil:
		return append(b, "None"...), nil
	}
	return b, errors.New("unexpected JSON token")
}
