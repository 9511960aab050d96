package user_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/user"
)

func TestScripted(t *testing.T) {
	u := user.NewScripted("first", "second")
	var h []model.Message
	h = append(h, model.System("policy"))
	for _, want := range []string{"first", "second"} {
		msg, done, err := u.Next(context.Background(), h)
		if err != nil || done || msg != want {
			t.Fatalf("got %q done=%v err=%v, want %q", msg, done, err, want)
		}
		h = append(h, model.User(msg), model.Assistant("ok"))
	}
	if _, done, err := u.Next(context.Background(), h); !done || err != nil {
		t.Errorf("after the script: done=%v err=%v", done, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := u.Next(ctx, nil); err == nil {
		t.Error("canceled context not reported")
	}
}
