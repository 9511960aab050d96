package telecom

import (
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// The user's toolkit (user_tools.py TelecomUserTools), tools in the
// reference's order, with the helpers and set-up and assertion functions
// the tasks call.

type userFn = func(e *Env, a []pyval.Value) (pyval.Value, error)

// devFn adapts a function of the device.
func devFn(f func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error)) userFn {
	return func(e *Env, a []pyval.Value) (pyval.Value, error) {
		d, err := e.dev()
		if err != nil {
			return nil, err
		}
		return f(e, d, a)
	}
}

// withBar appends the status bar to a tool's message, as most user tools
// do.
func withBar(f func(e *Env, d *phone, a []pyval.Value) (string, error)) userFn {
	return devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		msg, err := f(e, d, a)
		if err != nil {
			return nil, err
		}
		return msg + "\nStatus Bar: " + statusBar(d), nil
	})
}

func onOff(b bool) string {
	if b {
		return "ON"
	}
	return "OFF"
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

var userKit = newToolkit("TelecomUserTools", []*function{
	attribute("device", func(e *Env) (string, error) {
		_, err := e.dev()
		return "MockPhoneAttributes", err
	}),
	attribute("surroundings", func(e *Env) (string, error) {
		_, err := e.sur()
		return "UserSurroundings", err
	}),
	attribute("network_mode_preference", func(e *Env) (string, error) { return "NetworkModePreference", nil }),
	attribute("default_vpn_details", func(e *Env) (string, error) { return "VpnDetails", nil }),
	attribute("db", func(e *Env) (string, error) { return e.user.class(), nil }),
	fn("set_user_info", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		s, err := e.sur()
		if err != nil {
			return nil, err
		}
		s.name = a[0]
		s.phone = a[1]
		return nil, nil
	}, rq("name"), rq("phone_number")),
	fn("set_user_location", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		s, err := e.sur()
		if err != nil {
			return nil, err
		}
		s.abroad = a[0]
		return nil, nil
	}, rq("abroad")),
	fn("check_status_bar", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return "Status Bar: " + statusBar(d), nil
	})),
	fn("_check_status_bar", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return statusBar(d), nil })),
	fn("check_network_status", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		lines := []string{
			"Airplane Mode: " + onOff(d.airplane),
			"SIM Card Status: " + simStatus(d),
			"Cellular Connection: " + d.conn,
			"Cellular Signal: " + d.signal,
			"Cellular Network Type: " + d.tech,
			"Mobile Data Enabled: " + yesNo(d.dataEnabled),
			"Data Roaming Enabled: " + yesNo(d.roaming),
			"Wi-Fi Radio: " + onOff(d.wifiEnabled),
			"Wi-Fi Connected: " + yesNo(d.wifiOn),
		}
		if d.wifiOn {
			lines = append(lines, "Connected Wi-Fi Network: "+pyval.Str(d.wifiSSID.value()))
		}
		return strings.Join(lines, "\n"), nil
	})),
	fn("_check_network_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return pyval.DictOf("airplane_mode", d.airplane, "sim_status", simStatus(d), "connection_status", d.conn, "signal_strength", d.signal,
			"network_technology", d.tech, "mobile_data_enabled", d.dataEnabled, "data_roaming_enabled", d.roaming,
			"wifi_enabled", d.wifiEnabled, "wifi_connected", d.wifiOn, "wifi_ssid", d.wifiSSID.value()), nil
	})),
	fn("check_network_mode_preference", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		s, ok := d.modePref.(string)
		if !ok {
			return nil, tau2.AttributeError(d.modePref, "value")
		}
		return "Network Mode Preference: " + s, nil
	})),
	fn("_check_network_mode_preference", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return d.modePref, nil })),
	fn("set_network_mode_preference", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		valid, ok, err := e.setNetworkModePreference(d, a[0])
		if err != nil {
			return "", err
		}
		if !ok || valid == nil {
			// An invalid str, or None (set, then returned as "no mode").
			return fmt.Sprintf("Failed to set network mode: '%s' is not a valid option. Please use one of: %s", pyval.Str(a[0]), strings.Join(enumModePreference.vals, ", ")), nil
		}
		s, isStr := valid.(string)
		if !isStr {
			return "", tau2.AttributeError(valid, "value")
		}
		return "Preferred Network Mode set to: " + s, nil
	}), rq("mode")),
	fn("_set_network_mode_preference", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		valid, ok, err := e.setNetworkModePreference(d, a[0])
		if err != nil || !ok {
			return nil, err
		}
		return valid, nil
	}), rq("mode")),
	fn("_get_mobile_data_working", "", func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.mobileDataWorking() }),
	fn("run_speed_test", tau2.Read, func(e *Env, a []pyval.Value) (pyval.Value, error) {
		speed, desc, err := e.speedTest()
		if err != nil {
			return nil, err
		}
		if speed == nil {
			return "Speed test failed: " + desc + ".", nil
		}
		advice := map[string]string{
			"Very Poor": "Connection is very slow. Basic web browsing might be difficult.",
			"Poor":      "Connection is slow. Web browsing may be sluggish, streaming difficult.",
			"Fair":      "Connection is okay for web browsing and some standard definition streaming.",
			"Good":      "Connection is good for most activities, including HD streaming.",
			"Excellent": "Connection is very fast.",
		}[desc]
		return fmt.Sprintf("Speed Test Result: %s Mbps (%s). %s", fmt2f(*speed), desc, advice), nil
	}),
	fn("_run_speed_test", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		speed, desc, err := e.speedTest()
		if err != nil {
			return nil, err
		}
		if speed == nil {
			return pyval.Tuple{nil, desc}, nil
		}
		return pyval.Tuple{*speed, desc}, nil
	}),
	fn("toggle_airplane_mode", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		on, err := e.toggleAirplane(d)
		if err != nil {
			return "", err
		}
		return "Airplane Mode is now " + onOff(on) + ".", nil
	})),
	fn("_toggle_airplane_mode", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return e.toggleAirplane(d) })),
	fn("turn_airplane_mode_on", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return "Airplane Mode is now ON.", e.airplaneTo(d, true)
	})),
	fn("turn_airplane_mode_off", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return "Airplane Mode is now OFF.", e.airplaneTo(d, false)
	})),
	fn("check_sim_status", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return map[string]string{
			"active":     "Your SIM card is active and working.",
			"missing":    "No SIM card detected in the phone.",
			"locked_pin": "The SIM card is locked with a PIN code.",
			"locked_puk": "The SIM card is locked with a PUK code.",
		}[simStatus(d)], nil
	})),
	fn("_check_sim_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return simStatus(d), nil })),
	fn("reseat_sim_card", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) { return e.reseatSIM(d) })),
	fn("_reseat_sim_card", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return e.reseatSIM(d) })),
	fn("unseat_sim_card", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		d.simMissing = true
		if err := e.networkSearch(d); err != nil {
			return nil, err
		}
		if !d.simMissing || simStatus(d) != "missing" {
			return nil, assertionError()
		}
		return "SIM card un-seated successfully.", nil
	})),
	fn("lock_sim_card", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		mode := a[0]
		switch {
		case isStr(mode, "pin"):
			d.simStatus = "locked_pin"
		case isStr(mode, "puk"):
			d.simStatus = "locked_puk"
		}
		if err := e.networkSearch(d); err != nil {
			return nil, err
		}
		if (isStr(mode, "pin") && d.simStatus != "locked_pin") || (isStr(mode, "puk") && d.simStatus != "locked_puk") {
			return nil, assertionError()
		}
		return fmt.Sprintf("SIM card locked successfully in %s mode.", pyval.Str(mode)), nil
	}), rq("mode")),
	fn("toggle_data", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		on, err := e.toggleData(d)
		if err != nil {
			return "", err
		}
		return "Mobile Data is now " + onOff(on) + ".", nil
	})),
	fn("_toggle_data", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return e.toggleData(d) })),
	fn("turn_data_on", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		d.dataEnabled = true
		return "Data connection restored.", nil
	})),
	fn("turn_data_off", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		on, err := e.toggleData(d)
		if err == nil && on {
			_, err = e.toggleData(d)
		}
		return "Data connection broken.", err
	})),
	fn("toggle_roaming", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		on, err := e.toggleRoaming(d)
		if err != nil {
			return "", err
		}
		return "Data Roaming is now " + onOff(on) + ".", nil
	})),
	fn("_toggle_roaming", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return e.toggleRoaming(d) })),
	fn("turn_roaming_on", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		on, err := e.toggleRoaming(d)
		if err == nil && !on {
			_, err = e.toggleRoaming(d)
		}
		return "Data Roaming is now ON.", err
	})),
	fn("turn_roaming_off", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		on, err := e.toggleRoaming(d)
		if err == nil && on {
			_, err = e.toggleRoaming(d)
		}
		return "Data Roaming is now OFF.", err
	})),
	fn("check_data_restriction_status", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.dataSaver {
			return "Data Saver mode is ON (limits data usage).", nil
		}
		return "Data Saver mode is OFF.", nil
	})),
	fn("_check_data_restriction_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return pyval.DictOf("data_saver_mode", d.dataSaver), nil
	})),
	fn("toggle_data_saver_mode", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		d.dataSaver = !d.dataSaver
		return "Data Saver Mode is now " + onOff(d.dataSaver) + ".", nil
	})),
	fn("_toggle_data_saver_mode", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		d.dataSaver = !d.dataSaver
		return d.dataSaver, nil
	})),
	fn("turn_data_saver_mode_on", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		d.dataSaver = true
		return "Data Saver Mode is now ON.", nil
	})),
	fn("turn_data_saver_mode_off", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		d.dataSaver = false
		return "Data Saver Mode is now OFF.", nil
	})),
	fn("check_apn_settings", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.apn == nil {
			return nil, tau2.AttributeError(d.apnJunk, "model_copy")
		}
		url := d.apn.mmscURL.s
		if url == "" {
			url = "Not Set"
		}
		return fmt.Sprintf("Current APN Name: %s\nMMSC URL (for picture messages): %s\n(These are technical settings, usually best left unchanged.)", d.apn.name, url), nil
	})),
	fn("_check_apn_settings", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.apn == nil {
			return nil, tau2.AttributeError(d.apnJunk, "model_copy")
		}
		return d.apn.dump(), nil
	})),
	fn("set_apn_settings", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		msg, err := e.setAPN(d, a[0], true)
		if err != nil {
			return "", err
		}
		return msg, e.networkSearch(d)
	}), rq("apn_settings")),
	fn("_set_apn_settings", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return e.setAPN(d, a[0], false) }), rq("apn_settings")),
	fn("reset_apn_settings", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		if d.apn == nil {
			return "", tau2.AttributeError(d.apnJunk, "reset_at_reboot")
		}
		d.apn.resetAtReboot = true
		return "APN settings will reset at reboot.", e.networkSearch(d)
	})),
	fn("_reset_apn_settings", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.apn == nil {
			return nil, tau2.AttributeError(d.apnJunk, "reset_at_reboot")
		}
		d.apn.resetAtReboot = true
		return "APN settings will reset at reboot.", nil
	})),
	fn("break_apn_settings", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.apn == nil {
			return nil, tau2.AttributeError(d.apnJunk, "apn_name")
		}
		d.apn.name = "broken"
		if err := e.networkSearch(d); err != nil {
			return nil, err
		}
		if d.conn != "no_service" {
			return nil, assertionError()
		}
		return "APN settings broken. Please call reset_apn_settings() to fix.", nil
	})),
	fn("break_apn_mms_setting", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.apn == nil {
			return nil, tau2.AttributeError(d.apnJunk, "mmsc_url")
		}
		d.apn.mmscURL = optStr{}
		can, err := e.canSendMMS()
		if err != nil {
			return nil, err
		}
		if can {
			return nil, assertionError()
		}
		return "APN MMS setting broken. Please call reset_apn_settings() to fix.", nil
	})),
	fn("check_wifi_status", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		switch {
		case !d.wifiEnabled:
			return "Wi-Fi is turned OFF.", nil
		case d.wifiOn:
			return fmt.Sprintf("Wi-Fi is ON and connected to '%s'. Signal strength: %s.", pyval.Str(d.wifiSSID.value()), d.wifiSignal), nil
		}
		return "Wi-Fi is ON but not connected to any network.", nil
	})),
	fn("_check_wifi_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return pyval.DictOf("enabled", d.wifiEnabled, "connected", d.wifiOn, "ssid", d.wifiSSID.value(), "signal_strength", d.wifiSignal), nil
	})),
	fn("toggle_wifi", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		if d.airplane {
			return "Cannot change Wi-Fi settings while Airplane Mode is ON.", nil
		}
		return "Wi-Fi is now " + onOff(toggleWifi(d)) + ".", nil
	})),
	fn("_toggle_wifi", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.airplane {
			return nil, nil
		}
		return toggleWifi(d), nil
	})),
	fn("check_wifi_calling_status", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return "Wi-Fi Calling is currently turned " + onOff(d.wifiCalling) + ".", nil
	})),
	fn("_check_wifi_calling_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return pyval.DictOf("enabled", d.wifiCalling, "mms_enabled", d.mmsOverWifi), nil
	})),
	fn("toggle_wifi_calling", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		d.wifiCalling = !d.wifiCalling
		return "Wi-Fi Calling is now " + onOff(d.wifiCalling) + ".", nil
	})),
	fn("_toggle_wifi_calling", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		d.wifiCalling = !d.wifiCalling
		return d.wifiCalling, nil
	})),
	fn("set_wifi_calling", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if !pyval.Equal(d.wifiCalling, a[0]) {
			d.wifiCalling = !d.wifiCalling
		}
		msg := "Wi-Fi Calling is now " + onOff(pyval.Truth(a[0])) + "."
		if a[1] != nil {
			d.mmsOverWifi = a[1]
			msg += "\nMMS over Wi-Fi is now " + onOff(pyval.Truth(a[1])) + "."
		}
		return msg, nil
	}), rq("enabled"), op("mms_over_wifi", nil)),
	fn("check_vpn_status", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		switch {
		case d.vpnConnected && d.vpn != nil:
			return "VPN is ON and connected. Details: " + vpnDetailsStr(d.vpn), nil
		case d.vpnConnected:
			return "VPN is ON and connected (no specific details available).", nil
		case d.vpnSetting:
			return "VPN is turned ON in settings, but currently not connected.", nil
		}
		return "VPN is turned OFF.", nil
	})),
	fn("_check_vpn_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		var details pyval.Value
		if d.vpn != nil && d.vpnConnected {
			details = d.vpn.dump()
		}
		return pyval.DictOf("enabled_setting", d.vpnSetting, "connected", d.vpnConnected, "details", details), nil
	})),
	fn("connect_vpn", tau2.Write, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return e.connectVPN(d), nil })),
	fn("_connect_vpn", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		if d.vpnConnected {
			return nil, nil
		}
		e.connect(d)
		return true, nil
	})),
	fn("disconnect_vpn", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		if disconnectVPN(d) {
			return "VPN disconnected successfully.", nil
		}
		return "No active VPN connection to disconnect.", nil
	})),
	fn("_disconnect_vpn", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return disconnectVPN(d), nil })),
	fn("break_vpn", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		e.connectVPN(d)
		if d.vpn == nil {
			return nil, tau2.AttributeError(nil, "server_performance")
		}
		d.vpn.perf = "poor"
		return "VPN connection broken.", nil
	})),
	fn("check_installed_apps", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		names := make([]string, len(d.apps))
		for i, ap := range d.apps {
			names[i] = ap.key
		}
		return "The following apps are installed on the phone: " + strings.Join(names, ", "), nil
	})),
	fn("_check_installed_apps", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		out := make([]pyval.Value, len(d.apps))
		for i, ap := range d.apps {
			out[i] = ap.key
		}
		return out, nil
	})),
	fn("check_app_status", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		ap, err := findApp(d, a[0])
		if err != nil {
			return nil, err
		}
		name := pyval.Str(a[0])
		if ap == nil {
			return fmt.Sprintf("App '%s' not found on this phone.", name), nil
		}
		lines := []string{"Status for App: " + name}
		perms := ap.perms.granted()
		if len(perms) == 0 {
			lines = append(lines, " - Permissions: None granted.")
		} else {
			lines = append(lines, " - Permissions Granted:")
			for _, p := range perms {
				lines = append(lines, "   - "+p)
			}
		}
		return strings.Join(lines, "\n"), nil
	}), rq("app_name")),
	fn("_check_app_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		ap, err := findApp(d, a[0])
		if err != nil || ap == nil {
			return nil, err
		}
		return pyval.DictOf("app_name", ap.name, "permissions", ap.perms.dump()), nil
	}), rq("app_name")),
	fn("check_app_permissions", tau2.Read, devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		ap, err := findApp(d, a[0])
		if err != nil {
			return nil, err
		}
		name := pyval.Str(a[0])
		if ap == nil {
			return fmt.Sprintf("App '%s' not found on this phone.", name), nil
		}
		perms := ap.perms.granted()
		if len(perms) == 0 {
			return fmt.Sprintf("App '%s' currently has no permissions granted.", name), nil
		}
		return fmt.Sprintf("App '%s' has permission for: %s.", name, strings.Join(perms, ", ")), nil
	}), rq("app_name")),
	fn("_check_app_permissions", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		ap, err := findApp(d, a[0])
		if err != nil || ap == nil {
			return nil, err
		}
		return ap.perms.dump(), nil
	}), rq("app_name")),
	fn("grant_app_permission", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) {
		ok, msg, err := grantPermission(d, a[0], a[1])
		if err != nil {
			return "", err
		}
		if ok {
			return "Success. " + msg, nil
		}
		return "Error. " + msg, nil
	}), rq("app_name"), rq("permission")),
	fn("_grant_app_permission", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		ok, msg, err := grantPermission(d, a[0], a[1])
		if err != nil {
			return nil, err
		}
		return pyval.Tuple{ok, msg}, nil
	}), rq("app_name"), rq("permission")),
	fn("remove_app_permission", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		ok, msg, err := removePermission(d, a[0], a[1])
		if err != nil {
			return nil, err
		}
		return pyval.Tuple{ok, msg}, nil
	}), rq("app_name"), rq("permission")),
	fn("can_send_mms", tau2.Read, func(e *Env, a []pyval.Value) (pyval.Value, error) {
		ok, err := e.canSendMMS()
		if err != nil {
			return nil, err
		}
		if ok {
			return "Your messaging app can send MMS messages.", nil
		}
		return "Your messaging app cannot send MMS messages.", nil
	}),
	fn("_can_send_mms", "", func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.canSendMMS() }),
	fn("reboot_device", tau2.Write, withBar(func(e *Env, d *phone, a []pyval.Value) (string, error) { return e.reboot(d) })),
	fn("_reboot_device", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return e.reboot(d) })),
	fn("simulate_network_search", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) { return nil, e.networkSearch(d) })),
	fn("check_payment_request", tau2.Read, func(e *Env, a []pyval.Value) (pyval.Value, error) {
		s, err := e.sur()
		if err != nil {
			return nil, err
		}
		if s.payment == nil {
			return "No payment request has been made.", nil
		}
		return fmt.Sprintf("You have a payment request for bill %s of %s USD.", s.payment.billID, pyFloatStr(s.payment.amount)), nil
	}),
	fn("_check_payment_request", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		s, err := e.sur()
		if err != nil || s.payment == nil {
			return nil, err
		}
		return pyval.DictOf("bill_id", s.payment.billID, "amount_due", s.payment.amount, "paid", s.payment.paid), nil
	}),
	fn("make_payment", tau2.Write, func(e *Env, a []pyval.Value) (pyval.Value, error) {
		msg, err := e.makePayment()
		if err != nil {
			return nil, err
		}
		if msg == nil {
			return "You do not have a payment request.", nil
		}
		return msg, nil
	}),
	fn("_make_payment", "", func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.makePayment() }),
	fn("assert_airplane_mode_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return pyval.Equal(d.airplane, a[0]), nil
	}), rq("expected_status")),
	fn("assert_service_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		s, ok := a[0].(string)
		if !ok || !enumNetworkStatus.has(s) {
			return nil, pyval.ValueError(fmt.Sprintf("%s is not a valid NetworkStatus", pyval.Repr(a[0])))
		}
		return d.conn == s, nil
	}), rq("expected_status")),
	fn("assert_mobile_data_status", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		ok, err := e.mobileDataWorking()
		if err != nil {
			return nil, err
		}
		return pyval.Equal(ok, a[0]), nil
	}, rq("expected_status")),
	fn("assert_mobile_roaming_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return pyval.Equal(d.roaming, a[0]), nil
	}), rq("expected_status")),
	fn("assert_mobile_data_saver_mode_status", "", devFn(func(e *Env, d *phone, a []pyval.Value) (pyval.Value, error) {
		return pyval.Equal(d.dataSaver, a[0]), nil
	}), rq("expected_status")),
	fn("assert_internet_speed", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		speed, desc, err := e.speedTest()
		if err != nil {
			return nil, err
		}
		var sp pyval.Value = 0.0
		if speed != nil && *speed != 0 {
			sp = *speed
		}
		fast, err := compare(">=", sp, a[0])
		if err != nil || a[1] == nil || !fast {
			return fast, err
		}
		want, err := tau2.Lower(a[1])
		if err != nil {
			return nil, err
		}
		return pyval.Lower(desc) == want, nil
	}, rq("expected_speed"), op("expected_desc", nil)),
	fn("assert_internet_not_excellent", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		_, desc, err := e.speedTest()
		if err != nil {
			return nil, err
		}
		return pyval.Lower(desc) != "excellent", nil
	}),
	fn("assert_can_send_mms", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		ok, err := e.canSendMMS()
		if err != nil {
			return nil, err
		}
		return pyval.Equal(ok, a[0]), nil
	}, rq("expected_status")),
	fn("assert_mobile_data_usage_exceeded", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		s, err := e.sur()
		if err != nil {
			return nil, err
		}
		return pyval.Equal(s.usageExceeded, a[0]), nil
	}, rq("expected_status")),
	fn("get_db_hash", "", func(e *Env, a []pyval.Value) (pyval.Value, error) { return hashSlot(e.user) }),
})

