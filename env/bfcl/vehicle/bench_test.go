package vehicle

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// BenchmarkCalls measures one call through the env (parse the Python
// call, bind, run, render the result string), per typical call. The
// reference runs 14,136 VehicleControlAPI calls/s (70.7 µs a call).
func BenchmarkCalls(b *testing.B) {
	calls := []struct {
		name, call string
		long       bool
	}{
		{"lockDoors", "lockDoors(unlock=False, door=['driver', 'passenger', 'rear_left', 'rear_right'])", false},
		{"pressBrakePedal", "pressBrakePedal(pedalPosition=1.0)", false},
		{"displayCarStatus", "displayCarStatus(option='climate')", false},
		{"adjustClimateControl", "adjustClimateControl(temperature=72, unit='fahrenheit', fanSpeed=60, mode='cool')", false},
		{"liter_to_gallon", "liter_to_gallon(liter=20.0)", false},
		{"estimate_distance", "estimate_distance(cityA='83214', cityB='74532')", false},
		{"check_tire_pressure", "check_tire_pressure()", false},
		{"get_outside_temperature_from_google", "get_outside_temperature_from_google()", false},
		{"long/estimate_distance", "estimate_distance(cityA='83214', cityB='74532')", true},
		{"long/get_outside_temperature_from_google", "get_outside_temperature_from_google()", true},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			if c.long {
				bfcltest.AnchorDir(b)
			}
			e, err := bfcl.New([]string{ClassName}, nil, c.long)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				e.Exec(c.call)
			}
		})
	}
}

// BenchmarkMethods measures the methods alone, without parsing or
// rendering.
func BenchmarkMethods(b *testing.B) {
	a := New()
	doors := []pyval.Value{"driver", "passenger", "rear_left", "rear_right"}
	b.Run("LockDoors", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := a.LockDoors(false, doors); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("DisplayCarStatus", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a.DisplayCarStatus("climate")
		}
	})
	b.Run("CheckTirePressure", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := a.CheckTirePressure(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Clone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a.Clone()
		}
	})
}

// BenchmarkGroundTruth replays the class's ground-truth calls of the four
// categories, one Exec per call on a fresh env per entry; ns/call compares
// with the reference's calls/s (see bfcltest.BenchGroundTruth).
func BenchmarkGroundTruth(b *testing.B) { bfcltest.BenchGroundTruth(b, ClassName) }

// BenchmarkLoad measures building an instance from a scenario: the
// default one, and the long-context variant, which copies the reference's
// long texts in.
func BenchmarkLoad(b *testing.B) {
	for _, long := range []bool{false, true} {
		name := "default"
		if long {
			name = "long_context"
			bfcltest.AnchorDir(b)
		}
		b.Run(name, func(b *testing.B) {
			cfg := pyval.NewDict()
			b.ReportAllocs()
			for b.Loop() {
				if err := (&API{}).Load(cfg, long); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
