package pyval

// PyDeepCopier is implemented by Objects that copy.deepcopy must copy;
// DeepCopy shares Objects that do not implement it.
type PyDeepCopier interface {
	PyDeepCopy() Value
}

// DeepCopy returns copy.deepcopy(v): new lists, tuples, dicts and sets all
// the way down; scalars (including *big.Int, which must be treated as
// immutable) are shared; an Object implementing PyDeepCopier is copied
// with PyDeepCopy, other Objects are shared. Unlike Python's deepcopy it
// keeps no memo: a value reachable twice is copied twice, and a cyclic
// value recurses forever.
func DeepCopy(v Value) Value {
	switch x := v.(type) {
	case []Value:
		if x == nil {
			return x
		}
		c := make([]Value, len(x))
		for i, e := range x {
			c[i] = DeepCopy(e)
		}
		return c
	case Tuple:
		if x == nil {
			return x
		}
		c := make(Tuple, len(x))
		for i, e := range x {
			c[i] = DeepCopy(e)
		}
		return c
	case *Dict:
		if x == nil {
			return x
		}
		return x.Clone()
	case *Set:
		if x == nil {
			return x
		}
		return x.Clone()
	case []string:
		if x == nil {
			return x
		}
		return append([]string(nil), x...)
	case PyDeepCopier:
		return x.PyDeepCopy()
	}
	return v
}
