package model

import (
	"context"
	"net/http"
	"strconv"
)

// CallInfo says which episode a model request belongs to. The episode
// loop puts it in the request's context; HTTP backends send it as headers
// (HeaderTask, HeaderEpisode, HeaderTurn), which model servers ignore and
// toolgym's own servers use: the scripted oracle to find the task, a
// recording proxy to route by episode.
type CallInfo struct {
	TaskID    string
	EpisodeID string
	Turn      int
}

// Headers carrying CallInfo.
const (
	HeaderTask    = "X-Toolgym-Task"
	HeaderEpisode = "X-Toolgym-Episode"
	HeaderTurn    = "X-Toolgym-Turn"
)

type callInfoKey struct{}

// WithCallInfo returns ctx carrying info.
func WithCallInfo(ctx context.Context, info CallInfo) context.Context {
	return context.WithValue(ctx, callInfoKey{}, info)
}

// CallInfoFrom returns the CallInfo in ctx, if any.
func CallInfoFrom(ctx context.Context) (CallInfo, bool) {
	info, ok := ctx.Value(callInfoKey{}).(CallInfo)
	return info, ok
}

// SetHeaders writes the CallInfo in ctx, if any, into h.
func SetHeaders(ctx context.Context, h http.Header) {
	info, ok := CallInfoFrom(ctx)
	if !ok {
		return
	}
	if info.TaskID != "" {
		h.Set(HeaderTask, info.TaskID)
	}
	if info.EpisodeID != "" {
		h.Set(HeaderEpisode, info.EpisodeID)
	}
	h.Set(HeaderTurn, strconv.Itoa(info.Turn))
}
