package bolt

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// A taxonomy of our own: a group alias and a place alias.
const testTaxonomy = "group pupils = children\nplace the Strip = Gaza\n"

func TestTaxonomySetShowClear(t *testing.T) {
	refuse := errors.New("line 1: unknown directive")
	db := mustOpen(t, Options{CheckTaxonomy: func(text string) error {
		if strings.HasPrefix(text, "bogus") {
			return refuse
		}
		return nil
	}})
	if got, err := db.Taxonomy(); err != nil || got != "" {
		t.Fatalf("a new database: Taxonomy = %q, %v; want none", got, err)
	}
	if err := db.SetTaxonomy(testTaxonomy); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, text string
		want       error
	}{
		{"the checker refuses it", "bogus line\n", refuse},
		{"a carriage return", "group pupils = children\r\n", ErrBadTaxonomy},
		{"not UTF-8", "group \xff = children\n", ErrBadTaxonomy},
		{"too long", strings.Repeat("#\n", MaxTaxonomyBytes), ErrBadTaxonomy},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := db.SetTaxonomy(tt.text)
			if !errors.Is(err, tt.want) || !errors.Is(err, ErrBadTaxonomy) {
				t.Errorf("SetTaxonomy: err = %v, want %v and ErrBadTaxonomy", err, tt.want)
			}
			if got, _ := db.Taxonomy(); got != testTaxonomy {
				t.Errorf("after a refused SetTaxonomy the stored one is %q", got)
			}
		})
	}
	if err := db.SetTaxonomy(""); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Taxonomy(); got != "" {
		t.Errorf("after clearing, Taxonomy = %q", got)
	}
}

// TestTaxonomyExportImport: every export format carries the taxonomy, an
// import into an empty database takes it, and the second export is the
// first; a database with another taxonomy refuses a plain import of it
// and keeps its own on Merge, saying so.
func TestTaxonomyExportImport(t *testing.T) {
	src := mustOpen(t, Options{})
	fillForExport(t, src)
	if err := src.SetTaxonomy(testTaxonomy); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{FormatJSON, FormatJSONL, FormatCSV} {
		t.Run(format, func(t *testing.T) {
			first := mustExport(t, src, format)
			if !bytes.Contains(first, []byte("pupils")) {
				t.Fatalf("the %s export does not carry the taxonomy", format)
			}
			dst := mustOpen(t, Options{})
			if _, err := dst.Import(bytes.NewReader(first), "export"); err != nil {
				t.Fatal(err)
			}
			if got, _ := dst.Taxonomy(); got != testTaxonomy {
				t.Errorf("imported taxonomy = %q, want %q", got, testTaxonomy)
			}
			if second := mustExport(t, dst, format); !bytes.Equal(first, second) {
				t.Errorf("export → import → export changed: %s", firstDiff(first, second))
			}

			other := mustOpen(t, Options{})
			if err := other.SetTaxonomy("group kids = children\n"); err != nil {
				t.Fatal(err)
			}
			_, err := other.Import(bytes.NewReader(first), "export")
			if !errors.Is(err, ErrCollision) || !strings.Contains(err.Error(), "taxonomy") {
				t.Errorf("import over another taxonomy: err = %v, want ErrCollision naming the taxonomy", err)
			}
			if n := countReports(t, other); n != 0 {
				t.Errorf("a refused import stored %d reports", n)
			}
			res, err := other.Merge(bytes.NewReader(first), "export")
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := other.Taxonomy(); got != "group kids = children\n" {
				t.Errorf("Merge replaced the database's taxonomy with %q", got)
			}
			if len(res.Conflicts) == 0 || res.Conflicts[0].ID != "taxonomy" {
				t.Errorf("Merge conflicts = %v, want the taxonomy first", res.Conflicts)
			}
		})
	}
}

func countReports(t *testing.T, db *DB) int {
	t.Helper()
	n := 0
	if err := db.EachReport(func(ReportSummary) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
