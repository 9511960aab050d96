package telecom

import (
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"math"
	"strconv"
	"sync"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/pyval"
)

// The databases' hashes: get_db_hash is the SHA-256 of
// json.dumps(model_dump(), sort_keys=True, default=str). The writers below
// produce that text straight from the structs, each object's keys in
// sorted order (hashGeneric in the tests checks them against the generic
// path through the dumps).

var hashBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

func hashSlot(s *slot) (string, error) {
	if s.a != nil {
		return hashDB(s.a)
	}
	bp := hashBufs.Get().(*[]byte)
	defer hashBufs.Put(bp)
	w := jw{b: (*bp)[:0]}
	s.u.appendSorted(&w)
	*bp = w.b
	if w.err != nil {
		return "", w.err
	}
	sum := sha256.Sum256(w.b)
	return hex.EncodeToString(sum[:]), nil
}

// jw writes Python-style JSON (", " and ": " separators, ASCII only).
type jw struct {
	b     []byte
	first bool
	err   error
}

func (w *jw) open() { w.b = append(w.b, '{'); w.first = true }

func (w *jw) close() { w.b = append(w.b, '}'); w.first = false }

// key writes the separator and a key.
func (w *jw) key(k string) {
	if !w.first {
		w.b = append(w.b, ", "...)
	}
	w.first = false
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, "\": "...)
}

// dkey writes the separator and a key that may need escaping.
func (w *jw) dkey(k string) {
	if isPlainASCII(k) {
		w.key(k)
		return
	}
	if !w.first {
		w.b = append(w.b, ", "...)
	}
	w.first = false
	w.b, _ = pyval.AppendJSON(w.b, k, true)
	w.b = append(w.b, ": "...)
}

func (w *jw) str(s string) {
	if isPlainASCII(s) {
		w.b = append(w.b, '"')
		w.b = append(w.b, s...)
		w.b = append(w.b, '"')
		return
	}
	w.b, _ = pyval.AppendJSON(w.b, s, true)
}

// sortedOrder returns the indices 0..n-1 ordered by less (keys that are
// all different), in buf when it has room.
func sortedOrder(buf []int, n int, less func(i, j int) bool) []int {
	idx := buf[:0]
	if n > cap(buf) {
		idx = make([]int, 0, n)
	}
	for i := range n {
		idx = append(idx, i)
		for k := len(idx) - 1; k > 0 && less(idx[k], idx[k-1]); k-- {
			idx[k], idx[k-1] = idx[k-1], idx[k]
		}
	}
	return idx
}

// isPlainASCII reports whether s needs no escaping in JSON.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

func (w *jw) optStr(o optStr) {
	if !o.ok {
		w.b = append(w.b, "null"...)
		return
	}
	w.str(o.s)
}

func (w *jw) float(f float64) {
	switch {
	case math.IsNaN(f):
		w.b = append(w.b, "NaN"...)
	case math.IsInf(f, 1):
		w.b = append(w.b, "Infinity"...)
	case math.IsInf(f, -1):
		w.b = append(w.b, "-Infinity"...)
	default:
		w.b = pyval.AppendFloatRepr(w.b, f)
	}
}

func (w *jw) bool(v bool) {
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}

// value writes any Python value as json.dumps(default=str) with sorted
// keys.
func (w *jw) value(v pyval.Value) {
	switch x := v.(type) {
	case date:
		w.date(x)
		return
	case datetime:
		w.datetime(x)
		return
	case string:
		w.str(x)
		return
	case bool:
		w.bool(x)
		return
	case nil:
		w.b = append(w.b, "null"...)
		return
	case int64:
		w.b = strconv.AppendInt(w.b, x, 10)
		return
	}
	var err error
	w.b, err = docdb.SortedJSON(w.b, v)
	if err != nil && w.err == nil {
		w.err = err
	}
}

func appendDigits(b []byte, n, width int) []byte {
	var buf [8]byte
	i := len(buf)
	for n > 0 || width > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	return append(b, buf[i:]...)
}

func (w *jw) date(d date) {
	if d.y < 0 || d.y > 9999 {
		w.str(d.PyStr())
		return
	}
	w.b = append(w.b, '"')
	w.b = appendDigits(w.b, d.y, 4)
	w.b = append(w.b, '-')
	w.b = appendDigits(w.b, d.m, 2)
	w.b = append(w.b, '-')
	w.b = appendDigits(w.b, d.d, 2)
	w.b = append(w.b, '"')
}

