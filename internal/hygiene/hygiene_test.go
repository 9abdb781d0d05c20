package hygiene

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestPrintable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Gaza health ministry", "Gaza health ministry"},
		{"layout stays", "a\tb\nc\r\nd", "a\tb\nc\r\nd"},
		{"clear screen", "\x1b[2Jwiped", `\u001b[2Jwiped`},
		{"window title", "\x1b]0;owned\x07title", `\u001b]0;owned\u0007title`},
		{"hidden link", "\x1b]8;;http://x.example\x1b\\click\x1b]8;;\x1b\\", `\u001b]8;;http://x.example\u001b\click\u001b]8;;\u001b\`},
		{"lone carriage return", "12 killed\rno one", `12 killed\u000dno one`},
		{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`},
		{"DEL", "a\x7fb", `a\u007fb`},
		{"bidi override", "abc\u202edcba", `abc\u202edcba`},
		{"invalid byte", "a\x9bb", `a\x9bb`},
		{"other scripts stay", "Gaza – غزة – 1,000 people", "Gaza – غزة – 1,000 people"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestWriterSplits writes a text with escapes and multi-byte characters
// one byte at a time and in every two-piece split: the output is always
// Printable of the whole.
func TestWriterSplits(t *testing.T) {
	in := "title \x1b]0;x\x07 – غزة\r\nline\rover \u009b end\xe2\x80"
	want := Printable(in)
	var b bytes.Buffer
	w := NewWriter(&b)
	for i := 0; i < len(in); i++ {
		if _, err := w.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != want {
		t.Errorf("byte by byte: got %q, want %q", got, want)
	}
	for cut := 0; cut <= len(in); cut++ {
		b.Reset()
		w := NewWriter(&b)
		w.Write([]byte(in[:cut]))
		w.Write([]byte(in[cut:]))
		w.Flush()
		if got := b.String(); got != want {
			t.Errorf("split at %d: got %q, want %q", cut, got, want)
		}
	}
}

// TestWriterJSON: JSON written through a Writer decodes to the same value.
func TestWriterJSON(t *testing.T) {
	v := map[string]string{"title": "a\x1b[2J\u009b\x7f\u202e – b", "sentence": "12 killed"}
	raw, _ := json.Marshal(v)
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write(raw)
	w.Flush()
	if bytes.ContainsAny(b.Bytes(), "\x1b\x7f\u009b\u202e") {
		t.Fatalf("control characters left: %q", b.String())
	}
	var got map[string]string
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, b.String())
	}
	for k := range v {
		if got[k] != v[k] {
			t.Errorf("%s: got %q, want %q", k, got[k], v[k])
		}
	}
}

func TestCSVCell(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"text", "Gaza health ministry", "Gaza health ministry"},
		{"formula", "=HYPERLINK(\"http://x.example\",\"click\")", "'=HYPERLINK(\"http://x.example\",\"click\")"},
		{"plus", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"minus", "-2+3", "'-2+3"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"apostrophe", "'quoted'", "''quoted'"},
		{"negative number", "-33", "-33"},
		{"signed decimal", "+1.5", "+1.5"},
		{"dash word", "- said the ministry", "'- said the ministry"},
		{"equals inside", "a=b", "a=b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CSVCell(tt.in)
			if got != tt.want {
				t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if back := CSVValue(got); back != tt.in {
				t.Errorf("CSVValue(%q) = %q, want %q", got, back, tt.in)
			}
		})
	}
}

func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"", "=1", "'", "''=", "-5", "-", "+.5", "@", "\t", "text"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CSVCell(s)
		if CSVValue(c) != s {
			t.Fatalf("CSVValue(CSVCell(%q)) = %q", s, CSVValue(c))
		}
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !plainNumber(c[1:]) {
			t.Fatalf("CSVCell(%q) = %q starts with a formula character", s, c)
		}
	})
}

// TestNeedsWork holds needsWork's eight-byte words to the byte-by-byte
// reference: every byte value at every place of a plain line, and random
// mixes of plain text, controls, DEL and multi-byte runes.
func TestNeedsWork(t *testing.T) {
	plain := []byte("2023-04-13  health ministry  at least 1,945  1,945+\n")
	var cases [][]byte
	for v := 0; v < 256; v++ {
		for at := 0; at < 17; at++ {
			b := bytes.Clone(plain[:17])
			b[at] = byte(v)
			cases = append(cases, b)
		}
	}
	pieces := []string{"plain words ", "\t", "\n", "\x1b[2J", "\x7f", "é", "Bayt Ḩānūn", "\u202e", "\xff", "12,345", "\r\n", "\u2028"}
	rng := rand.New(rand.NewPCG(12, 3))
	for range 2000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		cases = append(cases, b)
	}
	for _, b := range cases {
		for start := range min(len(b), 8) {
			if got, want := needsWork(b[start:]), needsWorkBytes(b[start:]); got != want {
				t.Fatalf("needsWork(%q) = %v, want %v", b[start:], got, want)
			}
		}
	}
}
