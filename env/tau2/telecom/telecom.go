// Package telecom is tau2-bench's telecom domain (src/tau2/domains/telecom)
// as a toolgym environment. It is dual control: the assistant works on
// the carrier's database (customers, lines, plans, bills, devices) with
// thirteen tools, and the user works on their own phone (status bar,
// airplane mode, SIM, mobile data, roaming, APN, Wi-Fi, Wi-Fi calling,
// VPN, app permissions, MMS, payments) with thirty. After every call the
// environment synchronises the two as the reference's
// TelecomEnvironment.sync_tools does: the line's status, roaming and data
// allowance reach the phone's surroundings, a paid payment request marks
// the bill paid, and a bill awaiting payment becomes a payment request on
// the phone.
//
// Every tool's text, every error message and both databases' hashes are
// the reference's. The tasks' set-up functions (set_user_info,
// turn_data_off, break_vpn, suspend_line_for_overdue_bill, ...) and
// assertions (assert_internet_speed, assert_can_send_mms, ...) run by name
// through Env.Run.
//
// Two deliberate differences: the id of a draft bill that refuel_data
// creates for a customer without one comes from the env's seeded
// generator (see Env.Seed) where the reference uses uuid4; and the
// toolkit's default VPN details, which the reference keeps on the class
// (so break_vpn in one environment degrades connect_vpn in every later
// one of the process), belong to each environment.
//
// Importing the package registers the domain as "telecom" with
// tau2.Register.
package telecom

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Name is the domain's name.
const Name = "telecom"

func init() { tau2.Register(Name, func(dir string) (tau2.Domain, error) { return Load(dir) }) }

// Domain is the loaded telecom domain: the two databases from which every
// Env is forked.
type Domain struct {
	base *Env
}

var _ tau2.Domain = (*Domain)(nil)

// Load reads db.toml and user_db.toml from dir (the reference's
// data/tau2/domains/telecom) and validates them as the reference's models
// do.
func Load(dir string) (*Domain, error) {
	agentData, err := loadTOML(filepath.Join(dir, "db.toml"), modelTelecomDB)
	if err != nil {
		return nil, err
	}
	userData, err := loadTOML(filepath.Join(dir, "user_db.toml"), modelUserDB)
	if err != nil {
		return nil, err
	}
	e := &Env{agent: &slot{a: telecomDBFrom(agentData)}, user: &slot{u: userDBFrom(userData)}, vpnDefault: newDefaultVPN()}
	// Environment.__init__ synchronises once.
	if err := e.sync(); err != nil {
		return nil, fmt.Errorf("telecom: initial sync: %w", err)
	}
	// Hash the base once: every fork starts with its hashes. Its
	// carrier database is shared by every fork from now on.
	if _, err := e.StateHash(); err != nil {
		return nil, fmt.Errorf("telecom: %w", err)
	}
	e.agent.a.freeze()
	return &Domain{base: e}, nil
}

func loadTOML(path string, m *modelDef) (*pyval.Dict, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("telecom: %w", err)
	}
	data, err := parseTOML(b)
	if err != nil {
		return nil, fmt.Errorf("telecom: %s: %w", path, err)
	}
	d, err := validate(m, data)
	if err != nil {
		return nil, fmt.Errorf("telecom: %s: %w", path, err)
	}
	return d, nil
}

// Name returns "telecom".
func (d *Domain) Name() string { return Name }

// New returns a fresh environment at the domain's initial state.
func (d *Domain) New() tau2.Env { return d.NewEnv() }

// NewEnv is New with the concrete type.
func (d *Domain) NewEnv() *Env { return d.base.fork() }

// slot is the database one toolkit holds: a TelecomDB (a) or a
// TelecomUserDB (u). After a task's initialization_data the reference
// points both toolkits at one database, so both Env slots may be the same
// slot, holding either class.
type slot struct {
	a *telecomDB
	u *userDB
}

// clone copies the slot for a fork. A TelecomDB is shared, frozen, until
// either side is about to change it (see own); a TelecomUserDB, small and
// changed by every sync, is copied.
func (s *slot) clone(oldDefault, newDefault *vpnDetails) *slot {
	if s.a != nil {
		s.a.freeze()
		return &slot{a: s.a}
	}
	return &slot{u: s.u.clone(oldDefault, newDefault)}
}

