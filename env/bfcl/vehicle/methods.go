package vehicle

import (
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// Methods implements bfcl.Class: the reference's public methods, with
// their parameters in signature order.
func (a *API) Methods() []bfcl.Method { return bfcl.Bound(a, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*API) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	req := bfcl.Req
	m := func(name string, call func(*API, []pyval.Value) (pyval.Value, error), params ...bfcl.Param) bfcl.Method {
		return bfcl.Method{Name: name, Params: params, Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { return call(c.(*API), v) }}
	}
	return []bfcl.Method{
		m("startEngine", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.StartEngine(v[0]) }, req("ignitionMode")),
		m("fillFuelTank", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.FillFuelTank(v[0]) }, req("fuelAmount")),
		m("lockDoors", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.LockDoors(v[0], v[1]) }, req("unlock"), req("door")),
		m("adjustClimateControl", func(a *API, v []pyval.Value) (pyval.Value, error) {
			return a.AdjustClimateControl(v[0], v[1], v[2], v[3])
		}, req("temperature"), bfcl.Opt("unit", "celsius"), bfcl.Opt("fanSpeed", int64(50)), bfcl.Opt("mode", "auto")),
		m("get_outside_temperature_from_google", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.OutsideTemperatureFromGoogle(), nil }),
		m("get_outside_temperature_from_weather_com", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.OutsideTemperatureFromWeatherCom(), nil }),
		m("setHeadlights", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.SetHeadlights(v[0]), nil }, req("mode")),
		m("displayCarStatus", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.DisplayCarStatus(v[0]), nil }, req("option")),
		m("activateParkingBrake", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.ActivateParkingBrake(v[0]), nil }, req("mode")),
		m("pressBrakePedal", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.PressBrakePedal(v[0]) }, req("pedalPosition")),
		m("releaseBrakePedal", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.ReleaseBrakePedal(), nil }),
		m("setCruiseControl", func(a *API, v []pyval.Value) (pyval.Value, error) {
			return a.SetCruiseControl(v[0], v[1], v[2])
		}, req("speed"), req("activate"), req("distanceToNextVehicle")),
		m("get_current_speed", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.CurrentSpeed(), nil }),
		m("display_log", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.DisplayLog(v[0]), nil }, req("messages")),
		m("estimate_drive_feasibility_by_mileage", func(a *API, v []pyval.Value) (pyval.Value, error) {
			return a.EstimateDriveFeasibilityByMileage(v[0])
		}, req("distance")),
		m("liter_to_gallon", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.LiterToGallon(v[0]) }, req("liter")),
		m("gallon_to_liter", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.GallonToLiter(v[0]) }, req("gallon")),
		m("estimate_distance", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.EstimateDistance(v[0], v[1]), nil }, req("cityA"), req("cityB")),
		m("get_zipcode_based_on_city", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.ZipcodeBasedOnCity(v[0]), nil }, req("city")),
		m("set_navigation", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.SetNavigation(v[0]) }, req("destination")),
		m("check_tire_pressure", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.CheckTirePressure() }),
		m("find_nearest_tire_shop", func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.FindNearestTireShop(), nil }),
	}
})

// dict builds a result dict from alternating keys and values.
// dict returns the result {kv...} rendered, in the instance's result slot
// (the dict itself when a value is not JSON serialisable).
func (a *API) dict(kv ...pyval.Value) pyval.Value {
	kv = kv[:len(kv)&^1]
	if t, ok := bfcl.RenderText(kv...); ok {
		return a.out.Return(t)
	}
	return pyval.DictOf(kv...)
}

func (a *API) errDict(msg pyval.Value) pyval.Value { return a.dict("error", msg) }