// attribute declares an attribute that is not a method: Run reads it
// (get returns its type's name, or the error of reading it) and then
// fails to call it, as func(**args) does.
func attribute(name string, get func(e *Env) (string, error)) *function {
	f := fn(name, "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		typeName, err := get(e)
		if err != nil {
			return nil, err
		}
		return nil, pyval.TypeError(fmt.Sprintf("'%s' object is not callable", typeName))
	})
	f.attr = true
	return f
}

func assertionError() error { return pyval.Exc("AssertionError", "") }

// simStatus is _check_sim_status.
func simStatus(d *phone) string {
	if d.simMissing {
		return "missing"
	}
	return d.simStatus
}

// The status bar's pieces.
const (
	iconAirplane   = "\u2708\ufe0f Airplane Mode"
	iconNoSignal   = "\U0001f4f5 No Signal"
	iconDataOn     = "\U0001f4f1 Data Enabled"
	iconDataSaver  = "\U0001f53d Data Saver"
	iconDataOff    = "\U0001f4f5 Data Disabled"
	iconWifiPrefix = "\U0001f4e1 Connected to "
	iconWifiOn     = "\U0001f4e1 Enabled"
	iconVPN        = "\U0001f512 VPN Connected"
	iconBattery    = "\U0001f50b "
)

