package pyval_test

import (
	"fmt"

	"github.com/toolgym/toolgym/pyval"
)

// Build a dict, print it as Python's repr() and json.dumps() would, and
// encode it as the BFCL replay anchors encode states.
func Example() {
	d := pyval.DictOf(
		"name", "café",
		"balance", 10000.0,
		"tags", []pyval.Value{"#a", "#b"},
		"point", pyval.Tuple{int64(1)},
	)
	fmt.Println(pyval.Repr(d))
	s, _ := pyval.JSONDumps(d)
	fmt.Println(s)

	state := pyval.DictOf("tweets", pyval.DictOf(int64(0), "hi"), "ids", pyval.NewSet(int64(7), int64(3)))
	b, _ := pyval.MarshalStateJSON(state)
	fmt.Println(string(b))
	// Output:
	// {'name': 'café', 'balance': 10000.0, 'tags': ['#a', '#b'], 'point': (1,)}
	// {"name": "caf\u00e9", "balance": 10000.0, "tags": ["#a", "#b"], "point": [1]}
	// {"tweets": {"int:0": "hi"}, "ids": {"__set__": [3, 7]}}
}

// Decode JSON keeping key order and the int/float distinction, then
// compare with Python's ==.
func ExampleFromJSON() {
	v, err := pyval.FromJSON([]byte(`{"b": 1, "a": 2.0, "b": 3}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(pyval.Repr(v))
	fmt.Println(pyval.Equal(v, pyval.DictOf("a", int64(2), "b", true)))
	fmt.Println(pyval.Equal(v, pyval.DictOf("a", int64(2), "b", 3.0)))
	_, err = pyval.FromJSON([]byte(`[1, 2`))
	fmt.Println(err)
	// Output:
	// {'b': 3, 'a': 2.0}
	// false
	// true
	// Expecting ',' delimiter: line 1 column 6 (char 5)
}

// random.Random(141053).randint(...) as TravelAPI draws its ids.
func ExampleRandom() {
	r := pyval.NewRandom(int64(141053))
	fmt.Println(r.RandInt(100000, 999999))
	fmt.Println(r.RandInt(100000000000, 999999999999))
	fmt.Println(pyval.Repr(r.Uniform(-10.0, 40.0)))
	// Output:
	// 251675
	// 391310425148
	// 8.546173419897784
}

// f-string formatting and round() as Python does them.
func ExampleFormatFloat() {
	fmt.Println(pyval.FormatFloat(2.675, ".2f"), pyval.FormatFloat(1234567.891, ",.2f"))
	fmt.Println(pyval.Repr(pyval.Round(2.675, 2)), pyval.Repr(pyval.Round(0.125, 2)), pyval.Repr(pyval.Round(1234.5, -2)))
	// Output:
	// 2.67 1,234,567.89
	// 2.67 0.12 1200.0
}

// An exception's Error is str(exception), as BFCL shows it to a model.
func ExampleKeyError() {
	err := pyval.KeyError("abc")
	fmt.Println("Error during execution: " + err.Error())
	fmt.Println(pyval.Repr(err), pyval.IsExc(err, "KeyError"))
	// Output:
	// Error during execution: 'abc'
	// KeyError('abc') true
}