// StartEngine is startEngine(ignitionMode): it starts the engine when all
// doors are locked and the brake pedal is pressed fully; "STOP" stops it
// first (and then reports an invalid mode once the checks pass).
func (a *API) StartEngine(ignitionMode pyval.Value) (pyval.Value, error) {
	if isStr(ignitionMode, "STOP") {
		a.engineState = "stopped"
	}
	if a.remainingUnlockedDoors > 0 {
		var buf [8]string
		unlocked := buf[:0]
		a.doorStatus.Items(func(k, v pyval.Value) bool {
			if isStr(v, "unlocked") {
				unlocked = append(unlocked, pyval.Str(k))
			}
			return true
		})
		return a.errDict("All doors must be locked before starting the engine. Here are the unlocked doors: " + strings.Join(unlocked, ", ")), nil
	}
	if !isStr(a.brakePedalStatus, "pressed") {
		return a.errDict("Brake pedal needs to be pressed when starting the engine."), nil
	}
	if !pyval.Equal(a.brakePedalForce, 1000.0) {
		return a.errDict("Must press the brake fully before starting the engine."), nil
	}
	empty, err := compare("<", a.fuelLevel, minFuelLevel)
	if err != nil {
		return nil, err
	}
	if empty {
		return a.errDict("Fuel tank is empty."), nil
	}
	if !isStr(ignitionMode, "START") {
		return a.errDict("Invalid ignition mode."), nil
	}
	a.engineState = "running"
	return a.dict("engineState", a.engineState, "fuelLevel", a.fuelLevel, "batteryVoltage", a.batteryVoltage), nil
}

// FillFuelTank is fillFuelTank(fuelAmount): it adds fuel, up to the
// 50-gallon capacity.
func (a *API) FillFuelTank(fuelAmount pyval.Value) (pyval.Value, error) {
	neg, err := compare("<", fuelAmount, int64(0))
	if err != nil {
		return nil, err
	}
	if neg {
		return a.errDict("Fuel amount cannot be negative."), nil
	}
	sum, err := arith("+", a.fuelLevel, fuelAmount)
	if err != nil {
		return nil, err
	}
	if over, err := compare(">", sum, maxFuelLevel); err != nil {
		return nil, err
	} else if over {
		return a.errDict("Cannot fill gas above the tank capacity."), nil
	}
	if under, err := compare("<", sum, minFuelLevel); err != nil {
		return nil, err
	} else if under {
		return a.errDict("Fuel tank is empty. Min fuel level is 0 gallons."), nil
	}
	a.fuelLevel = sum
	return a.dict("fuelLevel", a.fuelLevel), nil
}

// LockDoors is lockDoors(unlock, door): it locks (or unlocks) the named
// doors one by one; an unknown door is a KeyError, raised after the doors
// before it were changed, as in the reference.
func (a *API) LockDoors(unlock, door pyval.Value) (pyval.Value, error) {
	doors, err := iterate(door)
	if err != nil {
		return nil, err
	}
	// want boxed once: the doors and the result hold it.
	wantS, want := "locked", pyval.Value("locked")
	if pyval.Truth(unlock) {
		wantS, want = "unlocked", pyval.Value("unlocked")
	}
	for _, d := range doors {
		if _, ok := d.(string); !ok && !pyval.Hashable(d) {
			return nil, pyval.TypeError("unhashable type: '" + pyval.TypeName(d) + "'")
		}
		cur, ok := a.doorStatus.Get(d)
		if !ok {
			return nil, pyval.KeyError(d)
		}
		if isStr(cur, wantS) {
			continue
		}
		a.doorStatus.Set(d, want)
		if wantS == "unlocked" {
			a.remainingUnlockedDoors++
		} else {
			a.remainingUnlockedDoors--
		}
	}
	return a.dict("lockStatus", want, "remainingUnlockedDoors", a.remainingUnlockedDoors), nil
}

// AdjustClimateControl is adjustClimateControl(temperature, unit,
// fanSpeed, mode). A Fahrenheit temperature is stored in Celsius; the
// result echoes the temperature as given.
func (a *API) AdjustClimateControl(temperature, unit, fanSpeed, mode pyval.Value) (pyval.Value, error) {
	ok, err := between(int64(0), fanSpeed, int64(100))
	if err != nil {
		return nil, err
	}
	if !ok {
		return a.errDict("Fan speed must be between 0 and 100."), nil
	}
	a.acTemperature = temperature
	if isStr(unit, "fahrenheit") {
		t, err := arith("-", temperature, int64(32))
		if err != nil {
			return nil, err
		}
		if t, err = arith("*", t, int64(5)); err != nil {
			return nil, err
		}
		if t, err = trueDiv(t, int64(9)); err != nil {
			return nil, err
		}
		a.acTemperature = t
	}
	a.fanSpeed = fanSpeed
	a.acMode = mode
	return a.dict("currentACTemperature", temperature, "climateMode", mode, "humidityLevel", a.humidityLevel), nil
}

