package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// newServer starts a loopback test server with the handlers of the tests
// and closes it at the end of the test.
func newServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><p>Eleven people were killed.</p></body></html>")
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		// /hop/N redirects to /hop/N-1, and /hop/0 to the page.
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hop/"))
		if n <= 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/hop/"+strconv.Itoa(n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/report.txt", http.StatusFound)
	})
	mux.HandleFunc("/big-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "4096")
		w.Write(make([]byte, 4096))
	})
	mux.HandleFunc("/big-streamed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 64 {
			w.Write([]byte(strings.Repeat("x", 128)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/stall-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Three people were"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<p>Caf\xe9 owner among 4 dead</p>"))
	})
	mux.HandleFunc("/latin1-meta", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><meta charset=\"iso-8859-1\"></head><p>Caf\xe9 owner among 4 dead</p>"))
	})
	mux.HandleFunc("/latin1-feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><title>Caf\xe9 Wire</title></channel></rss>"))
	})
	mux.HandleFunc("/etag", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, "<feed></feed>")
	})
	mux.HandleFunc("/agent", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.UserAgent())
	})
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return srv
}

func TestGet(t *testing.T) {
	srv := newServer(t)
	f := New(Options{Client: srv.Client(), MaxBytes: 2048, MaxRedirects: 3, Timeout: 5 * time.Second})
	tests := []struct {
		name      string
		path      string
		wantType  string
		wantBody  string
		wantFinal string // path; "" means the same as path
	}{
		{name: "page", path: "/page", wantType: "text/html", wantBody: "<html><body><p>Eleven people were killed.</p></body></html>"},
		{name: "redirects within the limit", path: "/hop/2", wantType: "text/html", wantBody: "<html><body><p>Eleven people were killed.</p></body></html>", wantFinal: "/page"},
		{name: "charset from the header", path: "/latin1", wantType: "text/html", wantBody: "<p>Café owner among 4 dead</p>"},
		{name: "charset from a meta element", path: "/latin1-meta", wantType: "text/html", wantBody: "<html><head><meta charset=\"iso-8859-1\"></head><p>Café owner among 4 dead</p>"},
		{name: "feed encoding rewritten", path: "/latin1-feed", wantType: "application/rss+xml", wantBody: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel><title>Café Wire</title></channel></rss>"},
		{name: "user agent", path: "/agent", wantType: "text/plain", wantBody: "toll"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.Get(context.Background(), srv.URL+tt.path)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if got, want := string(p.Body), tt.wantBody; got != want {
				t.Errorf("body = %q, want %q", got, want)
			}
			if got, want := p.ContentType, tt.wantType; got != want {
				t.Errorf("content type = %q, want %q", got, want)
			}
			final := tt.wantFinal
			if final == "" {
				final = tt.path
			}
			if got, want := p.FinalURL, srv.URL+final; got != want {
				t.Errorf("final URL = %q, want %q", got, want)
			}
			if got, want := p.URL, srv.URL+tt.path; got != want {
				t.Errorf("URL = %q, want %q", got, want)
			}
		})
	}
}

func TestGetErrors(t *testing.T) {
	srv := newServer(t)
	f := New(Options{Client: srv.Client(), MaxBytes: 2048, MaxRedirects: 3, Timeout: 100 * time.Millisecond})
	tests := []struct {
		name    string
		url     string
		wantIs  error
		wantMsg string
	}{
		{name: "not found", url: srv.URL + "/missing", wantIs: ErrStatus, wantMsg: srv.URL + "/missing: HTTP error: 404 Not Found"},
		{name: "redirect loop", url: srv.URL + "/loop", wantIs: ErrTooManyRedirects, wantMsg: "too many redirects: more than 3"},
		{name: "one redirect too many", url: srv.URL + "/hop/3", wantIs: ErrTooManyRedirects, wantMsg: "more than 3 (the last to " + srv.URL + "/page)"},
		{name: "redirect to ftp", url: srv.URL + "/to-ftp", wantIs: ErrScheme, wantMsg: `redirected to ftp://files.example/report.txt: not an http or https address: the scheme is "ftp"`},
		{name: "declared too large", url: srv.URL + "/big-declared", wantIs: ErrTooLarge, wantMsg: "over 2048 bytes, the most toll reads from one address: the server says 4096 bytes"},
		{name: "streamed too large", url: srv.URL + "/big-streamed", wantIs: ErrTooLarge, wantMsg: srv.URL + "/big-streamed: response too large: over 2048 bytes"},
		{name: "no answer in time", url: srv.URL + "/stall", wantIs: ErrTimeout, wantMsg: "timed out: no complete answer within 100ms"},
		{name: "body not finished in time", url: srv.URL + "/stall-body", wantIs: ErrTimeout, wantMsg: "reading the body: timed out: no complete answer within 100ms"},
		{name: "file scheme", url: "file:///etc/hostname", wantIs: ErrScheme, wantMsg: `file:///etc/hostname: not an http or https address: the scheme is "file"`},
		{name: "ftp scheme", url: "ftp://files.example/a.txt", wantIs: ErrScheme, wantMsg: `the scheme is "ftp" (toll fetches http and https only`},
		{name: "no host", url: "http:///path", wantIs: ErrScheme, wantMsg: "http:///path: not an http or https address: no host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Get(context.Background(), tt.url)
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("Get(%s) = %v, want errors.Is %v", tt.url, err, tt.wantIs)
			}
			if got := err.Error(); !strings.Contains(got, tt.wantMsg) || !strings.HasPrefix(got, tt.url+": ") {
				t.Errorf("error = %q, want it to start with the URL and hold %q", got, tt.wantMsg)
			}
		})
	}
}

