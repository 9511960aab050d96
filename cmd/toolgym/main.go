// Command toolgym runs multi-turn, tool-using LLM agents on benchmark
// suites, scores them, and serves the pieces (a scripted model server
// today; environments for RL trainers later). Run `toolgym --help`.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"

	_ "github.com/toolgym/toolgym/suite/bank" // the built-in demo suite
	_ "github.com/toolgym/toolgym/suite/bfcl" // BFCL multi-turn (needs --data)
	_ "github.com/toolgym/toolgym/suite/tau"  // tau-bench and tau2-bench (need --data)
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRoot()
	err := root.ExecuteContext(ctx)
	stopOnExit()
	if err != nil {
		fmt.Fprintln(os.Stderr, "toolgym:", err)
		os.Exit(1)
	}
}

// stopOnExit ends a --cpuprofile profile left running by a failed command.
var stopOnExit = func() {}

// stopProfile ends the CPU profile written to f, if any; later calls do
// nothing.
func stopProfile(f *os.File) error {
	if f == nil {
		return nil
	}
	pprof.StopCPUProfile()
	return f.Close()
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "toolgym",
		Short: "Run, score and serve multi-turn tool-using LLM agents",
		Long: `toolgym runs tool-using LLM agents on multi-turn benchmark suites and scores
them the way the reference harnesses do.

An episode is an agent (a model plus a strategy) talking to a user while it
calls the tools of an environment; toolgym records each one as a trajectory
(JSONL, see docs/trajectory.md) and a judge scores it against the task's gold.

Start here:
  toolgym run                      the demo suite against the built-in oracle, offline
  toolgym run --base-url http://localhost:8000/v1 --model Qwen/Qwen3-8B
                                   the same suite against any OpenAI-compatible server
  toolgym ls                       the suites and environments there are`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	var profile string
	var profFile *os.File
	root.PersistentFlags().StringVar(&profile, "cpuprofile", "", "write a CPU profile of the command to `FILE`, to read with `go tool pprof`")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if profile == "" {
			return nil
		}
		f, err := os.Create(profile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		profFile = f
		return nil
	}
	// Cobra skips post-runs when the command fails; stopProfile in main
	// covers that case.
	root.PersistentPostRunE = func(*cobra.Command, []string) error { return stopProfile(profFile) }
	stopOnExit = func() { stopProfile(profFile) }
	root.AddCommand(newRunCmd(), newLsCmd(), newScriptedServerCmd(), newConvertCmd(), newReplayCmd(), newRescoreCmd())
	return root
}
