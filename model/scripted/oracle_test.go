package scripted_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/task"
)

const (
	weatherSystem = "You are a weather assistant."
	compareAsk    = "Compare the weather in Paris and Rome."
)

// weatherTasks holds a three-turn task whose first step calls two tools in
// parallel, a one-turn task starting with the same user message under
// another system prompt, and an unrelated task.
func weatherTasks() []task.Task {
	return []task.Task{
		{ID: "weather", Env: "demo", System: weatherSystem, Turns: []task.Turn{
			{User: compareAsk, Gold: task.Gold{
				Steps: [][]task.Call{
					{
						{Name: "get_weather", Arguments: json.RawMessage(`{"city": "Paris"}`)},
						{Name: "get_weather", Arguments: json.RawMessage(`{"city":"Rome"}`)},
					},
					{{Name: "compare", Arguments: json.RawMessage(`{"a":"Paris","b":"Rome"}`)}},
				},
				Reply: "Rome is warmer than Paris.",
			}},
			{User: "And Berlin?", Gold: task.Gold{
				Steps:   [][]task.Call{{{Name: "get_weather", Arguments: json.RawMessage(`{"city":"Berlin"}`)}}},
				Outputs: []string{"12C", "cloudy"},
			}},
			{User: "Thanks!"},
		}},
		{ID: "weather-terse", Env: "demo", System: "Be terse.", Turns: []task.Turn{
			{User: compareAsk, Gold: task.Gold{Reply: "Rome."}},
		}},
		{ID: "booking", Env: "demo", Turns: []task.Turn{
			{User: "Book a table.", Gold: task.Gold{Steps: [][]task.Call{{{Name: "book"}}}}},
		}},
		{ID: "goal-only", Env: "demo", Goal: "get a refund"},
	}
}

// wantStep is an expected oracle reply: calls as "id name args", or text.
type wantStep struct {
	calls []string
	text  string
}

func TestOracleConversation(t *testing.T) {
	s, ts, c := serve(t, scripted.NewOracle(weatherTasks()))
	turns := []struct {
		user  string
		steps []wantStep
	}{
		{compareAsk, []wantStep{
			{calls: []string{`call_0_0_0 get_weather {"city":"Paris"}`, `call_0_0_1 get_weather {"city":"Rome"}`}},
			{calls: []string{`call_0_1_0 compare {"a":"Paris","b":"Rome"}`}},
			{text: "Rome is warmer than Paris."},
		}},
		{"And Berlin?", []wantStep{
			{calls: []string{`call_1_0_0 get_weather {"city":"Berlin"}`}},
			{text: "12C; cloudy"},
		}},
		{"Thanks!", []wantStep{{text: "Done."}}},
	}
	msgs := []openai.WireMessage{msg("system", weatherSystem)}
	n := 0
	for _, turn := range turns {
		msgs = append(msgs, user(turn.user))
		for _, want := range turn.steps {
			streamed := n%2 == 1
			req := chatRequest("oracle", streamed, msgs...)
			var text string
			var calls []string
			var wireCalls []openai.WireToolCall
			if streamed {
				st := stream(t, c, ts.URL, req)
				if len(st.Problems) > 0 || !st.Done {
					t.Fatalf("request %d: stream problems %q", n, st.Problems)
				}
				text = st.Content
				for _, tc := range st.Calls {
					calls = append(calls, tc.ID+" "+tc.Name+" "+tc.Arguments)
					wireCalls = append(wireCalls, openai.WireToolCall{ID: tc.ID, Type: "function", Function: openai.WireFunctionCall{Name: tc.Name, Arguments: jsonText(tc.Arguments)}})
				}
			} else {
				m := complete(t, c, ts.URL, req).Choices[0].Message
				json.Unmarshal(m.Content, &text)
				for _, tc := range m.ToolCalls {
					calls = append(calls, tc.ID+" "+tc.Function.Name+" "+openai.ArgumentsText(tc.Function.Arguments))
				}
				wireCalls = m.ToolCalls
			}
			if fmt.Sprint(calls) != fmt.Sprint(want.calls) || text != want.text {
				t.Fatalf("request %d (stream=%v): calls %q text %q, want %q %q", n, streamed, calls, text, want.calls, want.text)
			}
			// Play the client: keep the assistant message, answer its calls.
			am := msg("assistant", text)
			if text == "" {
				am.Content = json.RawMessage("null")
			}
			am.ToolCalls = wireCalls
			msgs = append(msgs, am)
			for _, wc := range wireCalls {
				tm := msg("tool", "result of "+wc.Function.Name)
				tm.ToolCallID = wc.ID
				msgs = append(msgs, tm)
			}
			n++
		}
	}
	if s.Count() != n {
		t.Errorf("server counted %d requests, sent %d", s.Count(), n)
	}
}

func jsonText(s string) json.RawMessage { b, _ := json.Marshal(s); return b }