// OutsideTemperatureFromGoogle is get_outside_temperature_from_google():
// a temperature drawn uniformly from [-10, 40); the long-context variant
// returns it after a long weather history.
func (a *API) OutsideTemperatureFromGoogle() pyval.Value {
	t := a.random().Uniform(-10.0, 40.0)
	if a.longContext {
		var buf [2 * 20]pyval.Value // the items, built into one dict
		kv := buf[:0]
		a.weatherHistory.Items(func(k, v pyval.Value) bool {
			kv = append(kv, k, v)
			return true
		})
		return pyval.DictOf(append(kv, "outsideTemperature", t)...)
	}
	return a.dict("outsideTemperature", t)
}

// OutsideTemperatureFromWeatherCom is
// get_outside_temperature_from_weather_com(): always {"error": 404}.
func (a *API) OutsideTemperatureFromWeatherCom() pyval.Value { return a.errDict(int64(404)) }

// SetHeadlights is setHeadlights(mode): "on" turns them on, "off" and
// "auto" off.
func (a *API) SetHeadlights(mode pyval.Value) pyval.Value {
	s, isString := mode.(string)
	switch {
	case !isString || (s != "on" && s != "off" && s != "auto"):
		return a.errDict("Invalid headlight mode.")
	case s == "on":
		a.headLightStatus = "on"
		return a.dict("headlightStatus", "on")
	}
	a.headLightStatus = "off"
	return a.dict("headlightStatus", "off")
}

// DisplayCarStatus is displayCarStatus(option): the attributes of one
// part of the car (fuel, battery, doors, climate, headlights,
// parkingBrake, brakePedal, engine).
func (a *API) DisplayCarStatus(option pyval.Value) pyval.Value {
	var buf [10]pyval.Value // the items, built into one dict
	kv := buf[:0]
	if a.longContext {
		kv = append(kv, "metadata", a.carMetadata)
	}
	s, isString := option.(string)
	if !isString {
		s = "" // not a str: matches no option
	}
	switch s {
	case "fuel":
		kv = append(kv, "fuelLevel", a.fuelLevel)
	case "battery":
		kv = append(kv, "batteryVoltage", a.batteryVoltage)
	case "doors":
		kv = append(kv, "doorStatus", a.doorStatus)
	case "climate":
		kv = append(kv, "currentACTemperature", a.acTemperature, "fanSpeed", a.fanSpeed,
			"climateMode", a.acMode, "humidityLevel", a.humidityLevel)
	case "headlights":
		kv = append(kv, "headlightStatus", a.headLightStatus)
	case "parkingBrake":
		kv = append(kv, "parkingBrakeStatus", a.parkingBrakeStatus, "parkingBrakeForce", a.parkingBrakeForce,
			"slopeAngle", a.slopeAngle)
	case "brakePedal":
		kv = append(kv, "brakePedalStatus", a.brakePedalStatus, "brakePedalForce", a.brakePedalForce)
	case "engine":
		kv = append(kv, "engineState", a.engineState)
	default:
		kv = append(kv, "error", "Invalid option")
	}
	return bfcl.RenderDict(kv...)
}

// ActivateParkingBrake is activateParkingBrake(mode): "engage" or
// "release".
func (a *API) ActivateParkingBrake(mode pyval.Value) pyval.Value {
	var status, force pyval.Value // boxed once: the state and the result hold them
	switch {
	case isStr(mode, "engage"):
		status, force = "engaged", 500.0
	case isStr(mode, "release"):
		status, force = "released", 0.0
	default:
		return a.errDict("Invalid mode")
	}
	a.parkingBrakeStatus = status
	a.parkingBrakeForce = force
	a.slopeAngle = 10.0
	if a.longContext {
		return a.dict("parkingBrakeInstruction", a.parkingBrakeDoc, "parkingBrakeStatus", status,
			"_parkingBrakeForce", force, "_slopeAngle", 10.0)
	}
	return a.dict("parkingBrakeStatus", status, "_parkingBrakeForce", force, "_slopeAngle", 10.0)
}

