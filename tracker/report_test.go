package tracker

import "testing"

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
