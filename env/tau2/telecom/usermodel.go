package telecom

import (
	"github.com/toolgym/toolgym/pyval"
)

// The user's database (user_data_model.py TelecomUserDB): the phone
// (MockPhoneAttributes) and the user's surroundings, as Go structs. A few
// fields hold any Python value because the reference assigns tool
// arguments to them without validation: the network mode preference
// (set_network_mode_preference with a non-str), the active APN settings
// (set_apn_settings with a non-dict), MMS over Wi-Fi, and the user's
// name, phone number and location (set by the tasks' set-up functions).

var (
	enumSimStatus      = &enumDef{"SimStatus", []string{"active", "missing", "locked_pin", "locked_puk"}}
	enumNetworkTech    = &enumDef{"NetworkTechnology", []string{"none", "2G", "3G", "4G", "5G"}}
	enumModePreference = &enumDef{"NetworkModePreference", []string{"4g_5g_preferred", "4g_only", "3g_only", "2g_only"}}
	enumSignal         = &enumDef{"SignalStrength", []string{"none", "poor", "fair", "good", "excellent"}}
	enumPerformance    = &enumDef{"PerformanceLevel", []string{"unknown", "poor", "fair", "good", "excellent"}}
	enumNetworkStatus  = &enumDef{"NetworkStatus", []string{"connected", "searching", "no_service", "emergency_only"}}
	enumAPNNames       = &enumDef{"APNNames", []string{"internet", "broken"}}

	modelAPNSettings = &modelDef{name: "APNSettings", forbid: true, fields: []field{
		def("apn_name", tEnum(enumAPNNames), "internet"), def("reset_at_reboot", tBool, false),
		def("mms_apn", tOpt(tStr), "mms"), def("mmsc_url", tOpt(tStr), defaultMMSC),
		def("mms_proxy", tOpt(tStr), nil), def("mms_port", tOpt(tInt), nil)}}
	modelVpnDetails = &modelDef{name: "VpnDetails", forbid: true, fields: []field{
		def("server_address", tOpt(tStr), nil), def("protocol", tOpt(tStr), nil), def("server_performance", tEnum(enumPerformance), "unknown")}}
	modelAppPermissions = &modelDef{name: "AppPermissions", forbid: true, fields: []field{
		def("sms", tBool, false), def("storage", tBool, false), def("phone", tBool, false), def("network", tBool, false)}}
	modelAppStatus = &modelDef{name: "AppStatus", forbid: true, fields: []field{
		req("app_name", tStr), defFn("permissions", tModel(modelAppPermissions), func() pyval.Value { return appPerms{}.dump() })}}
	modelPhone = &modelDef{name: "MockPhoneAttributes", forbid: true, fields: []field{
		def("sim_card_status", tEnum(enumSimStatus), "active"), def("sim_card_missing", tBool, false), def("airplane_mode", tBool, false),
		def("network_signal_strength", tEnum(enumSignal), "good"), def("network_technology_connected", tEnum(enumNetworkTech), "5G"),
		def("network_connection_status", tEnum(enumNetworkStatus), "connected"), def("battery_level", tInt, int64(80)),
		def("data_enabled", tBool, true), def("roaming_enabled", tBool, false), def("network_mode_preference", tEnum(enumModePreference), "4g_5g_preferred"),
		defFn("active_apn_settings", tModel(modelAPNSettings), func() pyval.Value { return defaultAPN().dump() }),
		def("wifi_enabled", tBool, false), def("wifi_connected", tBool, false), def("wifi_ssid", tOpt(tStr), nil),
		def("wifi_signal_strength", tEnum(enumSignal), "none"), def("wifi_calling_enabled", tBool, false), def("wifi_calling_mms_over_wifi", tBool, false),
		def("data_saver_mode", tBool, false), def("vpn_enabled_setting", tBool, false), def("vpn_connected", tBool, false),
		def("vpn_details", tOpt(tModel(modelVpnDetails)), nil),
		defFn("app_statuses", tDict(nil, tModel(modelAppStatus)), func() pyval.Value { return dumpApps(defaultApps()) })}}
	modelPaymentRequest = &modelDef{name: "PaymentRequest", forbid: true, fields: []field{
		req("bill_id", tStr), req("amount_due", tFloat), def("paid", tBool, false)}}
	modelSurroundings = &modelDef{name: "UserSurroundings", forbid: true, fields: []field{
		def("name", tOpt(tStr), nil), def("phone_number", tOpt(tStr), nil), def("is_abroad", tBool, false), def("roaming_allowed", tBool, false),
		defFn("signal_strength", tDict(tEnum(enumNetworkTech), tEnum(enumSignal)), func() pyval.Value { return dumpSignals(defaultSignals()) }),
		def("mobile_data_usage_exceeded", tBool, false), def("line_active", tBool, true),
		def("payment_request", tOpt(tModel(modelPaymentRequest)), nil)}}
	modelUserDB = &modelDef{name: "TelecomUserDB", forbid: true, fields: []field{
		defFn("device", tModel(modelPhone), func() pyval.Value { return defaultPhone().dump() }),
		defFn("surroundings", tModel(modelSurroundings), func() pyval.Value { return defaultSurroundings().dump() })}}
)

