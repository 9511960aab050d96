package model

import (
	"errors"
	"fmt"
)

// Sentinel errors for the failures callers branch on.
var (
	// ErrRateLimited: the server answered 429.
	ErrRateLimited = errors.New("rate limited")
	// ErrServer: the server answered 5xx.
	ErrServer = errors.New("server error")
	// ErrBadRequest: the server refused the request (4xx other than 429);
	// retrying will not help.
	ErrBadRequest = errors.New("bad request")
	// ErrTimeout: the request took longer than its timeout.
	ErrTimeout = errors.New("request timed out")
	// ErrConnection: the server could not be reached or dropped the connection.
	ErrConnection = errors.New("connection failed")
	// ErrMalformedResponse: the server's answer could not be decoded.
	ErrMalformedResponse = errors.New("malformed response")
	// ErrTruncatedStream: a stream ended before the reply was complete.
	ErrTruncatedStream = errors.New("truncated stream")
)

// APIError is a failure reported by a model server, with its status code
// and body. It matches the sentinel of its class with errors.Is.
type APIError struct {
	StatusCode int
	// Type and Message come from the server's error object when it sent one.
	Type    string
	Message string
	// Body is the raw body, cut to a few kilobytes.
	Body string
	// Attempts counts the attempts made before giving up.
	Attempts int
}

// Error describes the failure.
func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = e.Body
	}
	s := fmt.Sprintf("model server answered %d", e.StatusCode)
	if msg != "" {
		s += ": " + msg
	}
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return s
}

// Is matches the sentinel of the status code's class.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrRateLimited:
		return e.StatusCode == 429
	case ErrServer:
		return e.StatusCode >= 500
	case ErrBadRequest:
		return e.StatusCode >= 400 && e.StatusCode < 500 && e.StatusCode != 429
	}
	return false
}

// Retryable reports whether err is worth retrying: rate limits, server
// errors, timeouts, connection failures and truncated streams.
func Retryable(err error) bool {
	return errors.Is(err, ErrRateLimited) || errors.Is(err, ErrServer) || errors.Is(err, ErrTimeout) ||
		errors.Is(err, ErrConnection) || errors.Is(err, ErrTruncatedStream)
}
