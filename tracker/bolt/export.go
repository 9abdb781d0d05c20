package bolt

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/internal/hygiene"
	"github.com/tollproject/toll/tracker"
)

// ExportVersion is the version of the export formats written by Export.
const ExportVersion = 1

// ExportSchema is the schema an export's header names: the schema whose
// records its lines hold. Schema 4 changed only how the store encodes
// reports and claims, not what they hold, and schema 5 only added an
// index of them, so exports stay schema 3 and a toll of schema 3 still
// imports them.
const ExportSchema = 3

// The export formats.
const (
	FormatJSON  = "json"
	FormatJSONL = "jsonl"
	FormatCSV   = "csv"
)

// exportHeader opens every export.
type exportHeader struct {
	TollExport int `json:"toll_export"`
	Schema     int `json:"schema"`
	// Taxonomy is the database's taxonomy (SetTaxonomy), when it has one.
	Taxonomy string `json:"taxonomy,omitempty"`
}

// exportReport is a report in an export: the report, the next claim
// number it would give (so that numbers stay never-reused across an
// export and import), its sightings (schema 2) and, in the JSON document
// only, its claims.
type exportReport struct {
	Report    tracker.Report        `json:"report"`
	NextClaim int                   `json:"next_claim"`
	Sightings []tracker.Sighting    `json:"sightings,omitempty"`
	Claims    []tracker.StoredClaim `json:"claims,omitempty"`
}

// exportLine is one line of the JSONL export: exactly one field is set.
type exportLine struct {
	*exportHeader
	Report    *tracker.Report         `json:"report,omitempty"`
	NextClaim int                     `json:"next_claim,omitempty"`
	Sightings []tracker.Sighting      `json:"sightings,omitempty"`
	Claim     *tracker.StoredClaim    `json:"claim,omitempty"`
	Ack       *tracker.Ack            `json:"ack,omitempty"`
	Decision  *tracker.SeriesDecision `json:"decision,omitempty"`
}

// csvColumns are the columns of the CSV export. A row's "record" says
// what it holds: "export" (version = schema), "taxonomy" (the database's,
// in text, right after the export row, when it has one), "report", "sighting" (one
// sighting of the report named in report, right after it: source, url,
// published, added), "version" (one
// version of a claim; id is the claim id, version counts from 1), "ack"
// or "decision" (a series decision: id, at, op, series, other, claim,
// undoes, and its text in note).
var csvColumns = []string{
	"record", "id", "report", "version", "status", "by", "at", "note",
	"source", "url", "title", "published", "added", "extractor", "next_claim", "text",
	"category", "low", "high", "qualifier", "vague", "who", "where", "attribution",
	"as_of", "scope", "since", "from", "to", "prior", "revised", "start", "end", "span", "sentence",
	"finding",
	"op", "series", "other", "claim", "undoes",
	"context",
}

// csvColumnsSchema1 are the columns of a schema 1 CSV export, which
// Import still reads: those before the decisions' columns.
var csvColumnsSchema1 = csvColumns[:len(csvColumns)-6]

// Export writes the database's taxonomy (with the header), every report,
// claim (with its whole history), ack and series decision in one read
// transaction, reports in id order, each
// report's claims in number order, acks by finding, decisions in the
// order they were made. The output is deterministic: importing
// it into an empty database and exporting again gives the same bytes.
func (db *DB) Export(w io.Writer, format string) error {
	bw := bufio.NewWriter(w)
	var x exporter
	switch format {
	case FormatJSON:
		x = &jsonExporter{w: bw}
	case FormatJSONL:
		x = &jsonlExporter{w: bw}
	case FormatCSV:
		x = &csvExporter{w: csv.NewWriter(bw)}
	default:
		return fmt.Errorf("export: unknown format %q (want json, jsonl or csv)", format)
	}
	err := db.view(func(tx *bbolt.Tx) error {
		if err := x.begin(string(tx.Bucket(bucketMeta).Get(keyTaxonomy))); err != nil {
			return err
		}
		c := tx.Bucket(bucketReports).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			id := string(k)
			r, _, err := getReport(tx, id)
			if err != nil {
				// its claims cannot be imported without it
				if n := countClaims(tx, id); n > 0 {
					if d := (*Damaged)(nil); errors.As(err, &d) {
						d.Problem += fmt.Sprintf("; its %d claims are left out", n)
					}
				}
				if err := db.skip(err); err != nil {
					return err
				}
				continue
			}
			var claims []tracker.StoredClaim
			err = eachClaimOf(tx, id, db.skip, func(n int, rec claimRecord) error {
				claims = append(claims, rec.stored(id, n))
				return nil
			})
			if err != nil {
				return err
			}
			sights, _, err := sightingsOf(tx, id, db.skip)
			if err != nil {
				return err
			}
			if err := x.report(exportReport{Report: r, NextClaim: nextClaimNumber(tx, id), Sightings: sights, Claims: claims}); err != nil {
				return err
			}
		}
		if err := x.endReports(); err != nil {
			return err
		}
		err := tx.Bucket(bucketAcks).ForEach(func(k, v []byte) error {
			a, err := decodeAck(k, v)
			if err != nil {
				return db.skip(err)
			}
			return x.ack(a)
		})
		if err != nil {
			return err
		}
		if err := x.endAcks(); err != nil {
			return err
		}
		return eachDecision(tx, x.decision)
	})
	if err == nil {
		err = x.end()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", db.path, err)
	}
	return nil
}

