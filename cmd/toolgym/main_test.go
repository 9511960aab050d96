package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/model/scripted"
)

// toolgym runs the CLI in process with args and returns its stdout.
func toolgym(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRoot()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	stopOnExit()
	return out.String() + errOut.String(), err
}

func TestCPUProfile(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	if _, err := toolgym(t, "ls", "--cpuprofile", prof); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	// pprof profiles are gzipped protocol buffers.
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("--cpuprofile wrote %d bytes, not a gzipped profile", len(b))
	}
	// A failing command still ends its profile, so the next can start one.
	if _, err := toolgym(t, "replay", "--suite", "no-such-suite", "--cpuprofile", prof); err == nil {
		t.Fatal("replay of an unknown suite succeeded")
	}
	if _, err := toolgym(t, "ls", "--cpuprofile", prof); err != nil {
		t.Errorf("a profile after a failed command: %v", err)
	}
	if _, err := toolgym(t, "ls", "--cpuprofile", filepath.Join(t.TempDir(), "no", "such", "dir", "p")); err == nil || !strings.Contains(err.Error(), "--cpuprofile") {
		t.Errorf("an unwritable profile path: %v, want an error naming --cpuprofile", err)
	}
}

func TestRunDefaultIsTheOracle(t *testing.T) {
	dir := t.TempDir()
	out, err := toolgym(t, "run", "--out", filepath.Join(dir, "r.jsonl"), "--fail-under", "1")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	n := len(bank.Tasks())
	if !strings.Contains(out, "toolgym run: bank with oracle") || !strings.Contains(out, "(100.0%)") {
		t.Errorf("summary:\n%s", out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "r.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(b), "\n"); lines != n {
		t.Errorf("%d trajectories written, want %d", lines, n)
	}

	// convert them to SFT-ready OpenAI messages
	sft := filepath.Join(dir, "sft.jsonl")
	if out, err := toolgym(t, "convert", filepath.Join(dir, "r.jsonl"), "--success-only", "-o", sft); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	b, err = os.ReadFile(sft)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	var rec struct {
		Messages []struct {
			Role string `json:"role"`
		} `json:"messages"`
		Tools []json.RawMessage `json:"tools"`
	}
	if err := json.Unmarshal([]byte(first), &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Messages) < 3 || rec.Messages[0].Role != "system" || len(rec.Tools) == 0 {
		t.Errorf("first SFT record: %s", first)
	}
}

func TestRunAgainstAServer(t *testing.T) {
	// A server that answers every conversation with a plain reply: no
	// tool calls, so write tasks fail and --fail-under must trip.
	replies := make([]scripted.Reply, 40)
	for i := range replies {
		replies[i] = scripted.Text("I cannot help with that.")
	}
	srv, err := scripted.Start(scripted.NewServer(scripted.Script(replies...)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	out, err := toolgym(t, "run", "--base-url", srv.URL, "--model", "lazy", "--tasks", "bank-001,bank-002", "--out", "none", "--fail-under", "0.9")
	if err == nil || !strings.Contains(err.Error(), "under --fail-under") {
		t.Errorf("err %v\n%s", err, out)
	}
	if !strings.Contains(out, "with lazy") {
		t.Errorf("summary:\n%s", out)
	}
}

func TestBadFlagsSayWhatToDo(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--base-url", "http://localhost:8000/v1"}, "--model is required"},
		{[]string{"run", "--suite", "nope"}, "unknown suite \"nope\""},
		{[]string{"run", "--extra", "{bad"}, "--extra must be a JSON object"},
		{[]string{"run", "--parallel-tool-calls", "maybe"}, "takes true or false"},
		{[]string{"run", "--tasks", "bank-999", "--out", "none"}, "no task with id bank-999"},
		{[]string{"convert", "missing.jsonl"}, "missing.jsonl"},
		{[]string{"run", "--tool-parser", "xml", "--out", "none"}, "unknown --tool-parser \"xml\"; parsers: hermes, llama3, mistral, pythonic"},
	}
	for _, tc := range cases {
		_, err := toolgym(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want it to say %q", tc.args, err, tc.want)
		}
	}
}

func TestLsAndHelp(t *testing.T) {
	out, err := toolgym(t, "ls", "--tasks")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"bank", "bank-001", "environments", "14"} {
		if !strings.Contains(out, want) {
			t.Errorf("ls output lacks %q:\n%s", want, out)
		}
	}
	out, err = toolgym(t, "run", "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--base-url", "oracle", "Ctrl-C", "Examples:"} {
		if !strings.Contains(out, want) {
			t.Errorf("run --help lacks %q", want)
		}
	}
}
