package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/spf13/cobra"

	"github.com/toolgym/toolgym/suite"
)

func newReplayCmd() *cobra.Command {
	var (
		o          suite.Options
		name       string
		categories string
		dump       string
		jsonOut    bool
		show       int
	)
	cmd := &cobra.Command{
		Use:   "replay",
		Short: "Replay a suite's ground truth through its judge (a self-check of the envs)",
		Long: `Replay every task's ground truth on fresh envs, as if a model had made the
gold calls, and score it with the suite's own judge: every task should pass.
It checks toolgym's re-implemented environments and judge against the
suite's data, with no model involved.

With --dump DIR, each task's per-turn states are written under DIR (for
bfcl-multi-turn: DIR/<category>/<id>.json in the format of the reference
replay anchors), to diff against the reference harness's.

The command exits non-zero when any task fails.`,
		Example: `  toolgym replay --suite bfcl-multi-turn --data gorilla/berkeley-function-call-leaderboard/bfcl_eval/data
  toolgym replay --suite bfcl-multi-turn --data DIR --category base,miss_func --dump states/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// A replay is short and allocates much that lives briefly:
			// collect garbage seldom (the heap may grow to 17 times what
			// is live; the replays of the built-in suites stay under
			// 100 MB), but keep the heap near 1 GiB should a replay hold
			// much more. GOGC and GOMEMLIMIT, when set, decide instead.
			if os.Getenv("GOGC") == "" {
				debug.SetGCPercent(1600)
			}
			if os.Getenv("GOMEMLIMIT") == "" {
				debug.SetMemoryLimit(1 << 30)
			}
			s, err := suite.Lookup(name)
			if err != nil {
				return err
			}
			r, ok := s.(suite.Replayer)
			if !ok {
				return fmt.Errorf("suite %s cannot replay its ground truth (replayable suites implement suite.Replayer)", name)
			}
			if categories != "" {
				o.Categories = splitList(categories)
			}
			rep, err := r.Replay(cmd.Context(), o, dump)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if jsonOut {
				b, err := json.MarshalIndent(rep, "", "  ")
				if err != nil {
					return err
				}
				fmt.Fprintln(out, string(b))
			} else {
				writeReplayReport(cmd, name, rep, show)
			}
			if dump != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "states: %s\n", dump)
			}
			if rep.Passed != rep.Tasks {
				return fmt.Errorf("%d of %d tasks failed their own gold", rep.Tasks-rep.Passed, rep.Tasks)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&name, "suite", "bfcl-multi-turn", "suite whose ground truth to replay")
	f.StringVar(&o.DataDir, "data", "", "folder holding the suite's downloaded data")
	f.StringVar(&categories, "category", "", "comma-separated categories to replay (default: all)")
	f.StringVar(&o.Split, "split", "", "split to replay (suites that have them)")
	f.StringVar(&dump, "dump", "", "folder to write each task's per-turn states to")
	f.BoolVar(&jsonOut, "json", false, "print the report as JSON")
	f.IntVar(&show, "show", 20, "failures to list (the rest are counted)")
	return cmd
}

func writeReplayReport(cmd *cobra.Command, name string, rep *suite.ReplayReport, show int) {
	out := cmd.OutOrStdout()
	t := table.NewWriter()
	t.SetOutputMirror(out)
	t.SetStyle(table.StyleRounded)
	t.SetTitle("toolgym replay: " + name)
	t.AppendHeader(table.Row{"category", "tasks", "passed", "failed"})
	right := text.AlignRight
	t.SetColumnConfigs([]table.ColumnConfig{{Number: 2, Align: right}, {Number: 3, Align: right}, {Number: 4, Align: right}})
	for _, c := range slices.Sorted(maps.Keys(rep.ByCategory)) {
		n := rep.ByCategory[c]
		t.AppendRow(table.Row{c, n[0], n[1], n[0] - n[1]})
	}
	t.AppendSeparator()
	t.AppendRow(table.Row{"all", rep.Tasks, rep.Passed, rep.Tasks - rep.Passed})
	t.Render()
	secs := rep.Duration.Seconds()
	rate := func(n int) float64 {
		if secs <= 0 {
			return 0
		}
		return float64(n) / secs
	}
	fmt.Fprintf(out, "%d turns, %d gold calls in %s (%.0f tasks/s, %.0f calls/s)\n",
		rep.Turns, rep.Calls, rep.Duration.Round(time.Millisecond), rate(rep.Tasks), rate(rep.Calls))
	for i, f := range rep.Failures {
		if i == show {
			fmt.Fprintf(out, "  ... and %d more\n", len(rep.Failures)-show)
			break
		}
		fmt.Fprintf(out, "  FAIL %s\n", f)
	}
}
