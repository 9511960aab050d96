package trajectory

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/toolgym/toolgym/model/openai"
)

// OpenAIRecord is one supervised fine-tuning example in the OpenAI chat
// format that most trainers read (OpenAI fine-tuning, TRL, Axolotl,
// LLaMA-Factory, torchtune): the conversation and the tools offered.
type OpenAIRecord struct {
	Messages []openai.WireMessage `json:"messages"`
	Tools    []openai.WireTool    `json:"tools,omitempty"`
}

// OpenAIRecordOf converts a trajectory to an OpenAI chat record: every
// message in order, encoded as the OpenAI wire encodes it (text and JSON
// parts joined into a string content, images as content parts, tool calls
// with their arguments as a JSON string, "{}" for empty ones), an
// assistant message's reasoning kept as reasoning_content, and the
// trajectory's tools as function tools. It keeps every trajectory it is
// given: choosing which to train on (say, Reward == 1) is the caller's.
func OpenAIRecordOf(tr *Trajectory) (*OpenAIRecord, error) {
	rec := &OpenAIRecord{Messages: make([]openai.WireMessage, 0, len(tr.Messages))}
	for i, m := range tr.Messages {
		wm, err := openai.EncodeMessage(m.Message)
		if err != nil {
			return nil, fmt.Errorf("trajectory %s: message %d: %w", tr.ID, i, err)
		}
		wm.ReasoningContent = m.Reasoning
		// EncodeMessage escapes <, > and & as \u003c...; write them plain,
		// as the rest of the line is, for people reading the data.
		wm.Content = unescapeHTML(wm.Content)
		for j := range wm.ToolCalls {
			wm.ToolCalls[j].Function.Arguments = unescapeHTML(wm.ToolCalls[j].Function.Arguments)
		}
		rec.Messages = append(rec.Messages, wm)
	}
	for _, t := range tr.Tools {
		rec.Tools = append(rec.Tools, openai.WireTool{Type: "function", Function: openai.WireFunction{
			Name: t.Name, Description: t.Description, Parameters: t.ParameterSchema(),
		}})
	}
	return rec, nil
}

// ToOpenAIMessages converts a trajectory to one JSON line (without the
// newline) {"messages": [...], "tools": [...]}, as [OpenAIRecordOf]
// describes.
func ToOpenAIMessages(tr *Trajectory) ([]byte, error) {
	rec, err := OpenAIRecordOf(tr)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return nil, fmt.Errorf("trajectory %s: encoding OpenAI messages: %w", tr.ID, err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

// WriteOpenAIJSONL writes each trajectory as a line of OpenAI chat JSONL.
func WriteOpenAIJSONL(w io.Writer, trs ...*Trajectory) error {
	for _, tr := range trs {
		line, err := ToOpenAIMessages(tr)
		if err != nil {
			return err
		}
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return fmt.Errorf("writing OpenAI JSONL: %w", err)
		}
	}
	return nil
}

// unescapeHTML re-encodes a JSON string or list of content parts without
// HTML escaping; anything else, or JSON without such escapes, is returned
// as is.
func unescapeHTML(raw json.RawMessage) json.RawMessage {
	if !bytes.Contains(raw, []byte(`\u00`)) {
		return raw
	}
	var v any
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return raw
		}
		v = s
	case '[':
		var parts []openai.WireContentPart
		if json.Unmarshal(raw, &parts) != nil {
			return raw
		}
		v = parts
	default:
		return raw
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return raw
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
}
