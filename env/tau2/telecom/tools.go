package telecom

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// function is one method of a toolkit that Run may call; tools are the
// ones with a spec.
type function struct {
	method bfcl.Method
	info   *tau2.ToolInfo // nil for a method that is not a tool
	run    func(e *Env, a []pyval.Value) (pyval.Value, error)
	// attr marks an attribute that is not a method: Run reads it (which
	// may raise) and calls it without binding arguments.
	attr bool
}

// toolkit is one side's ToolKit class.
type toolkit struct {
	class string
	funcs map[string]*function
	infos []tau2.ToolInfo
}

func newToolkit(class string, fns []*function) *toolkit {
	tk := &toolkit{class: class, funcs: map[string]*function{}}
	for _, f := range fns {
		tk.funcs[f.method.Name] = f
		if f.info != nil {
			tk.infos = append(tk.infos, *f.info)
		}
	}
	return tk
}

// fn declares a function; a tool when typ is not empty.
func fn(name string, typ tau2.ToolType, run func(e *Env, a []pyval.Value) (pyval.Value, error), params ...bfcl.Param) *function {
	f := &function{method: bfcl.Method{Name: name, Params: params}, run: run}
	if typ != "" {
		doc, ok := toolDocs[name]
		if !ok {
			panic("telecom: no schema for tool " + name)
		}
		f.info = &tau2.ToolInfo{
			Spec: tool.Spec{Name: name, Description: doc.desc, Parameters: json.RawMessage(doc.params),
				Annotations: &tool.Annotations{ReadOnly: typ != tau2.Write, Category: string(typ)}},
			Type:    typ,
			Mutates: typ == tau2.Write,
		}
	}
	return f
}

var (
	rq = bfcl.Req
	op = bfcl.Opt
)