const defaultMMSC = "http://mms.carrier.com/mms/wapenc"

// apnSettings is APNSettings.
type apnSettings struct {
	name                      string
	resetAtReboot             bool
	mmsAPN, mmscURL, mmsProxy optStr
	mmsPort                   pyval.Value // Optional[int]
}

func defaultAPN() *apnSettings {
	return &apnSettings{name: "internet", mmsAPN: optStr{"mms", true}, mmscURL: optStr{defaultMMSC, true}}
}

func (a *apnSettings) dump() *pyval.Dict {
	return pyval.DictOf("apn_name", a.name, "reset_at_reboot", a.resetAtReboot, "mms_apn", a.mmsAPN.value(), "mmsc_url", a.mmscURL.value(), "mms_proxy", a.mmsProxy.value(), "mms_port", a.mmsPort)
}

func apnFrom(d *pyval.Dict) *apnSettings {
	return &apnSettings{name: gstr(d, "apn_name"), resetAtReboot: gbool(d, "reset_at_reboot"), mmsAPN: toOptStr(get(d, "mms_apn")), mmscURL: toOptStr(get(d, "mmsc_url")), mmsProxy: toOptStr(get(d, "mms_proxy")), mmsPort: get(d, "mms_port")}
}

func (a *apnSettings) eq(o *apnSettings) bool {
	return a.name == o.name && a.resetAtReboot == o.resetAtReboot && a.mmsAPN == o.mmsAPN && a.mmscURL == o.mmscURL && a.mmsProxy == o.mmsProxy && valueEq(a.mmsPort, o.mmsPort)
}

// vpnDetails is VpnDetails.
type vpnDetails struct {
	server, protocol optStr
	perf             string
}

func (v *vpnDetails) dump() *pyval.Dict {
	return pyval.DictOf("server_address", v.server.value(), "protocol", v.protocol.value(), "server_performance", v.perf)
}

// appPerms is AppPermissions.
type appPerms struct{ sms, storage, phone, network bool }

func (p appPerms) dump() *pyval.Dict {
	return pyval.DictOf("sms", p.sms, "storage", p.storage, "phone", p.phone, "network", p.network)
}

// names lists the permission names in field order with their values.
func (p *appPerms) field(name string) *bool {
	switch name {
	case "sms":
		return &p.sms
	case "storage":
		return &p.storage
	case "phone":
		return &p.phone
	case "network":
		return &p.network
	}
	return nil
}

// app is one entry of app_statuses: its key and AppStatus.
type app struct {
	key   string
	name  string // AppStatus.app_name
	perms appPerms
}

func defaultApps() []app {
	return []app{
		{key: "messaging", name: "messaging", perms: appPerms{sms: true, storage: true, phone: true}},
		{key: "browser", name: "browser", perms: appPerms{network: true, storage: true}},
	}
}

func dumpApps(apps []app) *pyval.Dict {
	d := pyval.NewDict()
	for _, a := range apps {
		d.Set(a.key, pyval.DictOf("app_name", a.name, "permissions", a.perms.dump()))
	}
	return d
}

// signal is one entry of the surroundings' signal_strength map.
type signal struct{ tech, strength string }

func defaultSignals() []signal {
	return []signal{{"2G", "poor"}, {"3G", "fair"}, {"4G", "good"}, {"5G", "excellent"}}
}

func dumpSignals(s []signal) *pyval.Dict {
	d := pyval.NewDict()
	for _, e := range s {
		d.Set(e.tech, e.strength)
	}
	return d
}

// phone is MockPhoneAttributes.
type phone struct {
	simStatus    string
	simMissing   bool
	airplane     bool
	signal       string
	tech         string
	conn         string
	battery      pyval.Value // int
	dataEnabled  bool
	roaming      bool
	modePref     pyval.Value // a NetworkModePreference value, or any value
	apn          *apnSettings
	apnJunk      pyval.Value // active_apn_settings when it is not an APNSettings (apn == nil)
	wifiEnabled  bool
	wifiOn       bool // wifi_connected
	wifiSSID     optStr
	wifiSignal   string
	wifiCalling  bool
	mmsOverWifi  pyval.Value // bool, or what set_wifi_calling was given
	dataSaver    bool
	vpnSetting   bool
	vpnConnected bool
	vpn          *vpnDetails
	apps         []app
}