func TestOracleSelection(t *testing.T) {
	parts := openai.WireMessage{Role: "user", Content: json.RawMessage(`[{"type": "text", "text": "Book a table."}]`)}
	// An assistant message the oracle never produced: other ids, arguments
	// as an object, and no tool results after it.
	odd := openai.WireMessage{Role: "assistant", ToolCalls: []openai.WireToolCall{{ID: "x", Function: openai.WireFunctionCall{Name: "whatever", Arguments: json.RawMessage(`{"k":1}`)}}}}
	tests := []struct {
		name    string
		msgs    []openai.WireMessage
		want    wantStep
		wantErr string
	}{
		{name: "system prompt picks the terse task", msgs: []openai.WireMessage{msg("system", "Be terse."), user(compareAsk)}, want: wantStep{text: "Rome."}},
		{name: "system prompt picks the full task", msgs: []openai.WireMessage{msg("system", weatherSystem), user(compareAsk)},
			want: wantStep{calls: []string{`call_0_0_0 get_weather {"city":"Paris"}`, `call_0_0_1 get_weather {"city":"Rome"}`}}},
		{name: "no system prompt: the first task", msgs: []openai.WireMessage{user(compareAsk)},
			want: wantStep{calls: []string{`call_0_0_0 get_weather {"city":"Paris"}`, `call_0_0_1 get_weather {"city":"Rome"}`}}},
		{name: "a developer message counts as the system prompt", msgs: []openai.WireMessage{msg("developer", "Be terse."), user(compareAsk)}, want: wantStep{text: "Rome."}},
		{name: "only the task with enough turns matches", msgs: []openai.WireMessage{msg("system", "Be terse."), user(compareAsk), msg("assistant", "Rome."), user("And Berlin?")},
			want: wantStep{calls: []string{`call_1_0_0 get_weather {"city":"Berlin"}`}}},
		{name: "content as parts, missing arguments become {}", msgs: []openai.WireMessage{parts}, want: wantStep{calls: []string{`call_0_0_0 book {}`}}},
		{name: "only messages matter", msgs: []openai.WireMessage{user("Book a table."), odd}, want: wantStep{text: "Done."}},
		{name: "unknown first message", msgs: []openai.WireMessage{user("Hello?")}, wantErr: `first: "Hello?"`},
		{name: "a later user turn differs", msgs: []openai.WireMessage{user(compareAsk), msg("assistant", "ok"), user("And Madrid?")}, wantErr: "no task has these 2 user turns"},
		{name: "more user turns than the task has", msgs: []openai.WireMessage{user("Book a table."), user("Book a table.")}, wantErr: "no task has these 2 user turns"},
		{name: "no user message", msgs: []openai.WireMessage{msg("system", weatherSystem)}, wantErr: "first: (none)"},
	}
	_, ts, c := serve(t, scripted.NewOracle(weatherTasks()))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := mustPost(t, c, ts.URL, chatRequest("oracle", false, tt.msgs...))
			if tt.wantErr != "" {
				if resp.StatusCode != http.StatusBadRequest {
					t.Fatalf("status %d, want 400: %s", resp.StatusCode, b)
				}
				e := errorOf(t, b)
				if !strings.Contains(e.Message, tt.wantErr) || !strings.Contains(e.Message, "only answers conversations of the 4 tasks it was given") {
					t.Errorf("error message %q, want it to contain %q", e.Message, tt.wantErr)
				}
				return
			}
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, b)
			}
			var cr openai.ChatResponse
			if err := json.Unmarshal(b, &cr); err != nil {
				t.Fatal(err)
			}
			m := cr.Choices[0].Message
			var text string
			json.Unmarshal(m.Content, &text)
			var calls []string
			for _, tc := range m.ToolCalls {
				calls = append(calls, tc.ID+" "+tc.Function.Name+" "+openai.ArgumentsText(tc.Function.Arguments))
			}
			if fmt.Sprint(calls) != fmt.Sprint(tt.want.calls) || text != tt.want.text {
				t.Errorf("calls %q text %q, want %q %q", calls, text, tt.want.calls, tt.want.text)
			}
		})
	}
}

func TestOracleReplyAPI(t *testing.T) {
	o := scripted.NewOracle(weatherTasks())
	if m := o.Models(); len(m) != 1 || m[0] != "oracle" {
		t.Errorf("Models() = %v", m)
	}
	_, err := o.Reply(chatRequest("m", false, user("nobody asked this")))
	if !errors.Is(err, scripted.ErrUnknownConversation) {
		t.Errorf("error %v, want ErrUnknownConversation", err)
	}
	r, err := o.Reply(chatRequest("m", false, user(compareAsk)))
	if err != nil || len(r.ToolCalls) != 2 || r.ToolCalls[1].ID != task.CallID(0, 0, 1) {
		t.Errorf("reply %+v, error %v", r, err)
	}
}
