package scripted

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"unicode"
	"unicode/utf8"

	"github.com/toolgym/toolgym/model/openai"
)

// sse writes server-sent events, flushing each one. After a write fails
// (the client went away) it writes nothing more.
type sse struct {
	w   http.ResponseWriter
	rc  *http.ResponseController
	buf []byte
	err error
}

func startSSE(w http.ResponseWriter) *sse {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	return &sse{w: w, rc: http.NewResponseController(w)}
}

// event sends v as one "data: <json>" event.
func (s *sse) event(v any) {
	if s.err != nil {
		return
	}
	b, err := marshal(v)
	if err != nil {
		s.err = err
		return
	}
	s.data(b)
}

// data sends one event with the given data line.
func (s *sse) data(b []byte) {
	if s.err != nil {
		return
	}
	s.buf = append(append(append(s.buf[:0], "data: "...), b...), "\n\n"...)
	if _, s.err = s.w.Write(s.buf); s.err == nil {
		s.err = s.rc.Flush()
	}
}

// streamAnswer streams a, acting out a truncate, malformed or stream_error
// fault when f has one.
func streamAnswer(w http.ResponseWriter, a *answer, f Fault) {
	s := startSSE(w)
	if f.Malformed {
		body := f.Body
		if body == "" {
			body = `{"id": "` + a.id + `", "choices": [{"delta": {"content": "cut here`
		}
		s.data([]byte(body))
		s.data([]byte("[DONE]"))
		return
	}
	chunks := a.chunks()
	if f.Truncate || f.StreamError != "" {
		// Send the first half of the deltas (the role and at least one more
		// when there is one), never the finish_reason.
		body := chunks[:len(chunks)-1]
		cut := max((len(body)+1)/2, min(len(body), 2))
		for i := range body[:cut] {
			s.event(&body[i])
		}
		if f.Truncate {
			return // the body ends: no finish_reason, no [DONE]
		}
		s.event(errorObject(f.StreamError, "server_error", ""))
		s.data([]byte("[DONE]"))
		return
	}
	for i := range chunks {
		s.event(&chunks[i])
	}
	if a.includeUsage {
		s.event(&openai.ChatChunk{
			ID: a.id, Object: "chat.completion.chunk", Created: a.created, Model: a.model,
			Choices: []openai.WireChunkChoice{}, Usage: a.usage,
		})
	}
	s.data([]byte("[DONE]"))
}

func (a *answer) chunk(delta openai.WireDelta, finish *string) openai.ChatChunk {
	return openai.ChatChunk{
		ID: a.id, Object: "chat.completion.chunk", Created: a.created, Model: a.model,
		Choices: []openai.WireChunkChoice{{Index: 0, Delta: delta, FinishReason: finish}},
	}
}

// chunks returns the stream's choice chunks: the role, reasoning and
// content deltas a token each, each tool call's header (index, id, name)
// then its arguments a token per delta, and last the finish_reason.
func (a *answer) chunks() []openai.ChatChunk {
	empty := ""
	first := a.chunk(openai.WireDelta{Role: "assistant", Content: &empty}, nil)
	if a.tokenIDs {
		first.PromptTokenIDs = a.promptIDs
	}
	out := []openai.ChatChunk{first}
	for _, t := range splitTokens(a.reasoning) {
		out = append(out, a.chunk(openai.WireDelta{ReasoningContent: &t}, nil))
	}
	for _, t := range splitTokens(a.content) {
		c := a.chunk(openai.WireDelta{Content: &t}, nil)
		if a.logprobs {
			c.Choices[0].Logprobs = &openai.WireLogprobs{Content: []openai.WireTokenLogprob{tokenLogprob(t, a.top)}}
		}
		if a.tokenIDs {
			c.Choices[0].TokenIDs = []int{tokenID(t)}
		}
		out = append(out, c)
	}
	for i, call := range a.calls {
		out = append(out, a.chunk(openai.WireDelta{ToolCalls: []openai.WireToolCall{{
			Index: &i, ID: call.ID, Type: "function",
			Function: openai.WireFunctionCall{Name: call.Name, Arguments: json.RawMessage(`""`)},
		}}}, nil))
		for _, piece := range splitTokens(call.Arguments) {
			out = append(out, a.chunk(openai.WireDelta{ToolCalls: []openai.WireToolCall{{
				Index: &i, Function: openai.WireFunctionCall{Arguments: jsonString(piece)},
			}}}, nil))
		}
	}
	finish := a.finish
	return append(out, a.chunk(openai.WireDelta{}, &finish))
}

// splitTokens cuts s into token-like pieces whose concatenation is s: a run
// of white space followed by a word (letters and digits) or by one other
// character.
func splitTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			j += size
			for isWord(r) && j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !isWord(r2) {
					break
				}
				j += size2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

func tokenHash(t string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(t))
	return h.Sum32()
}

// tokenID is a token's deterministic stand-in id.
func tokenID(t string) int { return int(tokenHash(t) % 100000) }

// tokenLogprob is a token's deterministic log probability, with top-1
// alternatives after it.
func tokenLogprob(t string, top int) openai.WireTokenLogprob {
	lp := -float64(tokenHash(t)%4000) / 1000
	out := openai.WireTokenLogprob{Token: t, Logprob: lp, Bytes: bytesOf(t)}
	if top > 0 {
		out.TopLogprobs = make([]openai.WireTokenLogprob, top)
		out.TopLogprobs[0] = openai.WireTokenLogprob{Token: t, Logprob: lp, Bytes: bytesOf(t)}
		for k := 1; k < top; k++ {
			alt := fmt.Sprintf("%s#%d", t, k)
			out.TopLogprobs[k] = openai.WireTokenLogprob{Token: alt, Logprob: lp - float64(k), Bytes: bytesOf(alt)}
		}
	}
	return out
}

func bytesOf(s string) []int {
	out := make([]int, len(s))
	for i := range len(s) {
		out[i] = int(s[i])
	}
	return out
}