// The assistant's toolkit (tools.py TelecomTools), tools in the
// reference's order.
var agentKit = newToolkit("TelecomTools", []*function{
	fn("get_customer_by_phone", tau2.Read, func(e *Env, a []pyval.Value) (pyval.Value, error) {
		c, err := e.customerByPhone(a[0])
		return dumpOf(c, err)
	}, rq("phone_number")),
	fn("get_customer_by_id", tau2.Read, func(e *Env, a []pyval.Value) (pyval.Value, error) {
		c, err := e.customerByID(a[0])
		return dumpOf(c, err)
	}, rq("customer_id")),
	fn("get_customer_by_name", tau2.Read, (*Env).getCustomerByName, rq("full_name"), rq("dob")),
	fn("_get_line_by_phone", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		db, err := e.adb("lines")
		if err != nil {
			return nil, err
		}
		l, err := db.lineByPhone(a[0])
		return dumpOf(l, err)
	}, rq("phone_number")),
	fn("_get_line_by_id", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		db, err := e.adb("lines")
		if err != nil {
			return nil, err
		}
		l, err := db.lineByID(a[0])
		return dumpOf(l, err)
	}, rq("line_id")),
	fn("_get_plan_by_id", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		db, err := e.adb("plans")
		if err != nil {
			return nil, err
		}
		p, err := db.planByID(a[0])
		return dumpOf(p, err)
	}, rq("plan_id")),
	fn("_get_device_by_id", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		db, err := e.adb("devices")
		if err != nil {
			return nil, err
		}
		d, err := db.deviceByID(a[0])
		return dumpOf(d, err)
	}, rq("device_id")),
	fn("_get_bill_by_id", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		db, err := e.adb("bills")
		if err != nil {
			return nil, err
		}
		b, err := db.billByID(a[0])
		return dumpOf(b, err)
	}, rq("bill_id")),
	fn("_get_target_line", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		l, err := e.targetLine(a[0], a[1])
		return dumpOf(l, err)
	}, rq("customer_id"), rq("line_id")),
	fn("get_available_plan_ids", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		db, err := e.adb("plans")
		if err != nil {
			return nil, err
		}
		out := make([]pyval.Value, len(db.plans))
		for i := range db.plans {
			out[i] = db.plans[i].id
		}
		return out, nil
	}),
	fn("get_details_by_id", tau2.Read, (*Env).getDetailsByID, rq("id")),
	fn("suspend_line", tau2.Write, (*Env).suspendLine, rq("customer_id"), rq("line_id"), rq("reason")),
	fn("resume_line", tau2.Write, (*Env).resumeLine, rq("customer_id"), rq("line_id")),
	fn("get_bills_for_customer", tau2.Read, (*Env).getBillsForCustomer, rq("customer_id"), op("limit", int64(12))),
	fn("send_payment_request", tau2.Write, (*Env).sendPaymentRequest, rq("customer_id"), rq("bill_id")),
	fn("_get_bills_awaiting_payment", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		// From Run the customer can only be a plain value, not a Customer.
		return nil, tau2.AttributeError(a[0], "bill_ids")
	}, rq("customer")),
	fn("_set_bill_to_paid", "", (*Env).setBillToPaid, rq("bill_id")),
	fn("_apply_one_time_charge", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		return nil, e.applyOneTimeCharge(a[0], a[1], a[2])
	}, rq("customer_id"), rq("amount"), rq("description")),
	fn("get_data_usage", tau2.Read, (*Env).getDataUsage, rq("customer_id"), rq("line_id")),
	fn("set_data_usage", "", (*Env).setDataUsage, rq("customer_id"), rq("line_id"), rq("data_used_gb")),
	fn("enable_roaming", tau2.Write, func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.setRoaming(a[0], a[1], true) }, rq("customer_id"), rq("line_id")),
	fn("disable_roaming", tau2.Write, func(e *Env, a []pyval.Value) (pyval.Value, error) { return e.setRoaming(a[0], a[1], false) }, rq("customer_id"), rq("line_id")),
	fn("transfer_to_human_agents", tau2.Generic, func(e *Env, a []pyval.Value) (pyval.Value, error) { return "Transfer successful", nil }, rq("summary")),
	fn("refuel_data", tau2.Write, (*Env).refuelData, rq("customer_id"), rq("line_id"), rq("gb_amount")),
	fn("suspend_line_for_overdue_bill", "", (*Env).suspendLineForOverdueBill, rq("customer_id"), rq("line_id"), rq("new_bill_id"), rq("contract_ended")),
	fn("assert_data_refueling_amount", "", (*Env).assertDataRefuelingAmount, rq("customer_id"), rq("line_id"), rq("expected_amount")),
	fn("assert_line_status", "", func(e *Env, a []pyval.Value) (pyval.Value, error) {
		l, err := e.targetLine(a[0], a[1])
		if err != nil {
			return nil, err
		}
		return pyval.Equal(l.status, a[2]), nil
	}, rq("customer_id"), rq("line_id"), rq("expected_status")),
	fn("assert_overdue_bill_exists", "", (*Env).assertOverdueBillExists, rq("customer_id"), rq("overdue_bill_id")),
	fn("assert_no_overdue_bill", "", (*Env).assertNoOverdueBill, rq("overdue_bill_id")),
	fn("get_db_hash", "", func(e *Env, a []pyval.Value) (pyval.Value, error) { return hashSlot(e.agent) }),
})

// dumper is a record with a model_dump.
type dumper interface{ dump() *pyval.Dict }

// dumpOf returns the record's model_dump, or the error.
func dumpOf[T dumper](x T, err error) (pyval.Value, error) {
	if err != nil {
		return nil, err
	}
	return x.dump(), nil
}

// isStr reports whether v is the str s (Python's s == v).
func isStr(v pyval.Value, s string) bool {
	x, ok := v.(string)
	return ok && x == s
}

