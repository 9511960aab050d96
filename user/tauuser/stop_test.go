package tauuser_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/user/tauuser"
)

func TestStopTokens(t *testing.T) {
	tests := []struct {
		reply string
		// v1 stops only on ###STOP###; tau2 on any of its three tokens.
		wantV1, wantTau2 tauuser.StopReason
	}{
		{"###STOP###", tauuser.StopUser, tauuser.StopUser},
		{"Thanks, bye!###STOP###", tauuser.StopUser, tauuser.StopUser},
		{"ok\n###STOP###\n", tauuser.StopUser, tauuser.StopUser},
		{"Sure. ###TRANSFER### thanks", tauuser.Running, tauuser.StopTransfer},
		{"###OUT-OF-SCOPE###", tauuser.Running, tauuser.StopOutOfScope},
		{"I can't go on ###OUT-OF-SCOPE###.", tauuser.Running, tauuser.StopOutOfScope},
		// Checked in the reference's order: STOP first.
		{"###TRANSFER### ###STOP###", tauuser.StopUser, tauuser.StopUser},
		{"###stop###", tauuser.Running, tauuser.Running},
		{"### STOP ###", tauuser.Running, tauuser.Running},
		{"##STOP##", tauuser.Running, tauuser.Running},
	}
	for _, tt := range tests {
		t.Run(tt.reply, func(t *testing.T) {
			_, client := serve(t, scripted.Script(scripted.Text(tt.reply), scripted.Text(tt.reply)))
			v1, err := tauuser.NewTauBench(tauuser.TauBenchConfig{Model: client, Instruction: "i"})
			if err != nil {
				t.Fatal(err)
			}
			checkStop(t, "v1", v1, tt.reply, tt.wantV1)
			t2, err := tauuser.NewTau2(tauuser.Tau2Config{Model: client, Instructions: "i", Guidelines: testGuidelines})
			if err != nil {
				t.Fatal(err)
			}
			checkStop(t, "tau2", t2, tt.reply, tt.wantTau2)
		})
	}
}

type stopper interface {
	Next(context.Context, []model.Message) (string, bool, error)
	StopReason() tauuser.StopReason
	LastMessage() string
}

func checkStop(t *testing.T, name string, u stopper, reply string, want tauuser.StopReason) {
	t.Helper()
	msg, done, err := u.Next(context.Background(), nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if done != (want != tauuser.Running) || u.StopReason() != want || u.LastMessage() != reply {
		t.Errorf("%s: done=%v reason=%q last=%q, want reason %q", name, done, u.StopReason(), u.LastMessage(), want)
	}
	wantMsg := reply
	if done {
		wantMsg = ""
	}
	if msg != wantMsg {
		t.Errorf("%s: message %q, want %q", name, msg, wantMsg)
	}
}
