package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/suite"
)

func newScriptedServerCmd() *cobra.Command {
	var addr, fixture, suiteName, data string
	cmd := &cobra.Command{
		Use:   "scripted-server",
		Short: "Serve a scripted OpenAI-compatible model (the gold oracle, or a fixture file)",
		Long: `Start an OpenAI-compatible chat-completions server that answers from a script
instead of a model, streaming included.

By default it is the oracle of a suite: for any conversation of one of the
suite's tasks it answers with the task's gold tool calls, step by step, then
with the gold reply. With --fixture it replays the replies of a fixture file in
order (per model name), faults included: 429s, 5xx, delays, truncated streams,
malformed bodies, dropped connections. See docs/scripted-fixtures.md.

Point any OpenAI client at it, toolgym's own included:
  toolgym scripted-server --addr 127.0.0.1:8080 &
  toolgym run --base-url http://127.0.0.1:8080/v1 --model oracle`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var src scripted.Source
			if fixture != "" {
				f, err := scripted.LoadFixture(fixture)
				if err != nil {
					return err
				}
				src = f
			} else {
				s, err := suite.Lookup(suiteName)
				if err != nil {
					return err
				}
				tasks, err := s.Load(cmd.Context(), suite.Options{DataDir: data})
				if err != nil {
					return fmt.Errorf("loading suite %s: %w", suiteName, err)
				}
				src = scripted.NewOracle(tasks)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "serving an OpenAI-compatible API at http://%s/v1 (Ctrl-C stops)\n", addr)
			return scripted.ListenAndServe(cmd.Context(), addr, scripted.NewServer(src))
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.StringVar(&fixture, "fixture", "", "fixture file to replay instead of the oracle")
	f.StringVar(&suiteName, "suite", "bank", "suite whose gold the oracle plays")
	f.StringVar(&data, "data", "", "data folder for suites that need one")
	return cmd
}