func (w *jw) optDate(o optDate) {
	if !o.ok {
		w.b = append(w.b, "null"...)
		return
	}
	w.date(o.d)
}

func (w *jw) datetime(d datetime) {
	if d.tz || d.us != 0 || d.y < 0 || d.y > 9999 {
		w.str(d.PyStr())
		return
	}
	w.date(d.date)
	w.b = w.b[:len(w.b)-1] // reopen the string
	w.b = append(w.b, ' ')
	w.b = appendDigits(w.b, d.h, 2)
	w.b = append(w.b, ':')
	w.b = appendDigits(w.b, d.mi, 2)
	w.b = append(w.b, ':')
	w.b = appendDigits(w.b, d.s, 2)
	w.b = append(w.b, '"')
}

func (w *jw) optDateTime(o optDateTime) {
	if !o.ok {
		w.b = append(w.b, "null"...)
		return
	}
	w.datetime(o.d)
}

func (w *jw) strs(xs []string) {
	w.b = append(w.b, '[')
	for i, s := range xs {
		if i > 0 {
			w.b = append(w.b, ", "...)
		}
		w.str(s)
	}
	w.b = append(w.b, ']')
}

// item opens a list (i == 0) or separates its items.
func (w *jw) item(i int) {
	if i == 0 {
		w.b = append(w.b, '[')
	} else {
		w.b = append(w.b, ", "...)
	}
}

// end closes a list of n items.
func (w *jw) end(n int) {
	if n == 0 {
		w.b = append(w.b, '[')
	}
	w.b = append(w.b, ']')
}

// The carrier database's tables, in the text's (sorted) order.
const (
	tBills = iota
	tCustomers
	tDevices
	tLines
	tPlans
	nTables
)

var tableKeys = [nTables]string{"bills", "customers", "devices", "lines", "plans"}

func (db *telecomDB) tableLen(t int) int {
	switch t {
	case tBills:
		return len(db.bills)
	case tCustomers:
		return len(db.customers)
	case tDevices:
		return len(db.devices)
	case tLines:
		return len(db.lines)
	}
	return len(db.plans)
}

// appendRecord writes record j of table t.
func (db *telecomDB) appendRecord(w *jw, t, j int) {
	switch t {
	case tBills:
		db.bills[j].appendSorted(w)
	case tCustomers:
		db.customers[j].appendSorted(w)
	case tDevices:
		db.devices[j].appendSorted(w)
	case tLines:
		db.lines[j].appendSorted(w)
	default:
		db.plans[j].appendSorted(w)
	}
}

// sameText reports whether record j of table t is written the same in db
// and o (both have it). It may answer false for records that are written
// the same (an unusual data_used_gb or created_at), never true for
// records that are not.
func (db *telecomDB) sameText(o *telecomDB, t, j int) bool {
	switch t {
	case tBills:
		return db.bills[j].eq(&o.bills[j])
	case tCustomers:
		x, y := &db.customers[j], &o.customers[j]
		return plainValue(x.createdAt) && plainValue(y.createdAt) && x.eq(y)
	case tDevices:
		return db.devices[j] == o.devices[j]
	case tLines:
		x, y := &db.lines[j], &o.lines[j]
		return plainValue(x.dataUsed) && plainValue(y.dataUsed) && x.eq(y)
	}
	return db.plans[j].eq(o.plans[j])
}

// plainValue reports whether v is a value whose text valueEq decides
// exactly.
func plainValue(v pyval.Value) bool {
	switch v.(type) {
	case nil, float64, string, bool, int64, date, datetime:
		return true
	}
	return false
}

func (db *telecomDB) appendSorted(w *jw) {
	w.open()
	for t := range nTables {
		w.key(tableKeys[t])
		n := db.tableLen(t)
		for j := range n {
			w.item(j)
			db.appendRecord(w, t, j)
		}
		w.end(n)
	}
	w.close()
}

// dbText is a frozen carrier database's JSON text and hash, with where
// each table and record starts and the SHA-256 state there, so that a
// database thawed from it hashes only from its first change on.
type dbText struct {
	text []byte
	hash string
	// tableAt is where each table's list starts (after its key);
	// recAt[t][j] and recEnd[t][j] delimit record j of table t.
	tableAt       [nTables]int
	recAt, recEnd [nTables][]int
	tableSt       [nTables][]byte
	recSt         [nTables][][]byte
}

