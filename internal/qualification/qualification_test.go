package qualification

import (
	"slices"
	"testing"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

func d(s string) calendar.Date {
	v, err := calendar.Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestStatusOn(t *testing.T) {
	q := Qualification{Tier: criteria.InnovativeSME, GrantedOn: d("2023-06-30"), ValidUntil: ValidUntilOf(d("2023-06-30"))}
	if q.ValidUntil != d("2026-06-30") {
		t.Fatalf("valid until %s", q.ValidUntil)
	}
	tests := []struct {
		day  string
		want Status
	}{
		{"2023-06-29", Pending},
		{"2023-06-30", Valid},
		{"2026-03-31", Valid},    // 91 days before: still valid
		{"2026-04-01", Expiring}, // 90 days before: within the window
		{"2026-06-30", Expiring}, // valid on its valid-until date
		{"2026-07-01", Expired},  // expired the day after
	}
	for _, tt := range tests {
		if got := q.StatusOn(d(tt.day), DefaultExpiringDays); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.day, got, tt.want)
		}
		inForce := tt.want == Valid || tt.want == Expiring
		if q.InForce(d(tt.day)) != inForce {
			t.Errorf("%s: in force %v", tt.day, !inForce)
		}
	}
	q.RevokedOn = d("2025-01-10")
	if q.StatusOn(d("2025-01-09"), 90) != Valid || q.StatusOn(d("2025-01-10"), 90) != Revoked || q.InForce(d("2025-01-10")) {
		t.Error("revocation")
	}
}

func TestHeldTiers(t *testing.T) {
	qs := []Qualification{
		{Tier: criteria.SpecializedSME, GrantedOn: d("2024-01-01"), ValidUntil: d("2027-01-01")},
		{Tier: criteria.InnovativeSME, GrantedOn: d("2020-01-01"), ValidUntil: d("2023-01-01")},
		{Tier: criteria.InnovativeSME, GrantedOn: d("2023-01-02"), ValidUntil: d("2026-01-02")},
	}
	if got := HeldTiers(qs, d("2025-06-01")); !slices.Equal(got, []criteria.Tier{criteria.InnovativeSME, criteria.SpecializedSME}) {
		t.Errorf("held %v", got)
	}
	if got := HeldTiers(qs, d("2026-06-01")); !slices.Equal(got, []criteria.Tier{criteria.SpecializedSME}) {
		t.Errorf("held %v", got)
	}
	if top, ok := Highest(qs, d("2019-01-01")); ok {
		t.Errorf("highest %s", top)
	}
}
