package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/toolgym/toolgym/trajectory"
)

func newConvertCmd() *cobra.Command {
	var to, out string
	var successOnly bool
	cmd := &cobra.Command{
		Use:   "convert TRAJECTORIES.jsonl",
		Short: "Convert trajectories to another format (OpenAI messages JSONL for SFT)",
		Long: `Convert a toolgym trajectories file (as written by toolgym run --out) into
another format. Formats:
  openai   one {"messages": [...], "tools": [...]} line per trajectory, the
           chat format SFT trainers read`,
		Example: `  toolgym convert results/bank.jsonl --success-only -o sft.jsonl`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if to != "openai" {
				return fmt.Errorf("unknown format %q; formats: openai", to)
			}
			trs, err := trajectory.ReadFile(args[0])
			if err != nil {
				return err
			}
			var w io.Writer = cmd.OutOrStdout()
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				bw := bufio.NewWriter(f)
				defer bw.Flush()
				w = bw
			}
			kept := trs[:0]
			for _, tr := range trs {
				if successOnly && (tr.Reward == nil || *tr.Reward < 1) {
					continue
				}
				kept = append(kept, tr)
			}
			if err := trajectory.WriteOpenAIJSONL(w, kept...); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "converted %d of %d trajectories\n", len(kept), len(trs))
			return nil
		},
	}
	cmd.Flags().StringVar(&to, "to", "openai", "output format")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (default stdout)")
	cmd.Flags().BoolVar(&successOnly, "success-only", false, "keep only trajectories with reward 1")
	return cmd
}