// own makes the slot's TelecomDB this slot's own, copying it if it is
// shared, before it is changed. Called with the env's lock held.
func (s *slot) own() {
	if s.a != nil && s.a.frozen {
		s.a = s.a.thaw()
	}
}

func (s *slot) class() string {
	if s.a != nil {
		return "TelecomDB"
	}
	return "TelecomUserDB"
}

func (s *slot) dump() *pyval.Dict {
	if s.a != nil {
		return s.a.dump()
	}
	return s.u.dump()
}

// Env is one telecom environment. Its methods are safe for concurrent
// use.
type Env struct {
	mu          sync.Mutex
	agent, user *slot
	// rng draws the ids of draft bills (the reference's uuid4).
	rng uint64
	// vpnDefault is the user toolkit's default_vpn_details. The reference
	// keeps it on the class, so connect_vpn shares that one object with
	// the device and break_vpn degrades it for later connections; here
	// each environment has its own, as a fresh process would.
	vpnDefault *vpnDetails
	// agentGen and userGen count the calls that may have changed the
	// agent's and the user's databases; StateHash reuses a database's
	// last hash while its count has not moved.
	agentGen, userGen uint64
	agentHash         genHash
	userHash          genHash
	// stateHash is the last StateHash and the counts it was taken at.
	stateHash stateHash
}

// stateHash is a combined state hash and the change counts it was taken
// at.
type stateHash struct {
	agentGen, userGen uint64
	hash              string
}

// genHash is a database hash and the change count it was taken at.
type genHash struct {
	gen  uint64
	hash string
}

var _ tau2.Env = (*Env)(nil)

// Seed sets the generator of the ids refuel_data gives new draft bills
// (the reference draws them with uuid4). Forks copy the generator's state.
func (e *Env) Seed(seed uint64) {
	e.mu.Lock()
	e.rng = seed
	e.mu.Unlock()
}

// hex8 returns uuid.uuid4().hex[:8] from the env's generator (splitmix64).
func (e *Env) hex8() string {
	e.rng += 0x9e3779b97f4a7c15
	z := e.rng
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return fmt.Sprintf("%08x", uint32(z>>32))
}

// adb returns the assistant toolkit's TelecomDB, or the AttributeError of
// reading attr from the database it holds instead.
func (e *Env) adb(attr string) (*telecomDB, error) {
	if e.agent.a == nil {
		return nil, tau2.ClassAttributeError(e.agent.class(), attr)
	}
	return e.agent.a, nil
}

// udb returns the user toolkit's TelecomUserDB, or the AttributeError of
// reading attr from the database it holds instead.
func (e *Env) udb(attr string) (*userDB, error) {
	if e.user.u == nil {
		return nil, tau2.ClassAttributeError(e.user.class(), attr)
	}
	return e.user.u, nil
}

// dev is the user toolkit's device property.
func (e *Env) dev() (*phone, error) {
	u, err := e.udb("device")
	if err != nil {
		return nil, err
	}
	return u.dev, nil
}

// sur is the user toolkit's surroundings property.
func (e *Env) sur() (*surroundings, error) {
	u, err := e.udb("surroundings")
	if err != nil {
		return nil, err
	}
	return u.sur, nil
}

// Domain returns "telecom".
func (e *Env) Domain() string { return Name }

func kit(r tau2.Requestor) *toolkit {
	switch r {
	case tau2.Assistant:
		return agentKit
	case tau2.User:
		return userKit
	}
	return nil
}

// ToolInfo lists r's tools in the reference's order.
func (e *Env) ToolInfo(r tau2.Requestor) []tau2.ToolInfo {
	tk := kit(r)
	if tk == nil {
		return nil
	}
	return append([]tau2.ToolInfo(nil), tk.infos...)
}

// Tools lists the assistant's tool specs.
func (e *Env) Tools() []tool.Spec {
	out := make([]tool.Spec, len(agentKit.infos))
	for i, in := range agentKit.infos {
		out[i] = in.Spec
	}
	return out
}

// Call runs an assistant tool call.
func (e *Env) Call(ctx context.Context, call tool.Call) tool.Result {
	return e.CallAs(ctx, tau2.Assistant, call)
}