// TestConnectTimeout dials through a Dial that never connects, as a host
// that drops packets does, and wants the connect timeout, not the total.
func TestConnectTimeout(t *testing.T) {
	never := func(ctx context.Context, network, addr string) (net.Conn, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	f := New(Options{Dial: never, ConnectTimeout: 20 * time.Millisecond, Timeout: 5 * time.Second})
	start := time.Now()
	_, err := f.Get(context.Background(), "http://192.0.2.1/story")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Get = %v, want ErrTimeout", err)
	}
	if got, want := err.Error(), "http://192.0.2.1/story: could not connect to 192.0.2.1:80 within 20ms"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v, the total timeout rather than the connect timeout", d)
	}
}

func TestCancel(t *testing.T) {
	srv := newServer(t)
	f := New(Options{Client: srv.Client()})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	_, err := f.Get(ctx, srv.URL+"/stall")
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Fatalf("Get = %v, want context.Canceled and not a timeout", err)
	}
}

func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	f := New(Options{Timeout: 2 * time.Second})
	_, err = f.Get(context.Background(), "http://"+addr+"/story")
	if err == nil {
		t.Fatal("Get of a closed port succeeded")
	}
	if got := err.Error(); !strings.HasPrefix(got, "http://"+addr+"/story: ") || !strings.Contains(got, "connection refused") || strings.Count(got, addr) != 2 {
		t.Errorf("error = %q, want the URL once, then the dial error", got)
	}
}

func TestTLS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Two people were hurt.")
	}))
	defer srv.Close()
	p, err := New(Options{Client: srv.Client()}).Get(context.Background(), srv.URL+"/a")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if got, want := string(p.Body), "Two people were hurt."; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	// Without the server's certificate the fetch must fail, not skip the check.
	if _, err := New(Options{Timeout: 2 * time.Second}).Get(context.Background(), srv.URL+"/a"); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("Get with an unknown certificate = %v, want a certificate error", err)
	}
}

func TestGetIfChanged(t *testing.T) {
	srv := newServer(t)
	f := New(Options{Client: srv.Client()})
	first, err := f.Get(context.Background(), srv.URL+"/etag")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := first.ETag, `"v1"`; got != want {
		t.Fatalf("ETag = %q, want %q", got, want)
	}
	again, err := f.GetIfChanged(context.Background(), srv.URL+"/etag", first.ETag, first.LastModified)
	if err != nil {
		t.Fatal(err)
	}
	if !again.NotModified || len(again.Body) != 0 {
		t.Errorf("second fetch: NotModified = %v with %d bytes, want a 304 with no body", again.NotModified, len(again.Body))
	}
	// A 304 to a request that sent no validators is an error, not "nothing new".
	srv304 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) }))
	defer srv304.Close()
	if _, err := f.Get(context.Background(), srv304.URL); !errors.Is(err, ErrStatus) {
		t.Errorf("unasked 304: %v, want ErrStatus", err)
	}
}

func TestIsURL(t *testing.T) {
	tests := []struct {
		arg  string
		want bool
	}{
		{"https://example.org/story", true},
		{"http://127.0.0.1:8080/feed.xml", true},
		{"HTTP://EXAMPLE.ORG", true},
		{"ftp://files.example/a.txt", true},
		{"file:///etc/hostname", true},
		{"svn+ssh://host/repo", true},
		{"report.txt", false},
		{"reports/2023/a.html", false},
		{"-", false},
		{"./a://b", false},
		{"://nothing", false},
		{"http://", false},
		{"9p://host", false},
		{"C:\\reports\\a.txt", false},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			if got := IsURL(tt.arg); got != tt.want {
				t.Errorf("IsURL(%q) = %v, want %v", tt.arg, got, tt.want)
			}
		})
	}
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		raw     string
		wantErr string
	}{
		{raw: "https://example.org/a"},
		{raw: "http://[::1]:8080/"},
		{raw: "gopher://example.org/", wantErr: `gopher://example.org/: not an http or https address: the scheme is "gopher"`},
		{raw: "https://exa mple.org/", wantErr: `https://exa mple.org/: not a valid address: invalid character " " in host name`},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			_, err := CheckURL(tt.raw)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && !strings.HasPrefix(got, tt.wantErr) {
				t.Errorf("CheckURL(%q) = %q, want %q", tt.raw, got, tt.wantErr)
			}
		})
	}
}
