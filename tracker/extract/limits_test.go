package extract

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// TestClaimCap is issue 10 item 1: 4 MB of "5 killed, 5 killed, …" made
// 400,000 claims and 2 GB of memory. The extractor now stops once a text
// holds more than tracker.MaxClaims claims and refuses it with
// tracker.ErrTooManyClaims, so time and memory are bounded by the cap, not
// by the text; a text with exactly the cap is read whole.
func TestClaimCap(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		claims int // -1: refused
	}{
		{"four megabytes of one clause", strings.Repeat("5 killed, ", tracker.MaxTextBytes/10), -1},
		{"sentences, one over the cap", strings.Repeat("Five people were killed. ", tracker.MaxClaims+1), -1},
		{"sentences, at the cap", strings.Repeat("Five people were killed. ", tracker.MaxClaims), tracker.MaxClaims},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			res, err := Extract(tt.text, Options{Date: tracker.MustDate("2023-10-09")})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes: %d claims, %v, %d MB allocated", len(tt.text), len(res.Claims), took, alloc>>20)
			if tt.claims < 0 {
				if !errors.Is(err, tracker.ErrTooManyClaims) {
					t.Fatalf("err = %v, want ErrTooManyClaims", err)
				}
			} else if err != nil || len(res.Claims) != tt.claims {
				t.Fatalf("%d claims, err %v; want %d", len(res.Claims), err, tt.claims)
			}
			// The cap's worth of claims with their sentences, and the text.
			if limit := uint64(64<<20) + 4*uint64(len(tt.text)); alloc > limit {
				t.Errorf("allocated %d MB, want under %d MB", alloc>>20, limit>>20)
			}
		})
	}
}