func (db *telecomDB) customerByID(id pyval.Value) (*customer, error) {
	for i := range db.customers {
		if isStr(id, db.customers[i].id) {
			return &db.customers[i], nil
		}
	}
	return nil, pyval.ValueError(fmt.Sprintf("Customer with ID %s not found", pyval.Str(id)))
}

func (db *telecomDB) customerByPhone(phone pyval.Value) (*customer, error) {
	for i := range db.customers {
		c := &db.customers[i]
		if isStr(phone, c.phone) {
			return c, nil
		}
		for _, id := range c.lineIDs {
			l, err := db.lineWithID(id)
			if err != nil {
				return nil, err
			}
			if isStr(phone, l.phone) {
				return c, nil
			}
		}
	}
	return nil, pyval.ValueError(fmt.Sprintf("Customer with phone number %s not found", pyval.Str(phone)))
}

func (db *telecomDB) lineByPhone(phone pyval.Value) (*line, error) {
	for i := range db.lines {
		if isStr(phone, db.lines[i].phone) {
			return &db.lines[i], nil
		}
	}
	return nil, pyval.ValueError(fmt.Sprintf("Line with phone number %s not found", pyval.Str(phone)))
}

func (db *telecomDB) lineByID(id pyval.Value) (*line, error) {
	if s, ok := id.(string); ok {
		return db.lineWithID(s)
	}
	return nil, pyval.ValueError(fmt.Sprintf("Line with ID %s not found", pyval.Str(id)))
}

// lineWithID is lineByID for a str id (no Value to box on the way).
func (db *telecomDB) lineWithID(id string) (*line, error) {
	for i := range db.lines {
		if db.lines[i].id == id {
			return &db.lines[i], nil
		}
	}
	return nil, pyval.ValueError(fmt.Sprintf("Line with ID %s not found", id))
}

func (db *telecomDB) planByID(id pyval.Value) (*plan, error) {
	if s, ok := id.(string); ok {
		return db.planWithID(s)
	}
	return nil, pyval.ValueError(fmt.Sprintf("Plan with ID %s not found", pyval.Str(id)))
}

// planWithID is planByID for a str id (no Value to box on the way).
func (db *telecomDB) planWithID(id string) (*plan, error) {
	for i := range db.plans {
		if db.plans[i].id == id {
			return &db.plans[i], nil
		}
	}
	return nil, pyval.ValueError(fmt.Sprintf("Plan with ID %s not found", id))
}

func (db *telecomDB) deviceByID(id pyval.Value) (*device, error) {
	for i := range db.devices {
		if isStr(id, db.devices[i].id) {
			return &db.devices[i], nil
		}
	}
	return nil, pyval.ValueError(fmt.Sprintf("Device with ID %s not found", pyval.Str(id)))
}

func (db *telecomDB) billByID(id pyval.Value) (*bill, error) {
	if s, ok := id.(string); ok {
		return db.billWithID(s)
	}
	return nil, pyval.ValueError(fmt.Sprintf("Bill with ID %s not found", pyval.Str(id)))
}

// billWithID is billByID for a str id (no Value to box on the way).
func (db *telecomDB) billWithID(id string) (*bill, error) {
	for i := range db.bills {
		if db.bills[i].id == id {
			return &db.bills[i], nil
		}
	}
	return nil, pyval.ValueError(fmt.Sprintf("Bill with ID %s not found", id))
}

// billsAwaitingPayment is _get_bills_awaiting_payment.
func (db *telecomDB) billsAwaitingPayment(c *customer) ([]*bill, error) {
	var out []*bill
	for _, id := range c.billIDs {
		b, err := db.billWithID(id)
		if err != nil {
			return nil, err
		}
		if b.status == "Awaiting Payment" {
			out = append(out, b)
		}
	}
	return out, nil
}

// strIn is Python's `v in xs` for a list of str.
func strIn(v pyval.Value, xs []string) bool {
	s, ok := v.(string)
	return ok && slices.Contains(xs, s)
}

