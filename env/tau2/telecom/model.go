package telecom

import (
	"math"
	"slices"
	"sync"

	"github.com/toolgym/toolgym/pyval"
)

// The assistant's database (data_model.py TelecomDB) as Go structs. Each
// struct converts to and from its model_dump() (fields in declaration
// order); validation goes through the model definitions below, so the
// structs only ever hold what pydantic would have accepted, except where
// the reference assigns unvalidated values (Line.data_used_gb, set by
// set_data_usage, is any Python value).

var (
	enumDeviceType     = &enumDef{"DeviceType", []string{"phone", "router", "tablet", "watch", "other"}}
	enumLineStatus     = &enumDef{"LineStatus", []string{"Active", "Suspended", "Pending Activation", "Closed"}}
	enumBillStatus     = &enumDef{"BillStatus", []string{"Draft", "Issued", "Awaiting Payment", "Paid", "Overdue", "Disputed"}}
	enumAccountStatus  = &enumDef{"AccountStatus", []string{"Active", "Suspended", "Pending Verification", "Closed"}}
	enumPaymentMethod  = &enumDef{"PaymentMethodType", []string{"Credit Card", "Debit Card", "PayPal"}}
	modelAddress       = &modelDef{name: "Address", forbid: true, fields: []field{req("street", tStr), req("city", tStr), req("state", tStr), req("zip_code", tStr)}}
	modelPlan          = &modelDef{name: "Plan", forbid: true, fields: []field{req("plan_id", tStr), req("name", tStr), req("data_limit_gb", tFloat), req("price_per_month", tFloat), req("data_refueling_price_per_gb", tFloat)}}
	modelDevice        = &modelDef{name: "Device", forbid: true, fields: []field{req("device_id", tStr), req("device_type", tEnum(enumDeviceType)), req("model", tStr), def("imei", tOpt(tStr), nil), req("is_esim_capable", tBool), def("activated", tBool, false), def("activation_date", tOpt(tDateTime), nil), def("last_esim_transfer_date", tOpt(tDateTime), nil)}}
	modelLine          = &modelDef{name: "Line", forbid: true, fields: []field{req("line_id", tStr), req("phone_number", tStr), def("status", tEnum(enumLineStatus), "Pending Activation"), req("plan_id", tStr), def("device_id", tOpt(tStr), nil), def("data_used_gb", tFloat, 0.0), def("data_refueling_gb", tFloat, 0.0), def("roaming_enabled", tBool, false), def("contract_end_date", tOpt(tDate), nil), def("last_plan_change_date", tOpt(tDate), nil), def("last_sim_replacement_date", tOpt(tDate), nil), def("suspension_start_date", tOpt(tDate), nil)}}
	modelLineItem      = &modelDef{name: "LineItem", forbid: true, fields: []field{req("description", tStr), req("amount", tFloat), req("date", tDate), req("item_type", tStr)}}
	modelBill          = &modelDef{name: "Bill", forbid: true, fields: []field{req("bill_id", tStr), req("customer_id", tStr), req("period_start", tDate), req("period_end", tDate), req("issue_date", tDate), req("total_due", tFloat), req("due_date", tDate), defFn("line_items", tList(tModel(modelLineItem)), func() pyval.Value { return []pyval.Value{} }), def("status", tEnum(enumBillStatus), "Draft")}}
	modelPaymentMethod = &modelDef{name: "PaymentMethod", forbid: true, fields: []field{req("method_type", tEnum(enumPaymentMethod)), req("account_number_last_4", tStr), req("expiration_date", tStr)}}
	modelCustomer      = &modelDef{name: "Customer", forbid: true, fields: []field{req("customer_id", tStr), req("full_name", tStr), req("date_of_birth", tStr), req("email", tStr), req("phone_number", tStr), req("address", tModel(modelAddress)), def("account_status", tEnum(enumAccountStatus), "Pending Verification"),
		defFn("payment_methods", tList(tModel(modelPaymentMethod)), func() pyval.Value { return []pyval.Value{} }),
		defFn("line_ids", tList(tStr), func() pyval.Value { return []pyval.Value{} }),
		defFn("bill_ids", tList(tStr), func() pyval.Value { return []pyval.Value{} }),
		// The default is a date although the field is a datetime: pydantic
		// does not validate defaults, so model_dump() gives the date.
		def("created_at", tDateTime, date{2025, 1, 1}),
		def("last_extension_date", tOpt(tDate), nil), def("goodwill_credit_used_this_year", tFloat, 0.0)}}
	modelTelecomDB = &modelDef{name: "TelecomDB", forbid: true, fields: []field{
		defFn("plans", tList(tModel(modelPlan)), func() pyval.Value { return []pyval.Value{} }),
		defFn("customers", tList(tModel(modelCustomer)), func() pyval.Value { return []pyval.Value{} }),
		defFn("lines", tList(tModel(modelLine)), func() pyval.Value { return []pyval.Value{} }),
		defFn("bills", tList(tModel(modelBill)), func() pyval.Value { return []pyval.Value{} }),
		defFn("devices", tList(tModel(modelDevice)), func() pyval.Value { return []pyval.Value{} })}}
)

