package scripted_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/toolgym/toolgym/model/scripted"
)

func TestStartAndClose(t *testing.T) {
	run, err := scripted.Start(scripted.NewServer(scripted.Script(scripted.Text("hi"))))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(run.URL, "http://127.0.0.1:") || !strings.HasSuffix(run.URL, "/v1") || run.URL != "http://"+run.Addr+"/v1" {
		t.Errorf("URL %q, Addr %q", run.URL, run.Addr)
	}
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	defer tr.CloseIdleConnections()

	resp, err := c.Post(run.URL+"/chat/completions", "application/json", strings.NewReader(`{"messages":[{"role":"user","content":"x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"content":"hi"`) || !strings.Contains(string(b), `"model":"scripted"`) {
		t.Errorf("reply %d %s", resp.StatusCode, b)
	}
	if err := run.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := run.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if resp, err := c.Get(run.URL + "/models"); err == nil {
		resp.Body.Close()
		t.Errorf("server still answers after Close: %d", resp.StatusCode)
	}
}

// inFlight starts a request to a delayed reply and waits until the server
// has it; the result arrives on the returned channel.
func inFlight(t *testing.T, s *scripted.Server, url string, c *http.Client) <-chan error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		resp, err := c.Post(url+"/chat/completions", "application/json", strings.NewReader(`{"messages":[{"role":"user","content":"x"}]}`))
		if err == nil {
			var b []byte
			b, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			if err == nil && (resp.StatusCode != 200 || !strings.Contains(string(b), "slow")) {
				err = errors.New("unexpected reply: " + string(b))
			}
		}
		done <- err
	}()
	for s.Count() == 0 {
		time.Sleep(time.Millisecond)
	}
	return done
}

func TestShutdownWaitsForRequestsInFlight(t *testing.T) {
	s := scripted.NewServer(scripted.Script(scripted.Text("slow").After(200 * time.Millisecond)))
	run, err := scripted.Start(s)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	done := inFlight(t, s, run.URL, &http.Client{Transport: tr})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := run.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := <-done; err != nil {
		t.Errorf("request in flight during a graceful shutdown: %v", err)
	}
}

func TestCloseAbandonsDelayedReplies(t *testing.T) {
	s := scripted.NewServer(scripted.Script(scripted.Text("slow").After(time.Minute)))
	run, err := scripted.Start(s)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	done := inFlight(t, s, run.URL, &http.Client{Transport: tr})
	start := time.Now()
	if err := run.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v with a one-minute delay in flight", d)
	}
	if err := <-done; err == nil {
		t.Error("the abandoned request got a reply")
	}
}

func TestServeUntilCanceled(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := scripted.NewServer(scripted.Script(scripted.Text("slow").After(time.Minute)))
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- scripted.Serve(ctx, ln, s) }()

	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr}
	resp, err := c.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz %d", resp.StatusCode)
	}
	done := inFlight(t, s, "http://"+ln.Addr().String(), c)
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v after cancel", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Serve still running 3s after cancel")
	}
	if err := <-done; err == nil {
		t.Error("the delayed request got a reply from a stopped server")
	}
}

func TestListenAndServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- scripted.ListenAndServe(ctx, "127.0.0.1:0", scripted.NewServer(scripted.Script())) }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if err := <-served; err != nil {
		t.Errorf("ListenAndServe: %v", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if err := scripted.ListenAndServe(context.Background(), ln.Addr().String(), http.NotFoundHandler()); err == nil || !strings.Contains(err.Error(), "listening on") {
		t.Errorf("listening on a taken address: %v", err)
	}
}
