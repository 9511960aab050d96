package tauuser_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/user/tauuser"
)

func TestLoadGuidelines(t *testing.T) {
	dir := anchors(t, "user_simulator")
	g, err := tauuser.LoadGuidelines(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{"simulation_guidelines.md": g.Text, "simulation_guidelines_tools.md": g.Tools} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s not read verbatim", name)
		}
	}
	if !strings.Contains(g.Tools, "You have some tools") || strings.Contains(g.Text, "You have some tools") {
		t.Error("the two texts are swapped")
	}
	if _, err := tauuser.LoadGuidelines(t.TempDir()); err == nil {
		t.Error("a folder without the files was accepted")
	}
}

func TestTau2SystemPrompt(t *testing.T) {
	const g = "# Guidelines\nBe a user.<PERSONA_GUIDELINES>\nEnd.\n"
	if got, want := tauuser.Tau2SystemPrompt(g, "", "Instructions:\n\tx"), "# Guidelines\nBe a user.\nEnd.\n\n\n<scenario>\nInstructions:\n\tx\n</scenario>"; got != want {
		t.Errorf("default persona:\n got %q\nwant %q", got, want)
	}
	if got, want := tauuser.Tau2SystemPrompt(g, "## MINIMAL\nBe terse.", "i"), "# Guidelines\nBe a user.\n\n## MINIMAL\nBe terse.\n\nEnd.\n\n\n<scenario>\ni\n</scenario>"; got != want {
		t.Errorf("persona:\n got %q\nwant %q", got, want)
	}
	// Format placeholders in the instructions are not expanded again.
	if got := tauuser.Tau2SystemPrompt("g", "", "{instructions} <PERSONA_GUIDELINES>"); got != "g\n\n<scenario>\n{instructions} <PERSONA_GUIDELINES>\n</scenario>" {
		t.Errorf("got %q", got)
	}
}

// fakeEnv is a tau2 environment with a user toolkit of three tools; only
// the methods the adapter uses are implemented.
type fakeEnv struct {
	tau2.Env
	calls []tau2.Requestor
}

func (e *fakeEnv) ToolInfo(r tau2.Requestor) []tau2.ToolInfo {
	if r != tau2.User {
		return []tau2.ToolInfo{{Spec: tool.Spec{Name: "agent_tool"}}}
	}
	return []tau2.ToolInfo{{Spec: tool.Spec{Name: "check_status_bar"}}, {Spec: tool.Spec{Name: "toggle_data"}}, {Spec: tool.Spec{Name: "run_speed_test"}}}
}

func (e *fakeEnv) CallAs(_ context.Context, r tau2.Requestor, c tool.Call) tool.Result {
	e.calls = append(e.calls, r)
	return tool.OK(c, tool.Text("ran "+c.Name))
}

func TestEnvTools(t *testing.T) {
	names := func(ts tauuser.Tools) []string {
		var out []string
		for _, s := range ts.UserTools() {
			out = append(out, s.Name)
		}
		return out
	}
	e := &fakeEnv{}
	all := tauuser.EnvTools(e, nil)
	if got := strings.Join(names(all), ","); got != "check_status_bar,toggle_data,run_speed_test" {
		t.Errorf("all tools: %s", got)
	}
	// include keeps the toolkit's order, not its own.
	if got := strings.Join(names(tauuser.EnvTools(e, []string{"run_speed_test", "check_status_bar"})), ","); got != "check_status_bar,run_speed_test" {
		t.Errorf("filtered: %s", got)
	}
	// An unknown name, or nothing left, gives no tools at all.
	for _, inc := range [][]string{{"check_status_bar", "nope"}, {}} {
		if ts := tauuser.EnvTools(e, inc); ts != nil {
			t.Errorf("include %v: got tools %v, want nil", inc, names(ts))
		}
	}
	r := all.CallUser(context.Background(), tool.Call{ID: "c1", Name: "toggle_data", Arguments: "{}"})
	if r.Text() != "ran toggle_data" || len(e.calls) != 1 || e.calls[0] != tau2.User {
		t.Errorf("call: %q as %v", r.Text(), e.calls)
	}
}
