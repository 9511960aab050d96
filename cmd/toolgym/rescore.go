package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/toolgym/toolgym/suite"
)

func newRescoreCmd() *cobra.Command {
	var (
		o       suite.Options
		name    string
		jsonOut bool
		show    int
	)
	cmd := &cobra.Command{
		Use:   "rescore FILE",
		Short: "Recompute the rewards of runs recorded by a suite's reference harness",
		Long: `Read runs recorded by the suite's reference harness (tau-bench's
historical_trajectories/*.json results format), replay each run's tool calls
on toolgym's environment, and recompute its reward with toolgym's judge. The
report counts the runs whose recorded reward toolgym reproduces and explains
every one it does not (a conversation cut by the step limit, gold data that
changed since the run, tool observations rendered differently).

The command exits non-zero when any reward differs.`,
		Example: `  toolgym rescore --suite tau-airline --data tau-bench tau-bench/historical_trajectories/gpt-4o-airline.json`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := suite.Lookup(name)
			if err != nil {
				return err
			}
			r, ok := s.(suite.Rescorer)
			if !ok {
				return fmt.Errorf("suite %s cannot rescore recorded runs (suites that can implement suite.Rescorer: tau-retail, tau-airline)", name)
			}
			rep, err := r.Rescore(cmd.Context(), o, args[0])
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
				fmt.Fprintf(out, "%s: %d recorded runs, %d rewards reproduced, %d differ\n", name, rep.Records, rep.Agree, len(rep.Mismatches))
				list := func(title string, lines []string) {
					for i, l := range lines {
						if i == 0 {
							fmt.Fprintln(out, title)
						}
						if i == show {
							fmt.Fprintf(out, "  ... and %d more\n", len(lines)-show)
							break
						}
						fmt.Fprintln(out, "  "+l)
					}
				}
				list("differences in reward:", rep.Mismatches)
				list("other differences:", rep.Notes)
			}
			if len(rep.Mismatches) > 0 {
				return fmt.Errorf("%d of %d recorded rewards differ", len(rep.Mismatches), rep.Records)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&name, "suite", "tau-airline", "suite whose reference recorded the runs")
	f.StringVar(&o.DataDir, "data", "", "folder holding the suite's data")
	f.StringVar(&o.Split, "split", "", "split the runs were made on (default test)")
	f.BoolVar(&jsonOut, "json", false, "print the full report as JSON")
	f.IntVar(&show, "show", 20, "lines to list per section (the rest are counted)")
	return cmd
}