// optStr is an Optional[str].
type optStr struct {
	s  string
	ok bool
}

func (o optStr) value() pyval.Value {
	if !o.ok {
		return nil
	}
	return o.s
}

func toOptStr(v pyval.Value) optStr {
	if s, ok := v.(string); ok {
		return optStr{s, true}
	}
	return optStr{}
}

// optDate is an Optional[date].
type optDate struct {
	d  date
	ok bool
}

func (o optDate) value() pyval.Value {
	if !o.ok {
		return nil
	}
	return o.d
}

func toOptDate(v pyval.Value) optDate {
	if d, ok := v.(date); ok {
		return optDate{d, true}
	}
	return optDate{}
}

// optDateTime is an Optional[datetime].
type optDateTime struct {
	d  datetime
	ok bool
}

func (o optDateTime) value() pyval.Value {
	if !o.ok {
		return nil
	}
	return o.d
}

func toOptDateTime(v pyval.Value) optDateTime {
	if d, ok := v.(datetime); ok {
		return optDateTime{d, true}
	}
	return optDateTime{}
}

type address struct{ street, city, state, zip string }

type plan struct {
	id, name                  string
	limit, price, refuelPrice float64
}

type device struct {
	id, typ, model       string
	imei                 optStr
	esim, activated      bool
	activation, transfer optDateTime
}

type line struct {
	id, phone, status, planID string
	deviceID                  optStr
	// dataUsed is data_used_gb: a float, or whatever set_data_usage was
	// given.
	dataUsed                                              pyval.Value
	refueling                                             float64
	roaming                                               bool
	contractEnd, lastPlanChange, lastSIM, suspensionStart optDate
}

type lineItem struct {
	desc     string
	amount   float64
	date     date
	itemType string
}

type bill struct {
	id, customerID                string
	periodStart, periodEnd, issue date
	total                         float64
	due                           date
	items                         []lineItem
	status                        string
}

type paymentMethod struct{ typ, last4, expiration string }

type customer struct {
	id, name, dob, email, phone string
	addr                        address
	status                      string
	methods                     []paymentMethod
	lineIDs, billIDs            []string
	// createdAt is a datetime, or the field's default date.
	createdAt pyval.Value
	lastExt   optDate
	goodwill  float64
}

// telecomDB is TelecomDB.
type telecomDB struct {
	plans     []plan
	customers []customer
	lines     []line
	bills     []bill
	devices   []device

	// frozen marks a database that forks share: it is never changed
	// again; an env about to change it works on a thawed copy.
	frozen bool
	// origin is the frozen database this one was thawed from, whose
	// text a hash reuses where this one's records are the same (nil once
	// this one is frozen itself, so that forks do not chain databases).
	origin *telecomDB
	// text is a frozen database's JSON text and hash, built once.
	textOnce sync.Once
	text     *dbText
}

// freeze marks db as shared by forks. Called by the env that holds it,
// with its lock held; a frozen database is never written, so freezing it
// again writes nothing.
func (db *telecomDB) freeze() {
	if db.frozen {
		return
	}
	db.frozen, db.origin = true, nil
	// The tables and the records' lists are shared with thawed copies,
	// which change them only by appending: with no room left, an append
	// copies.
	db.plans, db.devices = db.plans[:len(db.plans):len(db.plans)], db.devices[:len(db.devices):len(db.devices)]
	db.customers, db.lines, db.bills = db.customers[:len(db.customers):len(db.customers)], db.lines[:len(db.lines):len(db.lines)], db.bills[:len(db.bills):len(db.bills)]
	for i := range db.bills {
		b := &db.bills[i]
		b.items = b.items[:len(b.items):len(b.items)]
	}
	for i := range db.customers {
		c := &db.customers[i]
		c.methods = c.methods[:len(c.methods):len(c.methods)]
		c.lineIDs = c.lineIDs[:len(c.lineIDs):len(c.lineIDs)]
		c.billIDs = c.billIDs[:len(c.billIDs):len(c.billIDs)]
	}
}