// textOf returns the frozen database's text, built the first time.
func (db *telecomDB) textOf() *dbText {
	db.textOnce.Do(func() {
		x := &dbText{}
		w := jw{}
		w.open()
		for t := range nTables {
			w.key(tableKeys[t])
			x.tableAt[t] = len(w.b)
			n := db.tableLen(t)
			x.recAt[t], x.recEnd[t] = make([]int, n), make([]int, n)
			for j := range n {
				w.item(j)
				x.recAt[t][j] = len(w.b)
				db.appendRecord(&w, t, j)
				x.recEnd[t][j] = len(w.b)
			}
			w.end(n)
		}
		w.close()
		x.text = w.b
		h := sha256.New()
		done := 0
		state := func(off int) []byte {
			h.Write(x.text[done:off])
			done = off
			st, err := h.(encoding.BinaryMarshaler).MarshalBinary()
			if err != nil {
				panic("telecom: sha256 state: " + err.Error())
			}
			return st
		}
		for t := range nTables {
			x.tableSt[t] = state(x.tableAt[t])
			x.recSt[t] = make([][]byte, len(x.recAt[t]))
			for j, off := range x.recAt[t] {
				x.recSt[t][j] = state(off)
			}
		}
		h.Write(x.text[done:])
		x.hash = hex.EncodeToString(h.Sum(nil))
		if w.err != nil {
			x.hash = "" // hashDB reports the error
		}
		db.text = x
	})
	return db.text
}

// hashDB returns get_db_hash of the carrier database. A frozen database
// hashes once; one thawed from a frozen database hashes from its first
// record that differs, the SHA-256 state there restored and the records
// still the same copied from the origin's text.
func hashDB(db *telecomDB) (string, error) {
	if db.frozen {
		if x := db.textOf(); x.hash != "" {
			return x.hash, nil
		}
		return hashFull(db)
	}
	o := db.origin
	if o == nil {
		return hashFull(db)
	}
	x := o.textOf()
	if x.hash == "" {
		return hashFull(db)
	}
	for t := range nTables {
		n, m := db.tableLen(t), o.tableLen(t)
		k, i := min(n, m), 0
		for i < k && db.sameText(o, t, i) {
			i++
		}
		if i == n && n == m {
			continue
		}
		// The texts agree up to record i of table t (or its last
		// record, or the list's start, when one table ends there).
		from, st := i, []byte(nil)
		switch {
		case i < k:
			st = x.recSt[t][i]
		case i > 0:
			from--
			st = x.recSt[t][from]
		default:
			from, st = -1, x.tableSt[t]
		}
		return hashFrom(db, o, x, t, from, st)
	}
	return x.hash, nil
}

// hashFrom hashes db's text from record from of table t (the list's start
// when from is -1), the SHA-256 state there being st.
func hashFrom(db, o *telecomDB, x *dbText, t, from int, st []byte) (string, error) {
	h := sha256.New()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st); err != nil {
		return hashFull(db)
	}
	bp := hashBufs.Get().(*[]byte)
	defer hashBufs.Put(bp)
	w := jw{b: (*bp)[:0]}
	record := func(t, j int) {
		if j < o.tableLen(t) && db.sameText(o, t, j) {
			w.b = append(w.b, x.text[x.recAt[t][j]:x.recEnd[t][j]]...)
			return
		}
		db.appendRecord(&w, t, j)
	}
	n := db.tableLen(t)
	if from < 0 {
		for j := range n {
			w.item(j)
			record(t, j)
		}
		w.end(n)
	} else {
		for j := from; j < n; j++ {
			if j > from {
				w.b = append(w.b, ", "...)
			}
			record(t, j)
		}
		w.b = append(w.b, ']')
	}
	for t++; t < nTables; t++ {
		w.key(tableKeys[t])
		n := db.tableLen(t)
		for j := range n {
			w.item(j)
			record(t, j)
		}
		w.end(n)
	}
	w.close()
	*bp = w.b
	if w.err != nil {
		return "", w.err
	}
	h.Write(w.b)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])), nil
}

// hashFull hashes db's whole text.
func hashFull(db *telecomDB) (string, error) {
	bp := hashBufs.Get().(*[]byte)
	defer hashBufs.Put(bp)
	w := jw{b: (*bp)[:0]}
	db.appendSorted(&w)
	*bp = w.b
	if w.err != nil {
		return "", w.err
	}
	sum := sha256.Sum256(w.b)
	return hex.EncodeToString(sum[:]), nil
}

