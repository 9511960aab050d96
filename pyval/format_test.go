package pyval

import (
	"math"
	"strconv"
	"testing"
)

func parseFloatRepr(t *testing.T, s string) float64 {
	t.Helper()
	switch s {
	case "nan":
		return math.NaN()
	case "inf":
		return math.Inf(1)
	case "-inf":
		return math.Inf(-1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRound(t *testing.T) {
	for _, c := range roundCases {
		x := parseFloatRepr(t, c.x)
		got, err := roundFloat(x, c.n)
		text := Repr(got)
		if err != nil {
			text = errText(err)
		}
		if text != c.want {
			t.Errorf("round(%s, %d) = %s, want %s", c.x, c.n, text, c.want)
		}
		if err == nil && Repr(Round(x, c.n)) != c.want {
			t.Errorf("Round(%s, %d) = %s, want %s", c.x, c.n, Repr(Round(x, c.n)), c.want)
		}
	}
}

func TestPyRound(t *testing.T) {
	for _, c := range pyRoundCases {
		got, err := PyRound(lit(t, c.x), lit(t, c.n))
		text := ""
		if err != nil {
			text = errText(err)
		} else {
			text = TypeName(got) + " " + Repr(got)
		}
		if text != c.want {
			t.Errorf("round(%s, %s) = %s, want %s", c.x, c.n, text, c.want)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	for _, c := range formatFloatCases {
		x := parseFloatRepr(t, c.v)
		got, err := Format(x, c.spec)
		if c.err != "" {
			if err == nil || errText(err) != c.err {
				t.Errorf("format(%s, %q) = %q, %v; want error %q", c.v, c.spec, got, err, c.err)
			}
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("FormatFloat(%s, %q) did not panic", c.v, c.spec)
					}
				}()
				FormatFloat(x, c.spec)
			}()
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("format(%s, %q) = %q, %v; want %q", c.v, c.spec, got, err, c.want)
		}
		if got := FormatFloat(x, c.spec); got != c.want {
			t.Errorf("FormatFloat(%s, %q) = %q, want %q", c.v, c.spec, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range formatCases {
		got, err := Format(lit(t, c.v), c.spec)
		if c.err != "" {
			if err == nil || errText(err) != c.err {
				t.Errorf("format(%s, %q) = %q, %v; want error %q", c.v, c.spec, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("format(%s, %q) = %q, %v; want %q", c.v, c.spec, got, err, c.want)
		}
	}
}