// CallAs runs a tool call of r's toolkit as Environment.get_response does:
// the call, then sync_tools; an exception in either gives the error
// result "Error: <str(exception)>" (state changes made before it stay).
func (e *Env) CallAs(ctx context.Context, r tau2.Requestor, call tool.Call) tool.Result {
	if err := ctx.Err(); err != nil {
		return tool.Fail(call, tool.KindCanceled, "%v", err)
	}
	raw, err := call.Args()
	if err != nil {
		return tool.FailWith(call, err)
	}
	var args *pyval.Dict
	if string(raw) != "{}" {
		v, err := pyval.FromJSON(raw)
		if err != nil {
			return tool.Fail(call, tool.KindInvalidJSON, "arguments of %s are not valid JSON: %v", call.Name, err)
		}
		args, _ = v.(*pyval.Dict)
	}
	e.mu.Lock()
	e.touchedBy(r, call.Name)
	defer e.mu.Unlock()
	out, kind, err := e.call(r, call.Name, args)
	if err == nil {
		err = e.sync()
		kind = tool.KindFailed
	}
	if err != nil {
		return tool.Result{CallID: call.ID, Name: call.Name, Error: &tool.Error{Kind: kind, Message: err.Error()}}
	}
	s, err := tau2.ProcessedJSONStr(out)
	if err != nil {
		return tool.Result{CallID: call.ID, Name: call.Name, Error: &tool.Error{Kind: tool.KindFailed, Message: err.Error()}}
	}
	return tool.OK(call, tool.Text(s))
}

// call is make_tool_call.
func (e *Env) call(r tau2.Requestor, name string, args *pyval.Dict) (pyval.Value, tool.Kind, error) {
	if err := makeToolCallBinding(args); err != nil {
		return nil, tool.KindInvalidArguments, err
	}
	tk := kit(r)
	if tk == nil {
		return nil, tool.KindFailed, pyval.ValueError(fmt.Sprintf("Invalid requestor: %s", r))
	}
	f, ok := tk.funcs[name]
	if !ok || f.info == nil {
		return nil, tool.KindUnknownTool, pyval.ValueError(fmt.Sprintf("Tool '%s' not found.", name))
	}
	bound, err := bind(tk, f, args)
	if err != nil {
		return nil, tool.KindInvalidArguments, err
	}
	out, err := f.run(e, bound)
	if err != nil {
		return nil, tool.KindFailed, err
	}
	return out, "", nil
}

// bind binds keyword arguments to f's parameters with Python's TypeError
// texts.
func bind(tk *toolkit, f *function, args *pyval.Dict) ([]pyval.Value, error) {
	if (args == nil || args.Len() == 0) && len(f.method.Params) == 0 {
		return nil, nil
	}
	var kw []bfcl.Arg
	if args != nil {
		kw = make([]bfcl.Arg, 0, args.Len())
		args.Items(func(k, v pyval.Value) bool {
			kw = append(kw, bfcl.Arg{Name: pyval.Str(k), Value: v})
			return true
		})
	}
	return bfcl.Bind(tk.class, &f.method, kw)
}

// makeToolCallBinding reproduces the TypeErrors of
// make_tool_call(message.name, requestor=..., **arguments) for argument
// names that collide with its own parameters.
func makeToolCallBinding(args *pyval.Dict) error {
	if args == nil {
		return nil
	}
	if args.Has("requestor") {
		return pyval.TypeError("tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'")
	}
	var err error
	args.Items(func(k, _ pyval.Value) bool {
		if k == "self" || k == "tool_name" {
			err = pyval.TypeError(fmt.Sprintf("Environment.make_tool_call() got multiple values for argument '%s'", k))
			return false
		}
		return true
	})
	return err
}

