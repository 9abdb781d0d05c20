// Package fetch gets news pages and feeds over HTTP(S) for toll add and
// toll watch, within limits a user can state: a connect timeout and a
// timeout for the whole fetch, a cap on the body, a bounded number of
// redirects, and http and https only. It knows nothing of reports: a
// Fetcher hands back the bytes and their media type, and cmd/toll passes
// them to package ingest exactly as it would a file's.
//
// Every error names the address and wraps one of the package's sentinels
// (ErrScheme, ErrTooLarge, ErrTooManyRedirects, ErrStatus, ErrTimeout),
// context.Canceled, or the network's own error, so that a batch can
// report the address that failed in one line and go on with the others.
//
// The client is injectable (Options.Client, Options.Dial): the tests run
// against httptest servers on loopback only, and never sleep for longer
// than a timeout they set to a few milliseconds.
package fetch
