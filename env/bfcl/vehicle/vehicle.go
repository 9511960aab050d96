// Package vehicle re-implements BFCL's VehicleControlAPI (the reference's
// vehicle_control.py): a car with an engine, doors, fuel tank, climate
// control, headlights, brakes, cruise control, navigation and tyres, plus
// unit conversions and a few lookups. Every method returns the dict the
// reference returns, key for key, so its json.dumps text is the same byte
// for byte; wrong argument types fail with the TypeError or ValueError
// text CPython would raise. Outside temperatures and speeds come from a
// CPython-equivalent random.Random seeded as the reference seeds it; the
// long-context variant adds the reference's long texts (car metadata,
// weather history, parking-brake instructions, intermediary cities) to
// the results that carry them.
//
// The class registers itself as "VehicleControlAPI" with package bfcl.
package vehicle

import (
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name.
const ClassName = "VehicleControlAPI"

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return &API{} }) // unloaded: Env loads it
}

// Limits and defaults of the reference.
const (
	maxFuelLevel  = int64(50)
	minFuelLevel  = 0.0
	milePerGallon = 20.0
	defaultSeed   = int64(141053)
)

// API is one VehicleControlAPI instance. Attributes hold Python values,
// since a model's arguments (stored as they come, as the reference stores
// them) may be of any type.
type API struct {
	out bfcl.Out // the result slot (see bfcl.Out)
	// rng is the generator, seeded with seed when first drawn from (most
	// scenarios never draw); nil until then.
	rng  *pyval.Random
	seed pyval.Value

	fuelLevel              pyval.Value
	batteryVoltage         pyval.Value
	engineState            pyval.Value
	remainingUnlockedDoors int64
	doorStatus             *pyval.Dict
	acTemperature          pyval.Value
	fanSpeed               pyval.Value
	acMode                 pyval.Value
	humidityLevel          pyval.Value
	headLightStatus        pyval.Value
	parkingBrakeStatus     pyval.Value
	parkingBrakeForce      pyval.Value // private in the reference (_parkingBrakeForce)
	slopeAngle             pyval.Value // private in the reference (_slopeAngle)
	brakePedalStatus       pyval.Value
	brakePedalForce        pyval.Value // private in the reference (_brakePedalForce)
	distanceToNextVehicle  pyval.Value
	cruiseStatus           pyval.Value
	destination            pyval.Value
	frontLeftTirePressure  pyval.Value
	frontRightTirePressure pyval.Value
	rearLeftTirePressure   pyval.Value
	rearRightTirePressure  pyval.Value
	longContext            bool

	// Long-context constants, loaded by Load and never changed (all
	// instances share them); all but weatherHistory as their JSON
	// renderings (json.RawMessage), which only results hold.
	carMetadata     pyval.Value
	weatherHistory  *pyval.Dict
	parkingBrakeDoc pyval.Value
	intermediaries  pyval.Value
}

// New returns an instance in the reference's default scenario.
func New() *API {
	a := &API{}
	if err := a.Load(pyval.NewDict(), false); err != nil {
		panic(err) // the default scenario always loads
	}
	return a
}

// Name implements bfcl.Class.
func (a *API) Name() string { return ClassName }

// CopiesConfig implements bfcl.ConfigCopier: Load copies the door
// status, the one part of the config a method changes in place.
func (*API) CopiesConfig() {}

// The scenario keys Load reads (scenario.get(key, default) in the
// reference), by slot.
const (
	slotSeed = iota
	slotFuelLevel
	slotBatteryVoltage
	slotEngineState
	slotDoorStatus
	slotACTemperature
	slotFanSpeed
	slotACMode
	slotHumidityLevel
	slotHeadLightStatus
	slotParkingBrakeStatus
	slotParkingBrakeForce
	slotSlopeAngle
	slotBrakePedalStatus
	slotBrakePedalForce
	slotDistanceToNextVehicle
	slotCruiseStatus
	slotDestination
	slotFrontLeftTirePressure
	slotFrontRightTirePressure
	slotRearLeftTirePressure
	slotRearRightTirePressure
	numSlots
)