// exporter writes one format. A report is held with its claims only while
// it is written, so memory is bounded by the largest report.
type exporter interface {
	begin(taxonomy string) error
	report(exportReport) error
	endReports() error
	ack(tracker.Ack) error
	endAcks() error
	decision(tracker.SeriesDecision) error
	end() error
}

type jsonExporter struct {
	w                  *bufio.Writer
	n, acks, decisions int
}

func (x *jsonExporter) begin(taxonomy string) error {
	tax := ""
	if taxonomy != "" {
		b, err := json.Marshal(taxonomy)
		if err != nil {
			return err
		}
		tax = ",\n\"taxonomy\":" + string(b)
	}
	_, err := fmt.Fprintf(x.w, "{\"toll_export\":%d,\"schema\":%d%s,\"reports\":[", ExportVersion, ExportSchema, tax)
	return err
}

func (x *jsonExporter) report(r exportReport) error {
	claims := r.Claims
	r.Claims = nil
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	sep := ",\n"
	if x.n == 0 {
		sep = "\n"
	}
	x.n++
	// The claims are written one a line inside the report object, which
	// ends with "}": reopen it.
	if _, err := fmt.Fprintf(x.w, "%s%s,\"claims\":[", sep, b[:len(b)-1]); err != nil {
		return err
	}
	for i, sc := range claims {
		b, err := json.Marshal(sc)
		if err != nil {
			return err
		}
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		if _, err := fmt.Fprintf(x.w, "%s%s", sep, b); err != nil {
			return err
		}
	}
	_, err = x.w.WriteString("]}")
	return err
}

func (x *jsonExporter) endReports() error {
	_, err := x.w.WriteString("],\"acks\":[")
	return err
}

func (x *jsonExporter) ack(a tracker.Ack) error {
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	sep := ",\n"
	if x.acks == 0 {
		sep = "\n"
	}
	x.acks++
	_, err = fmt.Fprintf(x.w, "%s%s", sep, b)
	return err
}

func (x *jsonExporter) endAcks() error {
	_, err := x.w.WriteString("],\"decisions\":[")
	return err
}

func (x *jsonExporter) decision(d tracker.SeriesDecision) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	sep := ",\n"
	if x.decisions == 0 {
		sep = "\n"
	}
	x.decisions++
	_, err = fmt.Fprintf(x.w, "%s%s", sep, b)
	return err
}

func (x *jsonExporter) end() error {
	_, err := x.w.WriteString("]}\n")
	return err
}

type jsonlExporter struct{ w *bufio.Writer }

func (x *jsonlExporter) line(l exportLine) error {
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = x.w.Write(b)
	return err
}

func (x *jsonlExporter) begin(taxonomy string) error {
	return x.line(exportLine{exportHeader: &exportHeader{TollExport: ExportVersion, Schema: ExportSchema, Taxonomy: taxonomy}})
}

func (x *jsonlExporter) report(r exportReport) error {
	if err := x.line(exportLine{Report: &r.Report, NextClaim: r.NextClaim, Sightings: r.Sightings}); err != nil {
		return err
	}
	for i := range r.Claims {
		if err := x.line(exportLine{Claim: &r.Claims[i]}); err != nil {
			return err
		}
	}
	return nil
}

