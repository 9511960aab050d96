package bfcl

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/trajectory"
)

// ScoreFileName returns the reference's score file name for a category
// ("base" or "multi_turn_base"): BFCL_v4_multi_turn_base_score.json.
func ScoreFileName(category string) string {
	return VersionPrefix + "_multi_turn_" + shortCategory(category) + "_score.json"
}

// ModelDirName is the reference's form of a model name in score files
// and folders: "/" becomes "_".
func ModelDirName(model string) string { return strings.ReplaceAll(model, "/", "_") }

// WriteScoreFiles writes, into dir, one score file per category among the
// results, in the reference's shape (eval_runner_helper.py
// save_eval_results): JSON Lines, the first line
// {"accuracy", "correct_count", "total_count"}, then one line per failed
// entry, in id order: {"id", "model_name", "test_category", "valid",
// "error", "prompt", "model_result_raw", "model_result_decoded",
// "possible_answer", "inference_log"} ("model_result" instead of the raw
// and decoded results for a force-terminated or inference-error entry),
// written as json.dumps(..., ensure_ascii=False). It returns the paths
// written, in the suite's category order.
func WriteScoreFiles(dir, model string, results []*Verdict) ([]string, error) {
	byCat := map[string][]*Verdict{}
	for _, v := range results {
		c := shortCategory(v.TestCategory)
		byCat[c] = append(byCat[c], v)
	}
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Slice(cats, func(i, j int) bool { return categoryRank(cats[i]) < categoryRank(cats[j]) })
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bfcl score files: %w", err)
	}
	var paths []string
	for _, c := range cats {
		path := filepath.Join(dir, ScoreFileName(c))
		b, err := scoreFile(ModelDirName(model), byCat[c])
		if err != nil {
			return paths, fmt.Errorf("bfcl score file %s: %w", path, err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return paths, fmt.Errorf("bfcl score files: %w", err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

func categoryRank(c string) int {
	if i := slices.Index(Categories, c); i >= 0 {
		return i
	}
	return len(Categories)
}

// scoreFile renders one category's score file.
func scoreFile(model string, vs []*Verdict) ([]byte, error) {
	vs = slices.Clone(vs)
	sort.SliceStable(vs, func(i, j int) bool { return entryIndex(vs[i].ID) < entryIndex(vs[j].ID) })
	correct := 0
	for _, v := range vs {
		if v.Valid {
			correct++
		}
	}
	header := pyval.DictOf(
		"accuracy", float64(correct)/float64(len(vs)),
		"correct_count", int64(correct),
		"total_count", int64(len(vs)),
	)
	b, err := pyval.AppendJSON(nil, header, false)
	if err != nil {
		return nil, err
	}
	b = append(b, '\n')
	for _, v := range vs {
		if v.Valid {
			continue
		}
		line := pyval.DictOf(
			"id", v.ID,
			"model_name", model,
			"test_category", v.TestCategory,
			"valid", false,
		)
		parts := []part{{"error", v.Error}, {"prompt", v.Prompt}}
		if len(v.ModelResult) > 0 {
			parts = append(parts, part{"model_result", v.ModelResult})
		} else {
			parts = append(parts, part{"model_result_raw", v.ModelResultRaw}, part{"model_result_decoded", v.ModelResultDecoded})
		}
		parts = append(parts, part{"possible_answer", v.PossibleAnswer})
		for _, p := range parts {
			var val pyval.Value
			if len(p.raw) > 0 {
				// Re-read the stored JSON so the line is written in the
				// reference's layout whatever compacted it on the way.
				if val, err = pyval.FromJSON(p.raw); err != nil {
					return nil, fmt.Errorf("%s: %s: %w", v.ID, p.key, err)
				}
			}
			line.Set(p.key, val)
		}
		line.Set("inference_log", "")
		if b, err = pyval.AppendJSON(b, line, false); err != nil {
			return nil, fmt.Errorf("%s: %w", v.ID, err)
		}
		b = append(b, '\n')
	}
	return b, nil
}

// part is one stored piece of a score-file line.
type part struct {
	key string
	raw json.RawMessage
}

// entryIndex is the number after the id's last "_" (the reference's
// sort_key).
func entryIndex(id string) int {
	id, _, _ = strings.Cut(id, ":")
	i := strings.LastIndexByte(id, '_')
	n, err := strconv.Atoi(id[i+1:])
	if err != nil {
		return -1
	}
	return n
}

// RunScoreDir is the folder the score files of a run go to: the
// trajectories file's path without its extension ("results/run.jsonl"
// gives "results/run"), or with ".score" added when it has none.
func RunScoreDir(trajectories string) string {
	if ext := filepath.Ext(trajectories); ext != "" {
		return strings.TrimSuffix(trajectories, ext)
	}
	return trajectories + ".score"
}

// unscored is the verdict on an episode that failed before it could be
// scored (its env could not be built, say): an inference error, as the
// reference counts an entry whose inference failed.
func unscored(tr *trajectory.Trajectory) Verdict {
	msg := "the episode failed"
	if tr.Error != nil {
		msg = tr.Error.Kind + ": " + tr.Error.Message
	}
	cat := tr.TaskID
	if i := strings.LastIndexByte(cat, '_'); i > 0 {
		cat = cat[:i]
	}
	v := Verdict{ID: tr.TaskID, TestCategory: cat}
	v.fail(TypeInferenceError, "Error during inference phase. Model did not output a list of model responses.", nil)
	v.Error = mustJSON(pyval.DictOf("error_message", []pyval.Value{v.ErrorMessage}, "error_type", v.ErrorType))
	v.ModelResult = mustJSON("Error during inference: " + msg)
	return v
}

// WriteReports implements suite.Reporter with WriteRunScoreFiles.
func (s *Suite) WriteReports(trajectoriesPath string) (string, error) {
	dir, _, err := WriteRunScoreFiles(trajectoriesPath)
	return dir, err
}

// WriteRunScoreFiles reads a run's trajectories file and writes the score
// files of its bfcl-multi-turn (and bfcl-multi-turn-prompting) episodes into [RunScoreDir] (one subfolder
// per model, named by [ModelDirName], when the file holds several
// models). An episode that errored before it was scored counts as an
// inference error; canceled episodes are left out. It returns the folder
// and the files written; with no BFCL episode it writes nothing and
// returns "".
func WriteRunScoreFiles(trajectories string) (string, []string, error) {
	trs, err := trajectory.ReadFile(trajectories)
	if err != nil {
		return "", nil, err
	}
	byModel := map[string][]*Verdict{}
	var models []string
	for _, tr := range trs {
		if tr.Suite != Name && tr.Suite != NamePrompting {
			continue
		}
		var v Verdict
		switch {
		case len(tr.Verdict) > 0:
			if err := json.Unmarshal(tr.Verdict, &v); err != nil {
				return "", nil, fmt.Errorf("bfcl: verdict of %s: %w", tr.ID, err)
			}
		case tr.Status == trajectory.StatusErrored:
			v = unscored(tr)
		default:
			continue
		}
		if _, ok := byModel[tr.Model]; !ok {
			models = append(models, tr.Model)
		}
		byModel[tr.Model] = append(byModel[tr.Model], &v)
	}
	if len(models) == 0 {
		return "", nil, nil
	}
	dir := RunScoreDir(trajectories)
	var all []string
	for _, m := range models {
		d := dir
		if len(models) > 1 {
			d = filepath.Join(dir, ModelDirName(m))
		}
		paths, err := WriteScoreFiles(d, m, byModel[m])
		all = append(all, paths...)
		if err != nil {
			return dir, all, err
		}
	}
	return dir, all, nil
}
