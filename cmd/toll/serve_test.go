package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdServe starts a test server on loopback for a script: `serve DIR`
// serves the files under DIR and sets $SERVER to the server's address
// (http://127.0.0.1:PORT), closed at the end of the script. It serves:
//
//   - /NAME: the file DIR/NAME with a Content-Type by its extension
//     (.html text/html, .rss application/rss+xml, .atom
//     application/atom+xml, .xml application/xml, .txt text/plain; any
//     other extension, none, so the client must sniff);
//   - when DIR/NAME is missing but DIR/NAME.1, DIR/NAME.2, … exist, the
//     n-th request of /NAME gets DIR/NAME.n, and every later one the last
//     (a feed that grows between the polls of toll watch);
//   - /redirect/N/NAME: N redirects, then /NAME;
//   - /status/CODE: that status with no body;
//   - /big: 11 MiB of text, over toll's cap;
//   - /stall: no answer until the client gives up.
func cmdServe(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: serve DIR")
	}
	dir := ts.MkAbs(args[0])
	st := ts.Value(serveKey{}).(*served)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean(r.URL.Path)
		st.mu.Lock()
		st.hits[p]++
		n := st.hits[p]
		st.mu.Unlock()
		switch {
		case strings.HasPrefix(p, "/redirect/"):
			n, rest, _ := strings.Cut(strings.TrimPrefix(p, "/redirect/"), "/")
			k, err := strconv.Atoi(n)
			if err != nil {
				http.Error(w, "bad redirect count", http.StatusBadRequest)
				return
			}
			if k <= 0 {
				http.Redirect(w, r, "/"+rest, http.StatusFound)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/redirect/%d/%s", k-1, rest), http.StatusFound)
			return
		case strings.HasPrefix(p, "/status/"):
			code, err := strconv.Atoi(strings.TrimPrefix(p, "/status/"))
			if err != nil {
				code = http.StatusBadRequest
			}
			w.WriteHeader(code)
			return
		case p == "/big":
			w.Header().Set("Content-Type", "text/plain")
			line := []byte(strings.Repeat("Four people were killed. ", 40) + "\n")
			for n := 0; n < 11<<20; n += len(line) {
				if _, err := w.Write(line); err != nil {
					return
				}
			}
			return
		case p == "/stall":
			<-r.Context().Done()
			return
		}
		name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
		if _, err := os.Stat(name); err != nil {
			for ; n > 0; n-- {
				if _, err := os.Stat(name + "." + strconv.Itoa(n)); err == nil {
					name += "." + strconv.Itoa(n)
					break
				}
			}
		}
		b, err := os.ReadFile(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		types := map[string]string{".html": "text/html; charset=utf-8", ".rss": "application/rss+xml",
			".atom": "application/atom+xml", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8"}
		if ct, ok := types[path.Ext(p)]; ok {
			w.Header().Set("Content-Type", ct)
		} else {
			w.Header()["Content-Type"] = nil // no type at all: not even Go's sniffed one
		}
		w.Write(b)
	}))
	ts.Defer(srv.Close)
	ts.Setenv("SERVER", srv.URL)
}

// serveKey finds a script's served state in its values.
type serveKey struct{}

// served counts the requests of each path the script's server answered.
type served struct {
	mu   sync.Mutex
	hits map[string]int
}

// cmdAwaitHits waits until the server has answered PATH at least N times:
// a script that runs toll in the background (exec toll watch … &) knows
// then that a poll has begun.
func cmdAwaitHits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: awaithits PATH N")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("awaithits: %q is not a number", args[1])
	}
	st := ts.Value(serveKey{}).(*served)
	deadline := time.Now().Add(10 * time.Second)
	for {
		st.mu.Lock()
		got := st.hits[path.Clean(args[0])]
		st.mu.Unlock()
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("awaithits: %s answered %d times in 10s, want %d", args[0], got, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