var signalIcons = map[string]string{
	"none":      iconNoSignal,
	"poor":      "\U0001f4f6\u00b9 Poor",
	"fair":      "\U0001f4f6\u00b2 Fair",
	"good":      "\U0001f4f6\u00b3 Good",
	"excellent": "\U0001f4f6\u2074 Excellent",
}

// statusBar is _check_status_bar.
func statusBar(d *phone) string {
	var parts [7]string
	ind := parts[:0]
	if d.airplane {
		ind = append(ind, iconAirplane)
	} else {
		ind = append(ind, signalIcons[d.signal])
		if d.tech != "none" {
			ind = append(ind, d.tech)
		}
		if d.dataEnabled && d.tech != "none" {
			ind = append(ind, iconDataOn)
			if d.dataSaver {
				ind = append(ind, iconDataSaver)
			}
		} else {
			ind = append(ind, iconDataOff)
		}
	}
	if d.wifiEnabled && d.wifiOn {
		if d.wifiSSID.s != "" {
			ind = append(ind, iconWifiPrefix+d.wifiSSID.s)
		} else {
			ind = append(ind, iconWifiOn)
		}
	}
	if d.vpnConnected {
		ind = append(ind, iconVPN)
	}
	ind = append(ind, iconBattery+pyval.Str(d.battery)+"%")
	return strings.Join(ind, " | ")
}

