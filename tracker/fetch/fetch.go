package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// The defaults of Options.
const (
	// DefaultTimeout bounds one whole fetch: connecting, redirects,
	// headers and body.
	DefaultTimeout = 30 * time.Second
	// DefaultConnectTimeout bounds opening one connection (DNS, TCP, and
	// the TLS handshake).
	DefaultConnectTimeout = 10 * time.Second
	// DefaultMaxBytes caps a response body, after any gzip is undone. A
	// news page with its scripts is rarely over 2 MB and a feed well under
	// that; past 10 MiB the address is not a report.
	DefaultMaxBytes = 10 << 20
	// DefaultMaxRedirects is how many redirects a fetch follows.
	DefaultMaxRedirects = 5
)

// The errors of the package, tested with errors.Is. The messages wrapping
// them name the address and say what to do.
var (
	// ErrScheme is an address that is not http:// or https://, or has no
	// host.
	ErrScheme = errors.New("not an http or https address")
	// ErrTooLarge is a response body over Options.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrTooManyRedirects is a chain of redirects longer than
	// Options.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrStatus is a response whose status is not 2xx (after redirects)
	// nor 304 to a conditional request.
	ErrStatus = errors.New("HTTP error")
	// ErrTimeout is a fetch that did not connect within
	// Options.ConnectTimeout or did not finish within Options.Timeout.
	ErrTimeout = errors.New("timed out")
)

// Options configure a Fetcher. The zero value uses the defaults above.
type Options struct {
	// Client sends the requests; nil means a client of the Fetcher's own,
	// whose transport applies ConnectTimeout to Dial. A client given here
	// is used as it is (its Transport, Jar and Timeout) except that its
	// redirects are checked by the Fetcher: tests pass the client of an
	// httptest server.
	Client *http.Client
	// Dial opens connections for the Fetcher's own client; nil means a
	// net.Dialer. Tests pass one that never connects to see the connect
	// timeout.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// ConnectTimeout bounds each Dial of the Fetcher's own client.
	ConnectTimeout time.Duration
	// Timeout bounds a whole fetch, body included.
	Timeout time.Duration
	// MaxBytes caps a response body.
	MaxBytes int64
	// MaxRedirects is how many redirects to follow; negative follows none.
	MaxRedirects int
	// UserAgent is sent with every request; "" sends "toll".
	UserAgent string
}

// Fetcher gets pages and feeds over HTTP(S) within its limits. It is safe
// for concurrent use.
type Fetcher struct {
	client    *http.Client
	timeout   time.Duration
	maxBytes  int64
	redirects int
	agent     string
}

// New returns a Fetcher with opts, the zero fields set to the defaults.
func New(opts Options) *Fetcher {
	f := &Fetcher{timeout: opts.Timeout, maxBytes: opts.MaxBytes, redirects: opts.MaxRedirects, agent: opts.UserAgent}
	if f.timeout <= 0 {
		f.timeout = DefaultTimeout
	}
	if f.maxBytes <= 0 {
		f.maxBytes = DefaultMaxBytes
	}
	switch {
	case f.redirects == 0:
		f.redirects = DefaultMaxRedirects
	case f.redirects < 0:
		f.redirects = 0
	}
	if f.agent == "" {
		f.agent = "toll"
	}
	var c http.Client
	if opts.Client != nil {
		c = *opts.Client
	} else {
		c.Transport = newTransport(opts)
	}
	c.CheckRedirect = f.checkRedirect
	f.client = &c
	return f
}

// newTransport is the transport of the Fetcher's own client: the default
// transport's settings, with every dial bounded by the connect timeout.
func newTransport(opts Options) *http.Transport {
	ct := opts.ConnectTimeout
	if ct <= 0 {
		ct = DefaultConnectTimeout
	}
	dial := opts.Dial
	if dial == nil {
		dial = (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = http.ProxyFromEnvironment
	t.TLSHandshakeTimeout = ct
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		dctx, cancel := context.WithTimeout(ctx, ct)
		defer cancel()
		conn, err := dial(dctx, network, addr)
		if err != nil && ctx.Err() == nil && dctx.Err() != nil {
			return nil, connectTimeout{addr: addr, after: ct}
		}
		return conn, err
	}
	return t
}

// connectTimeout is a dial that did not finish within the connect timeout.
type connectTimeout struct {
	addr  string
	after time.Duration
}

func (e connectTimeout) Error() string {
	return fmt.Sprintf("could not connect to %s within %v", e.addr, e.after)
}
func (e connectTimeout) Unwrap() error { return ErrTimeout }
func (e connectTimeout) Timeout() bool { return true }

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.redirects {
		return fmt.Errorf("%w: more than %d (the last to %s)", ErrTooManyRedirects, f.redirects, req.URL.Redacted())
	}
	if err := checkScheme(req.URL); err != nil {
		return fmt.Errorf("redirected to %s: %w", req.URL.Redacted(), err)
	}
	return nil
}

// Page is what a fetch got.
type Page struct {
	// URL is the address asked for; FinalURL the one that answered,
	// after redirects.
	URL, FinalURL string
	// ContentType is the media type the server gave, lower-case and
	// without parameters ("text/html"), "" when it gave none.
	ContentType string
	// Body is the response body, converted to UTF-8 when the server, an
	// HTML <meta> or an XML declaration names another character set.
	Body []byte
	// ETag and LastModified are the validators the server sent, for a
	// later conditional fetch.
	ETag, LastModified string
	// NotModified is a 304 answer to a conditional fetch: Body is empty.
	NotModified bool
}