func (b *bill) appendSorted(w *jw) {
	w.open()
	w.key("bill_id")
	w.str(b.id)
	w.key("customer_id")
	w.str(b.customerID)
	w.key("due_date")
	w.date(b.due)
	w.key("issue_date")
	w.date(b.issue)
	w.key("line_items")
	for i := range b.items {
		w.item(i)
		li := &b.items[i]
		w.open()
		w.key("amount")
		w.float(li.amount)
		w.key("date")
		w.date(li.date)
		w.key("description")
		w.str(li.desc)
		w.key("item_type")
		w.str(li.itemType)
		w.close()
	}
	w.end(len(b.items))
	w.key("period_end")
	w.date(b.periodEnd)
	w.key("period_start")
	w.date(b.periodStart)
	w.key("status")
	w.str(b.status)
	w.key("total_due")
	w.float(b.total)
	w.close()
}

func (c *customer) appendSorted(w *jw) {
	w.open()
	w.key("account_status")
	w.str(c.status)
	w.key("address")
	w.open()
	w.key("city")
	w.str(c.addr.city)
	w.key("state")
	w.str(c.addr.state)
	w.key("street")
	w.str(c.addr.street)
	w.key("zip_code")
	w.str(c.addr.zip)
	w.close()
	w.key("bill_ids")
	w.strs(c.billIDs)
	w.key("created_at")
	w.value(c.createdAt)
	w.key("customer_id")
	w.str(c.id)
	w.key("date_of_birth")
	w.str(c.dob)
	w.key("email")
	w.str(c.email)
	w.key("full_name")
	w.str(c.name)
	w.key("goodwill_credit_used_this_year")
	w.float(c.goodwill)
	w.key("last_extension_date")
	w.optDate(c.lastExt)
	w.key("line_ids")
	w.strs(c.lineIDs)
	w.key("payment_methods")
	for i := range c.methods {
		w.item(i)
		m := &c.methods[i]
		w.open()
		w.key("account_number_last_4")
		w.str(m.last4)
		w.key("expiration_date")
		w.str(m.expiration)
		w.key("method_type")
		w.str(m.typ)
		w.close()
	}
	w.end(len(c.methods))
	w.key("phone_number")
	w.str(c.phone)
	w.close()
}

func (d *device) appendSorted(w *jw) {
	w.open()
	w.key("activated")
	w.bool(d.activated)
	w.key("activation_date")
	w.optDateTime(d.activation)
	w.key("device_id")
	w.str(d.id)
	w.key("device_type")
	w.str(d.typ)
	w.key("imei")
	w.optStr(d.imei)
	w.key("is_esim_capable")
	w.bool(d.esim)
	w.key("last_esim_transfer_date")
	w.optDateTime(d.transfer)
	w.key("model")
	w.str(d.model)
	w.close()
}

func (l *line) appendSorted(w *jw) {
	w.open()
	w.key("contract_end_date")
	w.optDate(l.contractEnd)
	w.key("data_refueling_gb")
	w.float(l.refueling)
	w.key("data_used_gb")
	if f, ok := l.dataUsed.(float64); ok {
		w.float(f)
	} else {
		w.value(l.dataUsed)
	}
	w.key("device_id")
	w.optStr(l.deviceID)
	w.key("last_plan_change_date")
	w.optDate(l.lastPlanChange)
	w.key("last_sim_replacement_date")
	w.optDate(l.lastSIM)
	w.key("line_id")
	w.str(l.id)
	w.key("phone_number")
	w.str(l.phone)
	w.key("plan_id")
	w.str(l.planID)
	w.key("roaming_enabled")
	w.bool(l.roaming)
	w.key("status")
	w.str(l.status)
	w.key("suspension_start_date")
	w.optDate(l.suspensionStart)
	w.close()
}

func (p *plan) appendSorted(w *jw) {
	w.open()
	w.key("data_limit_gb")
	w.float(p.limit)
	w.key("data_refueling_price_per_gb")
	w.float(p.refuelPrice)
	w.key("name")
	w.str(p.name)
	w.key("plan_id")
	w.str(p.id)
	w.key("price_per_month")
	w.float(p.price)
	w.close()
}

