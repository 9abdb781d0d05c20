package bolt

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	bbolt "go.etcd.io/bbolt"
)

// The database's taxonomy is the text of a taxonomy file (group, place
// and source aliases and rules, read by reconcile.LoadTaxonomy), kept in
// the meta bucket beside the schema under keyTaxonomy: a setting of the
// database, not a record, so it needs no bucket of its own and no
// migration (a database without it has none). The store does not parse
// it: cmd/toll passes the parser as Options.CheckTaxonomy, as it passes
// the extractor.

var keyTaxonomy = []byte("taxonomy")

// MaxTaxonomyBytes caps a stored taxonomy: reconcile reads no more of a
// taxonomy file (reconcile.MaxTaxonomyBytes).
const MaxTaxonomyBytes = 1 << 20

// ErrBadTaxonomy is a taxonomy the store will not keep: too long, not
// UTF-8, with control characters, or refused by Options.CheckTaxonomy.
var ErrBadTaxonomy = errors.New("bad taxonomy")

// Taxonomy returns the taxonomy stored with SetTaxonomy (or by Import),
// "" when the database has none.
func (db *DB) Taxonomy() (string, error) {
	var text string
	err := db.view(func(tx *bbolt.Tx) error {
		text = string(tx.Bucket(bucketMeta).Get(keyTaxonomy))
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("taxonomy of %s: %w", db.path, err)
	}
	return text, nil
}

// SetTaxonomy stores text as the database's taxonomy, replacing any
// stored before; "" removes it. The text is checked first (see
// checkTaxonomy): a refused one leaves the stored one as it was.
func (db *DB) SetTaxonomy(text string) error {
	if text != "" {
		if err := db.checkTaxonomy(text); err != nil {
			return err
		}
	}
	err := db.update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if text == "" {
			return meta.Delete(keyTaxonomy)
		}
		return meta.Put(keyTaxonomy, []byte(text))
	})
	if err != nil {
		return fmt.Errorf("set the taxonomy of %s: %w", db.path, err)
	}
	return nil
}

// checkTaxonomy checks a taxonomy's text as the store holds it (at most
// MaxTaxonomyBytes of UTF-8, lines ending in \n, no control characters
// but tabs, so that every export format carries it unchanged) and then
// with Options.CheckTaxonomy.
func (db *DB) checkTaxonomy(text string) error {
	switch {
	case len(text) > MaxTaxonomyBytes:
		return fmt.Errorf("%w: %d bytes, more than %d", ErrBadTaxonomy, len(text), MaxTaxonomyBytes)
	case !utf8.ValidString(text):
		return fmt.Errorf("%w: not UTF-8", ErrBadTaxonomy)
	}
	for i, line := range strings.Split(text, "\n") {
		if j := strings.IndexFunc(line, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }); j >= 0 {
			return fmt.Errorf("%w: line %d holds the control character %q", ErrBadTaxonomy, i+1, line[j])
		}
	}
	if db.checkTax != nil {
		if err := db.checkTax(text); err != nil {
			return fmt.Errorf("%w: %w", ErrBadTaxonomy, err)
		}
	}
	return nil
}

// importTaxonomy is the taxonomy of an import file. A database without
// one takes it; one with the same keeps it; one with another refuses a
// plain Import (ErrCollision) and keeps its own on Merge, as a Conflict.
func (im *importer) taxonomy(text string) error {
	if !im.header {
		return errors.New("no export header before the taxonomy")
	}
	if im.taxonomySeen {
		return errors.New("a second taxonomy")
	}
	im.taxonomySeen = true
	if text == "" {
		return nil
	}
	if err := im.db.checkTaxonomy(text); err != nil {
		return err
	}
	meta := im.tx.Bucket(bucketMeta)
	stored := meta.Get(keyTaxonomy)
	switch {
	case stored == nil:
		return meta.Put(keyTaxonomy, []byte(text))
	case string(stored) == text:
		return nil
	case im.merge:
		im.res.Conflicts = append(im.res.Conflicts, Conflict{ID: "taxonomy",
			Message: "the file's taxonomy differs from the database's, which is kept (toll taxonomy set FILE replaces it)"})
		return nil
	}
	return fmt.Errorf("the file's taxonomy differs from the one stored in the database (toll taxonomy show prints it; toll taxonomy clear, then import): %w", ErrCollision)
}
