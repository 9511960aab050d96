package openai

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/toolgym/toolgym/model"
)

// classify turns the error of an attempt into one of package model's kinds:
// the caller's cancellation stays as it is, the attempt's own deadline
// becomes ErrTimeout, a failure already typed is kept, and any other
// transport failure becomes ErrConnection.
func (c *Client) classify(actx context.Context, err error) error {
	if actx.Err() != nil {
		if errors.Is(context.Cause(actx), errAttemptTimeout) {
			return fmt.Errorf("%w: no answer within %v (Config.Timeout)", model.ErrTimeout, c.cfg.Timeout)
		}
		return err
	}
	var apiErr *model.APIError
	switch {
	case errors.As(err, &apiErr), errors.Is(err, model.ErrMalformedResponse), errors.Is(err, model.ErrTruncatedStream):
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the URL is in the caller's message already
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %w", model.ErrTimeout, err)
	}
	return fmt.Errorf("%w: %w", model.ErrConnection, err)
}

// retryable reports whether an attempt's error is worth another attempt.
// Certificate failures are connection errors that no retry will fix.
func retryable(err error) bool {
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	if errors.As(err, &certErr) || errors.As(err, &unknownAuth) || errors.As(err, &hostErr) {
		return false
	}
	return model.Retryable(err)
}

// backoff returns the wait before the retry that follows attempt: the
// server's hint capped at BackoffMax, or full jitter over an exponentially
// growing ceiling.
func (c *Client) backoff(attempt int, hint time.Duration) time.Duration {
	if hint > 0 {
		return min(hint, c.cfg.BackoffMax)
	}
	ceiling := c.cfg.BackoffBase
	for i := 1; i < attempt && ceiling < c.cfg.BackoffMax; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, c.cfg.BackoffMax)
	return time.Duration(c.cfg.Jitter() * float64(ceiling))
}

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryAfter reads a server's wait hint: Retry-After-Ms (milliseconds, as
// OpenAI sends), or Retry-After in seconds or as an HTTP date. It returns 0
// when there is none.
func retryAfter(h http.Header, now time.Time) time.Duration {
	const most = 24 * time.Hour
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 {
			return scaled(ms, time.Millisecond, most)
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s > 0 {
			return scaled(s, time.Second, most)
		}
		return 0
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), most)
	}
	return 0
}

// scaled returns v units, at most most (and without overflowing).
func scaled(v float64, unit, most time.Duration) time.Duration {
	if v >= float64(most/unit) {
		return most
	}
	return time.Duration(v * float64(unit))
}
