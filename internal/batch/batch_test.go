package batch

import (
	"testing"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

func TestStatusOn(t *testing.T) {
	b := Batch{OpensOn: calendar.NewDate(2026, 3, 1), ClosesOn: calendar.NewDate(2026, 4, 30)}
	tests := []struct {
		day  calendar.Date
		want Status
	}{
		{calendar.NewDate(2026, 2, 28), Upcoming},
		{calendar.NewDate(2026, 3, 1), Open},
		{calendar.NewDate(2026, 4, 30), Open},
		{calendar.NewDate(2026, 5, 1), Closed},
	}
	for _, tt := range tests {
		if got := b.StatusOn(tt.day); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.day, got, tt.want)
		}
	}
	b.ClosedEarlyOn = calendar.NewDate(2026, 4, 10)
	if b.StatusOn(calendar.NewDate(2026, 4, 9)) != Open || b.StatusOn(calendar.NewDate(2026, 4, 10)) != Closed {
		t.Error("closed early")
	}
}

func TestCheck(t *testing.T) {
	good := Batch{Tier: criteria.InnovativeSME, Kind: Recognition, Year: 2026, Name: " 2026年第一批 ", Ruleset: criteria.Ruleset2022,
		OpensOn: calendar.NewDate(2026, 3, 1), ClosesOn: calendar.NewDate(2026, 4, 30)}
	var fs apperr.Fields
	check(&good, &fs)
	if len(fs) != 0 || good.Name != "2026年第一批" {
		t.Errorf("good batch: %v %q", fs, good.Name)
	}
	bad := Batch{Tier: "gold", Kind: "annual", Year: 1999, Ruleset: "miit-1999", OpensOn: calendar.NewDate(2026, 3, 1), ClosesOn: calendar.NewDate(2026, 2, 1)}
	fs = nil
	check(&bad, &fs)
	for _, f := range []string{"tier", "kind", "year", "name", "ruleset", "closes_on"} {
		if !fs.Has(f) {
			t.Errorf("%s not refused: %v", f, fs)
		}
	}
}
