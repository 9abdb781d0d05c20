package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker/bolt"
)

// feedServer serves versions of an RSS feed: the n-th request gets
// versions[n-1] (the last repeats), each with its own ETag; a request
// sending the ETag of the version it would get is answered 304.
func feedServer(tb testing.TB, versions ...string) *httptest.Server {
	tb.Helper()
	var mu sync.Mutex
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		i := min(n, len(versions)) - 1
		mu.Unlock()
		etag := fmt.Sprintf(`"v%d"`, i+1)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, versions[i])
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// rss writes a feed of items, each {link, date, text}.
func rss(items ...[3]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Delta Wire</title>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>Floods</title><link>%s</link><pubDate>%s</pubDate><description>&lt;p&gt;%s&lt;/p&gt;</description></item>", it[0], it[1], it[2])
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

var (
	itemMonday  = [3]string{"https://delta.example/1", "Mon, 16 Oct 2023 08:00:00 +0000", "The disaster agency said on Monday that 48 people had been killed in the floods since Friday."}
	itemTuesday = [3]string{"https://delta.example/2", "Tue, 17 Oct 2023 08:00:00 +0000", "The disaster agency said on Tuesday that 41 people had been killed in the floods since Friday."}
)

// tickEnv is storeEnv with a ticker the test drives: each send on the
// returned channel is one tick, and blocks until watch waits for it, so
// the test knows the poll before it is over.
func tickEnv(db string) (env, chan time.Time) {
	e := storeEnv(db, "")
	ticks := make(chan time.Time)
	e.ticker = func(time.Duration) (<-chan time.Time, func()) { return ticks, func() {} }
	return e, ticks
}

func TestWatch(t *testing.T) {
	srv := feedServer(t, rss(itemMonday), rss(itemMonday, itemTuesday))
	e, ticks := tickEnv(filepath.Join(t.TempDir(), "toll.db"))
	type result struct {
		out, errOut string
		err         error
	}
	done := make(chan result)
	go func() {
		out, errOut, err := runToll(t, e, "watch", "--count", "4", "--every", "1h", srv.URL+"/feed")
		done <- result{out, errOut, err}
	}()
	ticks <- time.Time{} // poll 1 is over: poll 2
	ticks <- time.Time{} // poll 2 is over: poll 3
	ticks <- time.Time{} // poll 4: still not modified (the 304 kept the validators)
	r := <-done
	if r.err != nil || r.errOut != "" {
		t.Fatalf("watch: %v\nstderr: %s", r.err, r.errOut)
	}
	polls := strings.Split(r.out, "Z  "+srv.URL+"/feed: ")
	if len(polls) != 5 {
		t.Fatalf("want 4 polls in the output:\n%s", r.out)
	}
	for i, want := range [][]string{
		{"1 item, 1 new\n", "  Delta Wire  1 claims  (" + srv.URL + "/feed: item 1)\n", "killed", "48", "no new findings\n"},
		{"2 items, 1 new\n", "  Delta Wire  1 claims  (" + srv.URL + "/feed: item 2)\n", "41", "1 new finding:\n", "decrease", "fell from 48"},
		{"not modified\n"},
		{"not modified\n"},
	} {
		for _, w := range want {
			if !strings.Contains(polls[i+1], w) {
				t.Errorf("poll %d lacks %q:\n%s", i+1, w, polls[i+1])
			}
		}
	}
	if strings.Contains(polls[2], "item 1)") {
		t.Errorf("poll 2 added item 1 again:\n%s", polls[2])
	}
	if got := strings.Count(mustToll(t, e, "claims", "--format", "jsonl"), "\n"); got != 2 {
		t.Errorf("%d claims stored, want 2", got)
	}
}

// TestWatchStop cancels watch while it waits for the next poll: it says
// it stopped and succeeds, with what it added kept.
func TestWatchStop(t *testing.T) {
	srv := feedServer(t, rss(itemMonday))
	e, _ := tickEnv(filepath.Join(t.TempDir(), "toll.db"))
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error)
	go func() {
		done <- newAppEnv(e, &out, &errOut).RunContext(ctx, []string{"toll", "watch", srv.URL + "/feed"})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "no new findings") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("watch after a cancel: %v, want a clean stop", err)
	}
	if !strings.HasSuffix(out.String(), "  stopped\n") || errOut.String() != "" {
		t.Errorf("output:\n%s\nstderr: %s", out.String(), errOut.String())
	}
	if got := strings.Count(mustToll(t, e, "claims", "--format", "jsonl"), "\n"); got != 1 {
		t.Errorf("%d claims stored, want 1", got)
	}
}

