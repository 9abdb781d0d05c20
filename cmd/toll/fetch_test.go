package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddURLTLS adds a page from an https test server through the client
// the environment injects (the server's, which trusts its certificate).
func TestAddURLTLS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got, want := r.UserAgent(), "toll/"+version; got != want {
			http.Error(w, "user agent "+got, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		fmt.Fprint(w, "<html><head><meta property=\"og:site_name\" content=\"Caf\xe9 Gazette\"></head>"+
			"<body><p>Three people were killed when a caf\xe9 collapsed in the old town, firefighters said.</p></body></html>")
	}))
	defer srv.Close()
	e := storeEnv(filepath.Join(t.TempDir(), "toll.db"), "")
	e.httpClient = srv.Client()
	out := mustToll(t, e, "add", "--date", "2023-10-21", srv.URL+"/collapse")
	if want := "  2023-10-21  Café Gazette  1 claims  (" + srv.URL + "/collapse)"; !strings.Contains(out, want) {
		t.Errorf("add output lacks %q:\n%s", want, out)
	}
	out = mustToll(t, e, "claims", "--format", "jsonl")
	if want := `"sentence":"Three people were killed when a café collapsed in the old town, firefighters said."`; !strings.Contains(out, want) {
		t.Errorf("claims lack %s:\n%s", want, out)
	}
	// Without the injected client the certificate is unknown: the
	// address fails on its line, and the run fails.
	e.httpClient = nil
	_, stderr, err := runToll(t, e, "add", "--date", "2023-10-21", srv.URL+"/collapse")
	if !errors.Is(err, errFailed) || !strings.HasPrefix(stderr, "toll: add: "+srv.URL+"/collapse: ") || !strings.Contains(stderr, "certificate") {
		t.Errorf("add without the server's client: err %v, stderr %q", err, stderr)
	}
}

// TestAddURLCancelled stops a run whose context is cancelled while it
// waits for a server: the run says where it stopped and fails.
func TestAddURLCancelled(t *testing.T) {
	started := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
	}))
	defer srv.Close()
	e := storeEnv(filepath.Join(t.TempDir(), "toll.db"), "")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	var out, errOut strings.Builder
	err := newAppEnv(e, &out, &errOut).RunContext(ctx, []string{"toll", "add", "--date", "2023-10-21", srv.URL + "/slow", srv.URL + "/never"})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "add: stopped at "+srv.URL+"/slow") {
		t.Fatalf("add = %v, want stopped at the first address with context.Canceled", err)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr = %q, want nothing: the cancel is the run's error", errOut.String())
	}
}
