package tau2judge_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tau2judge "github.com/toolgym/toolgym/judge/tau2"
)

// TestRefTmp compares full RewardInfo JSON with locally generated
// reference outputs (temporary; not committed).
func TestRefTmp(t *testing.T) {
	for _, s := range anchorSuites {
		t.Run(s.name, func(t *testing.T) {
			dir := filepath.Join("/tmp/refgen", s.domain)
			if _, err := os.Stat(dir); err != nil {
				t.Skip("no ref")
			}
			dom, tasks := suiteTasks(t, s)
			ev := &tau2judge.Evaluator{Domain: dom}
			ctx := context.Background()
			n, dbdiff := 0, 0
			for i := range tasks {
				task := &tasks[i]
				b, err := os.ReadFile(filepath.Join(dir, strings.ReplaceAll(task.ID, "/", "_")+".json"))
				if err != nil {
					continue
				}
				n++
				var ref struct {
					RewardInfo json.RawMessage      `json:"reward_info"`
					Messages   []tau2judge.Message `json:"messages"`
					RawMsgs    []json.RawMessage   `json:"-"`
				}
				if err := json.Unmarshal(b, &ref); err != nil {
					t.Fatal(err)
				}
				var rawMsgs struct {
					Messages []json.RawMessage `json:"messages"`
				}
				json.Unmarshal(b, &rawMsgs)
				// our oracle vs theirs
				sim, err := tau2judge.Oracle(ctx, dom, task)
				if err != nil {
					t.Errorf("%s: %v", task.ID, err)
					continue
				}
				if len(sim.Messages) != len(ref.Messages) {
					t.Errorf("%s: %d messages, ref %d", task.ID, len(sim.Messages), len(ref.Messages))
				} else {
					for j := range sim.Messages {
						a, b := sim.Messages[j], ref.Messages[j]
						ac, bc := "<nil>", "<nil>"
						if a.Content != nil {
							ac = *a.Content
						}
						if b.Content != nil {
							bc = *b.Content
						}
						if a.Role != b.Role || ac != bc || a.Error != b.Error || len(a.ToolCalls) != len(b.ToolCalls) {
							t.Errorf("%s: message %d differs:\n go  %s %q err=%v\n ref %s %q err=%v", task.ID, j, a.Role, ac, a.Error, b.Role, bc, b.Error)
						}
					}
				}
				// re-marshal reference messages: round trip of known fields
				for j, rm := range rawMsgs.Messages {
					out, _ := json.Marshal(ref.Messages[j])
					var x, y map[string]any
					json.Unmarshal(rm, &x)
					json.Unmarshal(out, &y)
					if !reflect.DeepEqual(x, y) {
						t.Errorf("%s: message %d round trip:\n %s\n %s", task.ID, j, rm, out)
					}
				}
				rsim := &tau2judge.SimulationRun{TaskID: task.ID, TerminationReason: tau2judge.UserStop, Messages: ref.Messages}
				info, err := ev.Evaluate(ctx, task, rsim, tau2judge.EvalAll)
				if err != nil {
					t.Errorf("%s: %v", task.ID, err)
					continue
				}
				got, _ := json.Marshal(info)
				var g, w map[string]any
				json.Unmarshal(got, &g)
				json.Unmarshal(ref.RewardInfo, &w)
				if len(info.NotEvaluated) > 0 {
					delete(g, "not_evaluated")
					delete(g, "nl_assertions")
					delete(w, "nl_assertions")
					delete(g["reward_breakdown"].(map[string]any), "NL_ASSERTION")
					delete(w["reward_breakdown"].(map[string]any), "NL_ASSERTION")
					g["info"].(map[string]any)["nl"] = nil
				}
				if !reflect.DeepEqual(g["db_check"], w["db_check"]) {
					dbdiff++
					delete(g, "db_check")
					delete(w, "db_check")
				}
				if !reflect.DeepEqual(g, w) {
					t.Errorf("%s: reward info differs:\n go  %s\n ref %s", task.ID, got, ref.RewardInfo)
				}
			}
			t.Logf("%d tasks compared, %d db_check differ", n, dbdiff)
		})
	}
}