// PressBrakePedal is pressBrakePedal(pedalPosition): position 0 releases
// the pedal; otherwise the force is position times 1000 N.
func (a *API) PressBrakePedal(pedalPosition pyval.Value) (pyval.Value, error) {
	ok, err := between(int64(0), pedalPosition, int64(1))
	if err != nil {
		return nil, err
	}
	if !ok {
		return a.errDict("Pedal position must be between 0 and 1."), nil
	}
	if pyval.Equal(pedalPosition, int64(0)) {
		a.brakePedalStatus = "released"
		a.brakePedalForce = 0.0
		return a.dict("brakePedalStatus", "released", "brakePedalForce", 0.0), nil
	}
	force, err := arith("*", pedalPosition, int64(1000))
	if err != nil {
		return nil, err
	}
	shown := force // float(force), the same value when force is a float
	if _, ok := force.(float64); !ok {
		f, err := toFloat(force)
		if err != nil {
			return nil, err
		}
		shown = f
	}
	a.brakePedalStatus = "pressed"
	a.brakePedalForce = force
	return a.dict("brakePedalStatus", "pressed", "brakePedalForce", shown), nil
}

// ReleaseBrakePedal is releaseBrakePedal().
func (a *API) ReleaseBrakePedal() pyval.Value {
	a.brakePedalStatus = "released"
	a.brakePedalForce = 0.0
	return a.dict("brakePedalStatus", "released", "brakePedalForce", 0.0)
}

// SetCruiseControl is setCruiseControl(speed, activate,
// distanceToNextVehicle): the engine must run; an activated speed must be
// a multiple of 5 in [0, 120] (the distance is stored even when it is
// not).
func (a *API) SetCruiseControl(speed, activate, distanceToNextVehicle pyval.Value) (pyval.Value, error) {
	dist, err := toFloat(distanceToNextVehicle)
	if err != nil {
		return nil, err
	}
	sp, err := toFloat(speed)
	if err != nil {
		return nil, err
	}
	if isStr(a.engineState, "stopped") {
		return a.errDict("Start the engine before activating the cruise control."), nil
	}
	status := "inactive"
	a.distanceToNextVehicle = dist
	if pyval.Truth(activate) {
		bad := sp < 0 || sp > 120
		if !bad {
			m, _ := floatMod(sp, 5)
			bad = m != 0
		}
		if bad {
			return a.errDict("Invalid speed"), nil
		}
		status = "active"
	}
	a.cruiseStatus = status
	return a.dict("cruiseStatus", status, "currentSpeed", sp, "distanceToNextVehicle", dist), nil
}

// CurrentSpeed is get_current_speed(): a speed drawn uniformly from
// [0, 120).
func (a *API) CurrentSpeed() pyval.Value {
	return a.dict("currentSpeed", a.random().Uniform(0.0, 120.0))
}

// DisplayLog is display_log(messages): the messages, as given.
func (a *API) DisplayLog(messages pyval.Value) pyval.Value { return a.dict("log", messages) }

// EstimateDriveFeasibilityByMileage is
// estimate_drive_feasibility_by_mileage(distance), at 20 miles a gallon.
func (a *API) EstimateDriveFeasibilityByMileage(distance pyval.Value) (pyval.Value, error) {
	reach, err := arith("*", a.fuelLevel, milePerGallon)
	if err != nil {
		return nil, err
	}
	short, err := compare("<", reach, distance)
	if err != nil {
		return nil, err
	}
	return a.dict("canDrive", !short), nil
}

// LiterToGallon is liter_to_gallon(liter).
func (a *API) LiterToGallon(liter pyval.Value) (pyval.Value, error) {
	g, err := arith("*", liter, 0.264172)
	if err != nil {
		return nil, err
	}
	return a.dict("gallon", g), nil
}

// GallonToLiter is gallon_to_liter(gallon).
func (a *API) GallonToLiter(gallon pyval.Value) (pyval.Value, error) {
	l, err := arith("*", gallon, 3.78541)
	if err != nil {
		return nil, err
	}
	return a.dict("liter", l), nil
}

// distances are the reference's known city pairs (zip codes, either
// order) in kilometres.
var distances = map[[2]string]pyval.Value{
	{"83214", "74532"}: 750.0,
	{"56108", "62947"}: 320.0,
	{"71354", "83462"}: 450.0,
	{"47329", "52013"}: 290.0,
	{"69238", "51479"}: 630.0,
	{"94016", "83214"}: 980.0,
	{"94016", "94704"}: 600.0,
	{"94704", "08540"}: 2550.0,
	{"94016", "08540"}: 1950.0,
	{"62947", "47329"}: 1053.0,
	{"94016", "62947"}: 780.0,
	{"74532", "94016"}: 880.0,
}

