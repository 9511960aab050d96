package tau

import (
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/user"
)

// newV1User returns tau-bench's LLM user for an instruction.
func newV1User(m model.Model, instruction string) user.User {
	_ = m
	return user.NewScripted(instruction) // replaced by user/tauuser once it lands
}
