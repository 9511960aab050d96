package telecom

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// anchorDomain loads the reference's telecom data from the anchors.
func anchorDomain(tb testing.TB) *Domain {
	tb.Helper()
	d, err := Load(filepath.Join(replay.Anchors(tb), "tau2", "telecom"))
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// testDomain loads the small databases written for these tests.
func testDomain(tb testing.TB) *Domain {
	tb.Helper()
	d, err := Load("testdata")
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func call(e tau2.Env, r tau2.Requestor, name, args string) tool.Result {
	return e.CallAs(context.Background(), r, tool.Call{ID: "1", Name: name, Arguments: args})
}

func run(tb testing.TB, e tau2.Env, r tau2.Requestor, name, args string) (pyval.Value, error) {
	tb.Helper()
	return e.Run(r, name, replay.Dict(tb, json.RawMessage(args)))
}

type sessionStep struct {
	kind      string
	r         tau2.Requestor
	name      string
	args      string
	want      string
	wantError bool
}

// TestSession replays a long session of user and assistant calls, error
// paths included, against the reference's outputs.
func TestSession(t *testing.T) {
	e := anchorDomain(t).New()
	for i, s := range sessionSteps {
		switch s.kind {
		case "call":
			res := call(e, s.r, s.name, s.args)
			if got := res.Text(); got != s.want || (res.Error != nil) != s.wantError {
				t.Errorf("step %d: %s %s(%s):\n got %q (error %v)\nwant %q", i, s.r, s.name, s.args, got, res.Error != nil, s.want)
			}
		case "run":
			v, err := run(t, e, s.r, s.name, s.args)
			var got string
			if err != nil {
				exc, _ := err.(*pyval.Exception)
				got = fmt.Sprintf("%s: %s", exc.Type, exc.Error())
			} else {
				got = pyval.Repr(v)
			}
			if got != s.want || (err != nil) != s.wantError {
				t.Errorf("step %d: Run %s %s(%s):\n got %q\nwant %q", i, s.r, s.name, s.args, got, s.want)
			}
		}
	}
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		if h, _ := e.Hash(r); h != hashGeneric(t, e.(*Env), r) {
			t.Errorf("%s: direct and generic hashes differ", r)
		}
	}
	if h, _ := e.Hash(tau2.Assistant); h != sessionAgentHash {
		t.Errorf("agent hash %s, want %s", h, sessionAgentHash)
	}
	if h, _ := e.Hash(tau2.User); h != sessionUserHash {
		t.Errorf("user hash %s, want %s", h, sessionUserHash)
	}
}

func TestToolInfo(t *testing.T) {
	e := testDomain(t).New()
	agent, user := e.ToolInfo(tau2.Assistant), e.ToolInfo(tau2.User)
	if len(agent) != 13 || len(user) != 30 {
		t.Fatalf("%d assistant and %d user tools, want 13 and 30", len(agent), len(user))
	}
	var names []string
	for _, in := range append(agent[:4:4], user[:5]...) {
		names = append(names, in.Spec.Name)
	}
	if got := strings.Join(names, " "); got != "get_customer_by_phone get_customer_by_id get_customer_by_name get_details_by_id check_status_bar check_network_status check_network_mode_preference set_network_mode_preference run_speed_test" {
		t.Errorf("tool order: %s", got)
	}
	byName := map[string]tau2.ToolInfo{}
	for _, in := range append(agent, user...) {
		byName[in.Spec.Name] = in
		if err := in.Spec.Validate(); err != nil {
			t.Error(err)
		}
		if in.Mutates != (in.Type == tau2.Write) {
			t.Errorf("%s: mutates %v, type %s", in.Spec.Name, in.Mutates, in.Type)
		}
	}
	cases := []struct {
		name, desc, params string
		typ                tau2.ToolType
	}{
		{"get_customer_by_name", "Searches for customers by name and DOB. May return multiple matches if names are similar,\n\nDOB helps disambiguate.",
			`{"properties":{"full_name":{"description":"The full name of the customer.","title":"Full Name","type":"string"},"dob":{"description":"Date of birth for verification, in the format YYYY-MM-DD.","title":"Dob","type":"string"}},"required":["full_name","dob"],"title":"parameters","type":"object"}`, tau2.Read},
		{"get_bills_for_customer", "Retrieves a list of the customer's bills, most recent first.",
			`{"properties":{"customer_id":{"description":"ID of the customer.","title":"Customer Id","type":"string"},"limit":{"default":12,"description":"Maximum number of bills to return.","title":"Limit","type":"integer"}},"required":["customer_id"],"title":"parameters","type":"object"}`, tau2.Read},
		{"transfer_to_human_agents", "Transfer the user to a human agent, with a summary of the user's issue.\n\nOnly transfer if\n -  the user explicitly asks for a human agent\n -  given the policy and the available tools, you cannot solve the user's issue.",
			`{"properties":{"summary":{"description":"A summary of the user's issue.","title":"Summary","type":"string"}},"required":["summary"],"title":"parameters","type":"object"}`, tau2.Generic},
		{"set_network_mode_preference", "Changes the type of cellular network your phone prefers to connect to (e.g., 5G, LTE/4G, 3G). Higher-speed networks (LTE/5G) provide faster data but may use more battery.",
			`{"$defs":{"NetworkModePreference":{"enum":["4g_5g_preferred","4g_only","3g_only","2g_only"],"title":"NetworkModePreference","type":"string"}},"properties":{"mode":{"anyOf":[{"$ref":"#/$defs/NetworkModePreference"},{"type":"string"}],"title":"Mode"}},"required":["mode"],"title":"parameters","type":"object"}`, tau2.Write},
		{"toggle_airplane_mode", "Toggles Airplane Mode ON or OFF. When ON, it disconnects all wireless communications including cellular, Wi-Fi, and Bluetooth.\n\nReturns the new state of airplane_mode.",
			`{"properties":{},"title":"parameters","type":"object"}`, tau2.Write},
		{"check_app_status", "Checks detailed information about a specific app. Shows its permissions and background data usage settings.",
			`{"properties":{"app_name":{"title":"App Name","type":"string"}},"required":["app_name"],"title":"parameters","type":"object"}`, tau2.Read},
	}
	for _, c := range cases {
		in, ok := byName[c.name]
		if !ok {
			t.Errorf("no tool %s", c.name)
			continue
		}
		if in.Spec.Description != c.desc || string(in.Spec.Parameters) != c.params || in.Type != c.typ {
			t.Errorf("%s:\n got %q %s %s\nwant %q %s %s", c.name, in.Spec.Description, in.Spec.Parameters, in.Type, c.desc, c.params, c.typ)
		}
	}
	apn := string(byName["set_apn_settings"].Spec.Parameters)
	if !strings.HasPrefix(apn, `{"$defs":{"APNNames":{"enum":["internet","broken"],"title":"APNNames","type":"string"},"APNSettings":{"additionalProperties":false,"description":"Represents the configuration for a single Access Point Name (APN).","properties":{"apn_name":{"$ref":"#/$defs/APNNames","default":"internet"`) ||
		!strings.HasSuffix(apn, `"properties":{"apn_settings":{"anyOf":[{"$ref":"#/$defs/APNSettings"},{"additionalProperties":true,"type":"object"}],"title":"Apn Settings"}},"required":["apn_settings"],"title":"parameters","type":"object"}`) {
		t.Errorf("set_apn_settings parameters: %s", apn)
	}
	if len(e.Tools()) != 13 || e.ToolInfo("nobody") != nil {
		t.Error("Tools or ToolInfo of an unknown requestor")
	}
}

// TestStatusBar covers the status bar's indicators, the text the user
// model grounds its answers on.
func TestStatusBar(t *testing.T) {
	cases := []struct {
		set  func(d *phone)
		want string
	}{
		{func(d *phone) {}, "📶³ Good | 5G | 📱 Data Enabled | 🔋 80%"},
		{func(d *phone) { d.airplane, d.vpnConnected, d.battery = true, true, int64(7) }, "✈️ Airplane Mode | 🔒 VPN Connected | 🔋 7%"},
		{func(d *phone) { d.signal, d.tech, d.dataSaver = "poor", "2G", true }, "📶¹ Poor | 2G | 📱 Data Enabled | 🔽 Data Saver | 🔋 80%"},
		{func(d *phone) { d.signal, d.tech = "none", "none" }, "📵 No Signal | 📵 Data Disabled | 🔋 80%"},
		{func(d *phone) { d.dataEnabled, d.signal = false, "excellent" }, "📶⁴ Excellent | 5G | 📵 Data Disabled | 🔋 80%"},
		{func(d *phone) { d.wifiEnabled, d.wifiOn, d.wifiSSID = true, true, optStr{"Home", true} }, "📶³ Good | 5G | 📱 Data Enabled | 📡 Connected to Home | 🔋 80%"},
		{func(d *phone) { d.wifiEnabled, d.wifiOn, d.signal = true, true, "fair" }, "📶² Fair | 5G | 📱 Data Enabled | 📡 Enabled | 🔋 80%"},
		{func(d *phone) { d.wifiEnabled, d.wifiOn = false, true }, "📶³ Good | 5G | 📱 Data Enabled | 🔋 80%"},
	}
	for i, c := range cases {
		d := defaultPhone()
		c.set(d)
		if got := statusBar(d); got != c.want {
			t.Errorf("case %d: %q, want %q", i, got, c.want)
		}
	}
}

func TestSpeedTest(t *testing.T) {
	d := testDomain(t)
	cases := []struct {
		set  func(p *phone)
		want string
	}{
		{func(p *phone) {}, "Speed Test Result: 220.00 Mbps (Excellent). Connection is very fast."},
		{func(p *phone) { p.dataSaver = true }, "Speed Test Result: 44.00 Mbps (Good). Connection is good for most activities, including HD streaming."},
		{func(p *phone) { p.tech, p.signal = "4G", "fair" }, "Speed Test Result: 27.50 Mbps (Good). Connection is good for most activities, including HD streaming."},
		{func(p *phone) { p.tech, p.signal = "3G", "poor" }, "Speed Test Result: 0.60 Mbps (Very Poor). Connection is very slow. Basic web browsing might be difficult."},
		{func(p *phone) { p.tech, p.signal, p.dataSaver = "4G", "good", true }, "Speed Test Result: 8.80 Mbps (Fair). Connection is okay for web browsing and some standard definition streaming."},
		{func(p *phone) { p.vpnConnected, p.vpn = true, &vpnDetails{perf: "poor"} }, "Speed Test Result: 22.00 Mbps (Fair). Connection is okay for web browsing and some standard definition streaming."},
		{func(p *phone) { p.dataEnabled = false }, "Speed test failed: No Connection."},
		{func(p *phone) { p.conn = "no_service" }, "Speed test failed: No Connection."},
	}
	for i, c := range cases {
		e := d.NewEnv()
		c.set(e.user.u.dev)
		if got := call(e, tau2.User, "run_speed_test", `{}`).Text(); got != c.want {
			t.Errorf("case %d: %q, want %q", i, got, c.want)
		}
	}
}

func TestUnknownAndBadCalls(t *testing.T) {
	e := testDomain(t).New()
	cases := []struct {
		r          tau2.Requestor
		name, args string
		want       string
		kind       tool.Kind
	}{
		{tau2.User, "nope", `{}`, "Error: Tool 'nope' not found.", tool.KindUnknownTool},
		{tau2.Assistant, "toggle_data", `{}`, "Error: Tool 'toggle_data' not found.", tool.KindUnknownTool},
		{tau2.Assistant, "set_data_usage", `{}`, "Error: Tool 'set_data_usage' not found.", tool.KindUnknownTool},
		{tau2.User, "check_status_bar", `{"x":1}`, "Error: TelecomUserTools.check_status_bar() got an unexpected keyword argument 'x'", tool.KindInvalidArguments},
		{tau2.User, "check_app_status", `{}`, "Error: TelecomUserTools.check_app_status() missing 1 required positional argument: 'app_name'", tool.KindInvalidArguments},
		{tau2.Assistant, "suspend_line", `{"customer_id":"C1"}`, "Error: TelecomTools.suspend_line() missing 2 required positional arguments: 'line_id' and 'reason'", tool.KindInvalidArguments},
		{tau2.User, "check_status_bar", `{"requestor":"user"}`, "Error: tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'", tool.KindInvalidArguments},
		{tau2.User, "check_status_bar", `{"self":1}`, "Error: Environment.make_tool_call() got multiple values for argument 'self'", tool.KindInvalidArguments},
		{tau2.User, "check_status_bar", `[]`, "Error: arguments of check_status_bar must be a JSON object, got an array", tool.KindInvalidJSON},
	}
	for _, c := range cases {
		res := call(e, c.r, c.name, c.args)
		if res.Text() != c.want || res.Error == nil || res.Error.Kind != c.kind {
			t.Errorf("%s(%s): %q (%+v), want %q", c.name, c.args, res.Text(), res.Error, c.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res := e.CallAs(ctx, tau2.User, tool.Call{Name: "check_status_bar"}); res.Error == nil || res.Error.Kind != tool.KindCanceled {
		t.Errorf("canceled: %+v", res)
	}
}

// TestSyncErrors: sync_tools runs after each call, and its exceptions
// become the call's error while the call's own changes stay.
func TestSyncErrors(t *testing.T) {
	e := testDomain(t).New()
	if _, err := run(t, e, tau2.User, "set_user_info", `{"name":"X","phone_number":"000"}`); err == nil || err.Error() != "Line with phone number 000 not found" {
		t.Fatalf("set_user_info with an unknown number: %v", err)
	}
	res := call(e, tau2.User, "toggle_data", `{}`)
	if res.Text() != "Error: Line with phone number 000 not found" {
		t.Fatalf("toggle_data: %q", res.Text())
	}
	dev := e.Dump(tau2.User).(*pyval.Dict)
	d, _ := dev.Get("device")
	if on, _ := d.(*pyval.Dict).Get("data_enabled"); on != false {
		t.Errorf("the toggle did not stay: data_enabled %v", on)
	}
}

func TestPaymentFlow(t *testing.T) {
	e := testDomain(t).New()
	if _, err := run(t, e, tau2.User, "set_user_info", `{"name":"Ada","phone_number":"555-0101"}`); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		r          tau2.Requestor
		name, args string
		want       string
	}{
		{tau2.User, "check_payment_request", `{}`, "No payment request has been made."},
		{tau2.User, "make_payment", `{}`, "You do not have a payment request."},
		{tau2.Assistant, "send_payment_request", `{"customer_id":"C1","bill_id":"B2"}`, "Payment request sent to the customer for bill B2"},
		{tau2.Assistant, "send_payment_request", `{"customer_id":"C1","bill_id":"B2"}`, "Error: A bill is already awaiting payment for this customer"},
		{tau2.User, "check_payment_request", `{}`, "You have a payment request for bill B2 of 42.5 USD."},
		{tau2.User, "make_payment", `{}`, "Payment of 42.5 USD has been made for bill B2."},
		{tau2.User, "check_payment_request", `{}`, "No payment request has been made."},
	}
	for i, s := range steps {
		if got := call(e, s.r, s.name, s.args).Text(); got != s.want {
			t.Errorf("step %d %s: %q, want %q", i, s.name, got, s.want)
		}
	}
	got := call(e, tau2.Assistant, "get_details_by_id", `{"id":"B2"}`).Text()
	if !strings.Contains(got, `"status": "Paid"`) {
		t.Errorf("bill after payment: %s", got)
	}
}

func TestDraftBillIDs(t *testing.T) {
	d := testDomain(t)
	a := d.NewEnv()
	a.Seed(7)
	b := a.Fork().(*Env)
	for _, e := range []*Env{a, b} {
		res := call(e, tau2.Assistant, "refuel_data", `{"customer_id":"C1","line_id":"L1","gb_amount":1.5}`)
		if res.Text() != `{"message": "Successfully added 1.5 GB of data for line L1 for $7.50", "new_data_refueling_gb": "1.5", "charge": "7.5"}` {
			t.Fatalf("refuel: %s", res.Text())
		}
	}
	if !a.SameState(tau2.Assistant, b) {
		t.Error("forks with one seed drew different bill ids")
	}
	bills := call(a, tau2.Assistant, "get_bills_for_customer", `{"customer_id":"C1","limit":1}`).Text()
	if !strings.Contains(bills, `"period_start": "2025-03-01", "period_end": "2025-03-31", "issue_date": "2025-03-01", "total_due": 7.5, "due_date": "2025-03-15", "line_items": [{"description": "Data refueling: 1.5 GB at $5.0/GB", "amount": 7.5, "date": "2025-02-25", "item_type": "Charge"}], "status": "Draft"`) {
		t.Errorf("draft bill: %s", bills)
	}
	c := d.NewEnv()
	c.Seed(8)
	call(c, tau2.Assistant, "refuel_data", `{"customer_id":"C1","line_id":"L1","gb_amount":1.5}`)
	if c.SameState(tau2.Assistant, a) {
		t.Error("another seed drew the same bill id")
	}
}

func TestForkIsolation(t *testing.T) {
	d := testDomain(t)
	a := d.NewEnv()
	if _, err := run(t, a, tau2.User, "set_user_info", `{"name":"Ada","phone_number":"555-0101"}`); err != nil {
		t.Fatal(err)
	}
	run(t, a, tau2.User, "break_vpn", `{}`)
	b := a.Fork().(*Env)
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		if !a.SameState(r, b) {
			t.Fatalf("%s: a fresh fork differs", r)
		}
	}
	before := map[tau2.Requestor]string{}
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		before[r], _ = a.Hash(r)
	}
	// Change everything the fork can change: device, surroundings, VPN
	// (shared with the default object), apps, the carrier's records.
	for _, c := range [][3]string{
		{"user", "toggle_airplane_mode", `{}`}, {"user", "toggle_data_saver_mode", `{}`}, {"user", "grant_app_permission", `{"app_name":"browser","permission":"sms"}`},
		{"user", "set_apn_settings", `{"apn_settings":{"apn_name":"broken"}}`}, {"user", "disconnect_vpn", `{}`}, {"user", "connect_vpn", `{}`},
		{"assistant", "refuel_data", `{"customer_id":"C1","line_id":"L1","gb_amount":2}`}, {"assistant", "suspend_line", `{"customer_id":"C1","line_id":"L1","reason":"r"}`},
		{"assistant", "send_payment_request", `{"customer_id":"C1","bill_id":"B2"}`}, {"user", "make_payment", `{}`},
	} {
		if res := call(b, tau2.Requestor(c[0]), c[1], c[2]); res.Error != nil {
			t.Fatalf("%s: %s", c[1], res.Text())
		}
	}
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		if h, _ := a.Hash(r); h != before[r] {
			t.Errorf("%s: the parent changed with its fork", r)
		}
		if a.SameState(r, b) {
			t.Errorf("%s: SameState misses the fork's changes", r)
		}
	}
	// The fork reconnected to its own copy of the degraded default.
	if got := call(b, tau2.User, "check_vpn_status", `{}`).Text(); !strings.Contains(got, "PerformanceLevel.POOR") {
		t.Errorf("fork's VPN: %s", got)
	}
	if got := call(a, tau2.User, "check_vpn_status", `{}`).Text(); !strings.Contains(got, "PerformanceLevel.POOR") {
		t.Errorf("parent's VPN: %s", got)
	}
	call(a, tau2.User, "disconnect_vpn", `{}`)
	if got := call(d.NewEnv(), tau2.User, "connect_vpn", `{}`).Text(); !strings.HasPrefix(got, "VPN connected successfully.") {
		t.Errorf("fresh env: %s", got)
	}
	if got := call(d.NewEnv(), tau2.User, "check_vpn_status", `{}`).Text(); got != "VPN is turned OFF." {
		t.Errorf("fresh env VPN: %s", got)
	}
	// Hash and SameState agree on equal states reached separately.
	x, y := d.NewEnv(), d.NewEnv()
	for _, e := range []*Env{x, y} {
		call(e, tau2.User, "toggle_roaming", `{}`)
		call(e, tau2.Assistant, "enable_roaming", `{"customer_id":"C1","line_id":"L1"}`)
	}
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		hx, _ := x.Hash(r)
		hy, _ := y.Hash(r)
		if hx != hy || !x.SameState(r, y) {
			t.Errorf("%s: equal states differ", r)
		}
	}
}

