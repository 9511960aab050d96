package tauuser_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/user/tauuser"
)

func TestScenarioText(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{{
		name: "structured, every field",
		raw:  `{"persona": "Line1\nLine2", "instructions": {"domain": "airline", "reason_for_call": "A\n\nB\n  \nC", "known_info": "id 1", "unknown_info": null, "task_instructions": "Do X.\nThen Y."}}`,
		// textwrap.indent leaves blank and whitespace-only lines alone.
		want: "Persona:\n\tLine1\n\tLine2\nInstructions:\n\tDomain: airline\n\tReason for call:\n\t\tA\n\n\t\tB\n  \n\t\tC\n\tKnown info:\n\t\tid 1\n\tTask instructions:\n\t\tDo X.\n\t\tThen Y.",
	}, {
		name: "structured, optional fields absent",
		raw:  `{"persona": null, "instructions": {"task_instructions": "t", "domain": "d", "reason_for_call": "r", "unknown_info": "u"}}`,
		want: "Instructions:\n\tDomain: d\n\tReason for call:\n\t\tr\n\tUnknown info:\n\t\tu\n\tTask instructions:\n\t\tt",
	}, {
		name: "text instructions, CRLF and a final newline",
		raw:  `{"instructions": "Hello\r\nWorld\n"}`,
		want: "Instructions:\n\tHello\r\n\tWorld\n",
	}, {
		name: "Python's other line breaks",
		raw:  `{"instructions": "a\u2028b\u000bc\u001cd\re\u0085f"}`,
		want: "Instructions:\n\ta\u2028\tb\v\tc\x1c\td\r\te\u0085\tf",
	}, {
		name: "unicode whitespace-only line",
		raw:  `{"persona": "p\n\u3000\u00a0\n\u001f", "instructions": ""}`,
		want: "Persona:\n\tp\n\u3000\u00a0\n\x1f\nInstructions:\n",
	}, {
		name: "unknown keys ignored",
		raw:  `{"persoca": "x", "instructions": "i", "extra": 1}`,
		want: "Instructions:\n\ti",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tauuser.ScenarioText(json.RawMessage(tt.raw))
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v\nwant %q", got, err, tt.want)
			}
		})
	}
}

func TestScenarioTextErrors(t *testing.T) {
	for _, raw := range []string{
		`{"persona": "p"}`,
		`{"instructions": 5}`,
		`{"instructions": null}`,
		`{"instructions": {"domain": "d", "task_instructions": "t"}}`,
		`{"instructions": {"domain": 1, "reason_for_call": "r", "task_instructions": "t"}}`,
		`{"instructions": {"domain": "d", "reason_for_call": "r", "task_instructions": "t", "known_info": []}}`,
		`{"persona": 3, "instructions": "x"}`,
		`[]`, `null`, `"text"`, `{`,
	} {
		if got, err := tauuser.ScenarioText(json.RawMessage(raw)); err == nil {
			t.Errorf("%s: accepted as %q", raw, got)
		}
	}
}

// Every tau2 task of the anchors renders; the shape is that of
// str(UserScenario), and two tasks are checked in full.
func TestScenarioTextAnchors(t *testing.T) {
	dir := anchors(t, "")
	files, err := filepath.Glob(filepath.Join(dir, "*", "tasks*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no task files under %s: %v", dir, err)
	}
	byID := map[string]string{}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var tasks []struct {
			ID       string
			Scenario json.RawMessage `json:"user_scenario"`
		}
		if err := json.Unmarshal(b, &tasks); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, task := range tasks {
			text, err := tauuser.ScenarioText(task.Scenario)
			if err != nil {
				t.Errorf("%s %s: %v", filepath.Base(f), task.ID, err)
				continue
			}
			n++
			byID[task.ID] = text
			var s struct{ Persona *string }
			json.Unmarshal(task.Scenario, &s)
			if strings.HasPrefix(text, "Persona:\n") != (s.Persona != nil) || !strings.Contains(text, "Instructions:\n\t") {
				t.Errorf("%s: header lines wrong: %.80q", task.ID, text)
			}
			for _, line := range strings.Split(text, "\n") {
				if line != "Persona:" && line != "Instructions:" && !strings.HasPrefix(line, "\t") && strings.TrimSpace(line) != "" {
					t.Errorf("%s: line not indented: %q", task.ID, line)
					break
				}
			}
		}
	}
	if n < 400 {
		t.Errorf("only %d tasks rendered", n)
	}
	if got, want := byID["create_task_1"], "Persona:\n\tProfessional and direct communicator who writes in a clear and concise style\nInstructions:\n\tYou are a team member who needs to create a task for an upcoming meeting. Your goal is to create a task to track this important meeting. Create a new task called 'Important Meeting' for user_1."; got != want {
		t.Errorf("mock create_task_1:\n got %q\nwant %q", got, want)
	}
	tel := byID["[mobile_data_issue]user_abroad_roaming_enabled_off[PERSONA:None]"]
	if !strings.HasPrefix(tel, "Instructions:\n\tDomain: telecom\n\tReason for call:\n\t\tYou mobile data is not working properly.") ||
		!strings.Contains(tel, "\n\tKnown info:\n\t\tYou are John Smith with phone number 555-123-2002. You are currently abroad in France.\n\tTask instructions:\n\t\tIf the agent suggests") ||
		strings.Contains(tel, "Unknown info:") {
		t.Errorf("telecom task rendered as %.400q", tel)
	}
}