func (e *Env) customerByID(id pyval.Value) (*customer, error) {
	db, err := e.adb("customers")
	if err != nil {
		return nil, err
	}
	return db.customerByID(id)
}

func (e *Env) customerByPhone(phone pyval.Value) (*customer, error) {
	db, err := e.adb("customers")
	if err != nil {
		return nil, err
	}
	return db.customerByPhone(phone)
}

// targetLine is _get_target_line.
func (e *Env) targetLine(customerID, lineID pyval.Value) (*line, error) {
	c, err := e.customerByID(customerID)
	if err != nil {
		return nil, err
	}
	if !strIn(lineID, c.lineIDs) {
		return nil, pyval.ValueError(fmt.Sprintf("Line %s not found for customer %s", pyval.Str(lineID), pyval.Str(customerID)))
	}
	return e.agent.a.lineByID(lineID)
}

func (e *Env) getCustomerByName(a []pyval.Value) (pyval.Value, error) {
	db, err := e.adb("customers")
	if err != nil {
		return nil, err
	}
	out := []pyval.Value{}
	for i := range db.customers {
		c := &db.customers[i]
		want, err := tau2.Lower(a[0])
		if err != nil {
			return nil, err
		}
		if pyval.Lower(c.name) == want && isStr(a[1], c.dob) {
			out = append(out, c.dump())
		}
	}
	return out, nil
}

func (e *Env) getDetailsByID(a []pyval.Value) (pyval.Value, error) {
	id, ok := a[0].(string)
	if !ok {
		return nil, tau2.AttributeError(a[0], "startswith")
	}
	var (
		x   dumper
		err error
	)
	switch {
	case strings.HasPrefix(id, "L"):
		var db *telecomDB
		if db, err = e.adb("lines"); err == nil {
			x, err = db.lineByID(id)
		}
	case strings.HasPrefix(id, "D"):
		var db *telecomDB
		if db, err = e.adb("devices"); err == nil {
			x, err = db.deviceByID(id)
		}
	case strings.HasPrefix(id, "B"):
		var db *telecomDB
		if db, err = e.adb("bills"); err == nil {
			x, err = db.billWithID(id)
		}
	case strings.HasPrefix(id, "C"):
		x, err = e.customerByID(id)
	case strings.HasPrefix(id, "P"):
		var db *telecomDB
		if db, err = e.adb("plans"); err == nil {
			x, err = db.planByID(id)
		}
	default:
		return nil, pyval.ValueError("Unknown ID format or type: " + id)
	}
	if err != nil {
		return nil, err
	}
	return x.dump(), nil
}

func (e *Env) suspendLine(a []pyval.Value) (pyval.Value, error) {
	l, err := e.targetLine(a[0], a[1])
	if err != nil {
		return nil, err
	}
	if l.status != "Active" {
		return nil, pyval.ValueError("Line must be active to suspend")
	}
	l.status = "Suspended"
	l.suspensionStart = optDate{today, true}
	return pyval.DictOf("message", "Line suspended successfully. $5/month holding fee will apply.", "line", l.dump()), nil
}

func (e *Env) resumeLine(a []pyval.Value) (pyval.Value, error) {
	l, err := e.targetLine(a[0], a[1])
	if err != nil {
		return nil, err
	}
	if l.status != "Suspended" && l.status != "Pending Activation" {
		return nil, pyval.ValueError("Line must be suspended to resume")
	}
	l.status = "Active"
	l.suspensionStart = optDate{}
	return pyval.DictOf("message", "Line resumed successfully", "line", l.dump()), nil
}