// networkSearch is simulate_network_search.
func (e *Env) networkSearch(d *phone) error {
	s, err := e.sur()
	if err != nil {
		return err
	}
	switch simStatus(d) {
	case "active":
		d.conn = "connected"
		pref, _ := d.modePref.(string)
		tech := "4G"
		switch pref {
		case "4g_5g_preferred":
			if s.signalFor("5G") != "none" {
				tech = "5G"
			}
		case "3g_only":
			tech = "3G"
		case "2g_only":
			tech = "2G"
		}
		d.tech, d.signal = tech, s.signalFor(tech)
	default:
		d.conn, d.tech, d.signal = "no_service", "none", "none"
	}
	if d.airplane {
		d.conn, d.tech, d.signal = "no_service", "none", "none"
	}
	if d.apn == nil {
		return tau2.AttributeError(d.apnJunk, "apn_name")
	}
	if d.apn.name == "broken" {
		d.conn, d.tech, d.signal = "no_service", "none", "none"
	}
	if !s.lineActive {
		d.conn, d.tech, d.signal = "no_service", "none", "none"
	}
	return nil
}

// signalFor is surroundings.signal_strength.get(tech, NONE).
func (s *surroundings) signalFor(tech string) string {
	for _, x := range s.signals {
		if x.tech == tech {
			return x.strength
		}
	}
	return "none"
}

