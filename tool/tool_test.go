package tool_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

type counter struct {
	mu sync.Mutex
	N  int
}

type incArgs struct {
	By   int    `json:"by" jsonschema:"how much to add"`
	Note string `json:"note,omitempty"`
}

type noArgs struct{}

func newSet() *tool.Set[*counter] {
	s := tool.NewSet[*counter]()
	tool.Add(s, "inc", "Add to the counter.", func(_ context.Context, c *counter, a incArgs) (map[string]int, error) {
		if a.By < 0 {
			return nil, tool.Errorf("by must not be negative, got %d", a.By)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		c.N += a.By
		return map[string]int{"n": c.N}, nil
	})
	tool.Add(s, "get", "Read the counter.", func(_ context.Context, c *counter, _ noArgs) (string, error) {
		return "counter is " + strings.Repeat("I", c.N), nil
	}, tool.ReadOnly(), tool.Category("read"))
	tool.Add(s, "boom", "Panics.", func(context.Context, *counter, noArgs) (string, error) { panic("kaboom") })
	tool.Add(s, "wait", "Waits for cancellation.", func(ctx context.Context, _ *counter, _ noArgs) (string, error) {
		<-ctx.Done()
		return "", ctx.Err()
	})
	return s
}

func TestSetCall(t *testing.T) {
	s := newSet()
	cases := []struct {
		name     string
		call     tool.Call
		wantKind error
		wantText string
	}{
		{"ok", tool.Call{Name: "inc", Arguments: `{"by": 2}`}, nil, `{"n":2}`},
		{"empty args mean {}", tool.Call{Name: "get", Arguments: ""}, nil, "counter is II"},
		{"unknown tool", tool.Call{Name: "dec", Arguments: `{}`}, tool.ErrUnknownTool, `unknown tool "dec"; available tools: boom, get, inc, wait`},
		{"bad json", tool.Call{Name: "inc", Arguments: `{"by": `}, tool.ErrInvalidJSON, "arguments of inc are not valid JSON"},
		{"array args", tool.Call{Name: "inc", Arguments: `[1]`}, tool.ErrInvalidJSON, "must be a JSON object, got an array"},
		{"wrong type", tool.Call{Name: "inc", Arguments: `{"by": "two"}`}, tool.ErrInvalidArguments, "at '/by': got string, want integer"},
		{"missing required", tool.Call{Name: "inc", Arguments: `{}`}, tool.ErrInvalidArguments, "missing property 'by'"},
		{"unknown property", tool.Call{Name: "inc", Arguments: `{"by": 1, "extra": true}`}, tool.ErrInvalidArguments, "additional properties 'extra' not allowed"},
		{"two violations", tool.Call{Name: "inc", Arguments: `{"by": 1.5, "note": 3}`}, tool.ErrInvalidArguments, "at '/by': got number, want integer; at '/note': got number, want string"},
		{"tool error", tool.Call{Name: "inc", Arguments: `{"by": -1}`}, tool.ErrFailed, "by must not be negative, got -1"},
		{"panic", tool.Call{Name: "boom"}, tool.ErrFailed, "tool boom crashed: kaboom"},
	}
	c := &counter{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.call.ID = "id1"
			r := s.Call(context.Background(), c, tc.call)
			if r.CallID != "id1" || r.Name != tc.call.Name {
				t.Errorf("result names %q/%q", r.CallID, r.Name)
			}
			if tc.wantKind == nil {
				if r.Error != nil {
					t.Fatalf("unexpected error %v", r.Error)
				}
			} else if r.Error == nil || !errors.Is(r.Error, tc.wantKind) {
				t.Fatalf("error %v, want kind %v", r.Error, tc.wantKind)
			}
			if !strings.Contains(r.Text(), tc.wantText) {
				t.Errorf("text %q does not contain %q", r.Text(), tc.wantText)
			}
		})
	}
	if c.N != 2 {
		t.Errorf("counter %d, want 2: only the valid call may run", c.N)
	}
}

