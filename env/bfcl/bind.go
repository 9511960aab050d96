package bfcl

import (
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// Arg is one argument of a call: positional when Name is empty.
type Arg struct {
	Name  string
	Value pyval.Value
}

// Bind matches args to m's parameters as Python binds a call of a bound
// method, filling in defaults. Its errors are Python's TypeError texts
// (3.11), qualified with the class name: "GorillaFileSystem.cd() missing 1
// required positional argument: 'folder'".
func Bind(class string, m *Method, args []Arg) ([]pyval.Value, error) {
	return bindInto(class, m, args, nil)
}

// bindInto is Bind writing the bound values into buf when it has room,
// so a caller done with the previous call's values can reuse them.
func bindInto(class string, m *Method, args []Arg, buf []pyval.Value) ([]pyval.Value, error) {
	qual := func() string { return class + "." + m.Name + "()" } // for errors only
	var out []pyval.Value
	if cap(buf) >= len(m.Params) {
		out = buf[:len(m.Params)]
		clear(out)
	} else {
		out = make([]pyval.Value, len(m.Params))
	}
	var setBuf [16]bool
	set := setBuf[:0]
	if len(m.Params) <= len(setBuf) {
		set = setBuf[:len(m.Params)]
	} else {
		set = make([]bool, len(m.Params))
	}
	npos := 0
	for _, a := range args {
		if a.Name == "" {
			npos++
		}
	}
	// CPython binds positionals that fit, then keywords, and only then
	// reports too many positionals.
	i := 0
	for _, a := range args {
		if a.Name != "" || i == len(m.Params) {
			continue
		}
		out[i], set[i] = a.Value, true
		i++
	}
	for k, a := range args {
		if a.Name == "" {
			continue
		}
		// Keywords mostly come in the parameters' order: try the
		// argument's own position first.
		j := k
		if j >= len(m.Params) || m.Params[j].Name != a.Name {
			j = paramIndex(m.Params, a.Name)
		}
		if j < 0 {
			return nil, pyval.TypeError(fmt.Sprintf("%s got an unexpected keyword argument '%s'", qual(), a.Name))
		}
		if set[j] {
			return nil, pyval.TypeError(fmt.Sprintf("%s got multiple values for argument '%s'", qual(), a.Name))
		}
		out[j], set[j] = a.Value, true
	}
	if npos > len(m.Params) {
		return nil, pyval.TypeError(tooMany(qual(), m.Params, npos))
	}
	var missing []string
	for j, p := range m.Params {
		if set[j] {
			continue
		}
		if p.HasDefault {
			out[j] = pyval.DeepCopy(p.Default)
			continue
		}
		missing = append(missing, "'"+p.Name+"'")
	}
	if len(missing) > 0 {
		plural := "argument"
		if len(missing) > 1 {
			plural = "arguments"
		}
		return nil, pyval.TypeError(fmt.Sprintf("%s missing %d required positional %s: %s", qual(), len(missing), plural, joinNames(missing)))
	}
	return out, nil
}

func paramIndex(ps []Param, name string) int {
	for i, p := range ps {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// tooMany is Python's message for too many positional arguments; counts
// include self, as Python's do for a bound method.
func tooMany(qual string, ps []Param, given int) string {
	required := 0
	for _, p := range ps {
		if !p.HasDefault {
			required++
		}
	}
	max := len(ps) + 1
	var takes string
	switch {
	case required+1 < max:
		takes = fmt.Sprintf("from %d to %d positional arguments", required+1, max)
	case max == 1:
		takes = "1 positional argument"
	default:
		takes = fmt.Sprintf("%d positional arguments", max)
	}
	were := "were"
	if given+1 == 1 {
		were = "was"
	}
	return fmt.Sprintf("%s takes %s but %d %s given", qual, takes, given+1, were)
}

// joinNames joins as Python does: 'a', 'a' and 'b', 'a', 'b', and 'c'.
func joinNames(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}
