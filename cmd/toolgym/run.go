package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/toolgym/toolgym/run"
)

func newRunCmd() *cobra.Command {
	var (
		o           run.Options
		tasks       string
		categories  string
		temperature float64
		seed        int64
		parallel    string
		extra       string
		jsonOut     bool
		failUnder   float64
	)
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run a model on a suite and score it",
		Long: `Run every task of a suite (for --trials trials each) with --concurrency
episodes in flight, write each trajectory to --out as it finishes, and print a
summary table.

With no --base-url, toolgym starts its scripted oracle model server on
loopback: it answers over real OpenAI-compatible HTTP by playing each task's
gold calls, so the whole stack runs offline and should score 100%.

With --base-url and --model, the agent talks to that server: vLLM, SGLang,
llama.cpp, Ollama or OpenAI. The API key is read from $OPENAI_API_KEY (or the
variable --api-key-env names). Failed requests are retried on 429, 5xx,
timeouts and dropped connections with exponential backoff; an episode whose
backend fails for good is recorded as errored, and the run goes on.

Ctrl-C stops starting new episodes, ends those in flight as canceled, and
keeps every finished episode in --out.`,
		Example: `  toolgym run
  toolgym run --suite bank --trials 4 --concurrency 16
  toolgym run --base-url http://localhost:8000/v1 --model Qwen/Qwen3-8B --temperature 0.6 --stream
  toolgym run --base-url https://api.openai.com/v1 --model gpt-4o-mini --tasks bank-001,bank-002
  toolgym run --base-url http://localhost:30000/v1 --model m --extra '{"top_k": 20}'
  toolgym run --base-url http://localhost:8080/v1 --model base-model --tool-parser hermes
  toolgym run --suite tau-retail --data tau --base-url http://localhost:8000/v1 --model m \
      --user-base-url https://api.openai.com/v1 --user-model gpt-4o --trials 4`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if tasks != "" {
				o.TaskIDs = splitList(tasks)
			}
			if categories != "" {
				o.Load.Categories = splitList(categories)
			}
			if cmd.Flags().Changed("temperature") {
				o.Settings.Temperature = &temperature
			}
			if cmd.Flags().Changed("seed") {
				o.Settings.Seed = &seed
				o.Seed = seed
			}
			switch parallel {
			case "":
			case "true", "false":
				b := parallel == "true"
				o.Settings.ParallelToolCalls = &b
			default:
				return fmt.Errorf("--parallel-tool-calls takes true or false, not %q", parallel)
			}
			if o.Retries == 0 {
				o.Retries = -1 // the flag's 0 means none; the library's 0 means its default
			}
			var err error
			if o.Settings.Extra, err = run.ParseExtra(extra); err != nil {
				return err
			}
			if o.Output == "" {
				o.Output = filepath.Join("results", fmt.Sprintf("%s-%s.jsonl", o.Suite, time.Now().Format("20060102-150405")))
			} else if o.Output == "-" || o.Output == "none" {
				o.Output = ""
			}
			o.Progress = cmd.ErrOrStderr()
			res, err := run.Eval(cmd.Context(), o)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if jsonOut {
				b, err := res.JSON()
				if err != nil {
					return err
				}
				fmt.Fprintln(out, string(b))
			} else {
				res.Summary.WriteTable(out)
			}
			if o.Output != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "trajectories: %s\n", o.Output)
				if res.Reports != "" {
					fmt.Fprintf(cmd.ErrOrStderr(), "%s reports: %s\n", o.Suite, res.Reports)
				}
			}
			if cmd.Flags().Changed("fail-under") && res.Summary.SuccessRate < failUnder {
				return fmt.Errorf("success rate %.3f is under --fail-under %.3f", res.Summary.SuccessRate, failUnder)
			}
			if res.Canceled {
				return fmt.Errorf("run stopped early: %d of %d episodes finished (all kept in the output, the canceled ones marked so)", res.Summary.Scored, res.Summary.Planned)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Suite, "suite", "bank", "suite to run (see `toolgym ls`)")
	f.StringVar(&o.Load.DataDir, "data", "", "folder holding the suite's downloaded data (suites that need it)")
	f.StringVar(&categories, "category", "", "comma-separated categories of the suite to run")
	f.StringVar(&o.Load.Split, "split", "", "split of the suite to run (suites that have them)")
	f.StringVar(&tasks, "tasks", "", "comma-separated task ids to run (default: all)")
	f.IntVar(&o.Limit, "limit", 0, "run only the first N tasks")
	f.StringVar(&o.BaseURL, "base-url", "", "OpenAI-compatible server, e.g. http://localhost:8000/v1 (default: the built-in oracle)")
	f.StringVar(&o.Model, "model", "", "model name to request (required with --base-url)")
	f.StringVar(&o.APIKeyEnv, "api-key-env", "OPENAI_API_KEY", "environment variable holding the API key")
	f.DurationVar(&o.Timeout, "timeout", 120*time.Second, "timeout of each model request attempt")
	f.IntVar(&o.Retries, "retries", 4, "retries of a failed model request (429, 5xx, timeouts, dropped connections)")
	f.Float64Var(&temperature, "temperature", 0, "sampling temperature (default: the server's)")
	f.Int64Var(&seed, "seed", 0, "sampling seed sent to the server and recorded in trajectories")
	f.IntVar(&o.Settings.MaxTokens, "max-tokens", 0, "max completion tokens per model call (default: the server's)")
	f.StringVar(&o.Settings.ToolChoice, "tool-choice", "", "auto, none, required, or a tool name (default: the server's)")
	f.StringVar(&parallel, "parallel-tool-calls", "", "true or false: allow several tool calls per message (default: the server's)")
	f.StringVar(&o.UserBaseURL, "user-base-url", "", "OpenAI-compatible server of the simulated user's model, for suites with simulated users (tau-*; default: --base-url)")
	f.StringVar(&o.UserModel, "user-model", "", "model that plays the simulated user (default: --model)")
	f.StringVar(&o.UserAPIKeyEnv, "user-api-key-env", "", "environment variable holding the user server's API key (default: --api-key-env)")
	f.StringVar(&o.JudgeModel, "judge-model", "", "model that judges natural-language assertions (tau2's NL_ASSERTION; the reference uses gpt-4.1-2025-04-14); without it they are reported as not evaluated")
	f.StringVar(&o.JudgeBaseURL, "judge-base-url", "", "OpenAI-compatible server of the judge model (default: --base-url)")
	f.StringVar(&o.JudgeAPIKeyEnv, "judge-api-key-env", "", "environment variable holding the judge server's API key (default: --api-key-env)")
	f.StringVar(&o.ToolParser, "tool-parser", "", "for models without native tool calls: hermes, pythonic, llama3 or mistral (tools go in the prompt, calls are parsed from text)")
	f.BoolVar(&o.Settings.Stream, "stream", false, "stream replies (SSE) instead of waiting for whole ones")
	f.StringVar(&extra, "extra", "", `JSON object merged into every request body, e.g. '{"top_k": 20}'`)
	f.IntVar(&o.MaxSteps, "max-steps", 0, "model calls per user turn before the turn is cut (default: the suite's reference limit, else 20)")
	f.IntVar(&o.MaxTurns, "max-turns", 0, "user turns per episode before it is cut (default 100)")
	f.DurationVar(&o.ToolTimeout, "tool-timeout", 0, "timeout of each tool call (default none)")
	f.IntVar(&o.Concurrency, "concurrency", 8, "episodes in flight at once")
	f.IntVar(&o.Trials, "trials", 1, "times each task is run")
	f.StringVar(&o.Output, "out", "", `trajectories JSONL file (default results/<suite>-<time>.jsonl; "none" writes none)`)
	f.BoolVar(&jsonOut, "json", false, "print the result as JSON instead of a table")
	f.Float64Var(&failUnder, "fail-under", 0, "exit with an error when the success rate is under this (0..1), for CI")
	return cmd
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
