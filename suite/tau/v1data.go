package tau

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.starlark.net/syntax"
)

// V1Task is one tau-bench (v1) task as the reference's tasks_<split>.py
// defines it: the simulated user's id and instruction, the gold actions
// whose replay gives the expected database, and the outputs the agent must
// tell the user.
type V1Task struct {
	// Index is the task's position in its split (the reference's
	// --task-ids number).
	Index       int        `json:"task_id"`
	UserID      string     `json:"user_id"`
	Instruction string     `json:"instruction"`
	Actions     []V1Action `json:"actions"`
	Outputs     []string   `json:"outputs"`
}

// V1Action is a gold action: a tool name (or "respond") and its keyword
// arguments, kept as JSON.
type V1Action struct {
	Name   string          `json:"name"`
	Kwargs json.RawMessage `json:"kwargs"`
}

// respondAction is the reference's RESPOND_ACTION_NAME.
const respondAction = "respond"

// v1SplitFiles names, per domain and split, the reference's Python file
// and list variable, tried after the JSON form.
var v1SplitFiles = map[string]string{
	"retail/test":  "tasks_test.py",
	"retail/train": "tasks_train.py",
	"retail/dev":   "tasks_dev.py",
	"airline/test": "tasks_test.py",
}

// LoadV1Tasks reads a tau-bench split from dir (the domain folder): the
// JSON form tasks_<split>.json when present (as in toolgym's anchors), else
// the reference's own tasks_<split>.py (airline's test split is
// tasks_test.py too), read as Python literals, never executed.
func LoadV1Tasks(dir, domain, split string) ([]V1Task, error) {
	jsonPath := filepath.Join(dir, "tasks_"+split+".json")
	if b, err := os.ReadFile(jsonPath); err == nil {
		var tasks []V1Task
		if err := json.Unmarshal(b, &tasks); err != nil {
			return nil, fmt.Errorf("%s: %w", jsonPath, err)
		}
		for i := range tasks {
			tasks[i].Index = i
		}
		return tasks, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	name, ok := v1SplitFiles[domain+"/"+split]
	if !ok {
		return nil, fmt.Errorf("tau-bench %s has no split %q (splits: %s)", domain, split, strings.Join(v1Splits(domain), ", "))
	}
	pyPath := filepath.Join(dir, name)
	src, err := os.ReadFile(pyPath)
	if err != nil {
		return nil, fmt.Errorf("no tasks_%s.json or %s in %s: %w", split, name, dir, err)
	}
	tasks, err := ParseV1TasksPython(pyPath, src)
	if err != nil {
		return nil, err
	}
	return tasks, nil
}

func v1Splits(domain string) []string {
	if domain == "retail" {
		return []string{"test", "train", "dev"}
	}
	return []string{"test"}
}

var importLine = regexp.MustCompile(`(?m)^(from|import)\s.*$`)

// ParseV1TasksPython reads the reference's tasks_<split>.py: a module
// assigning a list of Task(...) calls, each holding Action(...) calls and
// literals. The code is parsed, never run: only calls of Task and Action
// with keyword arguments, lists, dicts, strings, numbers and
// True/False/None are accepted.
func ParseV1TasksPython(filename string, src []byte) ([]V1Task, error) {
	// Starlark's grammar is Python's for these files, except imports.
	clean := importLine.ReplaceAllStringFunc(string(src), func(s string) string { return strings.Repeat(" ", len(s)) })
	f, err := (&syntax.FileOptions{}).Parse(filename, clean, 0)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", filename, err)
	}
	for _, st := range f.Stmts {
		as, ok := st.(*syntax.AssignStmt)
		if !ok {
			continue
		}
		list, ok := as.RHS.(*syntax.ListExpr)
		if !ok {
			continue
		}
		tasks := make([]V1Task, 0, len(list.List))
		for i, e := range list.List {
			v, err := pyLiteral(e)
			if err != nil {
				return nil, fmt.Errorf("%s: task %d: %w", filename, i, err)
			}
			b, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("%s: task %d: %w", filename, i, err)
			}
			var t V1Task
			if err := json.Unmarshal(b, &t); err != nil {
				return nil, fmt.Errorf("%s: task %d: %w", filename, i, err)
			}
			t.Index = i
			tasks = append(tasks, t)
		}
		return tasks, nil
	}
	return nil, fmt.Errorf("%s: no list of tasks assigned at top level", filename)
}

// pyLiteral turns a literal expression into Go values that encoding/json
// writes as the reference's json.dumps would (ints and floats kept apart
// through json.Number).
func pyLiteral(e syntax.Expr) (any, error) {
	switch x := e.(type) {
	case *syntax.Literal:
		switch x.Token {
		case syntax.STRING:
			return x.Value.(string), nil
		case syntax.INT, syntax.FLOAT:
			return json.Number(normNumber(x.Raw, x.Token == syntax.FLOAT)), nil
		}
		return nil, fmt.Errorf("unsupported literal %s", x.Raw)
	case *syntax.Ident:
		switch x.Name {
		case "True":
			return true, nil
		case "False":
			return false, nil
		case "None":
			return nil, nil
		}
		return nil, fmt.Errorf("unsupported name %s", x.Name)
	case *syntax.UnaryExpr:
		if x.Op == syntax.MINUS {
			v, err := pyLiteral(x.X)
			if n, ok := v.(json.Number); ok && err == nil {
				return json.Number("-" + string(n)), nil
			}
		}
		return nil, fmt.Errorf("unsupported unary expression")
	case *syntax.ParenExpr:
		return pyLiteral(x.X)
	case *syntax.ListExpr:
		out := make([]any, 0, len(x.List))
		for _, el := range x.List {
			v, err := pyLiteral(el)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case *syntax.DictExpr:
		out := orderedObject{}
		for _, el := range x.List {
			entry := el.(*syntax.DictEntry)
			k, err := pyLiteral(entry.Key)
			if err != nil {
				return nil, err
			}
			ks, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("dict key %v is not a string", k)
			}
			v, err := pyLiteral(entry.Value)
			if err != nil {
				return nil, err
			}
			out = append(out, kv{ks, v})
		}
		return out, nil
	case *syntax.CallExpr:
		fn, ok := x.Fn.(*syntax.Ident)
		if !ok || (fn.Name != "Task" && fn.Name != "Action") {
			return nil, fmt.Errorf("unsupported call")
		}
		out := orderedObject{}
		for _, a := range x.Args {
			bin, ok := a.(*syntax.BinaryExpr)
			if !ok || bin.Op != syntax.EQ {
				return nil, fmt.Errorf("%s() takes keyword arguments only", fn.Name)
			}
			v, err := pyLiteral(bin.Y)
			if err != nil {
				return nil, err
			}
			out = append(out, kv{bin.X.(*syntax.Ident).Name, v})
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported expression %T", e)
}

// normNumber writes a Python number literal as JSON (json.dumps's form of
// the value: 5. -> 5.0).
func normNumber(raw string, isFloat bool) string {
	raw = strings.ReplaceAll(raw, "_", "")
	if !isFloat {
		if n, err := strconv.ParseInt(raw, 0, 64); err == nil {
			return strconv.FormatInt(n, 10)
		}
		return raw
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return raw
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

type kv struct {
	k string
	v any
}

// orderedObject is a JSON object that keeps its keys in source order.
type orderedObject []kv

func (o orderedObject) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, e := range o {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(e.k)
		b = append(b, k...)
		b = append(b, ':')
		v, err := json.Marshal(e.v)
		if err != nil {
			return nil, err
		}
		b = append(b, v...)
	}
	return append(b, '}'), nil
}