// TestWatchFailure polls an address that fails and one that works: the
// failure is named once a poll, the other still added, and --once ends
// with status 1.
func TestWatchFailure(t *testing.T) {
	srv := feedServer(t, rss(itemMonday))
	gone := httptest.NewServer(http.NotFoundHandler())
	defer gone.Close()
	e, ticks := tickEnv(filepath.Join(t.TempDir(), "toll.db"))
	out, errOut, err := runToll(t, e, "watch", "--once", gone.URL+"/feed", srv.URL+"/feed")
	if !errors.Is(err, errFailed) {
		t.Fatalf("watch --once with a failing address: %v, want errFailed", err)
	}
	if want := "toll: watch: " + gone.URL + "/feed: HTTP error: 404 Not Found\n"; errOut != want {
		t.Errorf("stderr = %q, want %q", errOut, want)
	}
	if !strings.Contains(out, "  Delta Wire  1 claims  (") {
		t.Errorf("the working address was not added:\n%s", out)
	}
	// Polled until stopped, a failure is named each time and the other
	// addresses go on; stopped, the run succeeds.
	ctx, cancel := context.WithCancel(context.Background())
	var wout, werr syncBuffer
	done := make(chan error)
	go func() {
		done <- newAppEnv(e, &wout, &werr).RunContext(ctx, []string{"toll", "watch", gone.URL + "/feed", srv.URL + "/feed"})
	}()
	ticks <- time.Time{}
	ticks <- time.Time{}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("stopped watch: %v", err)
	}
	if n := strings.Count(werr.String(), "404 Not Found"); n < 2 {
		t.Errorf("the failing address was named %d times over 3 polls:\n%s", n, werr.String())
	}
}

// syncBuffer is a strings.Builder safe to read while watch writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestWatchLocked polls while another toll holds the database: the poll
// names the problem and the next poll adds the items it could not.
func TestWatchLocked(t *testing.T) {
	srv := feedServer(t, rss(itemMonday))
	dbPath := filepath.Join(t.TempDir(), "toll.db")
	e, ticks := tickEnv(dbPath)
	e.lockTimeout = testLockTimeout
	held, err := bolt.Open(dbPath, bolt.Options{}) // as another toll would
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	done := make(chan error)
	go func() {
		done <- newAppEnv(e, &out, &errOut).RunContext(context.Background(), []string{"toll", "watch", "--count", "2", srv.URL + "/feed"})
	}()
	// Poll 1 is refused the lock: let go of it once poll 1 has said so,
	// before the tick that starts poll 2, which waits only testLockTimeout.
	const refused = "in use by another toll process (the new items are tried again at the next poll)"
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(errOut.String(), refused) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	held.Close()
	ticks <- time.Time{}
	if err := <-done; !errors.Is(err, errFailed) {
		t.Fatalf("watch: %v, want errFailed for the failed poll", err)
	}
	if !strings.Contains(errOut.String(), refused) {
		t.Errorf("stderr: %s", errOut.String())
	}
	if !strings.Contains(out.String(), "  Delta Wire  1 claims  (") {
		t.Errorf("poll 2 did not add the item:\n%s", out.String())
	}
}

// TestWatchGUID follows an item by its guid: the link gains a tracking
// parameter between polls, the text does not change, and the item is not
// new.
func TestWatchGUID(t *testing.T) {
	item := func(link string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Delta Wire</title><item><guid>delta-1016</guid>` +
			"<link>" + link + "</link><pubDate>Mon, 16 Oct 2023 08:00:00 +0000</pubDate><description>" + itemMonday[2] + "</description></item></channel></rss>"
	}
	srv := feedServer(t, item("https://delta.example/1"), item("https://delta.example/1?ref=rss"))
	e, ticks := tickEnv(filepath.Join(t.TempDir(), "toll.db"))
	done := make(chan string)
	go func() {
		out, _, _ := runToll(t, e, "watch", "--count", "2", srv.URL+"/feed")
		done <- out
	}()
	ticks <- time.Time{}
	out := <-done
	if !strings.Contains(out, "/feed: 1 item, 1 new\n") || !strings.Contains(out, "/feed: 1 item, 0 new\n") {
		t.Errorf("want the item new once, then known by its guid:\n%s", out)
	}
	if strings.Contains(out, "sighting") {
		t.Errorf("the same item at a tracking link was taken for another carrier:\n%s", out)
	}
}