func defaultPhone() *phone {
	return &phone{simStatus: "active", signal: "good", tech: "5G", conn: "connected", battery: int64(80), dataEnabled: true,
		modePref: "4g_5g_preferred", apn: defaultAPN(), wifiSignal: "none", mmsOverWifi: false, apps: defaultApps()}
}

func (p *phone) apnValue() pyval.Value {
	if p.apn == nil {
		return p.apnJunk
	}
	return p.apn.dump()
}

func (p *phone) dump() *pyval.Dict {
	var vpn pyval.Value
	if p.vpn != nil {
		vpn = p.vpn.dump()
	}
	return pyval.DictOf("sim_card_status", p.simStatus, "sim_card_missing", p.simMissing, "airplane_mode", p.airplane,
		"network_signal_strength", p.signal, "network_technology_connected", p.tech, "network_connection_status", p.conn,
		"battery_level", p.battery, "data_enabled", p.dataEnabled, "roaming_enabled", p.roaming, "network_mode_preference", p.modePref,
		"active_apn_settings", p.apnValue(), "wifi_enabled", p.wifiEnabled, "wifi_connected", p.wifiOn, "wifi_ssid", p.wifiSSID.value(),
		"wifi_signal_strength", p.wifiSignal, "wifi_calling_enabled", p.wifiCalling, "wifi_calling_mms_over_wifi", p.mmsOverWifi,
		"data_saver_mode", p.dataSaver, "vpn_enabled_setting", p.vpnSetting, "vpn_connected", p.vpnConnected, "vpn_details", vpn,
		"app_statuses", dumpApps(p.apps))
}

func phoneFrom(d *pyval.Dict) *phone {
	p := &phone{simStatus: gstr(d, "sim_card_status"), simMissing: gbool(d, "sim_card_missing"), airplane: gbool(d, "airplane_mode"),
		signal: gstr(d, "network_signal_strength"), tech: gstr(d, "network_technology_connected"), conn: gstr(d, "network_connection_status"),
		battery: get(d, "battery_level"), dataEnabled: gbool(d, "data_enabled"), roaming: gbool(d, "roaming_enabled"), modePref: get(d, "network_mode_preference"),
		wifiEnabled: gbool(d, "wifi_enabled"), wifiOn: gbool(d, "wifi_connected"), wifiSSID: toOptStr(get(d, "wifi_ssid")), wifiSignal: gstr(d, "wifi_signal_strength"),
		wifiCalling: gbool(d, "wifi_calling_enabled"), mmsOverWifi: get(d, "wifi_calling_mms_over_wifi"), dataSaver: gbool(d, "data_saver_mode"),
		vpnSetting: gbool(d, "vpn_enabled_setting"), vpnConnected: gbool(d, "vpn_connected")}
	if a, ok := get(d, "active_apn_settings").(*pyval.Dict); ok {
		p.apn = apnFrom(a)
	}
	if v, ok := get(d, "vpn_details").(*pyval.Dict); ok {
		p.vpn = &vpnDetails{server: toOptStr(get(v, "server_address")), protocol: toOptStr(get(v, "protocol")), perf: gstr(v, "server_performance")}
	}
	if apps, ok := get(d, "app_statuses").(*pyval.Dict); ok {
		apps.Items(func(k, v pyval.Value) bool {
			s, _ := v.(*pyval.Dict)
			pd, _ := get(s, "permissions").(*pyval.Dict)
			p.apps = append(p.apps, app{key: pyval.Str(k), name: gstr(s, "app_name"),
				perms: appPerms{gbool(pd, "sms"), gbool(pd, "storage"), gbool(pd, "phone"), gbool(pd, "network")}})
			return true
		})
	}
	return p
}

// paymentRequest is PaymentRequest.
type paymentRequest struct {
	billID string
	amount float64
	paid   bool
}

// surroundings is UserSurroundings.
type surroundings struct {
	name, phone    pyval.Value // Optional[str], or what set_user_info was given
	abroad         pyval.Value // bool, or what set_user_location was given
	roamingAllowed bool
	signals        []signal
	usageExceeded  bool
	lineActive     bool
	payment        *paymentRequest
}

func defaultSurroundings() *surroundings {
	return &surroundings{abroad: false, signals: defaultSignals(), lineActive: true}
}

func (s *surroundings) dump() *pyval.Dict {
	var pr pyval.Value
	if s.payment != nil {
		pr = pyval.DictOf("bill_id", s.payment.billID, "amount_due", s.payment.amount, "paid", s.payment.paid)
	}
	return pyval.DictOf("name", s.name, "phone_number", s.phone, "is_abroad", s.abroad, "roaming_allowed", s.roamingAllowed,
		"signal_strength", dumpSignals(s.signals), "mobile_data_usage_exceeded", s.usageExceeded, "line_active", s.lineActive,
		"payment_request", pr)
}

