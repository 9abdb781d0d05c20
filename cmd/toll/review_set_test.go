package main

import (
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestApplySetsRefusesBadText: a --set value that is not UTF-8 is refused
// (stored as given it would export as U+FFFD and change on the round
// trip), with the field named.
func TestApplySetsRefusesBadText(t *testing.T) {
	tests := []struct {
		name, set, wantErr string
	}{
		{"invalid UTF-8", "who=ab\xffcd", "--set who: the value is not UTF-8 text"},
		{"valid text", "who=Gazans", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tracker.Claim{Category: tracker.Killed, Who: "people"}
			got, err := applySets(c, []string{tt.set})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("got error %v, want %q", err, tt.wantErr)
			case tt.wantErr == "" && !strings.EqualFold(got.Who, "Gazans"):
				t.Errorf("who got %q, want gazans", got.Who)
			}
		})
	}
}