// scenarioSlots maps each key to its slot.
var scenarioSlots = map[string]int{
	"random_seed":            slotSeed,
	"fuelLevel":              slotFuelLevel,
	"batteryVoltage":         slotBatteryVoltage,
	"engineState":            slotEngineState,
	"doorStatus":             slotDoorStatus,
	"acTemperature":          slotACTemperature,
	"fanSpeed":               slotFanSpeed,
	"acMode":                 slotACMode,
	"humidityLevel":          slotHumidityLevel,
	"headLightStatus":        slotHeadLightStatus,
	"parkingBrakeStatus":     slotParkingBrakeStatus,
	"parkingBrakeForce":      slotParkingBrakeForce,
	"slopeAngle":             slotSlopeAngle,
	"brakePedalStatus":       slotBrakePedalStatus,
	"brakePedalForce":        slotBrakePedalForce,
	"distanceToNextVehicle":  slotDistanceToNextVehicle,
	"cruiseStatus":           slotCruiseStatus,
	"destination":            slotDestination,
	"frontLeftTirePressure":  slotFrontLeftTirePressure,
	"frontRightTirePressure": slotFrontRightTirePressure,
	"rearLeftTirePressure":   slotRearLeftTirePressure,
	"rearRightTirePressure":  slotRearRightTirePressure,
}

// scenarioDefaults are the reference's defaults, by slot (a nil
// doorStatus stands for all four doors unlocked).
var scenarioDefaults = [numSlots]pyval.Value{
	slotSeed:                   defaultSeed,
	slotFuelLevel:              0.0,
	slotBatteryVoltage:         12.6,
	slotEngineState:            "stopped",
	slotDoorStatus:             nil,
	slotACTemperature:          25.0,
	slotFanSpeed:               int64(50),
	slotACMode:                 "auto",
	slotHumidityLevel:          50.0,
	slotHeadLightStatus:        "off",
	slotParkingBrakeStatus:     "released",
	slotParkingBrakeForce:      0.0,
	slotSlopeAngle:             0.0,
	slotBrakePedalStatus:       "released",
	slotBrakePedalForce:        0.0,
	slotDistanceToNextVehicle:  50.0,
	slotCruiseStatus:           "inactive",
	slotDestination:            "None",
	slotFrontLeftTirePressure:  32.0,
	slotFrontRightTirePressure: 32.0,
	slotRearLeftTirePressure:   30.0,
	slotRearRightTirePressure:  30.0,
}

// Load implements bfcl.Class: it sets the scenario as the reference's
// _load_scenario does, each attribute from the config or its default.
// The config's doorStatus must be a dict (the reference fails on anything
// else too).
func (a *API) Load(config *pyval.Dict, longContext bool) error {
	v := scenarioDefaults
	config.Items(func(k, x pyval.Value) bool {
		if s, ok := k.(string); ok {
			if i, ok := scenarioSlots[s]; ok {
				v[i] = x
			}
		}
		return true
	})
	seed := v[slotSeed]
	if err := checkSeed(seed); err != nil {
		return err
	}
	a.seed, a.rng = seed, nil
	if seed == nil {
		// Seeded from entropy: seed now, so that clones draw what the
		// original draws, as deep copies of a seeded generator do.
		rng, err := newRandom(seed)
		if err != nil {
			return err
		}
		a.rng = rng
	}
	a.fuelLevel = v[slotFuelLevel]
	a.batteryVoltage = v[slotBatteryVoltage]
	a.engineState = v[slotEngineState]
	doors := v[slotDoorStatus]
	if d, ok := doors.(*pyval.Dict); ok {
		// The config is the entry's own (CopiesConfig) and lockDoors
		// changes the doors: copy them. Every other attribute is
		// replaced by the methods, never changed in place.
		doors = d.Clone()
	}
	if doors == nil {
		d := pyval.NewDict()
		for _, k := range []string{"driver", "passenger", "rear_left", "rear_right"} {
			d.Set(k, "unlocked")
		}
		doors = d
	}
	ds, ok := doors.(*pyval.Dict)
	if !ok {
		return fmt.Errorf("vehicle: doorStatus: '%s' object has no attribute 'keys'", pyval.TypeName(doors))
	}
	a.doorStatus = ds
	locked := int64(0)
	ds.Items(func(_, v pyval.Value) bool {
		if isStr(v, "locked") {
			locked++
		}
		return true
	})
	a.remainingUnlockedDoors = 4 - locked
	a.acTemperature = v[slotACTemperature]
	a.fanSpeed = v[slotFanSpeed]
	a.acMode = v[slotACMode]
	a.humidityLevel = v[slotHumidityLevel]
	a.headLightStatus = v[slotHeadLightStatus]
	a.parkingBrakeStatus = v[slotParkingBrakeStatus]
	a.parkingBrakeForce = v[slotParkingBrakeForce]
	a.slopeAngle = v[slotSlopeAngle]
	a.brakePedalStatus = v[slotBrakePedalStatus]
	a.brakePedalForce = v[slotBrakePedalForce]
	a.distanceToNextVehicle = v[slotDistanceToNextVehicle]
	a.cruiseStatus = v[slotCruiseStatus]
	a.destination = v[slotDestination]
	a.frontLeftTirePressure = v[slotFrontLeftTirePressure]
	a.frontRightTirePressure = v[slotFrontRightTirePressure]
	a.rearLeftTirePressure = v[slotRearLeftTirePressure]
	a.rearRightTirePressure = v[slotRearRightTirePressure]
	a.longContext = longContext
	a.carMetadata, a.weatherHistory, a.parkingBrakeDoc, a.intermediaries = nil, nil, nil, nil
	if longContext {
		return a.loadLongContext()
	}
	return nil
}