func surroundingsFrom(d *pyval.Dict) *surroundings {
	s := &surroundings{name: get(d, "name"), phone: get(d, "phone_number"), abroad: get(d, "is_abroad"), roamingAllowed: gbool(d, "roaming_allowed"),
		usageExceeded: gbool(d, "mobile_data_usage_exceeded"), lineActive: gbool(d, "line_active")}
	if sig, ok := get(d, "signal_strength").(*pyval.Dict); ok {
		sig.Items(func(k, v pyval.Value) bool {
			s.signals = append(s.signals, signal{pyval.Str(k), pyval.Str(v)})
			return true
		})
	}
	if pr, ok := get(d, "payment_request").(*pyval.Dict); ok {
		s.payment = &paymentRequest{billID: gstr(pr, "bill_id"), amount: gfloat(pr, "amount_due"), paid: gbool(pr, "paid")}
	}
	return s
}

// userDB is TelecomUserDB.
type userDB struct {
	dev *phone
	sur *surroundings
}

func newDefaultVPN() *vpnDetails {
	return &vpnDetails{server: optStr{"192.168.1.1", true}, protocol: optStr{"OpenVPN", true}, perf: "excellent"}
}

func (u *userDB) dump() *pyval.Dict {
	return pyval.DictOf("device", u.dev.dump(), "surroundings", u.sur.dump())
}

func userDBFrom(d *pyval.Dict) *userDB {
	dv, _ := get(d, "device").(*pyval.Dict)
	sd, _ := get(d, "surroundings").(*pyval.Dict)
	return &userDB{dev: phoneFrom(dv), sur: surroundingsFrom(sd)}
}

// clone deep-copies the database; device VPN details that are the
// toolkit's default (oldDefault) become newDefault in the copy.
func (u *userDB) clone(oldDefault, newDefault *vpnDetails) *userDB {
	dv := *u.dev
	if dv.apn != nil {
		a := *dv.apn
		dv.apn = &a
	}
	dv.apps = append([]app(nil), dv.apps...)
	c := &userDB{dev: &dv}
	switch {
	case u.dev.vpn == oldDefault:
		dv.vpn = newDefault
	case u.dev.vpn != nil:
		v := *u.dev.vpn
		dv.vpn = &v
	}
	s := *u.sur
	s.signals = append([]signal(nil), s.signals...)
	if s.payment != nil {
		p := *s.payment
		s.payment = &p
	}
	c.sur = &s
	return c
}

func (u *userDB) equal(o *userDB) bool {
	if u == o {
		return true
	}
	a, b := u.dev, o.dev
	if a.simStatus != b.simStatus || a.simMissing != b.simMissing || a.airplane != b.airplane || a.signal != b.signal || a.tech != b.tech ||
		a.conn != b.conn || !valueEq(a.battery, b.battery) || a.dataEnabled != b.dataEnabled || a.roaming != b.roaming ||
		!valueEq(a.modePref, b.modePref) || a.wifiEnabled != b.wifiEnabled || a.wifiOn != b.wifiOn || a.wifiSSID != b.wifiSSID ||
		a.wifiSignal != b.wifiSignal || a.wifiCalling != b.wifiCalling || !valueEq(a.mmsOverWifi, b.mmsOverWifi) ||
		a.dataSaver != b.dataSaver || a.vpnSetting != b.vpnSetting || a.vpnConnected != b.vpnConnected || !sliceEq(a.apps, b.apps) {
		return false
	}
	switch {
	case (a.apn == nil) != (b.apn == nil):
		return false
	case a.apn == nil:
		if !valueEq(a.apnJunk, b.apnJunk) {
			return false
		}
	case !a.apn.eq(b.apn):
		return false
	}
	if (a.vpn == nil) != (b.vpn == nil) || (a.vpn != nil && *a.vpn != *b.vpn) {
		return false
	}
	s, t := u.sur, o.sur
	if !valueEq(s.name, t.name) || !valueEq(s.phone, t.phone) || !valueEq(s.abroad, t.abroad) || s.roamingAllowed != t.roamingAllowed ||
		!sliceEq(s.signals, t.signals) || s.usageExceeded != t.usageExceeded || s.lineActive != t.lineActive {
		return false
	}
	if (s.payment == nil) != (t.payment == nil) {
		return false
	}
	return s.payment == nil || (s.payment.billID == t.payment.billID && feq(s.payment.amount, t.payment.amount) && s.payment.paid == t.payment.paid)
}