func (e *Env) setNetworkModePreference(d *phone, mode pyval.Value) (pyval.Value, bool, error) {
	if s, ok := mode.(string); ok && !enumModePreference.has(s) {
		return nil, false, nil // NetworkModePreference(mode) raised ValueError
	}
	d.modePref = mode
	if err := e.networkSearch(d); err != nil {
		return nil, false, err
	}
	return mode, true, nil
}

// mobileDataWorking is _get_mobile_data_working.
func (e *Env) mobileDataWorking() (bool, error) {
	d, err := e.dev()
	if err != nil {
		return false, err
	}
	if d.airplane || d.signal == "none" || d.conn == "no_service" {
		return false, nil
	}
	s, err := e.sur()
	if err != nil {
		return false, err
	}
	if pyval.Truth(s.abroad) && (!d.roaming || !s.roamingAllowed) {
		return false, nil
	}
	return d.dataEnabled && !s.usageExceeded, nil
}

var (
	techSpeeds    = map[string][2]float64{"2G": {0.1, 0.4}, "3G": {1.0, 5.0}, "4G": {10.0, 100.0}, "5G": {50.0, 500.0}, "none": {0, 0}}
	signalFactors = map[string]float64{"poor": 0.2, "fair": 0.5, "good": 0.8, "excellent": 1.0, "none": 0.0}
)