// Run calls any function of r's toolkit by name, then synchronises, as
// run_env_function_call does. Models come back as their model_dump dicts
// and tuples as pyval.Tuple.
func (e *Env) Run(r tau2.Requestor, funcName string, args *pyval.Dict) (pyval.Value, error) {
	e.mu.Lock()
	e.touched(r)
	defer e.mu.Unlock()
	tk := kit(r)
	if tk == nil {
		return nil, pyval.ValueError(fmt.Sprintf("Invalid environment type: %s", r))
	}
	f, ok := tk.funcs[funcName]
	if !ok {
		return nil, tau2.ClassAttributeError(tk.class, funcName)
	}
	var bound []pyval.Value
	if !f.attr {
		var err error
		if bound, err = bind(tk, f, args); err != nil {
			return nil, err
		}
	}
	out, err := f.run(e, bound)
	if err != nil {
		return nil, err
	}
	if err := e.sync(); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateDB merges data into r's database and re-validates it, as
// ToolKitBase.update_db does; then, as Environment.set_state does, the
// other toolkit is pointed at the same (new) database.
func (e *Env) UpdateDB(r tau2.Requestor, data *pyval.Dict) error {
	e.mu.Lock()
	e.touched(tau2.Assistant)
	defer e.mu.Unlock()
	var cur *slot
	switch r {
	case tau2.Assistant:
		cur = e.agent
	case tau2.User:
		cur = e.user
	default:
		return pyval.ValueError(fmt.Sprintf("Invalid requestor: %s", r))
	}
	raw := cur.dump()
	if data != nil {
		tau2.MergeAddict(raw, data)
	}
	var s *slot
	if cur.a != nil {
		d, err := validate(modelTelecomDB, raw)
		if err != nil {
			return err
		}
		s = &slot{a: telecomDBFrom(d)}
	} else {
		d, err := validate(modelUserDB, raw)
		if err != nil {
			return err
		}
		s = &slot{u: userDBFrom(d)}
	}
	e.agent, e.user = s, s
	return nil
}

func (e *Env) side(r tau2.Requestor) *slot {
	switch r {
	case tau2.Assistant:
		return e.agent
	case tau2.User:
		return e.user
	}
	return nil
}

// Hash returns get_db_hash (assistant) or get_user_db_hash (user).
func (e *Env) Hash(r tau2.Requestor) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.side(r)
	if s == nil {
		return "", nil
	}
	return hashSlot(s)
}

// SameState reports whether r's database equals other's as comparing
// their hashes would.
func (e *Env) SameState(r tau2.Requestor, other tau2.Env) bool {
	o, ok := other.(*Env)
	if !ok {
		return false
	}
	if o == e {
		return true
	}
	unlock := lockPair(e, o)
	defer unlock()
	a, b := e.side(r), o.side(r)
	if a == nil || b == nil {
		return a == b
	}
	switch {
	case a.a != nil && b.a != nil:
		return a.a.equal(b.a)
	case a.u != nil && b.u != nil:
		return a.u.equal(b.u)
	}
	return false
}

// Dump returns r's database as model_dump() would; dates and datetimes
// are pyval.Objects whose str() is Python's.
func (e *Env) Dump(r tau2.Requestor) pyval.Value {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.side(r)
	if s == nil {
		return nil
	}
	return s.dump()
}