func (a *API) loadLongContext() error {
	var err error
	// The texts only ever go into results, unchanged: their renderings
	// stand in for them there (the executor writes them as they are).
	if a.carMetadata, err = bfcl.ConstantJSON("CAR_STATUS_METADATA_EXTENSION"); err != nil {
		return err
	}
	if a.weatherHistory, err = weatherHistory(); err != nil {
		return err
	}
	if a.parkingBrakeDoc, err = bfcl.ConstantJSON("PARKING_BRAKE_INSTRUCTION"); err != nil {
		return err
	}
	a.intermediaries, err = bfcl.ConstantJSON("INTERMEDIARY_CITIES")
	return err
}

// weather is LONG_WEATHER_EXTENSION, copied once per loaded set of
// constants and shared by every instance, which only reads it; from is
// bfcl's shared rendering of the constant it was copied from, which is
// made anew whenever the constant changes.
type weather struct {
	from    json.RawMessage
	history *pyval.Dict
}

var weatherCache atomic.Pointer[weather]

// weatherHistory returns LONG_WEATHER_EXTENSION, shared: callers must not
// change it.
func weatherHistory() (*pyval.Dict, error) {
	// Without a rendering (a constant JSON cannot hold), nothing
	// identifies the constant: copy it for this instance alone.
	from, fromErr := bfcl.ConstantJSON("LONG_WEATHER_EXTENSION")
	if w := weatherCache.Load(); fromErr == nil && w != nil && len(w.from) == len(from) && unsafe.SliceData(w.from) == unsafe.SliceData(from) {
		return w.history, nil
	}
	v, err := bfcl.Constant("LONG_WEATHER_EXTENSION")
	if err != nil {
		return nil, err
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		return nil, fmt.Errorf("vehicle: LONG_WEATHER_EXTENSION is a %s, not a dict", pyval.TypeName(v))
	}
	if fromErr == nil {
		weatherCache.Store(&weather{from: from, history: d})
	}
	return d, nil
}

// seedCheck is a generator that checkSeed seeds to validate a seed.
var seedCheck struct {
	sync.Mutex
	r pyval.Random
}

// checkSeed reports the error seeding a generator with seed gives (the
// TypeError or ValueError Python raises), without keeping a generator.
func checkSeed(seed pyval.Value) error {
	seedCheck.Lock()
	defer seedCheck.Unlock()
	if err := seedCheck.r.Seed(seed); err != nil {
		return fmt.Errorf("%s: random_seed: %w", "vehicle", err)
	}
	return nil
}

// random returns the generator, seeding it on first use.
func (a *API) random() *pyval.Random {
	if a.rng == nil {
		rng, err := newRandom(a.seed)
		if err != nil {
			panic(err) // checkSeed accepted the seed at Load
		}
		a.rng = rng
	}
	return a.rng
}

