package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// jsonlKeys are the keys a JSONL report may have, in the order messages
// list them.
var jsonlKeys = []string{"source", "url", "published", "title", "text"}

// parseJSONL reads one report object per line. Blank lines are skipped;
// every other line must be a JSON object whose keys are among jsonlKeys,
// each at most once, with string (or null) values; "text" is required and
// "published" is YYYY-MM-DD or RFC 3339. The first bad line fails the
// whole file with its line number.
func parseJSONL(origin string, data []byte) ([]Doc, error) {
	name := displayName(origin)
	var docs []Doc
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		at := fmt.Sprintf("%s:%d", name, lineNo)
		d, err := parseJSONLine(line)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		d.Origin = fmt.Sprintf("%s:%d", origin, lineNo)
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: %w: no report lines", name, tracker.ErrEmptyText)
	}
	return docs, nil
}

// parseJSONLine reads one report object.
func parseJSONLine(line []byte) (Doc, error) {
	if !json.Valid(line) {
		var v any
		err := json.Unmarshal(line, &v)
		return Doc{}, fmt.Errorf("%w: %s", ErrInvalidJSON, jsonProblem(line, err))
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return Doc{}, fmt.Errorf("%w: want one object {\"text\": ...} per line", ErrInvalidJSON)
	}
	var d Doc
	var published string
	seen := make(map[string]bool)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return Doc{}, fmt.Errorf("%w: %v", ErrInvalidJSON, err)
		}
		key, _ := tok.(string)
		var dst *string
		switch key {
		case "source":
			dst = &d.Source
		case "url":
			dst = &d.URL
		case "published":
			dst = &published
		case "title":
			dst = &d.Title
		case "text":
			dst = &d.Text
		default:
			return Doc{}, fmt.Errorf("%w %q (want %s)", ErrUnknownKey, key, strings.Join(jsonlKeys, ", "))
		}
		if seen[key] {
			return Doc{}, fmt.Errorf("%w: key %q given twice", ErrInvalidJSON, key)
		}
		seen[key] = true
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return Doc{}, fmt.Errorf("%w: %v", ErrInvalidJSON, err)
		}
		if string(raw) == "null" {
			continue
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			return Doc{}, fmt.Errorf("%w: %q must be a string, not %s", ErrInvalidJSON, key, jsonType(raw))
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return Doc{}, fmt.Errorf("%w: %v", ErrInvalidJSON, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Doc{}, fmt.Errorf("%w: more than one value on the line", ErrInvalidJSON)
	}
	if !seen["text"] {
		return Doc{}, fmt.Errorf("%w: no \"text\" key", tracker.ErrEmptyText)
	}
	date, err := parsePublished(published)
	if err != nil {
		return Doc{}, fmt.Errorf("\"published\": %w", err)
	}
	d.Published = date
	d.Text = normalizeNewlines(d.Text)
	d.Title = normalizeSpace(d.Title)
	if err := checkWithHeadline(&d); err != nil {
		return Doc{}, fmt.Errorf("\"text\": %w", err)
	}
	return d, nil
}

// jsonProblem says what is wrong with an invalid JSON line and where, in
// words a person who edited the file by hand can act on.
func jsonProblem(line []byte, err error) string {
	const cut = "unexpected end of input (a line cut short, or an object split over lines?)"
	var se *json.SyntaxError
	switch {
	case err == nil:
	case strings.Contains(err.Error(), "unexpected end of JSON input"):
		return cut
	case errors.As(err, &se):
		// Offset counts the bytes read, the offending one included: it
		// is that byte's 1-based column.
		return fmt.Sprintf("%v at column %d", se, se.Offset)
	default:
		return err.Error()
	}
	return "not valid JSON"
}

// jsonType names the JSON type of a raw value for messages.
func jsonType(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	}
	return "a number"
}