func TestSetCancellation(t *testing.T) {
	s := newSet()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := s.Call(ctx, &counter{}, tool.Call{Name: "get"})
	if !errors.Is(r.Error, tool.ErrCanceled) {
		t.Errorf("canceled context gave %v", r.Error)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 0)
	defer cancel()
	if r := s.Call(ctx, &counter{}, tool.Call{Name: "wait"}); !errors.Is(r.Error, tool.ErrCanceled) && !errors.Is(r.Error, tool.ErrTimeout) {
		t.Errorf("expired context gave %v", r.Error)
	}
}

func TestSpecsAndSchema(t *testing.T) {
	s := newSet()
	specs := s.Specs()
	if len(specs) != 4 || specs[0].Name != "inc" || !specs[1].ReadOnly() || specs[0].ReadOnly() {
		t.Fatalf("specs %+v", specs)
	}
	if specs[1].Annotations.Category != "read" {
		t.Errorf("category %q", specs[1].Annotations.Category)
	}
	var sch struct {
		Type       string                     `json:"type"`
		Required   []string                   `json:"required"`
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(specs[0].Parameters, &sch); err != nil {
		t.Fatal(err)
	}
	if sch.Type != "object" || len(sch.Required) != 1 || sch.Required[0] != "by" || !strings.Contains(string(sch.Properties["by"]), "how much to add") {
		t.Errorf("schema derived from incArgs: %s", specs[0].Parameters)
	}
}

func TestAddPanicsOnDuplicate(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("adding a tool twice did not panic")
		}
	}()
	s := newSet()
	tool.Add(s, "inc", "again", func(context.Context, *counter, noArgs) (string, error) { return "", nil })
}

func TestSpecValidate(t *testing.T) {
	cases := []struct {
		spec tool.Spec
		ok   bool
	}{
		{tool.Spec{Name: "a_b-c.d"}, true},
		{tool.Spec{Name: ""}, false},
		{tool.Spec{Name: "has space"}, false},
		{tool.Spec{Name: strings.Repeat("x", 65)}, false},
		{tool.Spec{Name: "f", Parameters: json.RawMessage(`[1]`)}, false},
	}
	for _, tc := range cases {
		if err := tc.spec.Validate(); (err == nil) != tc.ok {
			t.Errorf("%q: err %v, want ok=%v", tc.spec.Name, err, tc.ok)
		}
	}
	if _, err := tool.NewValidator([]tool.Spec{{Name: "f"}, {Name: "f"}}); err == nil {
		t.Error("a repeated name was accepted")
	}
	if _, err := tool.NewValidator([]tool.Spec{{Name: "f", Parameters: json.RawMessage(`{"type": 5}`)}}); err == nil {
		t.Error("a schema that does not compile was accepted")
	}
}

func TestValidatorOnPublishedSchema(t *testing.T) {
	v, err := tool.NewValidator([]tool.Spec{{Name: "cd", Parameters: json.RawMessage(
		`{"type": "object", "properties": {"folder": {"type": "string", "enum": ["a", "b"]}}, "required": ["folder"]}`)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, terr := v.Check(tool.Call{Name: "cd", Arguments: `{"folder": "c"}`}); terr == nil || !strings.Contains(terr.Message, "at '/folder': value must be one of 'a', 'b'") {
		t.Errorf("enum violation: %v", terr)
	}
	args, terr := v.Check(tool.Call{Name: "cd", Arguments: ` {"folder": "a"} `})
	if terr != nil || string(args) != `{"folder": "a"}` {
		t.Errorf("valid call: %s %v", args, terr)
	}
}

func TestResultText(t *testing.T) {
	r := tool.OK(tool.Call{ID: "1", Name: "f"}, tool.Text("a"), tool.JSONPart(map[string]int{"b": 1}), tool.Part{Type: tool.PartImage, MIMEType: "image/png"})
	if got := r.Text(); got != "a\n{\"b\":1}\n[image image/png]" {
		t.Errorf("text %q", got)
	}
	f := tool.FailWith(tool.Call{Name: "f"}, errors.New("disk full"))
	if f.Text() != "Error: disk full" || !errors.Is(f.Error, tool.ErrFailed) {
		t.Errorf("%q %v", f.Text(), f.Error)
	}
}