func (u *userDB) appendSorted(w *jw) {
	w.open()
	w.key("device")
	u.dev.appendSorted(w)
	w.key("surroundings")
	u.sur.appendSorted(w)
	w.close()
}

func (d *phone) appendSorted(w *jw) {
	w.open()
	w.key("active_apn_settings")
	if a := d.apn; a != nil {
		w.open()
		w.key("apn_name")
		w.str(a.name)
		w.key("mms_apn")
		w.optStr(a.mmsAPN)
		w.key("mms_port")
		w.value(a.mmsPort)
		w.key("mms_proxy")
		w.optStr(a.mmsProxy)
		w.key("mmsc_url")
		w.optStr(a.mmscURL)
		w.key("reset_at_reboot")
		w.bool(a.resetAtReboot)
		w.close()
	} else {
		w.value(d.apnJunk)
	}
	w.key("airplane_mode")
	w.bool(d.airplane)
	w.key("app_statuses")
	apps := d.apps
	var buf [16]int
	w.open()
	for _, i := range sortedOrder(buf[:], len(apps), func(i, j int) bool { return apps[i].key < apps[j].key }) {
		ap := &apps[i]
		w.dkey(ap.key)
		w.open()
		w.key("app_name")
		w.str(ap.name)
		w.key("permissions")
		w.open()
		w.key("network")
		w.bool(ap.perms.network)
		w.key("phone")
		w.bool(ap.perms.phone)
		w.key("sms")
		w.bool(ap.perms.sms)
		w.key("storage")
		w.bool(ap.perms.storage)
		w.close()
		w.close()
	}
	w.close()
	w.key("battery_level")
	w.value(d.battery)
	w.key("data_enabled")
	w.bool(d.dataEnabled)
	w.key("data_saver_mode")
	w.bool(d.dataSaver)
	w.key("network_connection_status")
	w.str(d.conn)
	w.key("network_mode_preference")
	w.value(d.modePref)
	w.key("network_signal_strength")
	w.str(d.signal)
	w.key("network_technology_connected")
	w.str(d.tech)
	w.key("roaming_enabled")
	w.bool(d.roaming)
	w.key("sim_card_missing")
	w.bool(d.simMissing)
	w.key("sim_card_status")
	w.str(d.simStatus)
	w.key("vpn_connected")
	w.bool(d.vpnConnected)
	w.key("vpn_details")
	if v := d.vpn; v != nil {
		w.open()
		w.key("protocol")
		w.optStr(v.protocol)
		w.key("server_address")
		w.optStr(v.server)
		w.key("server_performance")
		w.str(v.perf)
		w.close()
	} else {
		w.b = append(w.b, "null"...)
	}
	w.key("vpn_enabled_setting")
	w.bool(d.vpnSetting)
	w.key("wifi_calling_enabled")
	w.bool(d.wifiCalling)
	w.key("wifi_calling_mms_over_wifi")
	w.value(d.mmsOverWifi)
	w.key("wifi_connected")
	w.bool(d.wifiOn)
	w.key("wifi_enabled")
	w.bool(d.wifiEnabled)
	w.key("wifi_signal_strength")
	w.str(d.wifiSignal)
	w.key("wifi_ssid")
	w.optStr(d.wifiSSID)
	w.close()
}

func (s *surroundings) appendSorted(w *jw) {
	w.open()
	w.key("is_abroad")
	w.value(s.abroad)
	w.key("line_active")
	w.bool(s.lineActive)
	w.key("mobile_data_usage_exceeded")
	w.bool(s.usageExceeded)
	w.key("name")
	w.value(s.name)
	w.key("payment_request")
	if p := s.payment; p != nil {
		w.open()
		w.key("amount_due")
		w.float(p.amount)
		w.key("bill_id")
		w.str(p.billID)
		w.key("paid")
		w.bool(p.paid)
		w.close()
	} else {
		w.b = append(w.b, "null"...)
	}
	w.key("phone_number")
	w.value(s.phone)
	w.key("roaming_allowed")
	w.bool(s.roamingAllowed)
	w.key("signal_strength")
	sig := s.signals
	var buf [16]int
	w.open()
	for _, i := range sortedOrder(buf[:], len(sig), func(i, j int) bool { return sig[i].tech < sig[j].tech }) {
		x := &sig[i]
		w.dkey(x.tech)
		w.str(x.strength)
	}
	w.close()
	w.close()
}