// speedTest is _run_speed_test: the speed (nil without a connection) and
// its description.
func (e *Env) speedTest() (*float64, string, error) {
	working, err := e.mobileDataWorking()
	if err != nil {
		return nil, "", err
	}
	if !working {
		return nil, "No Connection", nil
	}
	d := e.user.u.dev
	factor := 1.0
	if d.vpnConnected && d.vpn != nil && d.vpn.perf == "poor" {
		factor = 0.1
	}
	if d.dataSaver {
		factor *= 0.2
	}
	r := techSpeeds[d.tech]
	speed := pyval.Round((r[0]+r[1])/2.0*signalFactors[d.signal]*factor, 2)
	desc := "Excellent"
	switch {
	case speed < 1:
		desc = "Very Poor"
	case speed < 5:
		desc = "Poor"
	case speed < 25:
		desc = "Fair"
	case speed < 100:
		desc = "Good"
	}
	return &speed, desc, nil
}

// toggleAirplane is _toggle_airplane_mode.
func (e *Env) toggleAirplane(d *phone) (bool, error) {
	wasOn := d.airplane
	d.airplane = !wasOn
	if wasOn {
		d.conn = "searching"
		if d.wifiEnabled {
			d.wifiOn, d.wifiSSID, d.wifiSignal = false, optStr{}, "none"
		}
	} else {
		d.wifiOn, d.wifiSSID, d.wifiSignal = false, optStr{}, "none"
		if d.vpnConnected {
			disconnectVPN(d)
		}
	}
	if err := e.networkSearch(d); err != nil {
		return false, err
	}
	return d.airplane, nil
}