func (x *jsonlExporter) endReports() error       { return nil }
func (x *jsonlExporter) ack(a tracker.Ack) error { return x.line(exportLine{Ack: &a}) }
func (x *jsonlExporter) endAcks() error          { return nil }
func (x *jsonlExporter) end() error              { return nil }

func (x *jsonlExporter) decision(d tracker.SeriesDecision) error {
	return x.line(exportLine{Decision: &d})
}

type csvExporter struct{ w *csv.Writer }

func (x *csvExporter) row(set map[string]string) error {
	rec := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		rec[i] = hygiene.CSVCell(set[c])
	}
	return x.w.Write(rec)
}

func (x *csvExporter) begin(taxonomy string) error {
	if err := x.w.Write(csvColumns); err != nil {
		return err
	}
	err := x.row(map[string]string{"record": "export", "id": strconv.Itoa(ExportVersion), "version": strconv.Itoa(ExportSchema)})
	if err != nil || taxonomy == "" {
		return err
	}
	return x.row(map[string]string{"record": "taxonomy", "text": taxonomy})
}

func (x *csvExporter) report(r exportReport) error {
	rp := r.Report
	err := x.row(map[string]string{
		"record": "report", "id": rp.ID, "source": rp.Source, "url": rp.URL, "title": rp.Title,
		"published": rp.Published.String(), "added": timeText(rp.Added), "extractor": rp.Extractor,
		"next_claim": strconv.Itoa(r.NextClaim), "text": rp.Text,
	})
	if err != nil {
		return err
	}
	for _, s := range r.Sightings {
		err := x.row(map[string]string{
			"record": "sighting", "report": rp.ID, "source": s.Source, "url": s.URL,
			"published": s.Published.String(), "added": timeText(s.Added),
		})
		if err != nil {
			return err
		}
	}
	for _, sc := range r.Claims {
		for i, v := range sc.Versions {
			row := claimColumns(v.Claim)
			row["record"], row["id"], row["report"] = "version", sc.ID, sc.ReportID
			row["version"], row["status"], row["by"] = strconv.Itoa(i+1), string(v.Status), v.By
			row["at"], row["note"] = timeText(v.At), v.Note
			if err := x.row(row); err != nil {
				return err
			}
		}
	}
	return nil
}

func (x *csvExporter) endReports() error { return nil }

func (x *csvExporter) ack(a tracker.Ack) error {
	return x.row(map[string]string{"record": "ack", "finding": a.Finding, "note": a.Note, "at": timeText(a.At)})
}

func (x *csvExporter) endAcks() error { return nil }

func (x *csvExporter) decision(d tracker.SeriesDecision) error {
	return x.row(map[string]string{
		"record": "decision", "id": d.ID, "at": timeText(d.At), "op": string(d.Op), "series": d.Series,
		"other": d.Other, "claim": d.Claim, "note": d.Text, "undoes": d.Undoes,
	})
}

func (x *csvExporter) end() error {
	x.w.Flush()
	return x.w.Error()
}

// claimColumns writes a claim's fields as CSV cells: numbers as written,
// high empty when unbounded, booleans true/false.
func claimColumns(c tracker.Claim) map[string]string {
	high := ""
	if !c.Interval.Unbounded {
		high = c.Interval.High.String()
	}
	return map[string]string{
		"category": string(c.Category), "low": c.Interval.Low.String(), "high": high,
		"qualifier": string(c.Qualifier), "vague": c.Vague, "who": c.Who, "where": c.Where,
		"attribution": c.Attribution, "as_of": c.AsOf.String(), "scope": string(c.Scope),
		"since": c.Since, "from": c.From, "to": c.To, "prior": strconv.FormatBool(c.Prior),
		"revised": strconv.FormatBool(c.Revised), "start": strconv.Itoa(c.Start), "end": strconv.Itoa(c.End),
		"span": c.Span, "sentence": c.Sentence, "context": contextText(c.Context),
	}
}

// contextText writes a claim's report context as JSON, or "" when the
// claim has none.
func contextText(x tracker.Context) string {
	if x == (tracker.Context{}) {
		return ""
	}
	b, _ := json.Marshal(x)
	return string(b)
}

// timeText writes t as encoding/json does, so CSV and JSON agree.
func timeText(t time.Time) string {
	b, _ := t.MarshalText()
	return string(b)
}