func (e *Env) getBillsForCustomer(a []pyval.Value) (pyval.Value, error) {
	c, err := e.customerByID(a[0])
	if err != nil {
		return nil, err
	}
	db := e.agent.a
	bills := make([]*bill, len(c.billIDs))
	for i, id := range c.billIDs {
		if bills[i], err = db.billWithID(id); err != nil {
			return nil, err
		}
	}
	// sorted(..., key=issue_date, reverse=True) keeps equal keys in order.
	slices.SortStableFunc(bills, func(x, y *bill) int {
		switch {
		case y.issue.before(x.issue):
			return -1
		case x.issue.before(y.issue):
			return 1
		}
		return 0
	})
	lo, hi, err := sliceBounds(a[1], len(bills))
	if err != nil {
		return nil, err
	}
	out := []pyval.Value{}
	for _, b := range bills[lo:hi] {
		out = append(out, b.dump())
	}
	return out, nil
}

// sliceBounds returns the bounds of xs[:limit] for a list of n items, or
// Python's TypeError for a limit that is not an int or None.
func sliceBounds(limit pyval.Value, n int) (int, int, error) {
	var k int64
	switch x := limit.(type) {
	case nil:
		return 0, n, nil
	case bool:
		if x {
			k = 1
		}
	case int64:
		k = x
	case *big.Int:
		if x.Sign() > 0 {
			return 0, n, nil
		}
		return 0, 0, nil
	default:
		return 0, 0, pyval.TypeError("slice indices must be integers or None or have an __index__ method")
	}
	if k < 0 {
		k += int64(n)
		if k < 0 {
			k = 0
		}
	}
	if k > int64(n) {
		k = int64(n)
	}
	return 0, int(k), nil
}

func (e *Env) sendPaymentRequest(a []pyval.Value) (pyval.Value, error) {
	c, err := e.customerByID(a[0])
	if err != nil {
		return nil, err
	}
	db := e.agent.a
	waiting, err := db.billsAwaitingPayment(c)
	if err != nil {
		return nil, err
	}
	if len(waiting) != 0 {
		return nil, pyval.ValueError("A bill is already awaiting payment for this customer")
	}
	if !strIn(a[1], c.billIDs) {
		return nil, pyval.ValueError(fmt.Sprintf("Bill %s not found for customer %s", pyval.Str(a[1]), pyval.Str(a[0])))
	}
	b, err := db.billByID(a[1])
	if err != nil {
		return nil, err
	}
	b.status = "Awaiting Payment"
	return "Payment request sent to the customer for bill " + b.id, nil
}

func (e *Env) setBillToPaid(a []pyval.Value) (pyval.Value, error) {
	db, err := e.adb("bills")
	if err != nil {
		return nil, err
	}
	b, err := db.billByID(a[0])
	if err != nil {
		return nil, err
	}
	b.status = "Paid"
	return fmt.Sprintf("Bill %s set to paid", pyval.Str(a[0])), nil
}

// applyOneTimeCharge is _apply_one_time_charge.
func (e *Env) applyOneTimeCharge(customerID, amount, description pyval.Value) error {
	c, err := e.customerByID(customerID)
	if err != nil {
		return err
	}
	db := e.agent.a
	var draft *bill
	for _, id := range c.billIDs {
		b, err := db.billWithID(id)
		if err != nil {
			return err
		}
		if b.status == "Draft" {
			draft = b
			break
		}
	}
	if draft == nil {
		// The first day of next month, the last day of that month, and a
		// due date 14 days after the issue.
		next := date{today.y, today.m, 1}.addDays(32)
		next.d = 1
		end := date{next.y, next.m + 1, 1}
		if next.m == 12 {
			end = date{next.y + 1, 1, 1}
		}
		id := "B" + e.hex8()
		db.bills = append(db.bills, bill{id: id, customerID: c.id, periodStart: next, periodEnd: end.addDays(-1), issue: next, total: 0, due: next.addDays(14), items: []lineItem{}, status: "Draft"})
		draft = &db.bills[len(db.bills)-1]
		c.billIDs = append(c.billIDs, id)
	}
	negative, err := compare("<", amount, int64(0))
	if err != nil {
		return err
	}
	itemType := "Charge"
	if negative {
		itemType = "Credit"
	}
	li, err := construct(modelLineItem, "description", description, "amount", amount, "date", today, "item_type", itemType)
	if err != nil {
		return err
	}
	draft.items = append(draft.items, lineItem{desc: gstr(li, "description"), amount: gfloat(li, "amount"), date: today, itemType: itemType})
	add, err := floatOf(amount)
	if err != nil {
		return err
	}
	draft.total += add
	return nil
}

