package main

import (
	"fmt"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/suite"
)

func newLsCmd() *cobra.Command {
	var showTasks bool
	var data string
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List suites and environments (and with --tasks, each suite's tasks)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			t := table.NewWriter()
			t.SetOutputMirror(out)
			t.SetStyle(table.StyleRounded)
			t.SetTitle("suites")
			t.AppendHeader(table.Row{"suite", "tasks", "description"})
			for _, name := range suite.Names() {
				s, _ := suite.Lookup(name)
				n := "?"
				tasks, err := s.Load(cmd.Context(), suite.Options{DataDir: data})
				if err == nil {
					n = fmt.Sprint(len(tasks))
				}
				t.AppendRow(table.Row{name, n, s.Description()})
				if showTasks && err == nil {
					for _, tk := range tasks {
						first := ""
						if len(tk.Turns) > 0 {
							first = tk.Turns[0].User
						}
						if len(first) > 70 {
							first = first[:67] + "..."
						}
						t.AppendRow(table.Row{"  " + tk.ID, len(tk.Turns), first})
					}
				}
			}
			t.Render()
			e := table.NewWriter()
			e.SetOutputMirror(out)
			e.SetStyle(table.StyleRounded)
			e.SetTitle("environments")
			e.AppendHeader(table.Row{"env", "tools", "description"})
			for _, info := range env.All() {
				n := "?"
				if inst, err := info.New(nil); err == nil {
					n = fmt.Sprint(len(inst.Tools()))
				}
				e.AppendRow(table.Row{info.Name, n, info.Description})
			}
			e.Render()
			return nil
		},
	}
	cmd.Flags().BoolVar(&showTasks, "tasks", false, "list every task of each suite (id, user turns, first message)")
	cmd.Flags().StringVar(&data, "data", "", "data folder for suites that need one")
	return cmd
}
