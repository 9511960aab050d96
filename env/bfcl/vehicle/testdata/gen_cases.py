# Regenerates testdata/cases.jsonl: runs each case's calls through the
# unmodified BFCL reference executor (execute_multi_turn_func_call) and
# records the result strings and the final public state. The Go tests only
# read the JSONL; they never run Python. Usage, from this folder:
#
#   python3 gen_cases.py /path/to/gorilla/berkeley-function-call-leaderboard
#
# Python 3.11; the bfcl_eval package's own dependencies are not needed.
import json, sys
sys.path.insert(0, sys.argv[1])
from bfcl_eval.eval_checker.multi_turn_eval.multi_turn_utils import execute_multi_turn_func_call

def enc(v):
    if isinstance(v, set):
        return {"__set__": sorted(enc(x) for x in v)}
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else f"{type(k).__name__}:{k}"): enc(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    return v

def run(cls, cases, out):
    with open(out, "w") as f:
        for i, c in enumerate(cases):
            cfg = c.get("config", {})
            lc = c.get("long_context", False)
            results, inst = execute_multi_turn_func_call(c["calls"], {cls: cfg}, [cls], "gen", f"{cls}_{i}", long_context=lc)
            obj = inst[cls]
            state = {k: enc(v) for k, v in vars(obj).items() if not k.startswith("_")}
            line = {"name": c["name"], "long_context": lc, "config": cfg, "calls": c["calls"], "results": results, "state": state}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")

locked = {"doorStatus": {"driver": "locked", "passenger": "locked", "rear_left": "locked", "rear_right": "locked"}}
ready = dict(locked, fuelLevel=20.0, engineState="stopped")
start = ["pressBrakePedal(pedalPosition=1.0)", "startEngine(ignitionMode='START')"]

vehicle = [
    {"name": "start engine with unlocked doors", "calls": ["startEngine(ignitionMode='START')"]},
    {"name": "start engine after locking some doors", "calls": ["lockDoors(unlock=False, door=['driver', 'rear_left'])", "startEngine(ignitionMode='START')"]},
    {"name": "start engine without brake", "config": locked, "calls": ["startEngine(ignitionMode='START')"]},
    {"name": "start engine with brake half pressed", "config": locked, "calls": ["pressBrakePedal(pedalPosition=0.5)", "startEngine(ignitionMode='START')"]},
    {"name": "start engine with STOP", "config": dict(locked, engineState="running"), "calls": ["pressBrakePedal(pedalPosition=1)", "startEngine(ignitionMode='STOP')", "displayCarStatus(option='engine')"]},
    {"name": "start engine with bad mode", "config": locked, "calls": ["pressBrakePedal(1.0)", "startEngine(ignitionMode='GO')", "startEngine('START')"]},
    {"name": "start engine with negative fuel", "config": dict(locked, fuelLevel=-1.0), "calls": start},
    {"name": "start engine missing argument", "calls": ["startEngine()", "startEngine(mode='START')", "startEngine('START', 'x')"]},
    {"name": "fill fuel tank", "calls": ["fillFuelTank(fuelAmount=-1)", "fillFuelTank(fuelAmount=60)", "fillFuelTank(fuelAmount=10)", "fillFuelTank(fuelAmount=2.5)", "fillFuelTank(fuelAmount=True)", "displayCarStatus('fuel')"]},
    {"name": "fill fuel tank int level", "config": {"fuelLevel": 10}, "calls": ["fillFuelTank(fuelAmount=5)", "fillFuelTank(fuelAmount=35)", "fillFuelTank(fuelAmount=1)"]},
    {"name": "fill fuel tank wrong types", "calls": ["fillFuelTank(fuelAmount='5')", "fillFuelTank(fuelAmount=None)", "fillFuelTank(fuelAmount=[5])", "fillFuelTank(fuelAmount=0.1)", "fillFuelTank(fuelAmount=0.2)"]},
    {"name": "fill fuel tank odd amounts", "calls": ["fillFuelTank(fuelAmount=100000000000000000000)", "fillFuelTank(fuelAmount=-0.0)", "fillFuelTank(fuelAmount=50)", "fillFuelTank(fuelAmount=1e-300)"]},
    {"name": "lock doors dict of doors", "calls": ["lockDoors(unlock=False, door={'driver': 1, 'passenger': 2})"]},
    {"name": "lock doors unknown door", "calls": ["lockDoors(unlock=False, door=['driver', 'trunk'])"]},
    {"name": "lock doors string door", "calls": ["lockDoors(unlock=False, door='driver')"]},
    {"name": "lock doors not iterable", "calls": ["lockDoors(unlock=False, door=5)", "lockDoors(unlock=True, door=None)"]},
    {"name": "lock doors unhashable", "calls": ["lockDoors(unlock=False, door=[['driver']])"]},
    {"name": "lock and unlock twice", "calls": ["lockDoors(unlock=False, door=['driver', 'driver', 'passenger'])", "lockDoors(unlock=0, door=('rear_left', 'rear_right'))", "lockDoors(unlock='yes', door=['driver'])", "lockDoors(unlock=True, door=['driver'])", "lockDoors(unlock=True, door=[])"]},
    {"name": "climate control", "calls": ["adjustClimateControl(temperature=72, unit='fahrenheit')", "displayCarStatus('climate')", "adjustClimateControl(temperature=98.6, unit='fahrenheit', fanSpeed=0, mode='heat')", "displayCarStatus('climate')", "adjustClimateControl(20, 'celsius', 100, 'cool')", "displayCarStatus(option='climate')"]},
    {"name": "climate control errors", "calls": ["adjustClimateControl(temperature=20, fanSpeed=101)", "adjustClimateControl(temperature=20, fanSpeed=-1)", "adjustClimateControl(temperature=20, fanSpeed='high')", "adjustClimateControl(temperature='hot', unit='fahrenheit')", "adjustClimateControl(temperature='hot', unit='kelvin', mode=None)", "adjustClimateControl(temperature=20, fanSpeed=50.5)", "adjustClimateControl(temperature=-40, unit='fahrenheit')", "adjustClimateControl(temperature=True, unit='fahrenheit')", "adjustClimateControl()"]},
    {"name": "outside temperature", "calls": ["get_outside_temperature_from_google()", "get_outside_temperature_from_google()", "get_outside_temperature_from_weather_com()", "get_current_speed()", "get_outside_temperature_from_google()"]},
    {"name": "outside temperature long context", "long_context": True, "calls": ["get_outside_temperature_from_google()", "get_outside_temperature_from_google()"]},
    {"name": "headlights", "calls": ["setHeadlights(mode='on')", "displayCarStatus('headlights')", "setHeadlights(mode='auto')", "setHeadlights(mode='blink')", "setHeadlights(mode=1)", "setHeadlights(mode=['on'])", "displayCarStatus('headlights')"]},
    {"name": "display car status", "config": dict(locked, parkingBrakeForce=12.5, slopeAngle=3.0, brakePedalForce=7.0), "calls": ["displayCarStatus(option='fuel')", "displayCarStatus(option='battery')", "displayCarStatus(option='doors')", "displayCarStatus(option='climate')", "displayCarStatus(option='headlights')", "displayCarStatus(option='parkingBrake')", "displayCarStatus(option='brakePedal')", "displayCarStatus(option='engine')", "displayCarStatus(option='tires')", "displayCarStatus(option=None)"]},
    {"name": "display car status long context", "long_context": True, "calls": ["displayCarStatus(option='fuel')", "displayCarStatus(option='bogus')"]},
    {"name": "parking brake", "calls": ["activateParkingBrake(mode='engage')", "displayCarStatus('parkingBrake')", "activateParkingBrake(mode='release')", "displayCarStatus('parkingBrake')", "activateParkingBrake(mode='hold')", "activateParkingBrake(mode=None)"]},
    {"name": "parking brake long context", "long_context": True, "calls": ["activateParkingBrake(mode='engage')", "activateParkingBrake(mode='release')", "activateParkingBrake(mode='x')"]},
    {"name": "brake pedal", "calls": ["pressBrakePedal(pedalPosition=1.5)", "pressBrakePedal(pedalPosition=-0.1)", "pressBrakePedal(pedalPosition=0.3)", "displayCarStatus('brakePedal')", "pressBrakePedal(pedalPosition=0.7)", "pressBrakePedal(pedalPosition=True)", "displayCarStatus('brakePedal')", "pressBrakePedal(pedalPosition=0)", "displayCarStatus('brakePedal')", "pressBrakePedal(pedalPosition='1')", "pressBrakePedal(pedalPosition=None)", "releaseBrakePedal()", "displayCarStatus('brakePedal')"]},
    {"name": "cruise control engine stopped", "calls": ["setCruiseControl(speed=65, activate=True, distanceToNextVehicle=100)"]},
    {"name": "cruise control", "config": ready, "calls": start + ["setCruiseControl(speed=62, activate=True, distanceToNextVehicle=80)", "setCruiseControl(speed=130, activate=True, distanceToNextVehicle=80.5)", "setCruiseControl(speed=-5, activate=True, distanceToNextVehicle=70)", "setCruiseControl(speed='65', activate=True, distanceToNextVehicle='120')", "setCruiseControl(speed=' 7_0 ', activate=1, distanceToNextVehicle=1e3)", "setCruiseControl(speed=62.5, activate=False, distanceToNextVehicle=30)", "setCruiseControl(speed=0, activate=True, distanceToNextVehicle=True)"]},
    {"name": "cruise control bad values", "config": ready, "calls": start + ["setCruiseControl(speed='fast', activate=True, distanceToNextVehicle=100)", "setCruiseControl(speed=60, activate=True, distanceToNextVehicle='far')", "setCruiseControl(speed=None, activate=True, distanceToNextVehicle=100)", "setCruiseControl(speed=60, activate=True, distanceToNextVehicle=[1])", "setCruiseControl(speed='inf', activate=True, distanceToNextVehicle=5)", "setCruiseControl(speed='nan', activate=True, distanceToNextVehicle='-0')", "setCruiseControl(speed='1e400', activate=False, distanceToNextVehicle='.5')", "setCruiseControl(speed='1__0', activate=False, distanceToNextVehicle=5)", "setCruiseControl(speed='0x10', activate=False, distanceToNextVehicle=5)"]},
    {"name": "cruise control stored distance on invalid speed", "config": ready, "calls": start + ["setCruiseControl(speed=63, activate=True, distanceToNextVehicle=42)"]},
    {"name": "display log", "calls": ["display_log(messages=['a', 'b'])", "display_log(messages='hello')", "display_log(messages=[1, 2.5, None, True, {'k': 'v'}])"]},
    {"name": "drive feasibility", "config": {"fuelLevel": 5.0}, "calls": ["estimate_drive_feasibility_by_mileage(distance=100)", "estimate_drive_feasibility_by_mileage(distance=100.5)", "estimate_drive_feasibility_by_mileage(distance=99)", "estimate_drive_feasibility_by_mileage(distance='far')", "estimate_drive_feasibility_by_mileage(distance=None)"]},
    {"name": "unit conversions", "calls": ["liter_to_gallon(liter=10)", "liter_to_gallon(liter=37.5)", "liter_to_gallon(liter=True)", "gallon_to_liter(gallon=7)", "gallon_to_liter(gallon=0.1)", "gallon_to_liter(gallon=-3)", "liter_to_gallon(liter=12345678901234567890)", "gallon_to_liter(gallon=1e308)"]},
    {"name": "unit conversions wrong types", "calls": ["liter_to_gallon(liter='10')", "liter_to_gallon(liter=[10])", "gallon_to_liter(gallon=None)", "gallon_to_liter(gallon={'a': 1})"]},
    {"name": "distances", "calls": ["estimate_distance(cityA='83214', cityB='74532')", "estimate_distance(cityA='74532', cityB='83214')", "estimate_distance(cityA='08540', cityB='94704')", "estimate_distance(cityA='62947', cityB='47329')", "estimate_distance(cityA='00000', cityB='74532')", "estimate_distance(cityA=83214, cityB='74532')", "estimate_distance(cityA='83214', cityB='83214')"]},
    {"name": "distances long context", "long_context": True, "calls": ["estimate_distance(cityA='83214', cityB='74532')", "estimate_distance(cityA='x', cityB='y')"]},
    {"name": "zip codes", "calls": ["get_zipcode_based_on_city(city='Rivermist')", "get_zipcode_based_on_city(city='San Francisco')", "get_zipcode_based_on_city(city='Crescent Hollow')", "get_zipcode_based_on_city(city='Nowhere')", "get_zipcode_based_on_city(city=None)"]},
    {"name": "navigation", "calls": ["set_navigation(destination='123 Main St, Rivermist, CA')", "set_navigation(destination=5)"]},
    {"name": "navigation list", "calls": ["set_navigation(destination=['a'])"]},
    {"name": "tire pressure unhealthy", "config": {"frontLeftTirePressure": 28.0, "frontRightTirePressure": 27.5, "rearLeftTirePressure": 26.0, "rearRightTirePressure": 29.0}, "calls": ["check_tire_pressure()", "find_nearest_tire_shop()"]},
    {"name": "tire pressure edge", "config": {"frontLeftTirePressure": 35, "frontRightTirePressure": 35, "rearLeftTirePressure": 35, "rearRightTirePressure": 35.1}, "calls": ["check_tire_pressure()"]},
    {"name": "tire pressure long context", "long_context": True, "calls": ["check_tire_pressure()"]},
    {"name": "seeded random", "config": {"random_seed": 7}, "calls": ["get_current_speed()", "get_outside_temperature_from_google()"]},
    {"name": "unknown method and bad keyword", "calls": ["fly(altitude=3)", "setHeadlights(mode='on', colour='blue')", "setHeadlights('on', mode='off')"]},
]

run("VehicleControlAPI", vehicle, "cases.jsonl")
