package telecom

import (
	"fmt"

	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/toolgym/toolgym/pyval"
)

// parseTOML decodes a TOML document into Python values as the reference's
// toml.load does: tables as dicts in document order, arrays as lists,
// integers as ints, floats as floats. Dates and times, which the domain's
// files do not use, become date and datetime objects or strings.
func parseTOML(data []byte) (*pyval.Dict, error) {
	var p unstable.Parser
	p.Reset(data)
	root := pyval.NewDict()
	cur := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			keys := keyParts(e.Key())
			t, err := descend(cur, keys[:len(keys)-1])
			if err != nil {
				return nil, err
			}
			v, err := tomlValue(e.Value())
			if err != nil {
				return nil, err
			}
			t.Set(keys[len(keys)-1], v)
		case unstable.Table:
			t, err := descend(root, keyParts(e.Key()))
			if err != nil {
				return nil, err
			}
			cur = t
		case unstable.ArrayTable:
			keys := keyParts(e.Key())
			parent, err := descend(root, keys[:len(keys)-1])
			if err != nil {
				return nil, err
			}
			last := keys[len(keys)-1]
			x, ok := parent.Get(last)
			var list []pyval.Value
			if ok {
				if list, ok = x.([]pyval.Value); !ok {
					return nil, fmt.Errorf("toml: %s is not an array of tables", last)
				}
			}
			cur = pyval.NewDict()
			parent.Set(last, append(list, cur))
		}
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("toml: %w", err)
	}
	return root, nil
}

func keyParts(it unstable.Iterator) []string {
	var out []string
	for it.Next() {
		out = append(out, string(it.Node().Data))
	}
	return out
}

// descend walks (creating) the tables named by keys; through an array of
// tables it goes into the last element.
func descend(t *pyval.Dict, keys []string) (*pyval.Dict, error) {
	for _, k := range keys {
		x, ok := t.Get(k)
		if !ok {
			n := pyval.NewDict()
			t.Set(k, n)
			t = n
			continue
		}
		switch y := x.(type) {
		case *pyval.Dict:
			t = y
		case []pyval.Value:
			if len(y) == 0 {
				return nil, fmt.Errorf("toml: %s is an empty array", k)
			}
			d, ok := y[len(y)-1].(*pyval.Dict)
			if !ok {
				return nil, fmt.Errorf("toml: %s is not a table", k)
			}
			t = d
		default:
			return nil, fmt.Errorf("toml: %s is not a table", k)
		}
	}
	return t, nil
}

func tomlValue(n *unstable.Node) (pyval.Value, error) {
	switch n.Kind {
	case unstable.String:
		return string(n.Data), nil
	case unstable.Bool:
		return string(n.Data) == "true", nil
	case unstable.Integer:
		return parseIntText(string(n.Data))
	case unstable.Float:
		return parseFloatText(string(n.Data))
	case unstable.Array:
		out := []pyval.Value{}
		it := n.Children()
		for it.Next() {
			v, err := tomlValue(it.Node())
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case unstable.InlineTable:
		d := pyval.NewDict()
		it := n.Children()
		for it.Next() {
			kv := it.Node()
			keys := keyParts(kv.Key())
			t, err := descend(d, keys[:len(keys)-1])
			if err != nil {
				return nil, err
			}
			v, err := tomlValue(kv.Value())
			if err != nil {
				return nil, err
			}
			t.Set(keys[len(keys)-1], v)
		}
		return d, nil
	case unstable.LocalDate:
		d, rest, msg := parseDate(string(n.Data))
		if msg != "" || rest != "" {
			return string(n.Data), nil
		}
		return d, nil
	case unstable.LocalDateTime, unstable.DateTime:
		s := string(n.Data)
		d, rest, msg := parseDate(s)
		if msg == "" && rest != "" {
			if dt, msg := parseDateTimeRest(d, rest); msg == "" {
				return dt, nil
			}
		}
		return s, nil
	}
	return string(n.Data), nil
}
