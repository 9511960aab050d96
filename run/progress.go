package run

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/toolgym/toolgym/trajectory"
)

// progress shows how a run advances: a bar on a terminal, and on anything
// else (CI logs, files) a line every few seconds, since a bar prints
// nothing there.
type progress struct {
	mu        sync.Mutex
	total     int
	n, ok, er int
	start     time.Time

	p   *mpb.Progress
	bar *mpb.Bar

	w        io.Writer
	lastLine time.Time
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func newProgress(w io.Writer, total int, name string) *progress {
	pr := &progress{total: total, start: time.Now()}
	if w == nil || total == 0 {
		return pr
	}
	if !isTerminal(w) {
		pr.w = w
		fmt.Fprintf(w, "%s: running %d episodes\n", name, total)
		return pr
	}
	pr.p = mpb.New(mpb.WithOutput(w), mpb.WithWidth(36), mpb.WithRefreshRate(100*time.Millisecond))
	pr.bar = pr.p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name(name+" ", decor.WC{W: len(name) + 1}), decor.CountersNoUnit("%d/%d", decor.WCSyncSpace)),
		mpb.AppendDecorators(
			decor.Percentage(decor.WCSyncSpace),
			decor.Any(func(decor.Statistics) string {
				pr.mu.Lock()
				defer pr.mu.Unlock()
				rate := 0.0
				if pr.n-pr.er > 0 {
					rate = 100 * float64(pr.ok) / float64(pr.n-pr.er)
				}
				return fmt.Sprintf(" success %.1f%%  errored %d", rate, pr.er)
			}),
			decor.Name("  "), decor.Elapsed(decor.ET_STYLE_GO),
		),
	)
	return pr
}

func (pr *progress) done(ep Episode) {
	pr.mu.Lock()
	pr.n++
	if ep.Success {
		pr.ok++
	}
	if ep.Status == trajectory.StatusErrored || ep.Status == trajectory.StatusCanceled {
		pr.er++
	}
	line := pr.w != nil && (time.Since(pr.lastLine) > 2*time.Second || pr.n == pr.total)
	if line {
		pr.lastLine = time.Now()
		fmt.Fprintf(pr.w, "  %d/%d episodes (%.0f%%), %d successful, %d errored or canceled, %s elapsed\n",
			pr.n, pr.total, 100*float64(pr.n)/float64(pr.total), pr.ok, pr.er, time.Since(pr.start).Round(time.Millisecond))
	}
	pr.mu.Unlock()
	if pr.bar != nil {
		pr.bar.Increment()
	}
}

func (pr *progress) close() {
	if pr.bar != nil {
		if !pr.bar.Completed() {
			pr.bar.Abort(false)
		}
		pr.p.Wait()
	}
}
