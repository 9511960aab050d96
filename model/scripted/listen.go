package scripted

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// shutdownGrace bounds how long a stopping server waits for requests in
// flight before closing their connections.
const shutdownGrace = 5 * time.Second

func newHTTPServer(base context.Context, h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
}

// Running is a server started by [Start].
type Running struct {
	// URL is the OpenAI base URL, "http://127.0.0.1:PORT/v1".
	URL string
	// Addr is the listening address, "127.0.0.1:PORT".
	Addr string

	srv    *http.Server
	cancel context.CancelFunc
	served chan error

	once sync.Once
	err  error
}

// Start serves h on a free loopback port until [Running.Close] or
// [Running.Shutdown].
func Start(h http.Handler) (*Running, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("scripted: listening on loopback: %w", err)
	}
	base, cancel := context.WithCancel(context.Background())
	r := &Running{
		Addr:   ln.Addr().String(),
		srv:    newHTTPServer(base, h),
		cancel: cancel,
		served: make(chan error, 1),
	}
	r.URL = "http://" + r.Addr + "/v1"
	go func() { r.served <- r.srv.Serve(ln) }()
	return r, nil
}

// Close stops the server at once: delayed replies in flight are abandoned,
// the listener and every connection close, and Close returns when the
// serving goroutine has ended. Calling it again returns the first result.
func (r *Running) Close() error {
	r.cancel()
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	return r.Shutdown(ctx)
}

// Shutdown stops the server gracefully: it stops accepting, waits for the
// requests in flight until ctx ends, then closes what is left.
func (r *Running) Shutdown(ctx context.Context) error {
	r.once.Do(func() {
		r.err = stop(ctx, r.srv, r.served)
		r.cancel()
	})
	return r.err
}

// stop shuts srv down within ctx, closes it when that fails, and waits for
// Serve (which reports on served) to return.
func stop(ctx context.Context, srv *http.Server, served <-chan error) error {
	err := srv.Shutdown(ctx)
	if err != nil {
		srv.Close()
	}
	if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("scripted: stopping server: %w", err)
	}
	return nil
}

// ListenAndServe serves h on addr (for example "127.0.0.1:8000") until ctx
// is canceled, then shuts down gracefully; it returns nil after a clean
// shutdown.
func ListenAndServe(ctx context.Context, addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("scripted: listening on %s: %w", addr, err)
	}
	return Serve(ctx, ln, h)
}

// Serve serves h on ln until ctx is canceled, like [ListenAndServe]; it
// closes ln. Requests in flight see ctx's cancellation, so delayed replies
// end at once.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := newHTTPServer(ctx, h)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("scripted: serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	return stop(sctx, srv, served)
}