// EstimateDistance is estimate_distance(cityA, cityB), between two zip
// codes; the long-context variant adds intermediary cities.
func (a *API) EstimateDistance(cityA, cityB pyval.Value) pyval.Value {
	x, okA := cityA.(string)
	y, okB := cityB.(string)
	km, ok := distances[[2]string{x, y}]
	if !ok {
		km, ok = distances[[2]string{y, x}]
	}
	k, v := pyval.Value("distance"), km
	if !ok || !okA || !okB {
		k, v = "error", "distance not found in database."
	}
	if a.longContext {
		return a.dict(k, v, "intermediaryCities", a.intermediaries)
	}
	return a.dict(k, v)
}

var zipcodes = map[string]pyval.Value{
	"Rivermist":       "83214",
	"Stonebrook":      "74532",
	"Maplecrest":      "56108",
	"Silverpine":      "62947",
	"Shadowridge":     "71354",
	"Sunset Valley":   "83462",
	"Oakendale":       "47329",
	"Willowbend":      "52013",
	"Crescent Hollow": "69238",
	"Autumnville":     "51479",
	"San Francisco":   "94016",
}

// ZipcodeBasedOnCity is get_zipcode_based_on_city(city); unknown cities
// get "00000".
func (a *API) ZipcodeBasedOnCity(city pyval.Value) pyval.Value {
	var zip pyval.Value = "00000"
	if s, ok := city.(string); ok {
		if z, ok := zipcodes[s]; ok {
			zip = z
		}
	}
	return a.dict("zipcode", zip)
}

// SetNavigation is set_navigation(destination). The destination is
// stored before the reference's string concatenation can fail.
func (a *API) SetNavigation(destination pyval.Value) (pyval.Value, error) {
	a.destination = destination
	s, ok := destination.(string)
	if !ok {
		return nil, pyval.TypeError(`can only concatenate str (not "` + pyval.TypeName(destination) + `") to str`)
	}
	return a.dict("status", "Navigating to "+s), nil
}

// CheckTirePressure is check_tire_pressure(): the four pressures and
// whether their mean lies in [30, 35] psi; the long-context variant adds
// the car's metadata.
func (a *API) CheckTirePressure() (pyval.Value, error) {
	healthy, err := a.healthyTirePressure()
	if err != nil {
		return nil, err
	}
	var info pyval.Value = pyval.NewDict()
	if a.longContext {
		info = a.carMetadata
	}
	return a.dict(
		"frontLeftTirePressure", a.frontLeftTirePressure,
		"frontRightTirePressure", a.frontRightTirePressure,
		"rearLeftTirePressure", a.rearLeftTirePressure,
		"rearRightTirePressure", a.rearRightTirePressure,
		"healthy_tire_pressure", healthy,
		"car_info", info,
	), nil
}

// healthyTirePressure is 30 <= (fl + fr + rl + rr) / 4 <= 35 on the four
// pressures, which a model may have set to anything.
func (a *API) healthyTirePressure() (bool, error) {
	fl, ok1 := a.frontLeftTirePressure.(float64)
	fr, ok2 := a.frontRightTirePressure.(float64)
	rl, ok3 := a.rearLeftTirePressure.(float64)
	rr, ok4 := a.rearRightTirePressure.(float64)
	if ok1 && ok2 && ok3 && ok4 {
		// All floats (the usual case): Python's float arithmetic is
		// IEEE 754 double arithmetic, and NaN compares false.
		mean := (fl + fr + rl + rr) / 4
		return 30 <= mean && mean <= 35, nil
	}
	sum, err := arith("+", a.frontLeftTirePressure, a.frontRightTirePressure)
	if err == nil {
		sum, err = arith("+", sum, a.rearLeftTirePressure)
	}
	if err == nil {
		sum, err = arith("+", sum, a.rearRightTirePressure)
	}
	if err != nil {
		return false, err
	}
	mean, err := trueDiv(sum, int64(4))
	if err != nil {
		return false, err
	}
	return between(int64(30), mean, int64(35))
}

// FindNearestTireShop is find_nearest_tire_shop().
func (a *API) FindNearestTireShop() pyval.Value {
	return a.dict("shopLocation", "456 Oakwood Avenue, Rivermist, 83214")
}
