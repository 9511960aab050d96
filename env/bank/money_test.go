package bank

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
		err  error
	}{
		{"0", 0, nil},
		{"1250", 125000, nil},
		{"1250.5", 125050, nil},
		{"-842.16", -84216, nil},
		{"+3.10", 310, nil},
		{"0.070", 7, nil},
		{"007.00", 700, nil},
		{"9999999999999.99", 999999999999999, nil},
		{"10000000000000", 0, errMoneyTooLarge},
		{"12.345", 0, errMoneyDecimals},
		{"1e3", 0, errMoneySyntax},
		{"", 0, errMoneySyntax},
		{".5", 0, errMoneySyntax},
		{"5.", 0, errMoneySyntax},
		{"1,250.00", 0, errMoneySyntax},
		{"--1", 0, errMoneySyntax},
		{" 1", 0, errMoneySyntax},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestMoneyString(t *testing.T) {
	for m, want := range map[Money]string{0: "0.00", 5: "0.05", -5: "-0.05", 125000: "1250.00", -84216: "-842.16"} {
		if got := m.String(); got != want {
			t.Errorf("Money(%d) = %s, want %s", int64(m), got, want)
		}
	}
}

func TestMoneyJSON(t *testing.T) {
	var v struct{ A, B Money }
	if err := json.Unmarshal([]byte(`{"A": 12.3, "B": "-0.07"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != 1230 || v.B != -7 {
		t.Errorf("decoded %+v", v)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"A":"12.30","B":"-0.07"}` {
		t.Errorf("encoded %s", b)
	}
	if err := json.Unmarshal([]byte(`{"A": true}`), &v); err == nil {
		t.Error("a boolean decoded as money")
	}
}

func TestAmountArg(t *testing.T) {
	// The float a JSON number decodes to converts back to its exact cents.
	tests := []struct {
		in   string
		want Money
		msg  string
	}{
		{"0.29", 29, ""},
		{"0.07", 7, ""},
		{"19.99", 1999, ""},
		{"1234567.89", 123456789, ""},
		{"100.50", 10050, ""},
		{"2e2", 20000, ""},
		{"1.005", 0, "amount 1.005 has more than 2 decimal places; give it in cents at most, like 12.34"},
		{"0.1e-5", 0, "amount 0.000001 has more than 2 decimal places; give it in cents at most, like 12.34"},
		{"-0", 0, "amount must be greater than 0.00, got 0.00"},
		{"12345678901234.5", 0, "amount 1.23456789012345e+13 is too large"},
	}
	for _, tt := range tests {
		var f float64
		if err := json.Unmarshal([]byte(tt.in), &f); err != nil {
			t.Fatal(err)
		}
		got, err := amountArg("amount", f)
		if tt.msg != "" {
			var te *tool.Error
			if !errors.As(err, &te) || te.Message != tt.msg {
				t.Errorf("amountArg(%s) error %v, want %q", tt.in, err, tt.msg)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("amountArg(%s) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestRate(t *testing.T) {
	tests := []struct {
		in, out string
		want    Rate
		bad     bool
	}{
		{in: "1.0842", out: "1.0842", want: 1084200},
		{in: "1", out: "1.0000", want: 1000000},
		{in: "0.000001", out: "0.000001", want: 1},
		{in: "133.25", out: "133.2500", want: 133250000},
		{in: "0.123456", out: "0.123456", want: 123456},
		{in: "0.1234567", bad: true},
		{in: "0", bad: true},
		{in: "-1.2", bad: true},
		{in: "1e2", bad: true},
		{in: "1234567", bad: true},
	}
	for _, tt := range tests {
		r, err := ParseRate(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseRate(%q) = %d, want an error", tt.in, r)
			}
			continue
		}
		if err != nil || r != tt.want || r.String() != tt.out {
			t.Errorf("ParseRate(%q) = %d (%s), %v; want %d (%s)", tt.in, r, r, err, tt.want, tt.out)
		}
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		m    Money
		r    Rate
		want Money
	}{
		{50000, 1084200, 54210}, // 500.00 EUR -> 542.10 USD
		{1, 1500000, 2},         // 0.015 rounds half up to 0.02
		{1, 1499999, 1},         // 0.014999... rounds down
		{-1, 1500000, -2},       // halves round away from zero
		{999999999999999, 999999999, 999999998999999000}, // no overflow
	}
	for _, tt := range tests {
		if got := Convert(tt.m, tt.r); got != tt.want {
			t.Errorf("Convert(%s, %s) = %s, want %s", tt.m, tt.r, got, tt.want)
		}
	}
}

// FuzzParseMoney checks that every amount ParseMoney accepts formats to a
// text that parses back to the same amount, and that the float a model
// would send for it converts to it exactly.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"0", "1250.5", "-842.16", "+3.10", "0.070", "1e3", "12.345", "9999999999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("%q -> %s -> %d, %v", s, m, back, err)
		}
		var f float64
		if json.Unmarshal([]byte(m.String()), &f) != nil {
			t.Fatalf("%s is not a JSON number", m)
		}
		if m > 0 && m < 1e15 {
			got, err := amountArg("amount", f)
			if err != nil || got != m {
				t.Fatalf("amountArg(%v) = %s, %v; want %s", f, got, err, m)
			}
		}
	})
}
