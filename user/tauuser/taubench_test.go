package tauuser_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/user/tauuser"
)

const instruction = "Your name is Yusuf Rossi and your zip code is 19122. You want to exchange the keyboard.\nYou are polite."

const greeting = "Hi! How can I help you today?"

// The reference's prompt templates (tau_bench/envs/user.py), with its
// placeholders.
const (
	refLLMPrompt = `You are a user interacting with an agent.{instruction_display}
Rules:
- Just generate one line at a time to simulate the user's message.
- Do not give away all the instruction at once. Only provide the information that is necessary for the current step.
- Do not hallucinate information that is not provided in the instruction. For example, if the agent asks for the order id but it is not mentioned in the instruction, do not make up an order id, just say you do not remember or have it.
- If the instruction goal is satisified, generate '###STOP###' as a standalone message without anything else to end the conversation.
- Do not repeat the exact instruction in the conversation. Instead, use your own words to convey the same information.
- Try to make the conversation as natural as possible, and stick to the personalities in the instruction.`

	refReactPrompt = `You are a user interacting with an agent.{instruction_display}
Rules:
- First, generate a Thought about what to do next (this message will not be sent to the agent).
- Then, generate a one line User Response to simulate the user's message (this message will be sent to the agent).
- Do not give away all the instruction at once. Only provide the information that is necessary for the current step.
- Do not hallucinate information that is not provided in the instruction. For example, if the agent asks for the order id but it is not mentioned in the instruction, do not make up an order id, just say you do not remember or have it.
- If the instruction goal is satisified, generate '###STOP###' as the User Response without anything else to end the conversation.
- Do not repeat the exact instruction in the conversation. Instead, use your own words to convey the same information.
- Try to make the conversation as natural as possible, and stick to the personalities in the instruction.

Format:

Thought:
<the thought>

User Response:
<the user response (this will be parsed and sent to the agent)>`

	refVerifyPrompt = `You are a supervisor of the Agent in the conversation. You are given a Transcript of a conversation between a Customer and an Agent. The Customer has generated a Response, and you need to verify if it is satisfactory (true) or not (false).
Your answer will be parsed, so do not include any other text than the classification (true or false).
    
# Transcript:
{transcript}

# Response:
{response}

-----

Classification:`

	refReflectPrompt = `You are a supervisor of the Agent in the conversation. You are given a Transcript of a conversation between a (simulated) Customer and an Agent. The Customer generated a Response that was marked as unsatisfactory by you.
You need to generate a Reflection on what went wrong in the conversation, and propose a new Response that should fix the issues.
Your answer will be parsed, so do not include any other text than the classification (true or false).
    
# Transcript:
{transcript}

# Response:
{response}

# Format:

Reflection:
<the reflection>

Response:
<the response (this will be parsed and sent to the agent)>`
)

func refSystem(tmpl string) string {
	return strings.Replace(tmpl, "{instruction_display}", "\n\nInstruction: "+instruction+"\n", 1)
}

// refTranscript is the reference's transcript of a message list.
func refTranscript(msgs []wmsg) string {
	labels := map[string]string{"user": "Customer", "assistant": "Agent", "system": "System"}
	var lines []string
	for _, m := range msgs {
		lines = append(lines, labels[m.Role]+": "+*m.Content)
	}
	return strings.Join(lines, "\n")
}

func supervisor(tmpl string, msgs []wmsg, response string) []wmsg {
	r := strings.NewReplacer("{transcript}", refTranscript(msgs), "{response}", response)
	return []wmsg{usr(r.Replace(tmpl))}
}

// litellmStr is str() of the litellm Message the verify strategy formats.
func litellmStr(content string) string {
	return "Message(content=" + pyval.Repr(content) + ", role='assistant', tool_calls=None, function_call=None, provider_specific_fields=None)"
}