// airplaneTo is turn_airplane_mode_on/off: toggle, and toggle back when
// that went the wrong way.
func (e *Env) airplaneTo(d *phone, on bool) error {
	now, err := e.toggleAirplane(d)
	if err == nil && now != on {
		_, err = e.toggleAirplane(d)
	}
	return err
}

func (e *Env) reseatSIM(d *phone) (string, error) {
	d.simMissing = false
	if err := e.networkSearch(d); err != nil {
		return "", err
	}
	if d.simMissing || simStatus(d) == "missing" {
		return "", assertionError()
	}
	return "SIM card re-seated successfully.", nil
}

func (e *Env) toggleData(d *phone) (bool, error) {
	d.dataEnabled = !d.dataEnabled
	return d.dataEnabled, e.networkSearch(d)
}

func (e *Env) toggleRoaming(d *phone) (bool, error) {
	d.roaming = !d.roaming
	return d.roaming, e.networkSearch(d)
}

// setAPN is set_apn_settings' conversion and _set_apn_settings; withDict
// is whether a dict is validated into an APNSettings first.
func (e *Env) setAPN(d *phone, x pyval.Value, withDict bool) (string, error) {
	if m, ok := x.(*pyval.Dict); ok && withDict {
		v, err := validate(modelAPNSettings, m)
		if err != nil {
			return "", err
		}
		d.apn, d.apnJunk = apnFrom(v), nil
		return "APN settings set to: " + d.apn.name, nil
	}
	d.apn, d.apnJunk = nil, x
	return "", tau2.AttributeError(x, "apn_name")
}

func toggleWifi(d *phone) bool {
	d.wifiEnabled = !d.wifiEnabled
	if !d.wifiEnabled {
		d.wifiOn, d.wifiSSID, d.wifiSignal = false, optStr{}, "none"
	}
	return d.wifiEnabled
}

// performanceMembers names PerformanceLevel's members by value.
var performanceMembers = map[string]string{"unknown": "UNKNOWN", "poor": "POOR", "fair": "FAIR", "good": "GOOD", "excellent": "EXCELLENT"}

// vpnDetailsStr is str() of the VPN details' model_dump(), enum member
// and all.
func vpnDetailsStr(v *vpnDetails) string {
	return fmt.Sprintf("{'server_address': %s, 'protocol': %s, 'server_performance': <PerformanceLevel.%s: %s>}",
		pyval.Repr(v.server.value()), pyval.Repr(v.protocol.value()), performanceMembers[v.perf], pyval.Repr(v.perf))
}

// connect points the device at the toolkit's default VPN details.
func (e *Env) connect(d *phone) {
	d.vpnConnected = true
	d.vpn = e.vpnDefault
}

// connectVPN is the connect_vpn tool.
func (e *Env) connectVPN(d *phone) string {
	if d.vpnConnected {
		return "VPN already connected."
	}
	e.connect(d)
	return "VPN connected successfully.\nStatus Bar: " + statusBar(d)
}

func disconnectVPN(d *phone) bool {
	if !d.vpnConnected {
		return false
	}
	d.vpnConnected, d.vpn = false, nil
	return true
}