// thaw returns a copy of a frozen database to change: the tables tools
// change (customers, lines, bills) copied, the records' own lists shared
// (see freeze). No function changes a plan or a device once the database
// is validated, so those tables are shared; a tool that came to change
// them would have to copy them first.
func (db *telecomDB) thaw() *telecomDB {
	return &telecomDB{
		plans:     db.plans,
		customers: slices.Clone(db.customers),
		lines:     slices.Clone(db.lines),
		bills:     slices.Clone(db.bills),
		devices:   db.devices,
		origin:    db,
	}
}

func strList(xs []string) []pyval.Value {
	out := make([]pyval.Value, len(xs))
	for i, s := range xs {
		out[i] = s
	}
	return out
}

func fromStrList(v pyval.Value) []string {
	xs, _ := v.([]pyval.Value)
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i], _ = x.(string)
	}
	return out
}

func (p *plan) dump() *pyval.Dict {
	return pyval.DictOf("plan_id", p.id, "name", p.name, "data_limit_gb", p.limit, "price_per_month", p.price, "data_refueling_price_per_gb", p.refuelPrice)
}

func (d *device) dump() *pyval.Dict {
	return pyval.DictOf("device_id", d.id, "device_type", d.typ, "model", d.model, "imei", d.imei.value(), "is_esim_capable", d.esim, "activated", d.activated, "activation_date", d.activation.value(), "last_esim_transfer_date", d.transfer.value())
}

func (l *line) dump() *pyval.Dict {
	return pyval.DictOf("line_id", l.id, "phone_number", l.phone, "status", l.status, "plan_id", l.planID, "device_id", l.deviceID.value(), "data_used_gb", l.dataUsed, "data_refueling_gb", l.refueling, "roaming_enabled", l.roaming, "contract_end_date", l.contractEnd.value(), "last_plan_change_date", l.lastPlanChange.value(), "last_sim_replacement_date", l.lastSIM.value(), "suspension_start_date", l.suspensionStart.value())
}

func (li *lineItem) dump() *pyval.Dict {
	return pyval.DictOf("description", li.desc, "amount", li.amount, "date", li.date, "item_type", li.itemType)
}

func (b *bill) dump() *pyval.Dict {
	items := make([]pyval.Value, len(b.items))
	for i := range b.items {
		items[i] = b.items[i].dump()
	}
	return pyval.DictOf("bill_id", b.id, "customer_id", b.customerID, "period_start", b.periodStart, "period_end", b.periodEnd, "issue_date", b.issue, "total_due", b.total, "due_date", b.due, "line_items", items, "status", b.status)
}

func (c *customer) dump() *pyval.Dict {
	methods := make([]pyval.Value, len(c.methods))
	for i, m := range c.methods {
		methods[i] = pyval.DictOf("method_type", m.typ, "account_number_last_4", m.last4, "expiration_date", m.expiration)
	}
	addr := pyval.DictOf("street", c.addr.street, "city", c.addr.city, "state", c.addr.state, "zip_code", c.addr.zip)
	return pyval.DictOf("customer_id", c.id, "full_name", c.name, "date_of_birth", c.dob, "email", c.email, "phone_number", c.phone, "address", addr, "account_status", c.status, "payment_methods", methods, "line_ids", strList(c.lineIDs), "bill_ids", strList(c.billIDs), "created_at", c.createdAt, "last_extension_date", c.lastExt.value(), "goodwill_credit_used_this_year", c.goodwill)
}

