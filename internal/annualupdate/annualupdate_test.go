package annualupdate

import (
	"reflect"
	"testing"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/qualification"
)

func d(s string) calendar.Date {
	v, err := calendar.Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestParseWindow(t *testing.T) {
	for in, want := range map[string]Window{"01-01..04-30": {1, 1, 4, 30}, " 03-15..06-30 ": {3, 15, 6, 30}, "02-01..02-29": {2, 1, 2, 29}} {
		if got, err := ParseWindow(in); err != nil || got != want {
			t.Errorf("%q: %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "01-01", "01-01..13-01", "04-31..05-01", "05-01..04-30", "1..4", "01-01...04-30"} {
		if _, err := ParseWindow(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if o, c := (Window{2, 1, 2, 29}).In(2025); o != d("2025-02-01") || c != d("2025-02-28") {
		t.Errorf("02-29 in a common year: %v %v", o, c)
	}
}

func TestStatusOf(t *testing.T) {
	w := DefaultWindow
	cases := []struct {
		name     string
		required bool
		filed    string
		today    string
		want     Status
	}{
		{"no qualification", false, "", "2026-05-01", NotRequired},
		{"before the window", true, "", "2025-12-31", Upcoming},
		{"filed early counts", true, "2025-12-20", "2026-02-01", Filed},
		{"open, not filed", true, "", "2026-01-01", Pending},
		{"the last day is still open", true, "", "2026-04-30", Pending},
		{"filed on the last day", true, "2026-04-30", "2026-05-02", Filed},
		{"filed a day late", true, "2026-05-01", "2026-05-02", Missed},
		{"closed, never filed", true, "", "2026-05-01", Missed},
	}
	for _, c := range cases {
		var filed calendar.Date
		if c.filed != "" {
			filed = d(c.filed)
		}
		if got := StatusOf(w, 2026, c.required, filed, d(c.today)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestReminderDue(t *testing.T) {
	for today, want := range map[string]int{
		"2025-12-31": 0, "2026-03-30": 0, "2026-03-31": 30, "2026-04-22": 30, "2026-04-23": 7, "2026-04-30": 7, "2026-05-01": 0,
	} {
		if got := ReminderDue(DefaultWindow, 2026, d(today)); got != want {
			t.Errorf("%s: %d, want %d", today, got, want)
		}
	}
}

func TestRequiredAndMisses(t *testing.T) {
	q := qualification.Qualification{GrantedOn: d("2023-06-15"), ValidUntil: d("2026-06-15")}
	if Required(DefaultWindow, 2023, []qualification.Qualification{q}) {
		t.Error("required in 2023, before the grant")
	}
	if !Required(DefaultWindow, 2024, []qualification.Qualification{q}) {
		t.Error("not required in 2024")
	}
	filed := map[int]calendar.Date{2024: d("2024-03-01")}
	if got := Misses(DefaultWindow, q, filed, d("2025-04-30")); got != nil {
		t.Errorf("the 2025 window is still open: %v", got)
	}
	if got := Misses(DefaultWindow, q, filed, d("2025-05-01")); !reflect.DeepEqual(got, []int{2025}) {
		t.Errorf("one miss: %v", got)
	}
	if got := Misses(DefaultWindow, q, filed, d("2026-05-01")); !reflect.DeepEqual(got, []int{2025, 2026}) {
		t.Errorf("two misses: %v", got)
	}
	// A qualification revoked before a window opens owes nothing for it.
	revoked := q
	revoked.RevokedOn = d("2025-06-01")
	if got := Misses(DefaultWindow, revoked, filed, d("2026-05-01")); !reflect.DeepEqual(got, []int{2025}) {
		t.Errorf("revoked: %v", got)
	}
	// After a re-review, the misses of the last period no longer count.
	extended := q
	extended.ValidUntil = d("2029-06-15")
	if got := Misses(DefaultWindow, extended, filed, d("2027-05-01")); !reflect.DeepEqual(got, []int{2027}) {
		t.Errorf("extended: %v", got)
	}
}
