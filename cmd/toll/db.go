package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// dbFlag is the --db flag of every command that uses the database.
func dbFlag() cli.Flag {
	return &cli.StringFlag{
		Name:      "db",
		TakesFile: true,
		Usage:     "database file (default $TOLL_DB, else $XDG_DATA_HOME/toll/toll.db, else ~/.local/share/toll/toll.db)",
	}
}

// dbPath picks the database file: --db, else $TOLL_DB, else
// $XDG_DATA_HOME/toll/toll.db, else ~/.local/share/toll/toll.db. A
// relative XDG_DATA_HOME is ignored, as the XDG spec says.
func dbPath(flag string, e env) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if p := e.getenv("TOLL_DB"); p != "" {
		return p, nil
	}
	if d := e.getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "toll", "toll.db"), nil
	}
	if h := e.getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "toll", "toll.db"), nil
	}
	return "", errors.New("no place for the database: pass --db PATH or set TOLL_DB (HOME is not set)")
}

// openWrite opens the database for a command that adds to it (add,
// import), creating the file and its directory on first use.
func openWrite(path string, e env) (*bolt.DB, error) {
	return openStore(path, storeOptions(e, false))
}

// openStore is openWrite with the options given.
func openStore(path string, o bolt.Options) (*bolt.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("database %s: cannot create its directory: %w", path, unwrapPath(err))
	}
	return bolt.Open(path, o)
}

// openChange opens an existing database for a command that changes what
// is in it (review, reextract, rm): there is nothing to change in a
// database that does not exist, so it is not created.
func openChange(path string, e env) (*bolt.DB, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	return bolt.Open(path, storeOptions(e, false))
}

// mustExist is the check of openRead and openChange. An empty file (made
// by touch, or left by a crash before bbolt wrote its first pages) holds no
// database either: bbolt would report "bad file descriptor" opening it
// read-only, and would silently make a new database of it for a change.
func mustExist(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no toll database at %s yet: add reports with \"toll add\" first, or pass --db", path)
	case err == nil && fi.Mode().IsRegular() && fi.Size() == 0:
		return fmt.Errorf("no toll database at %s yet (the file is empty): add reports with \"toll add\" first, or pass --db", path)
	}
	return nil
}

// openRead opens the database for a command that only reads it. A
// database that does not exist yet is an error, not a new empty file.
func openRead(path string, e env) (*bolt.DB, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	return bolt.Open(path, storeOptions(e, true))
}

// storeOptions are the options every command opens the store with: the
// clock, and toll's extractor and taxonomy parser, which the store is
// handed rather than importing (it reads a report's text on add and
// reextract, and checks a taxonomy before it stores one), and how long to
// wait for a database another process holds (env.lockTimeout). $TOLL_NO_INDEX
// set to anything has the store decode every claim instead of reading
// the claim index (bolt.Options.NoIndex): the same output, more slowly.
// The store keeps reconcile's tests of each claim's text as flags
// (reconcile.TextFlags), which cmd passes it as it passes the extractor.
func storeOptions(e env, readOnly bool) bolt.Options {
	// the extractor is built on the first report read, not on every open
	read := func(r tracker.Report) (tracker.Extraction, error) { return e.extract().Report(r) }
	o := bolt.Options{ReadOnly: readOnly, Now: e.now, Extract: read, ExtractorVersion: e.extractorVersion(),
		CheckTaxonomy: checkTaxonomy, NoIndex: e.getenv("TOLL_NO_INDEX") != "", Timeout: e.lockTimeout,
		TextFlags: reconcile.TextFlags, TextFlagsVersion: reconcile.TextFlagsVersion()}
	if e.damage != nil {
		o.Damaged = e.damage.note
	}
	return o
}

// unwrapPath drops the path an *fs.PathError repeats, for messages that
// name it already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