// dump returns TelecomDB.model_dump().
func (db *telecomDB) dump() *pyval.Dict {
	plans := make([]pyval.Value, len(db.plans))
	for i := range db.plans {
		plans[i] = db.plans[i].dump()
	}
	customers := make([]pyval.Value, len(db.customers))
	for i := range db.customers {
		customers[i] = db.customers[i].dump()
	}
	lines := make([]pyval.Value, len(db.lines))
	for i := range db.lines {
		lines[i] = db.lines[i].dump()
	}
	bills := make([]pyval.Value, len(db.bills))
	for i := range db.bills {
		bills[i] = db.bills[i].dump()
	}
	devices := make([]pyval.Value, len(db.devices))
	for i := range db.devices {
		devices[i] = db.devices[i].dump()
	}
	return pyval.DictOf("plans", plans, "customers", customers, "lines", lines, "bills", bills, "devices", devices)
}

// get reads a field of a validated dump.
func get(d *pyval.Dict, k string) pyval.Value {
	v, _ := d.Get(k)
	return v
}

func gstr(d *pyval.Dict, k string) string {
	s, _ := get(d, k).(string)
	return s
}

func gfloat(d *pyval.Dict, k string) float64 {
	f, _ := get(d, k).(float64)
	return f
}

func gbool(d *pyval.Dict, k string) bool {
	b, _ := get(d, k).(bool)
	return b
}

func gdate(d *pyval.Dict, k string) date {
	x, _ := get(d, k).(date)
	return x
}

func dicts(v pyval.Value) []*pyval.Dict {
	xs, _ := v.([]pyval.Value)
	out := make([]*pyval.Dict, len(xs))
	for i, x := range xs {
		out[i], _ = x.(*pyval.Dict)
	}
	return out
}

// telecomDBFrom builds the database from a validated dump.
func telecomDBFrom(d *pyval.Dict) *telecomDB {
	db := &telecomDB{}
	for _, p := range dicts(get(d, "plans")) {
		db.plans = append(db.plans, plan{id: gstr(p, "plan_id"), name: gstr(p, "name"), limit: gfloat(p, "data_limit_gb"), price: gfloat(p, "price_per_month"), refuelPrice: gfloat(p, "data_refueling_price_per_gb")})
	}
	for _, c := range dicts(get(d, "customers")) {
		a, _ := get(c, "address").(*pyval.Dict)
		cu := customer{id: gstr(c, "customer_id"), name: gstr(c, "full_name"), dob: gstr(c, "date_of_birth"), email: gstr(c, "email"), phone: gstr(c, "phone_number"),
			addr:   address{gstr(a, "street"), gstr(a, "city"), gstr(a, "state"), gstr(a, "zip_code")},
			status: gstr(c, "account_status"), lineIDs: fromStrList(get(c, "line_ids")), billIDs: fromStrList(get(c, "bill_ids")),
			createdAt: get(c, "created_at"), lastExt: toOptDate(get(c, "last_extension_date")), goodwill: gfloat(c, "goodwill_credit_used_this_year")}
		for _, m := range dicts(get(c, "payment_methods")) {
			cu.methods = append(cu.methods, paymentMethod{gstr(m, "method_type"), gstr(m, "account_number_last_4"), gstr(m, "expiration_date")})
		}
		db.customers = append(db.customers, cu)
	}
	for _, l := range dicts(get(d, "lines")) {
		db.lines = append(db.lines, line{id: gstr(l, "line_id"), phone: gstr(l, "phone_number"), status: gstr(l, "status"), planID: gstr(l, "plan_id"), deviceID: toOptStr(get(l, "device_id")),
			dataUsed: get(l, "data_used_gb"), refueling: gfloat(l, "data_refueling_gb"), roaming: gbool(l, "roaming_enabled"),
			contractEnd: toOptDate(get(l, "contract_end_date")), lastPlanChange: toOptDate(get(l, "last_plan_change_date")), lastSIM: toOptDate(get(l, "last_sim_replacement_date")), suspensionStart: toOptDate(get(l, "suspension_start_date"))})
	}
	for _, b := range dicts(get(d, "bills")) {
		bl := bill{id: gstr(b, "bill_id"), customerID: gstr(b, "customer_id"), periodStart: gdate(b, "period_start"), periodEnd: gdate(b, "period_end"), issue: gdate(b, "issue_date"), total: gfloat(b, "total_due"), due: gdate(b, "due_date"), status: gstr(b, "status")}
		for _, li := range dicts(get(b, "line_items")) {
			bl.items = append(bl.items, lineItem{gstr(li, "description"), gfloat(li, "amount"), gdate(li, "date"), gstr(li, "item_type")})
		}
		db.bills = append(db.bills, bl)
	}
	for _, dv := range dicts(get(d, "devices")) {
		db.devices = append(db.devices, device{id: gstr(dv, "device_id"), typ: gstr(dv, "device_type"), model: gstr(dv, "model"), imei: toOptStr(get(dv, "imei")), esim: gbool(dv, "is_esim_capable"), activated: gbool(dv, "activated"),
			activation: toOptDateTime(get(dv, "activation_date")), transfer: toOptDateTime(get(dv, "last_esim_transfer_date"))})
	}
	return db
}

