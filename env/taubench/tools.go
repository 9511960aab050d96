package taubench

import (
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/taubench/internal/py"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// The tools both domains have: calculate, think and
// transfer_to_human_agents (their descriptions differ slightly between
// the domains, so the specs come from the domain).

// CalculateTool returns the calculate tool: Calculate for a str
// expression; for any other value the reference's checks run on it as
// Python runs them (iterating a list's items, a dict's keys, failing for
// a number), and eval refuses what is not a str.
func CalculateTool(spec tool.Spec, module string) Tool {
	return Tool{Spec: annotate(spec, "generic"), Class: "Calculate", Module: module, Params: []string{"expression"}, Invoke: invokeCalculate}
}

func invokeCalculate(_ *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	return py.Run(func() py.V {
		expr := a[0]
		if s, ok := expr.(string); ok {
			return Calculate(s)
		}
		// all(char in "0123456789+-*/(). " for char in expression)
		for _, c := range py.Iter(expr) {
			if !py.In(c, calcChars) {
				return "Error: invalid characters in expression"
			}
		}
		return "Error: eval() arg 1 must be a string, bytes or code object"
	})
}

// ThinkTool returns the think tool: it returns "" and changes nothing.
func ThinkTool(spec tool.Spec, module string) Tool {
	return Tool{Spec: annotate(spec, "think"), Class: "Think", Module: module, Params: []string{"thought"},
		Invoke: func(*docdb.DB, []pyval.Value) (pyval.Value, error) { return "", nil }}
}

// TransferTool returns transfer_to_human_agents: it returns "Transfer
// successful"; the episode ends after it (see Domain.Terminate).
func TransferTool(spec tool.Spec, module string) Tool {
	return Tool{Spec: annotate(spec, "generic"), Class: "TransferToHumanAgents", Module: module, Params: []string{"summary"},
		Invoke: func(*docdb.DB, []pyval.Value) (pyval.Value, error) { return "Transfer successful", nil }}
}

// ReadTool and WriteTool return a domain tool that reads or writes the
// data; run runs the tool's statements on the bound arguments and raises
// Python exceptions through package py (a panic that Invoke turns into
// the returned error).
func ReadTool(spec tool.Spec, class, module string, params []string, run func(db *docdb.DB, args []pyval.Value) pyval.Value) Tool {
	return domainTool(spec, class, module, params, false, run)
}

// WriteTool is ReadTool for a tool that may change the data.
func WriteTool(spec tool.Spec, class, module string, params []string, run func(db *docdb.DB, args []pyval.Value) pyval.Value) Tool {
	return domainTool(spec, class, module, params, true, run)
}

func domainTool(spec tool.Spec, class, module string, params []string, write bool, run func(*docdb.DB, []pyval.Value) pyval.Value) Tool {
	category := "read"
	if write {
		category = "write"
	}
	return Tool{
		Spec:   annotate(spec, category),
		Class:  class,
		Module: module,
		Params: params,
		Write:  write,
		Invoke: func(db *docdb.DB, args []pyval.Value) (pyval.Value, error) {
			return py.Run(func() py.V { return run(db, args) })
		},
	}
}

// annotate sets the spec's behaviour hints (not sent to models): the
// category tau2-bench gives the same tool, and read-only for all but the
// write tools.
func annotate(spec tool.Spec, category string) tool.Spec {
	spec.Annotations = &tool.Annotations{ReadOnly: category != "write", Category: category}
	return spec
}
