package tracker

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestWithHeadline(t *testing.T) {
	tests := []struct {
		name, title, body, want string
		end                     int
	}{
		{"prepended", "Quake kills 296 in Morocco", "RABAT (AP) — A powerful quake…", "Quake kills 296 in Morocco\n\nRABAT (AP) — A powerful quake…", 26},
		{"no title", "", "Body text.", "Body text.", 0},
		{"already first line", "Floods Kill 64", "Floods Kill 64\n\nThe floods…", "Floods Kill 64\n\nThe floods…", 14},
		{"spaces folded", " Floods  Kill 64 ", "Body.", "Floods Kill 64\n\nBody.", 14},
		{"title repeated later is still prepended", "Toll rises", "The toll rises to 12.\n\nToll rises", "Toll rises\n\nThe toll rises to 12.\n\nToll rises", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WithHeadline(tt.title, tt.body)
			if got != tt.want {
				t.Errorf("WithHeadline(%q, %q) = %q, want %q", tt.title, tt.body, got, tt.want)
			}
			if end := HeadlineEnd(tt.title, got); end != tt.end {
				t.Errorf("HeadlineEnd = %d, want %d", end, tt.end)
			}
		})
	}
}

// TestReportID checks ReportID, which hashes the text's words as it finds
// them, against the plain definition: the hash of
// strings.Join(strings.Fields(text), " "), on named cases and random texts
// of words, ASCII and Unicode white space, and bytes that are not UTF-8,
// long enough to cross its buffer.
func TestReportID(t *testing.T) {
	plain := func(text string) string {
		h := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
		return hex.EncodeToString(h[:6])
	}
	texts := []string{"", " ", "\n\t ", "one", " one  two\nthree ", "a\u00a0b\u2003c\u3000", "x\u0085y", "\xffbad\xfe utf\xc2",
		strings.Repeat("w", 5000), strings.Repeat("ab ", 3000), strings.Repeat(" ", 5000) + "end"}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	pieces := []string{"killed", "12", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "é", "\xff", "\u200b", "—", ".\n\n"}
	for range 300 {
		var b strings.Builder
		for range rng.IntN(3000) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		if got, want := ReportID(text), plain(text); got != want {
			t.Fatalf("ReportID(%.60q…) = %s, want %s", text, got, want)
		}
	}
}
