package bfcl_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
	"github.com/toolgym/toolgym/trajectory"
)

func keysOf(t *testing.T, line string) []string {
	t.Helper()
	v, err := pyval.FromJSON([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range v.(*pyval.Dict).Keys() {
		out = append(out, k.(string))
	}
	return out
}

func TestWriteScoreFiles(t *testing.T) {
	_, entries := loadSuite(t, "base", "miss_func")
	judge := func(id string, edit func([][]bfclsuite.Step) [][]bfclsuite.Step) *bfclsuite.Verdict {
		e := entry(t, entries, id)
		v, err := bfclsuite.Judge(t.Context(), e, bfclsuite.ModelResultOf(trajectoryOf(e, edit(goldSteps(t, e)))), bfclsuite.JudgeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	same := func(s [][]bfclsuite.Step) [][]bfclsuite.Step { return s }
	verdicts := []*bfclsuite.Verdict{
		judge("multi_turn_base_54", same),
		judge("multi_turn_base_53", func(s [][]bfclsuite.Step) [][]bfclsuite.Step { return s[:2] }),
		judge("multi_turn_base_52", func(s [][]bfclsuite.Step) [][]bfclsuite.Step {
			s[0][0].Calls = s[0][0].Calls[:1]
			return s
		}),
		judge("multi_turn_miss_func_52", func(s [][]bfclsuite.Step) [][]bfclsuite.Step {
			s[1] = nil
			return s
		}),
	}
	dir := t.TempDir()
	paths, err := bfclsuite.WriteScoreFiles(dir, "org/model-x", verdicts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "BFCL_v4_multi_turn_base_score.json"), filepath.Join(dir, "BFCL_v4_multi_turn_miss_func_score.json")}
	if strings.Join(paths, ",") != strings.Join(want, ",") {
		t.Fatalf("paths %v, want %v", paths, want)
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want the header and 2 failed entries", len(lines))
	}
	if lines[0] != `{"accuracy": 0.3333333333333333, "correct_count": 1, "total_count": 3}` {
		t.Errorf("header %s", lines[0])
	}
	// Failed entries in id order, in the reference's layout.
	if !strings.HasPrefix(lines[1], `{"id": "multi_turn_base_52", "model_name": "org_model-x", "test_category": "multi_turn_base", "valid": false, "error": {"error_message": "Model instance for VehicleControlAPI does not match the state with ground truth instance.", "error_type": "multi_turn:instance_state_mismatch", "details": {"differences": {"engine_state": {"model": "stopped", "ground_truth": "running"}}, "model_instance_state": {`) {
		t.Errorf("state-mismatch line %s", clip(lines[1]))
	}
	if got := strings.Join(keysOf(t, lines[1]), ","); got != "id,model_name,test_category,valid,error,prompt,model_result_raw,model_result_decoded,possible_answer,inference_log" {
		t.Errorf("state-mismatch line keys %s", got)
	}
	if got := strings.Join(keysOf(t, lines[2]), ","); got != "id,model_name,test_category,valid,error,prompt,model_result,possible_answer,inference_log" {
		t.Errorf("force-terminated line keys %s", got)
	}
	if !strings.Contains(lines[2], `"error": {"error_message": ["Model was force-terminated during inference phase. The length of the model result turns (2) does not match the length of the ground truth turns (4)."], "error_type": "multi_turn:force_terminated"}`) {
		t.Errorf("force-terminated line %s", clip(lines[2]))
	}
	line, _ := pyval.FromJSON([]byte(lines[1]))
	errObj, _ := line.(*pyval.Dict).Get("error")
	var errKeys []string
	for _, k := range errObj.(*pyval.Dict).Keys() {
		errKeys = append(errKeys, k.(string))
	}
	if strings.Join(errKeys, ",") != "error_message,error_type,details,execution_result" {
		t.Errorf("error keys %v", errKeys)
	}
	prompt, _ := line.(*pyval.Dict).Get("prompt")
	if pd := prompt.(*pyval.Dict); pd.Has("function") || !pd.Has("initial_config") || !pd.Has("question") {
		t.Errorf("prompt keys %v", pd.Keys())
	}
	if !strings.Contains(lines[1], `"possible_answer": [["pressBrakePedal(pedalPosition=1.0)", "startEngine(ignitionMode='START')"], `) {
		t.Errorf("possible answer missing in %s", clip(lines[1]))
	}

	b, err = os.ReadFile(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	mf := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(mf) != 2 || mf[0] != `{"accuracy": 0.0, "correct_count": 0, "total_count": 1}` ||
		!strings.Contains(mf[1], `"error_type": "multi_turn:empty_turn_model_response"`) ||
		!strings.Contains(mf[1], `"missed_function": {"1": [{"name": "startEngine", "description": "This tool belongs to the vehicle control system`) {
		t.Errorf("miss_func score file:\n%s", clip(string(b)))
	}
}

func TestScoreFileNames(t *testing.T) {
	if got := bfclsuite.ScoreFileName("multi_turn_long_context"); got != "BFCL_v4_multi_turn_long_context_score.json" {
		t.Error(got)
	}
	if got := bfclsuite.ScoreFileName("miss_param"); got != "BFCL_v4_multi_turn_miss_param_score.json" {
		t.Error(got)
	}
	if got := bfclsuite.RunScoreDir("results/bfcl-multi-turn-20260101-120000.jsonl"); got != "results/bfcl-multi-turn-20260101-120000" {
		t.Error(got)
	}
	if got := bfclsuite.RunScoreDir("results/run"); got != "results/run.score" {
		t.Error(got)
	}
	if got := bfclsuite.ModelDirName("Qwen/Qwen3-8B"); got != "Qwen_Qwen3-8B" {
		t.Error(got)
	}
}

// A run's score files count an episode that errored before it was scored
// as an inference error, and leave canceled episodes out.
func TestWriteRunScoreFiles(t *testing.T) {
	s, entries := loadSuite(t, "base")
	e := entry(t, entries, mutated)
	tk, err := e.Task()
	if err != nil {
		t.Fatal(err)
	}
	scored := trajectoryOf(e, goldSteps(t, e))
	sc, err := s.Score(t.Context(), &tk, scored, nil)
	if err != nil {
		t.Fatal(err)
	}
	scored.Verdict = sc.Verdict
	errored := trajectoryOf(e, nil)
	errored.ID, errored.TaskID, errored.Status = "x", "multi_turn_base_7", trajectory.StatusErrored
	errored.Error = &trajectory.Error{Kind: "env", Message: "no such class"}
	canceled := trajectoryOf(e, nil)
	canceled.ID, canceled.TaskID, canceled.Status = "y", "multi_turn_base_8", trajectory.StatusCanceled
	other := trajectoryOf(e, nil)
	other.ID, other.Suite = "z", "bank"

	path := filepath.Join(t.TempDir(), "run.jsonl")
	w, err := trajectory.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range []*trajectory.Trajectory{scored, errored, canceled, other} {
		if err := w.Write(tr); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	dir, paths, err := bfclsuite.WriteRunScoreFiles(path)
	if err != nil {
		t.Fatal(err)
	}
	if dir != strings.TrimSuffix(path, ".jsonl") || len(paths) != 1 {
		t.Fatalf("%s %v", dir, paths)
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 2 || lines[0] != `{"accuracy": 0.5, "correct_count": 1, "total_count": 2}` ||
		!strings.HasPrefix(lines[1], `{"id": "multi_turn_base_7", "model_name": "test_model", "test_category": "multi_turn_base", "valid": false, "error": {"error_message": ["Error during inference phase. Model did not output a list of model responses."], "error_type": "multi_turn:inference_error"}, "prompt": null, "model_result": "Error during inference: env: no such class"`) {
		t.Errorf("score file:\n%s", b)
	}
}