// feq compares floats as their reprs would: NaN equals NaN, and 0.0 and
// -0.0 differ.
func feq(a, b float64) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}

// valueEq compares two Python values as their JSON texts would.
func valueEq(a, b pyval.Value) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && feq(x, y)
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case int64:
		y, ok := b.(int64)
		return ok && x == y
	case nil:
		return b == nil
	case date:
		y, ok := b.(date)
		return ok && x == y
	case datetime:
		y, ok := b.(datetime)
		return ok && x == y
	case *pyval.Dict:
		y, ok := b.(*pyval.Dict)
		if !ok || x.Len() != y.Len() {
			return false
		}
		eq := true
		x.Items(func(k, v pyval.Value) bool {
			w, ok := y.Get(k)
			eq = ok && valueEq(v, w)
			return eq
		})
		return eq
	case []pyval.Value:
		y, ok := b.([]pyval.Value)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !valueEq(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return pyval.TypeName(a) == pyval.TypeName(b) && pyval.Str(a) == pyval.Str(b) && pyval.Repr(a) == pyval.Repr(b)
}

func (p plan) eq(o plan) bool {
	return p.id == o.id && p.name == o.name && feq(p.limit, o.limit) && feq(p.price, o.price) && feq(p.refuelPrice, o.refuelPrice)
}

func (l *line) eq(o *line) bool {
	return l.id == o.id && l.phone == o.phone && l.status == o.status && l.planID == o.planID && l.deviceID == o.deviceID &&
		valueEq(l.dataUsed, o.dataUsed) && feq(l.refueling, o.refueling) && l.roaming == o.roaming &&
		l.contractEnd == o.contractEnd && l.lastPlanChange == o.lastPlanChange && l.lastSIM == o.lastSIM && l.suspensionStart == o.suspensionStart
}

func (b *bill) eq(o *bill) bool {
	if b.id != o.id || b.customerID != o.customerID || b.periodStart != o.periodStart || b.periodEnd != o.periodEnd || b.issue != o.issue ||
		!feq(b.total, o.total) || b.due != o.due || b.status != o.status || len(b.items) != len(o.items) {
		return false
	}
	for i := range b.items {
		x, y := b.items[i], o.items[i]
		if x.desc != y.desc || !feq(x.amount, y.amount) || x.date != y.date || x.itemType != y.itemType {
			return false
		}
	}
	return true
}

func (c *customer) eq(o *customer) bool {
	return c.id == o.id && c.name == o.name && c.dob == o.dob && c.email == o.email && c.phone == o.phone && c.addr == o.addr &&
		c.status == o.status && sliceEq(c.methods, o.methods) && sliceEq(c.lineIDs, o.lineIDs) && sliceEq(c.billIDs, o.billIDs) &&
		valueEq(c.createdAt, o.createdAt) && c.lastExt == o.lastExt && feq(c.goodwill, o.goodwill)
}

func sliceEq[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// equal reports whether two databases have equal dumps.
func (db *telecomDB) equal(o *telecomDB) bool {
	if db == o {
		return true
	}
	if len(db.plans) != len(o.plans) || len(db.customers) != len(o.customers) || len(db.lines) != len(o.lines) ||
		len(db.bills) != len(o.bills) || !sliceEq(db.devices, o.devices) {
		return false
	}
	for i := range db.plans {
		if !db.plans[i].eq(o.plans[i]) {
			return false
		}
	}
	for i := range db.lines {
		if !db.lines[i].eq(&o.lines[i]) {
			return false
		}
	}
	for i := range db.bills {
		if !db.bills[i].eq(&o.bills[i]) {
			return false
		}
	}
	for i := range db.customers {
		if !db.customers[i].eq(&o.customers[i]) {
			return false
		}
	}
	return true
}