func TestUpdateDB(t *testing.T) {
	e := testDomain(t).New()
	err := e.UpdateDB(tau2.User, replay.Dict(t, json.RawMessage(`{"device":{"airplane_mode":"yes","battery_level":"7","active_apn_settings":{"mms_port":"80"}},"surroundings":{"signal_strength":{"5G":"none"}}}`)))
	if err != nil {
		t.Fatal(err)
	}
	// Both toolkits now hold the user database, as set_state leaves them.
	if got := call(e, tau2.Assistant, "get_customer_by_id", `{"customer_id":"C1"}`).Text(); got != "Error: 'TelecomUserDB' object has no attribute 'customers'" {
		t.Errorf("assistant on the user database: %s", got)
	}
	if got := call(e, tau2.User, "check_status_bar", `{}`).Text(); got != "Status Bar: ✈️ Airplane Mode | 🔋 7%" {
		t.Errorf("status bar: %s", got)
	}
	ha, _ := e.Hash(tau2.Assistant)
	hu, _ := e.Hash(tau2.User)
	if ha != hu {
		t.Error("the two toolkits hold different databases")
	}
	err = e.UpdateDB(tau2.User, replay.Dict(t, json.RawMessage(`{"device":{"network_mode_preference":"5g","bogus":1}}`)))
	want := "2 validation errors for TelecomUserDB\ndevice.network_mode_preference\n  Input should be '4g_5g_preferred', '4g_only', '3g_only' or '2g_only' [type=enum, input_value='5g', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/enum\ndevice.bogus\n  Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/extra_forbidden"
	if err == nil || err.Error() != want {
		t.Errorf("invalid update: %v", err)
	}
	f := testDomain(t).New()
	if err := f.UpdateDB(tau2.Assistant, replay.Dict(t, json.RawMessage(`{"lines":[{"line_id":"L1","phone_number":"555-0101","plan_id":"P1","data_used_gb":3,"contract_end_date":"2026-01-31T00:00:00"}]}`))); err != nil {
		t.Fatal(err)
	}
	// sync_tools now fails on every call: the user toolkit holds a TelecomDB.
	if got := call(f, tau2.Assistant, "get_details_by_id", `{"id":"L1"}`).Text(); got != "Error: 'TelecomDB' object has no attribute 'surroundings'" {
		t.Errorf("assistant call after an agent update: %s", got)
	}
	lines, _ := f.Dump(tau2.Assistant).(*pyval.Dict).Get("lines")
	want = "[{'line_id': 'L1', 'phone_number': '555-0101', 'status': 'Pending Activation', 'plan_id': 'P1', 'device_id': None, 'data_used_gb': 3.0, 'data_refueling_gb': 0.0, 'roaming_enabled': False, 'contract_end_date': datetime.date(2026, 1, 31), 'last_plan_change_date': None, 'last_sim_replacement_date': None, 'suspension_start_date': None}]"
	if got := pyval.Repr(lines); got != want {
		t.Errorf("lines after update:\n got %s\nwant %s", got, want)
	}
	if got := call(f, tau2.User, "check_status_bar", `{}`).Text(); got != "Error: 'TelecomDB' object has no attribute 'device'" {
		t.Errorf("user on the agent database: %s", got)
	}
}

