package openai

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/toolgym/toolgym/model"
)

// maxErrorBody is how much of a body an APIError keeps.
const maxErrorBody = 4 << 10

// newAPIError builds the error for a non-2xx answer, with the server's
// message when its body is an error object.
func newAPIError(status int, body []byte) *model.APIError {
	e, _ := parseErrorBody(body)
	apiErr := e.apiError(body)
	apiErr.StatusCode = status
	if apiErr.Message == "" && apiErr.Body == "" {
		apiErr.Message = http.StatusText(status)
	}
	return apiErr
}

// serverError is an error object as servers send it.
type serverError struct {
	Message string
	Type    string
	Code    json.RawMessage
}

// apiError turns an error object into an APIError. Its status is the
// object's numeric code when that is one (vLLM sends "code": 400 inside a
// stream), else guessed from its type, else 500: the server failed.
func (e serverError) apiError(body []byte) *model.APIError {
	status := 500
	if n, err := strconv.Atoi(strings.Trim(string(e.Code), `"`)); err == nil && n >= 400 && n <= 599 {
		status = n
	} else {
		t := strings.ToLower(e.Type + " " + strings.Trim(string(e.Code), `"`))
		switch {
		case strings.Contains(t, "rate_limit") || strings.Contains(t, "ratelimit"):
			status = 429
		case strings.Contains(t, "invalid_request") || strings.Contains(t, "badrequest") || strings.Contains(t, "bad_request"):
			status = 400
		}
	}
	return &model.APIError{StatusCode: status, Type: e.Type, Message: e.Message, Body: cut(body, maxErrorBody)}
}

// parseErrorBody reads an error body leniently: {"error": {"message",
// "type", "code"}}, {"error": "text"}, {"message": ...} or FastAPI's
// {"detail": ...}. ok is false when the body is none of these.
func parseErrorBody(body []byte) (serverError, bool) {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
		Type    string          `json:"type"`
		Code    json.RawMessage `json:"code"`
		Detail  json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &v) != nil {
		return serverError{}, false
	}
	var obj WireError
	var text string
	switch {
	case json.Unmarshal(v.Error, &obj) == nil && (obj.Message != "" || obj.Type != ""):
		return serverError{Message: obj.Message, Type: obj.Type, Code: obj.Code}, true
	case json.Unmarshal(v.Error, &text) == nil && text != "":
		return serverError{Message: text, Type: v.Type, Code: v.Code}, true
	case v.Message != "":
		return serverError{Message: v.Message, Type: v.Type, Code: v.Code}, true
	case json.Unmarshal(v.Detail, &text) == nil && text != "":
		return serverError{Message: text}, true
	case len(bytes.TrimSpace(v.Detail)) > 0 && string(v.Detail) != "null":
		return serverError{Message: string(v.Detail)}, true
	}
	return serverError{}, false
}

// cut returns b as text of at most n bytes, cut at a rune boundary and
// marked when cut.
func cut(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n]) + "…[cut]"
}