func (e *Env) getDataUsage(a []pyval.Value) (pyval.Value, error) {
	l, err := e.targetLine(a[0], a[1])
	if err != nil {
		return nil, err
	}
	p, err := e.agent.a.planWithID(l.planID)
	if err != nil {
		return nil, err
	}
	cycleEnd := date{today.y, today.m + 1, 1}
	if today.m == 12 {
		cycleEnd = date{today.y, 1, 1}
	}
	return pyval.DictOf("line_id", processDeep(a[1]), "data_used_gb", processDeep(l.dataUsed), "data_limit_gb", process(p.limit),
		"data_refueling_gb", process(l.refueling), "cycle_end_date", process(cycleEnd.addDays(-1))), nil
}

// processDeep is to_json_str's _process for any value inside a result.
func processDeep(v pyval.Value) pyval.Value {
	switch x := v.(type) {
	case []pyval.Value:
		out := make([]pyval.Value, len(x))
		for i, e := range x {
			out[i] = processDeep(e)
		}
		return out
	case *pyval.Dict:
		out := pyval.NewDict()
		x.Items(func(k, e pyval.Value) bool {
			out.Set(k, processDeep(e))
			return true
		})
		return out
	}
	return process(v)
}

func (e *Env) setDataUsage(a []pyval.Value) (pyval.Value, error) {
	l, err := e.targetLine(a[0], a[1])
	if err != nil {
		return nil, err
	}
	l.dataUsed = a[2]
	return fmt.Sprintf("Data usage set to %s GB for line %s", pyval.Str(a[2]), pyval.Str(a[1])), nil
}

func (e *Env) setRoaming(customerID, lineID pyval.Value, on bool) (pyval.Value, error) {
	l, err := e.targetLine(customerID, lineID)
	if err != nil {
		return nil, err
	}
	switch {
	case on && l.roaming:
		return "Roaming was already enabled", nil
	case on:
		l.roaming = true
		return "Roaming enabled successfully", nil
	case !l.roaming:
		return "Roaming was already disabled", nil
	}
	l.roaming = false
	return "Roaming disabled successfully", nil
}

func (e *Env) refuelData(a []pyval.Value) (pyval.Value, error) {
	l, err := e.targetLine(a[0], a[1])
	if err != nil {
		return nil, err
	}
	gb := a[2]
	nonPositive, err := compare("<=", gb, int64(0))
	if err != nil {
		return nil, err
	}
	if nonPositive {
		return nil, pyval.ValueError("Refuel amount must be positive")
	}
	p, err := e.agent.a.planWithID(l.planID)
	if err != nil {
		return nil, err
	}
	charge, err := mulFloat(gb, p.refuelPrice)
	if err != nil {
		return nil, err
	}
	add, err := floatOf(gb)
	if err != nil {
		return nil, err
	}
	l.refueling += add
	desc := fmt.Sprintf("Data refueling: %s GB at $%s/GB", pyval.Str(gb), pyFloatStr(p.refuelPrice))
	if err := e.applyOneTimeCharge(a[0], charge, desc); err != nil {
		return nil, err
	}
	return pyval.DictOf(
		"message", fmt.Sprintf("Successfully added %s GB of data for line %s for $%s", pyval.Str(gb), pyval.Str(a[1]), fmt2f(charge)),
		"new_data_refueling_gb", process(l.refueling),
		"charge", process(charge)), nil
}

