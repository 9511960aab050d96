package model_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

func TestAPIErrorClasses(t *testing.T) {
	cases := []struct {
		status    int
		is        error
		retryable bool
	}{
		{429, model.ErrRateLimited, true},
		{500, model.ErrServer, true},
		{503, model.ErrServer, true},
		{400, model.ErrBadRequest, false},
		{404, model.ErrBadRequest, false},
	}
	for _, tc := range cases {
		err := fmt.Errorf("step 2: %w", &model.APIError{StatusCode: tc.status, Message: "m"})
		if !errors.Is(err, tc.is) {
			t.Errorf("%d is not %v", tc.status, tc.is)
		}
		if model.Retryable(err) != tc.retryable {
			t.Errorf("%d: retryable %v", tc.status, !tc.retryable)
		}
	}
	if errors.Is(&model.APIError{StatusCode: 429}, model.ErrServer) {
		t.Error("429 matched ErrServer")
	}
	e := &model.APIError{StatusCode: 503, Body: "busy", Attempts: 5}
	if e.Error() != "model server answered 503: busy (after 5 attempts)" {
		t.Errorf("message %q", e.Error())
	}
	if !model.Retryable(fmt.Errorf("x: %w", model.ErrTruncatedStream)) || model.Retryable(model.ErrMalformedResponse) {
		t.Error("truncated streams are retried, malformed replies are not")
	}
}

func TestMessages(t *testing.T) {
	ok := model.ToolMessage(tool.OK(tool.Call{ID: "c1", Name: "f"}, tool.Text("42")))
	bad := model.ToolMessage(tool.Fail(tool.Call{ID: "c2", Name: "f"}, tool.KindFailed, "no"))
	if ok.Role != model.RoleTool || ok.ToolCallID != "c1" || ok.Text() != "42" {
		t.Errorf("ok: %+v", ok)
	}
	if bad.Text() != "Error: no" || bad.ToolCallID != "c2" {
		t.Errorf("error: %+v", bad)
	}
	if a := model.Assistant(""); len(a.Content) != 0 {
		t.Errorf("an assistant message without text has content %v", a.Content)
	}
	u := model.Usage{PromptTokens: 1, CompletionTokens: 2, TotalTokens: 3}.Add(model.Usage{PromptTokens: 10, CompletionTokens: 20, TotalTokens: 30, CachedTokens: 4})
	if u != (model.Usage{PromptTokens: 11, CompletionTokens: 22, TotalTokens: 33, CachedTokens: 4}) {
		t.Errorf("usage sum %+v", u)
	}
}