func TestRunAttributes(t *testing.T) {
	e := testDomain(t).New()
	cases := []struct {
		r          tau2.Requestor
		name, args string
		want       string
	}{
		{tau2.User, "device", `{"x":1}`, "'MockPhoneAttributes' object is not callable"},
		{tau2.User, "default_vpn_details", `{}`, "'VpnDetails' object is not callable"},
		{tau2.User, "nope", `{}`, "'TelecomUserTools' object has no attribute 'nope'"},
		{tau2.Assistant, "nope", `{}`, "'TelecomTools' object has no attribute 'nope'"},
		{tau2.Assistant, "_get_bills_awaiting_payment", `{"customer":{"bill_ids":[]}}`, "'dict' object has no attribute 'bill_ids'"},
		{tau2.User, "assert_service_status", `{"expected_status":"up"}`, "'up' is not a valid NetworkStatus"},
		{tau2.User, "remove_app_permission", `{"app_name":"browser","permission":"model_dump"}`, `"AppPermissions" object has no field "model_dump"`},
	}
	for _, c := range cases {
		_, err := run(t, e, c.r, c.name, c.args)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	v, err := run(t, e, tau2.User, "_run_speed_test", `{}`)
	if err != nil || pyval.Repr(v) != "(220.0, 'Excellent')" {
		t.Errorf("_run_speed_test: %s %v", pyval.Repr(v), err)
	}
	v, err = run(t, e, tau2.Assistant, "get_available_plan_ids", `{}`)
	if err != nil || pyval.Repr(v) != "['P1', 'P2']" {
		t.Errorf("get_available_plan_ids: %s %v", pyval.Repr(v), err)
	}
}

func TestSnapshotAndDump(t *testing.T) {
	e := testDomain(t).New()
	snap, err := e.Snapshot()
	if err != nil || !json.Valid(snap) {
		t.Fatalf("snapshot: %v", err)
	}
	if !strings.Contains(string(snap), `"activation_date": "2025-01-20 14:30:00"`) || !strings.Contains(string(snap), `"contract_end_date": "2026-12-31"`) {
		t.Errorf("dates in the snapshot: %s", snap)
	}
	d := e.Dump(tau2.Assistant).(*pyval.Dict)
	if got := d.Keys(); pyval.Repr(got) != "['plans', 'customers', 'lines', 'bills', 'devices']" {
		t.Errorf("dump keys %s", pyval.Repr(got))
	}
}

func FuzzCallAs(f *testing.F) {
	d := testDomain(f)
	var names []string
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		for _, in := range d.New().ToolInfo(r) {
			names = append(names, string(r)+":"+in.Spec.Name)
		}
	}
	f.Add(uint8(0), `{"phone_number":"555-0101"}`, uint8(3), `{}`)
	f.Add(uint8(12), `{"customer_id":"C1","line_id":"L1","gb_amount":2.5}`, uint8(20), `{"mode":[1]}`)
	f.Add(uint8(40), `{"apn_settings":"x"}`, uint8(41), `{"app_name":{"a":1}}`)
	f.Add(uint8(7), `{"customer_id":"C1","limit":-1}`, uint8(30), `{"apn_settings":{"mms_port":"1e3"}}`)
	f.Fuzz(func(t *testing.T, n1 uint8, args1 string, n2 uint8, args2 string) {
		e := d.NewEnv()
		if _, err := e.Run(tau2.User, "set_user_info", pyval.DictOf("name", "Ada", "phone_number", "555-0101")); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			n    uint8
			args string
		}{{n1, args1}, {n2, args2}} {
			r, name, _ := strings.Cut(names[int(c.n)%len(names)], ":")
			res := call(e, tau2.Requestor(r), name, c.args)
			if res.Error != nil && !strings.HasPrefix(res.Text(), "Error: ") {
				t.Fatalf("error text %q", res.Text())
			}
		}
		for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
			if h, err := e.Hash(r); err != nil || h != hashGeneric(t, e, r) {
				t.Fatalf("%s: hash %s (%v) differs from the generic path's", r, h, err)
			}
			if !e.SameState(r, e.Fork().(*Env)) {
				t.Fatalf("%s: a fork differs from its parent", r)
			}
		}
	})
}

// hashGeneric is get_db_hash through the dump and the generic sorted-JSON
// writer, to check the direct writer against.
func hashGeneric(tb testing.TB, e *Env, r tau2.Requestor) string {
	tb.Helper()
	h, err := docdb.HashSortedJSON(e.side(r).dump())
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// TestConcurrentUse runs calls, comparisons, forks and hashes from several
// goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	d := testDomain(t)
	x, y := d.NewEnv(), d.NewEnv()
	done := make(chan struct{})
	for i := 0; i < 4; i++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for j := 0; j < 50; j++ {
				a, b := x, y
				if (i+j)%2 == 0 {
					a, b = y, x
				}
				call(a, tau2.User, "toggle_data", `{}`)
				call(b, tau2.Assistant, "enable_roaming", `{"customer_id":"C1","line_id":"L1"}`)
				a.SameState(tau2.User, b)
				a.Fork()
				if _, err := b.Hash(tau2.Assistant); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	if !x.SameState(tau2.Assistant, y) {
		t.Error("both envs enabled roaming, yet differ")
	}
}
