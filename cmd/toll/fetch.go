package main

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/tracker/fetch"
	"github.com/tollproject/toll/tracker/ingest"
)

// timeoutFlag is the --timeout of the commands that fetch addresses.
func timeoutFlag() cli.Flag {
	return &cli.DurationFlag{Name: "timeout", Value: fetch.DefaultTimeout,
		Usage: "the longest one address may take to fetch, body included (e.g. 10s, 2m)"}
}

// newFetcher is the fetcher of add and watch: the environment's HTTP
// client (tests pass a test server's), toll's limits, and a total timeout
// per address.
func newFetcher(e env, timeout time.Duration) *fetch.Fetcher {
	return fetch.New(fetch.Options{Client: e.httpClient, Timeout: timeout, UserAgent: "toll/" + version})
}

// fetchDocs fetches an address and reads what came back through ingest as
// a file of the same kind would be read, the kind told by the content
// type (or sniffed). A page is recorded at the address that answered
// (after redirects), not at the canonical address it may claim: a
// syndicated copy names its origin there, and the copy is what was seen.
// A feed item keeps its own link. What names no outlet is credited to the
// address's host.
func fetchDocs(ctx context.Context, f *fetch.Fetcher, raw string) ([]ingest.Doc, error) {
	docs, _, err := fetchDocsIfChanged(ctx, f, raw, "", "")
	return docs, err
}

// fetchDocsIfChanged is fetchDocs sending the validators of an earlier
// fetch: on a 304 it returns no documents and a Page that says
// NotModified. The Page carries the validators for the next time.
func fetchDocsIfChanged(ctx context.Context, f *fetch.Fetcher, raw, etag, lastModified string) ([]ingest.Doc, fetch.Page, error) {
	p, err := f.GetIfChanged(ctx, raw, etag, lastModified)
	if err != nil || p.NotModified {
		return nil, p, err
	}
	kind := ingest.DetectMedia(p.ContentType, p.Body)
	docs, err := ingest.Parse(raw, p.Body, kind)
	if err != nil {
		return nil, p, err
	}
	host := hostOf(p.FinalURL)
	for i := range docs {
		d := &docs[i]
		if kind != ingest.Feed && kind != ingest.JSONL || d.URL == "" {
			d.URL = p.FinalURL
		}
		if d.Source == "" {
			d.Source = host
		}
	}
	return docs, p, nil
}

// hostOf is an address's host without "www." and the port, as an outlet's
// name of last resort.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
