package run

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
)

// OracleModel is the model name under which the built-in oracle answers.
const OracleModel = "oracle"

// Options is everything `toolgym run` takes: which tasks, which model
// server, how to sample, how hard to push. The zero value (plus a suite
// name) runs the suite against the built-in oracle over loopback HTTP.
type Options struct {
	// Suite names a registered suite; Load options narrow its tasks.
	Suite string
	Load  suite.Options
	// TaskIDs keeps only these tasks; Limit keeps the first n (0: all).
	TaskIDs []string
	Limit   int

	// BaseURL is an OpenAI-compatible server ("http://localhost:8000/v1").
	// Empty starts the scripted oracle on loopback, which plays each
	// task's gold calls through the same HTTP path.
	BaseURL string
	// Model is the model name sent to the server.
	Model string
	// APIKeyEnv names the environment variable holding the API key
	// (default OPENAI_API_KEY).
	APIKeyEnv string
	// Timeout bounds each model request attempt; Retries bounds attempts
	// after the first (on 429, 5xx, timeouts, dropped connections): 0 means
	// the client's default (4), a negative value none.
	Timeout time.Duration
	Retries int

	// UserBaseURL and UserModel name the model that plays the user in
	// suites with simulated users (tau-bench): an OpenAI-compatible server
	// and the model it serves. Empty UserBaseURL means BaseURL; empty
	// UserModel means Model. With neither BaseURL nor UserBaseURL (the
	// built-in oracle), such suites use their scripted users.
	UserBaseURL, UserModel string
	// UserAPIKeyEnv names the environment variable holding the user
	// server's API key (default: APIKeyEnv).
	UserAPIKeyEnv string

	// JudgeBaseURL and JudgeModel name the model a suite's judge asks
	// (tau2's NL assertions; the reference uses gpt-4.1 at temperature 0):
	// empty JudgeBaseURL means BaseURL. Without JudgeModel such suites
	// report those checks as not evaluated.
	JudgeBaseURL, JudgeModel, JudgeAPIKeyEnv string

	// ToolParser, when set, names a text tool-call format (hermes,
	// pythonic, llama3, mistral) for models without native tool calls: the
	// tools go into the system prompt and calls are parsed from the text.
	ToolParser string

	// Settings are sent with every model request (temperature, seed,
	// tool choice, streaming, extra fields).
	Settings model.Request
	// MaxSteps bounds model calls per user turn (0: the suite's limit, or
	// agent.DefaultMaxSteps), MaxTurns user turns per episode.
	MaxSteps, MaxTurns int
	// ToolTimeout bounds each tool call.
	ToolTimeout time.Duration

	Concurrency int
	Trials      int
	Seed        int64
	// Output is the JSONL file for trajectories ("" writes none).
	Output string
	// Progress receives the progress display (nil: none).
	Progress io.Writer
}

