package vehicle

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

func stateJSON(t *testing.T, c bfcl.Class) string {
	t.Helper()
	b, err := pyval.MarshalStateJSON(c.State())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCloneIndependent(t *testing.T) {
	a := New()
	before := stateJSON(t, a)
	b := a.Clone().(*API)

	if _, err := b.LockDoors(true, []pyval.Value{"driver"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.LockDoors(false, []pyval.Value{"driver", "passenger"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.FillFuelTank(int64(10)); err != nil {
		t.Fatal(err)
	}
	b.SetHeadlights("on")
	if got := stateJSON(t, a); got != before {
		t.Errorf("changing the clone changed the original:\n got %s\nwant %s", got, before)
	}
	if got := stateJSON(t, b); got == before {
		t.Error("the clone's state did not change")
	}

	// The generators are copies: both draw the same next value, and
	// drawing from one does not advance the other.
	x, y := bfcl.ResultString(a.CurrentSpeed()), bfcl.ResultString(b.CurrentSpeed())
	if x != y {
		t.Errorf("clone drew %s, original %s", y, x)
	}
	b.CurrentSpeed()
	x2, y2 := bfcl.ResultString(a.CurrentSpeed()), bfcl.ResultString(b.CurrentSpeed())
	if x2 == y2 {
		t.Error("drawing from the clone did not leave the original behind")
	}
}

func TestStateIsSnapshot(t *testing.T) {
	a := New()
	s := a.State()
	if _, err := a.LockDoors(false, []pyval.Value{"driver"}); err != nil {
		t.Fatal(err)
	}
	doors, _ := s.Get("doorStatus")
	if v, _ := doors.(*pyval.Dict).Get("driver"); v != "unlocked" {
		t.Errorf("an earlier State changed with the instance: driver = %v", v)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		key  string
		val  pyval.Value
		want string
	}{
		{"doors not a dict", "doorStatus", []pyval.Value{"driver"}, "'list' object has no attribute 'keys'"},
		{"seed a list", "random_seed", []pyval.Value{int64(1)}, "The only supported seed types are"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := pyval.NewDict()
			cfg.Set(tc.key, tc.val)
			err := (&API{}).Load(cfg, false)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestLongContextNeedsConstants(t *testing.T) {
	// Whether or not another test loaded the constants, a long-context
	// instance either loads them all or reports why not.
	a := &API{}
	err := a.Load(pyval.NewDict(), true)
	if err == nil && (a.carMetadata == nil || a.weatherHistory == nil || a.parkingBrakeDoc == nil || a.intermediaries == nil) {
		t.Fatal("long-context Load succeeded without its constants")
	}
	if err != nil && !strings.Contains(err.Error(), "long-context") {
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestArith(t *testing.T) {
	huge, _ := new(big.Int).SetString("9223372036854775808", 10) // 2**63
	tests := []struct {
		op   string
		a, b pyval.Value
		want pyval.Value
		err  string
	}{
		{"+", int64(2), int64(3), int64(5), ""},
		{"+", int64(math.MaxInt64), int64(1), huge, ""},
		{"-", int64(math.MinInt64), int64(1), new(big.Int).Neg(new(big.Int).Add(huge, big.NewInt(1))), ""},
		{"*", int64(1 << 62), int64(2), huge, ""},
		{"*", int64(-1), int64(math.MinInt64), huge, ""},
		{"+", true, 0.5, 1.5, ""},
		{"*", int64(3), 0.1, 0.30000000000000004, ""},
		{"-", 1.0, true, 0.0, ""},
		{"+", huge, int64(-1), int64(math.MaxInt64), ""},
		{"+", "a", int64(1), nil, `can only concatenate str (not "int") to str`},
		{"+", []pyval.Value{}, "x", nil, `can only concatenate list (not "str") to list`},
		{"+", int64(1), "a", nil, "unsupported operand type(s) for +: 'int' and 'str'"},
		{"*", "ab", 2.5, nil, "can't multiply sequence by non-int of type 'float'"},
		{"*", 2.5, "ab", nil, "can't multiply sequence by non-int of type 'float'"},
		{"*", nil, 1.0, nil, "unsupported operand type(s) for *: 'NoneType' and 'float'"},
		{"-", "a", int64(32), nil, "unsupported operand type(s) for -: 'str' and 'int'"},
	}
	for _, tc := range tests {
		got, err := arith(tc.op, tc.a, tc.b)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s %s %s: error %v, want %q", pyval.Repr(tc.a), tc.op, pyval.Repr(tc.b), err, tc.err)
			}
			continue
		}
		if err != nil || pyval.Repr(got) != pyval.Repr(tc.want) || pyval.TypeName(got) != pyval.TypeName(tc.want) {
			t.Errorf("%s %s %s = %s (%v), want %s", pyval.Repr(tc.a), tc.op, pyval.Repr(tc.b), pyval.Repr(got), err, pyval.Repr(tc.want))
		}
	}
}

func TestTrueDivAndMod(t *testing.T) {
	big1, _ := new(big.Int).SetString("100000000000000000000001", 10)
	tests := []struct {
		a, b pyval.Value
		want string
	}{
		{int64(40), int64(9), "4.444444444444445"},
		{int64(1), int64(3), "0.3333333333333333"},
		{big1, int64(3), "3.333333333333333e+22"},
		{139.0, int64(4), "34.75"},
		{int64(1), int64(0), "division by zero"},
		{1.0, 0.0, "float division by zero"},
		{"x", int64(2), "unsupported operand type(s) for /: 'str' and 'int'"},
	}
	for _, tc := range tests {
		got, err := trueDiv(tc.a, tc.b)
		s := ""
		if err != nil {
			s = err.Error()
		} else {
			s = pyval.Repr(got)
		}
		if s != tc.want {
			t.Errorf("%s / %s = %s, want %s", pyval.Repr(tc.a), pyval.Repr(tc.b), s, tc.want)
		}
	}
	mods := []struct{ x, y, want float64 }{{7, 5, 2}, {-7, 5, 3}, {7, -5, -3}, {10, 5, 0}, {62.5, 5, 2.5}}
	for _, m := range mods {
		if got, _ := floatMod(m.x, m.y); got != m.want {
			t.Errorf("%v %% %v = %v, want %v", m.x, m.y, got, m.want)
		}
	}
	// Python: -10.0 % 5 == 0.0 and -10.0 % -5 == -0.0 (the divisor's sign).
	if got, _ := floatMod(-10, 5); got != 0 || math.Signbit(got) {
		t.Errorf("-10 %% 5 = %v, want 0.0", got)
	}
	if got, _ := floatMod(10, -5); got != 0 || !math.Signbit(got) {
		t.Errorf("10 %% -5 = %v, want -0.0", got)
	}
	if _, err := floatMod(1, 0); err == nil || err.Error() != "float modulo" {
		t.Errorf("1 %% 0: error %v, want float modulo", err)
	}
}

func TestCompare(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		op   string
		a, b pyval.Value
		want bool
		err  string
	}{
		{"<", int64(1), 1.5, true, ""},
		{"<=", nan, int64(1), false, ""},
		{">=", nan, nan, false, ""},
		{"<", int64(1<<53 + 1), float64(1 << 53), false, ""},
		{">", int64(1<<53 + 1), float64(1 << 53), true, ""},
		{"<", "a", "b", true, ""},
		{"<=", int64(0), "x", false, "'<=' not supported between instances of 'int' and 'str'"},
		{">", []pyval.Value{}, int64(50), false, "'>' not supported between instances of 'list' and 'int'"},
	}
	for _, tc := range tests {
		got, err := compare(tc.op, tc.a, tc.b)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s %s %s: error %v, want %q", pyval.Repr(tc.a), tc.op, pyval.Repr(tc.b), err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s %s %s = %v (%v), want %v", pyval.Repr(tc.a), tc.op, pyval.Repr(tc.b), got, err, tc.want)
		}
	}
	var e *pyval.Exception
	if _, err := compare("<", nil, int64(0)); !errors.As(err, &e) || e.Type != "TypeError" {
		t.Errorf("None < 0: error %v, want a TypeError", err)
	}
}

func TestToFloat(t *testing.T) {
	tests := []struct {
		in   pyval.Value
		want string
	}{
		{"65", "65.0"},
		{" 7_0 ", "70.0"},
		{"-0", "-0.0"},
		{".5", "0.5"},
		{"5.", "5.0"},
		{"1e3", "1000.0"},
		{"1E+2", "100.0"},
		{"1e1_0", "10000000000.0"},
		{"+Infinity", "inf"},
		{"-inf", "-inf"},
		{"NaN", "nan"},
		{"1e400", "inf"},
		{"\t12\n", "12.0"},
		{true, "1.0"},
		{int64(3), "3.0"},
		{"1__0", "could not convert string to float: '1__0'"},
		{"_1", "could not convert string to float: '_1'"},
		{"1_", "could not convert string to float: '1_'"},
		{"1_.5", "could not convert string to float: '1_.5'"},
		{"0x10", "could not convert string to float: '0x10'"},
		{"e5", "could not convert string to float: 'e5'"},
		{"1e", "could not convert string to float: '1e'"},
		{"", "could not convert string to float: ''"},
		{".", "could not convert string to float: '.'"},
		{"1.2.3", "could not convert string to float: '1.2.3'"},
		{"infinit", "could not convert string to float: 'infinit'"},
		{nil, "float() argument must be a string or a real number, not 'NoneType'"},
		{[]pyval.Value{}, "float() argument must be a string or a real number, not 'list'"},
	}
	for _, tc := range tests {
		f, err := toFloat(tc.in)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = pyval.Repr(f)
		}
		if got != tc.want {
			t.Errorf("float(%s) = %s, want %s", pyval.Repr(tc.in), got, tc.want)
		}
	}
}

// TestWeatherConstant checks that a long-context instance shows the
// weather history loaded when it is built, not one an earlier instance
// used.
func TestWeatherConstant(t *testing.T) {
	bfcltest.AnchorDir(t)
	orig, err := bfcl.Constant("LONG_WEATHER_EXTENSION")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bfcl.SetConstant("LONG_WEATHER_EXTENSION", orig) })
	weather := func() string {
		t.Helper()
		e, err := bfcl.New([]string{ClassName}, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		return e.Exec("get_outside_temperature_from_google()")
	}
	if got := weather(); !strings.HasPrefix(got, `{"-1_day": `) {
		t.Fatalf("long-context weather: %.100s", got)
	}
	bfcl.SetConstant("LONG_WEATHER_EXTENSION", pyval.DictOf("yesterday", "rain"))
	if got := weather(); !strings.HasPrefix(got, `{"yesterday": "rain", "outsideTemperature": `) {
		t.Errorf("after changing the constant: %.100s", got)
	}
}

// TestLazySeed checks that an instance seeded on its first draw draws
// what one seeded at load does, clones included, and that Load still
// refuses a seed Python refuses.
func TestLazySeed(t *testing.T) {
	cfg := pyval.DictOf("random_seed", int64(7))
	a := New()
	if err := a.Load(cfg, false); err != nil {
		t.Fatal(err)
	}
	c := a.Clone().(*API)
	r := pyval.NewRandom(int64(7))
	speed := func() string {
		s, err := pyval.JSONDumps(pyval.DictOf("currentSpeed", r.Uniform(0, 120)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	want := speed()
	for _, x := range []*API{a, c} {
		if got := bfcl.ResultString(x.CurrentSpeed()); got != want {
			t.Errorf("first draw %s, want %s", got, want)
		}
	}
	// A clone taken after a draw continues from there.
	want = speed()
	if got := bfcl.ResultString(a.Clone().(*API).CurrentSpeed()); got != want {
		t.Errorf("clone's draw %s, want %s", got, want)
	}
	for _, seed := range []pyval.Value{[]pyval.Value{}, math.NaN()} {
		if err := New().Load(pyval.DictOf("random_seed", seed), false); err == nil {
			t.Errorf("seed %s loaded", pyval.Repr(seed))
		}
	}
}
