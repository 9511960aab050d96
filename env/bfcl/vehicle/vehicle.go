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
	"fmt"

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
	rng *pyval.Random

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

	// Long-context constants, loaded by Load and never changed (clones
	// share them); all but weatherHistory as their JSON renderings
	// (json.RawMessage), which only results hold.
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

// Load implements bfcl.Class: it sets the scenario as the reference's
// _load_scenario does, each attribute from the config or its default.
// The config's doorStatus must be a dict (the reference fails on anything
// else too).
func (a *API) Load(config *pyval.Dict, longContext bool) error {
	get := func(key string, def pyval.Value) pyval.Value {
		if v, ok := config.Get(key); ok {
			return v
		}
		return def
	}
	seed := get("random_seed", defaultSeed)
	rng, err := newRandom(seed)
	if err != nil {
		return err
	}
	a.rng = rng
	a.fuelLevel = get("fuelLevel", 0.0)
	a.batteryVoltage = get("batteryVoltage", 12.6)
	a.engineState = get("engineState", "stopped")
	doors := get("doorStatus", nil)
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
	a.acTemperature = get("acTemperature", 25.0)
	a.fanSpeed = get("fanSpeed", int64(50))
	a.acMode = get("acMode", "auto")
	a.humidityLevel = get("humidityLevel", 50.0)
	a.headLightStatus = get("headLightStatus", "off")
	a.parkingBrakeStatus = get("parkingBrakeStatus", "released")
	a.parkingBrakeForce = get("parkingBrakeForce", 0.0)
	a.slopeAngle = get("slopeAngle", 0.0)
	a.brakePedalStatus = get("brakePedalStatus", "released")
	a.brakePedalForce = get("brakePedalForce", 0.0)
	a.distanceToNextVehicle = get("distanceToNextVehicle", 50.0)
	a.cruiseStatus = get("cruiseStatus", "inactive")
	a.destination = get("destination", "None")
	a.frontLeftTirePressure = get("frontLeftTirePressure", 32.0)
	a.frontRightTirePressure = get("frontRightTirePressure", 32.0)
	a.rearLeftTirePressure = get("rearLeftTirePressure", 30.0)
	a.rearRightTirePressure = get("rearRightTirePressure", 30.0)
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
	w, err := bfcl.Constant("LONG_WEATHER_EXTENSION")
	if err != nil {
		return err
	}
	var ok bool
	if a.weatherHistory, ok = w.(*pyval.Dict); !ok {
		return fmt.Errorf("vehicle: LONG_WEATHER_EXTENSION is a %s, not a dict", pyval.TypeName(w))
	}
	if a.parkingBrakeDoc, err = bfcl.ConstantJSON("PARKING_BRAKE_INSTRUCTION"); err != nil {
		return err
	}
	a.intermediaries, err = bfcl.ConstantJSON("INTERMEDIARY_CITIES")
	return err
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

// Clone implements bfcl.Class. The door dict and the random generator are
// copied; other attributes are only ever replaced, never changed in
// place, so the copy shares them.
func (a *API) Clone() bfcl.Class {
	c := *a
	c.rng = a.rng.Clone()
	c.doorStatus = a.doorStatus.Clone()
	return &c
}
