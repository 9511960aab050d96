package tau

import (
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/user"
	"github.com/toolgym/toolgym/user/tauuser"
)

// newV1User returns tau-bench's LLM user (the default "llm" strategy) for
// an instruction.
func newV1User(m model.Model, instruction string) (user.User, error) {
	return tauuser.NewTauBench(tauuser.TauBenchConfig{Model: m, Instruction: instruction})
}

// tau2User is tau2's LLM user with the simulation budget it shares with
// the orchestrator.
type tau2User struct {
	*tauuser.Tau2
	b *tauuser.Budget
}

func (u tau2User) budget() *tauuser.Budget        { return u.b }
func (u tau2User) stopReason() tauuser.StopReason { return u.Tau2.StopReason() }
func (u tau2User) lastMessage() string            { return u.Tau2.LastMessage() }