// IsURL reports whether arg is written as an address ("scheme://…")
// rather than a file path. A path never holds "://" before its first
// slash; Get refuses any scheme but http and https with ErrScheme.
func IsURL(arg string) bool {
	scheme, rest, ok := strings.Cut(arg, "://")
	if !ok || scheme == "" || rest == "" {
		return false
	}
	for i, r := range scheme {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// CheckURL parses an address and refuses one Get would not fetch: a
// scheme other than http or https, or no host.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%s: not a valid address: %v", raw, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("%s: %w", raw, err)
	}
	return u, nil
}

func checkScheme(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return fmt.Errorf("%w: the scheme is %q (toll fetches http and https only; save other documents to a file)", ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("%w: no host", ErrScheme)
	}
	return nil
}

// Get fetches raw, following at most MaxRedirects redirects, within
// Timeout, reading at most MaxBytes of body. Every error names raw and
// wraps one of the package's errors, context.Canceled when ctx was
// cancelled, or the network's error (connection refused, no such host).
func (f *Fetcher) Get(ctx context.Context, raw string) (Page, error) {
	return f.GetIfChanged(ctx, raw, "", "")
}

// GetIfChanged is Get sending the validators of an earlier fetch
// (If-None-Match, If-Modified-Since): a server that finds nothing new
// answers 304, and the Page says NotModified.
func (f *Fetcher) GetIfChanged(ctx context.Context, raw, etag, lastModified string) (Page, error) {
	p, err := f.get(ctx, raw, etag, lastModified)
	if err != nil {
		return Page{}, fmt.Errorf("%s: %w", raw, err)
	}
	return p, nil
}

func (f *Fetcher) get(parent context.Context, raw, etag, lastModified string) (Page, error) {
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return Page{}, fmt.Errorf("not a valid address: %v", err)
	}
	if err := checkScheme(u); err != nil {
		return Page{}, err
	}
	ctx, cancel := context.WithTimeout(parent, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, err
	}
	req.Header.Set("User-Agent", f.agent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return Page{}, f.doError(parent, err)
	}
	defer resp.Body.Close()
	p := Page{URL: raw, FinalURL: resp.Request.URL.String(), ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified && (etag != "" || lastModified != "") {
		p.NotModified = true
		return p, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Page{}, fmt.Errorf("%w: %s%s", ErrStatus, resp.Status, redirectedFrom(p))
	}
	if resp.ContentLength > f.maxBytes {
		return Page{}, f.tooLarge(fmt.Sprintf("the server says %d bytes", resp.ContentLength))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return Page{}, fmt.Errorf("reading the body: %w", f.doError(parent, err))
	}
	if int64(len(body)) > f.maxBytes {
		return Page{}, f.tooLarge("")
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		p.ContentType = strings.ToLower(mt)
	}
	p.Body, err = toUTF8(body, ct, p.ContentType, f.maxBytes)
	if err != nil {
		return Page{}, err
	}
	return p, nil
}

func redirectedFrom(p Page) string {
	if p.FinalURL == p.URL {
		return ""
	}
	return " (redirected to " + p.FinalURL + ")"
}

func (f *Fetcher) tooLarge(why string) error {
	if why != "" {
		why = ": " + why
	}
	return fmt.Errorf("%w: over %d bytes, the most toll reads from one address%s", ErrTooLarge, f.maxBytes, why)
}

// doError turns what the client returned into a message without the
// *url.Error's repetition of the method and address, telling our own
// timeout from a cancelled run.
func (f *Fetcher) doError(parent context.Context, err error) error {
	var ct connectTimeout
	switch {
	case parent.Err() != nil:
		return parent.Err()
	case errors.As(err, &ct):
		return ct
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: no complete answer within %v", ErrTimeout, f.timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return err
}

// xmlDecl finds the encoding of an XML declaration.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// toUTF8 converts a body to UTF-8 when its character set is known to be
// another: the Content-Type's charset parameter, else an XML
// declaration's encoding, else (for HTML) a <meta charset>. A body
// already valid UTF-8 with no declared charset is left alone. The XML
// declaration of a converted feed is rewritten to say UTF-8, so that the
// feed parser does not convert it again. The converted body is capped
// like the raw one (a single-byte charset can grow threefold).
func toUTF8(body []byte, contentType, mediaType string, max int64) ([]byte, error) {
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	decl := xmlDecl.FindSubmatchIndex(body)
	if label == "" && decl != nil {
		label = string(body[decl[2]:decl[3]])
	}
	if label == "" && strings.Contains(mediaType, "html") {
		if _, name, certain := charset.DetermineEncoding(body, contentType); certain || !utf8.Valid(body) {
			label = name
		}
	}
	if label == "" || isUTF8Label(label) {
		return body, nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		if utf8.Valid(body) {
			return body, nil
		}
		return nil, fmt.Errorf("unknown character set %q", label)
	}
	if isUTF8Label(name) {
		return body, nil
	}
	out, err := io.ReadAll(io.LimitReader(enc.NewDecoder().Reader(bytes.NewReader(body)), max+1))
	if err != nil {
		return nil, fmt.Errorf("converting from %s: %w", name, err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: over %d bytes once converted from %s to UTF-8", ErrTooLarge, max, name)
	}
	if decl != nil {
		// The declaration is ASCII, so it sits at the same place after
		// conversion from any ASCII-compatible charset.
		if d := xmlDecl.FindSubmatchIndex(out); d != nil {
			out = append(append(append([]byte{}, out[:d[2]]...), "UTF-8"...), out[d[3]:]...)
		}
	}
	return out, nil
}

func isUTF8Label(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "utf-8" || s == "utf8" || s == "us-ascii" || s == "ascii"
}
