package vehicle_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/vehicle"
)

// Calls written in Python, as a model writes them, run through the BFCL
// env; each prints what the reference's executor would show the model.
func Example() {
	e, err := bfcl.New([]string{vehicle.ClassName}, nil, false)
	if err != nil {
		panic(err)
	}
	for _, call := range []string{
		"startEngine(ignitionMode='START')",
		"lockDoors(unlock=False, door=['driver', 'passenger', 'rear_left', 'rear_right'])",
		"pressBrakePedal(pedalPosition=1.0)",
		"startEngine(ignitionMode='START')",
		"setCruiseControl(speed=62, activate=True, distanceToNextVehicle=80)",
		"liter_to_gallon(liter=20.0)",
		"fillFuelTank(fuelAmount='5')",
	} {
		fmt.Println(e.Exec(call))
	}
	// Output:
	// {"error": "All doors must be locked before starting the engine. Here are the unlocked doors: driver, passenger, rear_left, rear_right"}
	// {"lockStatus": "locked", "remainingUnlockedDoors": 0}
	// {"brakePedalStatus": "pressed", "brakePedalForce": 1000.0}
	// {"engineState": "running", "fuelLevel": 0.0, "batteryVoltage": 12.6}
	// {"error": "Invalid speed"}
	// {"gallon": 5.283440000000001}
	// Error during execution: '<' not supported between instances of 'str' and 'int'
}

// The methods can also be called directly, with Python values.
func ExampleAPI_GallonToLiter() {
	a := vehicle.New()
	r, err := a.GallonToLiter(30.0)
	if err != nil {
		panic(err)
	}
	fmt.Println(bfcl.ResultString(r)) // what the model sees
	// Output: {"liter": 113.56230000000001}
}