// newRandom seeds random.Random as the reference does with the scenario's
// random_seed.
func newRandom(seed pyval.Value) (*pyval.Random, error) {
	r := new(pyval.Random)
	if err := r.Seed(seed); err != nil {
		return nil, fmt.Errorf("%s: random_seed: %w", "vehicle", err)
	}
	return r, nil
}

// State implements bfcl.Class: the public attributes in the order the
// reference's vars() lists them. Values are copies.
func (a *API) State() *pyval.Dict {
	d := pyval.NewDict()
	d.Set("fuelLevel", pyval.DeepCopy(a.fuelLevel))
	d.Set("batteryVoltage", pyval.DeepCopy(a.batteryVoltage))
	d.Set("engine_state", pyval.DeepCopy(a.engineState))
	d.Set("remainingUnlockedDoors", a.remainingUnlockedDoors)
	d.Set("doorStatus", pyval.DeepCopy(a.doorStatus))
	d.Set("acTemperature", pyval.DeepCopy(a.acTemperature))
	d.Set("fanSpeed", pyval.DeepCopy(a.fanSpeed))
	d.Set("acMode", pyval.DeepCopy(a.acMode))
	d.Set("humidityLevel", pyval.DeepCopy(a.humidityLevel))
	d.Set("headLightStatus", pyval.DeepCopy(a.headLightStatus))
	d.Set("parkingBrakeStatus", pyval.DeepCopy(a.parkingBrakeStatus))
	d.Set("brakePedalStatus", pyval.DeepCopy(a.brakePedalStatus))
	d.Set("distanceToNextVehicle", pyval.DeepCopy(a.distanceToNextVehicle))
	d.Set("cruiseStatus", pyval.DeepCopy(a.cruiseStatus))
	d.Set("destination", pyval.DeepCopy(a.destination))
	d.Set("frontLeftTirePressure", pyval.DeepCopy(a.frontLeftTirePressure))
	d.Set("frontRightTirePressure", pyval.DeepCopy(a.frontRightTirePressure))
	d.Set("rearLeftTirePressure", pyval.DeepCopy(a.rearLeftTirePressure))
	d.Set("rearRightTirePressure", pyval.DeepCopy(a.rearRightTirePressure))
	d.Set("long_context", a.longContext)
	return d
}

// StateEqual implements bfcl.StateComparer: the attributes State lists,
// compared without copying them.
func (a *API) StateEqual(other bfcl.Class) bool {
	o, ok := other.(*API)
	return ok && pyval.Equal(a.fuelLevel, o.fuelLevel) &&
		pyval.Equal(a.batteryVoltage, o.batteryVoltage) &&
		pyval.Equal(a.engineState, o.engineState) &&
		pyval.Equal(a.remainingUnlockedDoors, o.remainingUnlockedDoors) &&
		pyval.Equal(a.doorStatus, o.doorStatus) &&
		pyval.Equal(a.acTemperature, o.acTemperature) &&
		pyval.Equal(a.fanSpeed, o.fanSpeed) &&
		pyval.Equal(a.acMode, o.acMode) &&
		pyval.Equal(a.humidityLevel, o.humidityLevel) &&
		pyval.Equal(a.headLightStatus, o.headLightStatus) &&
		pyval.Equal(a.parkingBrakeStatus, o.parkingBrakeStatus) &&
		pyval.Equal(a.brakePedalStatus, o.brakePedalStatus) &&
		pyval.Equal(a.distanceToNextVehicle, o.distanceToNextVehicle) &&
		pyval.Equal(a.cruiseStatus, o.cruiseStatus) &&
		pyval.Equal(a.destination, o.destination) &&
		pyval.Equal(a.frontLeftTirePressure, o.frontLeftTirePressure) &&
		pyval.Equal(a.frontRightTirePressure, o.frontRightTirePressure) &&
		pyval.Equal(a.rearLeftTirePressure, o.rearLeftTirePressure) &&
		pyval.Equal(a.rearRightTirePressure, o.rearRightTirePressure) &&
		pyval.Equal(a.longContext, o.longContext)
}

// Clone implements bfcl.Class. The door dict and the random generator
// (once seeded) are copied; other attributes are only ever replaced,
// never changed in place, so the copy shares them.
func (a *API) Clone() bfcl.Class {
	c := *a
	if a.rng != nil {
		c.rng = a.rng.Clone()
	}
	c.doorStatus = a.doorStatus.Clone()
	return &c
}