// Snapshot returns both databases as one JSON object with sorted keys
// ({"agent_db": ..., "user_db": ...}), dates as strings.
func (e *Env) Snapshot() (json.RawMessage, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	b, err := docdb.SortedJSON(nil, pyval.DictOf("agent_db", e.agent.dump(), "user_db", e.user.dump()))
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Fork returns an independent copy of the environment (an *Env).
func (e *Env) Fork() env.Env {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.fork()
}

func (e *Env) fork() *Env {
	dflt := *e.vpnDefault
	c := &Env{rng: e.rng, vpnDefault: &dflt}
	// Same state, same hashes.
	c.agentGen, c.userGen, c.agentHash, c.userHash, c.stateHash = e.agentGen, e.userGen, e.agentHash, e.userHash, e.stateHash
	c.agent = e.agent.clone(e.vpnDefault, c.vpnDefault)
	if e.user == e.agent {
		c.user = c.agent
	} else {
		c.user = e.user.clone(e.vpnDefault, c.vpnDefault)
	}
	return c
}

// sync is TelecomEnvironment.sync_tools.
func (e *Env) sync() error {
	u, err := e.udb("surroundings")
	if err != nil {
		return err
	}
	sur := u.sur
	if sur.phone == nil {
		return nil
	}
	db, err := e.adb("lines")
	if err != nil {
		return err
	}
	l, err := db.lineByPhone(sur.phone)
	if err != nil {
		return err
	}
	sur.lineActive = l.status == "Active"
	sur.roamingAllowed = l.roaming
	p, err := db.planWithID(l.planID)
	if err != nil {
		return err
	}
	exceeded, err := compare(">=", l.dataUsed, p.limit+l.refueling)
	if err != nil {
		return err
	}
	sur.usageExceeded = exceeded
	if pr := sur.payment; pr != nil && pr.paid {
		e.agent.own()
		db = e.agent.a
		b, err := db.billWithID(pr.billID)
		if err != nil {
			return err
		}
		b.status = "Paid"
		e.agentGen++ // the phone's payment reached the carrier's records
		sur.payment = nil
	}
	if sur.payment == nil {
		c, err := db.customerByPhone(sur.phone)
		if err != nil {
			return err
		}
		bills, err := db.billsAwaitingPayment(c)
		if err != nil {
			return err
		}
		if len(bills) > 0 {
			sur.payment = &paymentRequest{billID: bills[0].id, amount: bills[0].total}
		}
	}
	return nil
}

// lockPair locks two distinct envs in address order (so that x.SameState(y)
// and y.SameState(x) cannot deadlock) and returns the unlock.
func lockPair(a, b *Env) func() {
	if uintptr(unsafe.Pointer(a)) > uintptr(unsafe.Pointer(b)) {
		a, b = b, a
	}
	a.mu.Lock()
	b.mu.Lock()
	return func() {
		b.mu.Unlock()
		a.mu.Unlock()
	}
}

// CallUnsynced runs a tool call for its effect on the state alone: no
// synchronisation of the phone and the carrier's records afterwards and no
// rendered result, as the reference's make_tool_call runs a task's gold
// actions during evaluation (tau2judge.UnsyncedCaller). The error is the
// tool's failure.
func (e *Env) CallUnsynced(ctx context.Context, r tau2.Requestor, call tool.Call) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	raw, err := call.Args()
	if err != nil {
		return err
	}
	var args *pyval.Dict
	if string(raw) != "{}" {
		v, err := pyval.FromJSON(raw)
		if err != nil {
			return fmt.Errorf("arguments of %s are not valid JSON: %w", call.Name, err)
		}
		args, _ = v.(*pyval.Dict)
	}
	e.mu.Lock()
	e.touchedBy(r, call.Name)
	defer e.mu.Unlock()
	_, _, err = e.call(r, call.Name, args)
	return err
}

// touched records that a call from r may have changed the databases, and
// makes a carrier database it may change the env's own (see slot.clone): an
// assistant call (or function) either of them, since syncing the phone
// reads the carrier's records; a user call (or function: the user
// toolkit's functions touch the phone alone) the phone's, and the
// carrier's only through the payment sync, which counts itself. When the
// two toolkits share one database (after initialization_data) both move.
// Called with e.mu held.
func (e *Env) touched(r tau2.Requestor) {
	e.userGen++
	if r == tau2.Assistant || e.user == e.agent {
		e.agentGen++
		e.agent.own()
	}
}

// touchedBy is touched for a tool call: a tool the reference marks as not
// mutating the state (mutates_state false: reads, transfers) changes
// nothing, and the sync after it finds what the last sync left.
func (e *Env) touchedBy(r tau2.Requestor, name string) {
	if tk := kit(r); tk != nil {
		if f, ok := tk.funcs[name]; ok && f.info != nil && !f.info.Mutates {
			return
		}
	}
	e.touched(r)
}

// StateHash implements env.Hasher: the reference's hashes of the agent's
// and the user's databases, combined, which the episode takes after every
// turn far more cheaply than a Snapshot. Each database's hash is reused
// while no call may have changed it.
func (e *Env) StateHash() (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if c := &e.stateHash; c.hash != "" && c.agentGen == e.agentGen && c.userGen == e.userGen {
		return c.hash, nil
	}
	part := func(s *slot, gen uint64, c *genHash) (string, error) {
		if s == nil {
			return "", nil
		}
		if c.hash != "" && c.gen == gen {
			return c.hash, nil
		}
		h, err := hashSlot(s)
		if err != nil {
			return "", err
		}
		*c = genHash{gen, h}
		return h, nil
	}
	a, err := part(e.side(tau2.Assistant), e.agentGen, &e.agentHash)
	if err != nil {
		return "", err
	}
	u, err := part(e.side(tau2.User), e.userGen, &e.userHash)
	if err != nil {
		return "", err
	}
	b := make([]byte, 0, 4*sha256.Size+1) // two hex digests and a newline
	b = append(append(append(b, a...), '\n'), u...)
	sum := sha256.Sum256(b)
	h := hex.EncodeToString(sum[:])
	e.stateHash = stateHash{e.agentGen, e.userGen, h}
	return h, nil
}