func (e *Env) suspendLineForOverdueBill(a []pyval.Value) (pyval.Value, error) {
	customerID, lineID, newBillID, contractEnded := a[0], a[1], a[2], a[3]
	db, err := e.adb("lines")
	if err != nil {
		return nil, err
	}
	l, err := db.lineByID(lineID)
	if err != nil {
		return nil, err
	}
	if l.status != "Active" {
		return nil, pyval.ValueError("Line must be active to suspend for unpaid bill")
	}
	p, err := db.planWithID(l.planID)
	if err != nil {
		return nil, err
	}
	amount := p.price
	desc := "Charge for line " + l.id
	if amount <= 0 {
		return nil, pyval.ValueError("Amount must be positive for overdue bill")
	}
	c, err := db.customerByID(customerID)
	if err != nil {
		return nil, err
	}
	var overdue int
	for _, id := range c.billIDs {
		b, err := db.billWithID(id)
		if err != nil {
			return nil, err
		}
		if b.status == "Overdue" {
			overdue++
		}
	}
	if overdue > 0 {
		return nil, pyval.ValueError("Customer already has an overdue bill")
	}
	lastOfLast := date{today.y, today.m, 1}.addDays(-1)
	firstOfLast := date{lastOfLast.y, lastOfLast.m, 1}
	bd, err := construct(modelBill, "bill_id", newBillID, "customer_id", customerID, "period_start", firstOfLast, "period_end", lastOfLast,
		"issue_date", firstOfLast, "total_due", int64(0), "due_date", firstOfLast.addDays(14), "status", "Overdue")
	if err != nil {
		return nil, err
	}
	itemType := "Credit"
	if amount > 0 {
		itemType = "Charge"
	}
	id := gstr(bd, "bill_id")
	db.bills = append(db.bills, bill{id: id, customerID: gstr(bd, "customer_id"), periodStart: firstOfLast, periodEnd: lastOfLast, issue: firstOfLast,
		total: amount, due: firstOfLast.addDays(14), items: []lineItem{{desc: desc, amount: amount, date: today, itemType: itemType}}, status: "Overdue"})
	c.billIDs = append(c.billIDs, id)
	l.status = "Suspended"
	l.suspensionStart = optDate{today, true}
	if pyval.Truth(contractEnded) {
		l.contractEnd = optDate{lastOfLast, true}
	}
	return fmt.Sprintf("Line %s suspended for unpaid bill %s. Contract ended: %s", pyval.Str(lineID), pyval.Str(newBillID), pyval.Str(contractEnded)), nil
}

func (e *Env) assertDataRefuelingAmount(a []pyval.Value) (pyval.Value, error) {
	l, err := e.targetLine(a[0], a[1])
	if err != nil {
		return nil, err
	}
	if !isNumber(a[2]) {
		return nil, pyval.TypeError(fmt.Sprintf("unsupported operand type(s) for -: 'float' and '%s'", pyval.TypeName(a[2])))
	}
	want, err := floatOf(a[2])
	if err != nil {
		return nil, err
	}
	d := l.refueling - want
	if d < 0 {
		d = -d
	}
	return d < 1e-6, nil
}

func (e *Env) assertOverdueBillExists(a []pyval.Value) (pyval.Value, error) {
	c, err := e.customerByID(a[0])
	if err != nil {
		return nil, err
	}
	if !strIn(a[1], c.billIDs) {
		return nil, pyval.ValueError(fmt.Sprintf("Overdue bill %s not found", pyval.Str(a[1])))
	}
	b, err := e.agent.a.billByID(a[1])
	if err != nil {
		return nil, err
	}
	if b.status != "Overdue" {
		return nil, pyval.ValueError(fmt.Sprintf("Overdue bill %s is not overdue", pyval.Str(a[1])))
	}
	return true, nil
}

func (e *Env) assertNoOverdueBill(a []pyval.Value) (pyval.Value, error) {
	db, err := e.adb("bills")
	if err != nil {
		return nil, err
	}
	b, err := db.billByID(a[0])
	if err != nil {
		return true, nil // the bill is not in the database
	}
	return b.status == "Paid", nil
}