func cat(parts ...[]wmsg) []wmsg {
	var out []wmsg
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestTauBenchRequests(t *testing.T) {
	llmSys, reactSys := sys(refSystem(refLLMPrompt)), sys(refSystem(refReactPrompt))
	m0 := []wmsg{llmSys, usr(greeting)}

	// verify: the first reply is rejected, the second kept; on turn 2
	// every reply is rejected and the last is said but not kept, so turn
	// 3 sends two user messages in a row.
	vm1 := cat(m0, []wmsg{asst("Hello, I'd like to exchange my keyboard."), usr("Zip code?")})
	vm2 := cat(vm1, []wmsg{usr("Thanks, done.")})

	// reflection: every reply is kept, the reflected response only in the
	// copy the second call sees; a rejected reflection says the first reply.
	rc1 := cat(m0, []wmsg{usr("Hello! I'd like to exchange a keyboard.")})
	rn1 := cat(m0, []wmsg{asst("Hi, exchange please."), asst("Hello! I'd like to exchange a keyboard."), usr("Zip code?")})
	rc2 := cat(rn1, []wmsg{usr("It's 19122.")})
	rn2 := cat(rn1, []wmsg{asst("zip is 19122"), asst("19122."), usr("All done.")})

	tests := []struct {
		name      string
		strategy  tauuser.Strategy
		replies   []string
		agent     []string
		wantSaid  []string
		wantLast  string
		wantReqs  [][]wmsg
		wantFinal []wmsg
	}{{
		name:     "llm",
		strategy: "",
		replies:  []string{"Hi, I want to exchange a keyboard.", "My zip is 19122.", "Thanks! ###STOP###"},
		agent:    []string{"Sure, what's your zip?", "Done, anything else?"},
		wantSaid: []string{"Hi, I want to exchange a keyboard.", "My zip is 19122."},
		wantLast: "Thanks! ###STOP###",
		wantReqs: [][]wmsg{
			m0,
			cat(m0, []wmsg{asst("Hi, I want to exchange a keyboard."), usr("Sure, what's your zip?")}),
			cat(m0, []wmsg{asst("Hi, I want to exchange a keyboard."), usr("Sure, what's your zip?"), asst("My zip is 19122."), usr("Done, anything else?")}),
		},
		wantFinal: cat(m0, []wmsg{asst("Hi, I want to exchange a keyboard."), usr("Sure, what's your zip?"), asst("My zip is 19122."), usr("Done, anything else?"), asst("Thanks! ###STOP###")}),
	}, {
		name:     "react",
		strategy: tauuser.StrategyReact,
		replies:  []string{"Thought:\nI should start.\n\nUser Response:\nHi, I need an exchange.", "User Response:\n  19122  ", "Thought: all good\nUser Response: ###STOP###"},
		agent:    []string{"Your zip?", "Done."},
		// The reference's parse keeps everything after "Thought:".
		wantSaid: []string{"I should start.\n\nUser Response:\nHi, I need an exchange.", "19122"},
		wantLast: "###STOP###",
		wantReqs: [][]wmsg{
			{reactSys, usr(greeting)},
			{reactSys, usr(greeting), asst("Thought:\nI should start.\n\nUser Response:\nHi, I need an exchange."), usr("Your zip?")},
			{reactSys, usr(greeting), asst("Thought:\nI should start.\n\nUser Response:\nHi, I need an exchange."), usr("Your zip?"), asst("User Response:\n  19122  "), usr("Done.")},
		},
		wantFinal: []wmsg{reactSys, usr(greeting), asst("Thought:\nI should start.\n\nUser Response:\nHi, I need an exchange."), usr("Your zip?"), asst("User Response:\n  19122  "), usr("Done."), asst("Thought: all good\nUser Response: ###STOP###")},
	}, {
		name:     "verify",
		strategy: tauuser.StrategyVerify,
		replies: []string{"Hi, exchange please.", "FALSE", "Hello, I'd like to exchange my keyboard.", "True.",
			"zip 1", "false", "zip 2", "no", "zip 3", "nope",
			"ok ###STOP###", "true"},
		agent:    []string{"Zip code?", "Thanks, done."},
		wantSaid: []string{"Hello, I'd like to exchange my keyboard.", "zip 3"},
		wantLast: "ok ###STOP###",
		wantReqs: [][]wmsg{
			m0, supervisor(refVerifyPrompt, m0, litellmStr("Hi, exchange please.")),
			m0, supervisor(refVerifyPrompt, m0, litellmStr("Hello, I'd like to exchange my keyboard.")),
			vm1, supervisor(refVerifyPrompt, vm1, litellmStr("zip 1")),
			vm1, supervisor(refVerifyPrompt, vm1, litellmStr("zip 2")),
			vm1, supervisor(refVerifyPrompt, vm1, litellmStr("zip 3")),
			vm2, supervisor(refVerifyPrompt, vm2, litellmStr("ok ###STOP###")),
		},
		wantFinal: cat(vm2, []wmsg{asst("ok ###STOP###")}),
	}, {
		name:     "reflection",
		strategy: tauuser.StrategyReflection,
		replies: []string{"Hi, exchange please.", "false", "Reflection: too terse.\n\nResponse:\n Hello! I'd like to exchange a keyboard. ", "Hello! I'd like to exchange a keyboard.", "true",
			"zip is 19122", "false", "Reflection: r\nResponse: It's 19122.", "19122.", "false",
			"###STOP###", "TRUE"},
		agent:    []string{"Zip code?", "All done."},
		wantSaid: []string{"Hello! I'd like to exchange a keyboard.", "zip is 19122"},
		wantLast: "###STOP###",
		wantReqs: [][]wmsg{
			m0, supervisor(refVerifyPrompt, m0, "Hi, exchange please."),
			supervisor(refReflectPrompt, m0, "Hi, exchange please."),
			rc1, supervisor(refVerifyPrompt, rc1, "Hello! I'd like to exchange a keyboard."),
			rn1, supervisor(refVerifyPrompt, rn1, "zip is 19122"),
			supervisor(refReflectPrompt, rn1, "zip is 19122"),
			rc2, supervisor(refVerifyPrompt, rc2, "19122."),
			rn2, supervisor(refVerifyPrompt, rn2, "###STOP###"),
		},
		wantFinal: cat(rn2, []wmsg{asst("###STOP###")}),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			replies := make([]scripted.Reply, len(tt.replies))
			for i, r := range tt.replies {
				replies[i] = scripted.Text(r)
			}
			srv, client := serve(t, scripted.Script(replies...))
			u, err := tauuser.NewTauBench(tauuser.TauBenchConfig{Model: client, Instruction: instruction, Strategy: tt.strategy})
			if err != nil {
				t.Fatal(err)
			}
			said, done, err := converse(context.Background(), u, tt.agent...)
			if err != nil || !done {
				t.Fatalf("converse: done=%v err=%v", done, err)
			}
			if diff := cmp.Diff(tt.wantSaid, said); diff != "" {
				t.Errorf("user said (-want +got):\n%s", diff)
			}
			if u.StopReason() != tauuser.StopUser || u.LastMessage() != tt.wantLast {
				t.Errorf("stop %q last %q, want %q %q", u.StopReason(), u.LastMessage(), tauuser.StopUser, tt.wantLast)
			}
			reqs := srv.Requests()
			var got [][]wmsg
			for _, r := range reqs {
				got = append(got, wire(t, r))
				if r.Temperature != nil || r.Seed != nil || r.Model != "user-model" || len(r.Tools) != 0 {
					t.Errorf("request settings: temperature %v seed %v model %q tools %d; the reference sends none", r.Temperature, r.Seed, r.Model, len(r.Tools))
				}
			}
			if diff := cmp.Diff(tt.wantReqs, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			var final []wmsg
			for _, m := range u.Messages() {
				final = append(final, wmsg{Role: string(m.Role), Content: str(m.Text())})
			}
			if diff := cmp.Diff(tt.wantFinal, final); diff != "" {
				t.Errorf("kept messages (-want +got):\n%s", diff)
			}
			if u.Calls() != len(tt.replies) || u.Usage().TotalTokens == 0 {
				t.Errorf("calls %d usage %+v, want %d calls with usage", u.Calls(), u.Usage(), len(tt.replies))
			}
			// Once stopped, the user stays stopped without calling its model.
			if msg, done, err := u.Next(context.Background(), nil); msg != "" || !done || err != nil || srv.Count() != len(tt.replies) {
				t.Errorf("after stop: %q %v %v, %d requests", msg, done, err, srv.Count())
			}
		})
	}
}