// findApp is app_statuses.get(app_name).
func findApp(d *phone, name pyval.Value) (*app, error) {
	key, ok, err := tau2.StrKey(name)
	if err != nil || !ok {
		return nil, err
	}
	for i := range d.apps {
		if d.apps[i].key == key {
			return &d.apps[i], nil
		}
	}
	return nil, nil
}

// granted lists the granted permissions by name.
func (p appPerms) granted() []string {
	var out []string
	for _, f := range []struct {
		name string
		on   bool
	}{{"sms", p.sms}, {"storage", p.storage}, {"phone", p.phone}, {"network", p.network}} {
		if f.on {
			out = append(out, f.name)
		}
	}
	return out
}

func grantPermission(d *phone, appName, permission pyval.Value) (bool, string, error) {
	ap, err := findApp(d, appName)
	if err != nil {
		return false, "", err
	}
	perm, err := tau2.Lower(permission)
	if err != nil {
		return false, "", err
	}
	name := pyval.Str(appName)
	if ap == nil {
		return false, fmt.Sprintf("App '%s' not found. Cannot grant permission.", name), nil
	}
	f := ap.perms.field(perm)
	if f == nil {
		return false, fmt.Sprintf("Permission '%s' not tracked for app '%s', available permissions: ['sms', 'storage', 'phone', 'network']", perm, name), nil
	}
	*f = true
	return true, fmt.Sprintf("Permission '%s' granted to app '%s'.", perm, name), nil
}

// modelAttrs are attributes every pydantic model has: hasattr finds them,
// and setting them raises.
var modelAttrs = map[string]bool{
	"model_config": true, "model_fields": true, "model_computed_fields": true, "model_extra": true, "model_fields_set": true,
	"model_construct": true, "model_copy": true, "model_dump": true, "model_dump_json": true, "model_json_schema": true,
	"model_parametrized_name": true, "model_post_init": true, "model_rebuild": true, "model_validate": true,
	"model_validate_json": true, "model_validate_strings": true, "dict": true, "json": true, "parse_obj": true,
	"parse_raw": true, "parse_file": true, "from_orm": true, "construct": true, "copy": true, "schema": true,
	"schema_json": true, "validate": true, "update_forward_refs": true,
}

func removePermission(d *phone, appName, permission pyval.Value) (bool, string, error) {
	ap, err := findApp(d, appName)
	if err != nil {
		return false, "", err
	}
	perm, err := tau2.Lower(permission)
	if err != nil {
		return false, "", err
	}
	name := pyval.Str(appName)
	if ap == nil {
		return false, fmt.Sprintf("App '%s' not found. Cannot remove permission.", name), nil
	}
	f := ap.perms.field(perm)
	if f == nil {
		if modelAttrs[perm] {
			return false, "", pyval.ValueError(fmt.Sprintf("\"AppPermissions\" object has no field \"%s\"", perm))
		}
		return false, fmt.Sprintf("Permission '%s' not tracked for app '%s'.", perm, name), nil
	}
	*f = false
	return true, fmt.Sprintf("Permission '%s' removed from app '%s'.", perm, name), nil
}

// canSendMMS is _can_send_mms.
func (e *Env) canSendMMS() (bool, error) {
	working, err := e.mobileDataWorking()
	if err != nil || !working {
		return false, err
	}
	d := e.user.u.dev
	if d.tech == "2G" {
		return false, nil
	}
	if d.wifiCalling && pyval.Truth(d.mmsOverWifi) {
		return false, nil
	}
	if d.apn == nil {
		return false, tau2.AttributeError(d.apnJunk, "mmsc_url")
	}
	if !d.apn.mmscURL.ok {
		return false, nil
	}
	for _, ap := range d.apps {
		if ap.key == "messaging" {
			return ap.perms.storage && ap.perms.sms, nil
		}
	}
	return false, nil
}

// reboot is _reboot_device.
func (e *Env) reboot(d *phone) (string, error) {
	if d.apn == nil {
		return "", tau2.AttributeError(d.apnJunk, "reset_at_reboot")
	}
	var lines []string
	if d.apn.resetAtReboot {
		lines = append(lines, "Resetting APN settings...")
		d.apn = defaultAPN()
	}
	lines = append(lines, "Restarting network services...")
	d.conn = "searching"
	if err := e.networkSearch(d); err != nil {
		return "", err
	}
	return strings.Join(lines, "\n"), nil
}

// makePayment is _make_payment (nil without a payment request).
func (e *Env) makePayment() (pyval.Value, error) {
	s, err := e.sur()
	if err != nil {
		return nil, err
	}
	if s.payment == nil {
		return nil, nil
	}
	s.payment.paid = true
	return fmt.Sprintf("Payment of %s USD has been made for bill %s.", pyFloatStr(s.payment.amount), s.payment.billID), nil
}