// Eval loads a suite's tasks, connects to the model (or starts the
// oracle), runs every episode and returns the result. It is what
// `toolgym run` calls.
func Eval(ctx context.Context, o Options) (*Result, error) {
	s, err := suite.Lookup(o.Suite)
	if err != nil {
		return nil, err
	}
	if o.JudgeModel != "" {
		jm, ok := s.(suite.JudgeModels)
		if !ok {
			return nil, fmt.Errorf("suite %s judges without a model; --judge-model applies to suites such as tau2-retail", s.Name())
		}
		url, keyEnv := o.JudgeBaseURL, o.JudgeAPIKeyEnv
		if url == "" {
			url = o.BaseURL
		}
		if url == "" {
			return nil, fmt.Errorf("--judge-model needs --judge-base-url (or --base-url)")
		}
		if keyEnv == "" {
			keyEnv = o.APIKeyEnv
		}
		judge, err := openai.New(openai.Config{BaseURL: url, Model: o.JudgeModel, APIKeyEnv: keyEnv, Timeout: o.Timeout, MaxRetries: o.Retries})
		if err != nil {
			return nil, err
		}
		s = jm.WithJudge(judge, o.JudgeModel)
	}
	tasks, err := s.Load(ctx, o.Load)
	if err != nil {
		return nil, fmt.Errorf("loading suite %s: %w", s.Name(), err)
	}
	tasks, err = Select(tasks, o.TaskIDs, o.Limit)
	if err != nil {
		return nil, err
	}
	baseURL, modelName := o.BaseURL, o.Model
	if baseURL == "" {
		srv, err := scripted.Start(scripted.NewServer(scripted.NewOracle(tasks)))
		if err != nil {
			return nil, fmt.Errorf("starting the oracle model server: %w", err)
		}
		defer srv.Close()
		baseURL = srv.URL
		if modelName == "" {
			modelName = OracleModel
		}
	}
	if modelName == "" {
		return nil, fmt.Errorf("--model is required with --base-url (the name the server serves, e.g. Qwen/Qwen3-8B)")
	}
	client, err := openai.New(openai.Config{
		BaseURL: baseURL, Model: modelName, APIKeyEnv: o.APIKeyEnv, Timeout: o.Timeout, MaxRetries: o.Retries,
	})
	if err != nil {
		return nil, err
	}
	if o.Output != "" {
		if err := os.MkdirAll(filepath.Dir(o.Output), 0o755); err != nil {
			return nil, fmt.Errorf("creating output folder: %w", err)
		}
	}
	var m model.Model = client
	if o.ToolParser != "" {
		p, ok := toolcall.Lookup(o.ToolParser)
		if !ok {
			return nil, fmt.Errorf("unknown --tool-parser %q; parsers: %s", o.ToolParser, strings.Join(toolcall.Names(), ", "))
		}
		m = &toolcall.Model{Base: client, Parser: p}
	}
	userModel, err := o.userModel(s, baseURL, modelName)
	if err != nil {
		return nil, err
	}
	maxSteps := o.MaxSteps
	if sl, ok := s.(suite.StepLimits); ok && maxSteps == 0 {
		maxSteps = sl.MaxSteps()
	}
	ag := &agent.FunctionCalling{Model: m, MaxSteps: maxSteps, Settings: o.Settings, ToolTimeout: o.ToolTimeout}
	res, err := Run(ctx, Config{
		Suite: s, Tasks: tasks, Agent: ag, ModelName: modelName, AgentName: "function-calling", UserModel: userModel,
		Concurrency: o.Concurrency, Trials: o.Trials, MaxTurns: o.MaxTurns, Seed: o.Seed,
		Output: o.Output, Progress: o.Progress,
	})
	if err != nil || o.Output == "" {
		return res, err
	}
	if r, ok := s.(suite.Reporter); ok {
		if res.Reports, err = r.WriteReports(o.Output); err != nil {
			return res, fmt.Errorf("writing %s reports: %w", s.Name(), err)
		}
	}
	return res, nil
}

// Select keeps the tasks named in ids (all when ids is empty), in the
// suite's order, then the first limit of them (all when limit is 0). An id
// that matches no task is an error naming it.
func Select(tasks []task.Task, ids []string, limit int) ([]task.Task, error) {
	if len(ids) > 0 {
		var out []task.Task
		found := map[string]bool{}
		for _, t := range tasks {
			if slices.Contains(ids, t.ID) {
				out = append(out, t)
				found[t.ID] = true
			}
		}
		var missing []string
		for _, id := range ids {
			if !found[id] {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("no task with id %s (see `toolgym ls --tasks`)", strings.Join(missing, ", "))
		}
		tasks = out
	}
	if limit > 0 && limit < len(tasks) {
		tasks = tasks[:limit]
	}
	return tasks, nil
}

// ParseExtra reads --extra: a JSON object merged into every request body.
func ParseExtra(s string) (map[string]any, error) {
	if s == "" {
		return nil, nil
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf(`--extra must be a JSON object such as '{"top_k": 20}': %w`, err)
	}
	return m, nil
}

// userModel connects to the model that plays simulated users, when the
// suite has them and a user model was asked for (or a real agent model is
// used, whose server then plays the user too).
func (o Options) userModel(s suite.Suite, agentURL, agentModel string) (model.Model, error) {
	if _, ok := s.(suite.SimulatedUsers); !ok {
		if o.UserBaseURL != "" || o.UserModel != "" {
			return nil, fmt.Errorf("suite %s has no simulated users; --user-model and --user-base-url apply to suites such as tau-retail", s.Name())
		}
		return nil, nil
	}
	if o.BaseURL == "" && o.UserBaseURL == "" && o.UserModel == "" {
		return nil, nil // the oracle run: scripted users
	}
	url, name, keyEnv := o.UserBaseURL, o.UserModel, o.UserAPIKeyEnv
	if url == "" {
		if o.BaseURL == "" {
			return nil, fmt.Errorf("--user-model needs --user-base-url when the agent is the built-in oracle")
		}
		url = agentURL
	}
	if name == "" {
		name = agentModel
	}
	if keyEnv == "" {
		keyEnv = o.APIKeyEnv
	}
	return openai.New(openai.Config{BaseURL: url, Model: name, APIKeyEnv: keyEnv, Timeout: o.Timeout, MaxRetries: o.Retries})
}
