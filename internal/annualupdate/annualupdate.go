// Package annualupdate holds the rules of the annual update (年度数据更新): every enterprise holding
// a qualification in force when the window opens must file the previous year's figures within the
// window; reminders come 30 and 7 days before it closes; an enterprise that missed it cannot enter
// a re-review batch that year; missing it twice within one validity period proposes the
// qualification for cancellation. Pure: no database, no HTTP.
package annualupdate

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

// Window is the part of each year, month-day to month-day, in which the figures are due.
type Window struct {
	FromMonth, FromDay, ToMonth, ToDay int
}

// DefaultWindow is January to April, as the provincial platforms run it.
var DefaultWindow = Window{1, 1, 4, 30}

// ParseWindow reads "MM-DD..MM-DD" (01-01..04-30); the window may not wrap the year's end.
func ParseWindow(s string) (Window, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "..")
	if !ok {
		return Window{}, fmt.Errorf("want MM-DD..MM-DD, not %q", s)
	}
	parse := func(md string) (int, int, error) {
		m, d, ok := strings.Cut(md, "-")
		mm, err1 := strconv.Atoi(m)
		dd, err2 := strconv.Atoi(d)
		if !ok || err1 != nil || err2 != nil || mm < 1 || mm > 12 || dd < 1 || dd > daysIn(mm) {
			return 0, 0, fmt.Errorf("%q is not a month-day such as 04-30", md)
		}
		return mm, dd, nil
	}
	var w Window
	var err error
	if w.FromMonth, w.FromDay, err = parse(from); err != nil {
		return Window{}, err
	}
	if w.ToMonth, w.ToDay, err = parse(to); err != nil {
		return Window{}, err
	}
	if w.ToMonth*100+w.ToDay < w.FromMonth*100+w.FromDay {
		return Window{}, fmt.Errorf("the window %q ends before it opens", s)
	}
	return w, nil
}

// daysIn is the most days a month has (29 for February: a 02-29 bound falls back to 02-28).
func daysIn(m int) int {
	return [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
}

func (w Window) String() string {
	return fmt.Sprintf("%02d-%02d..%02d-%02d", w.FromMonth, w.FromDay, w.ToMonth, w.ToDay)
}

// In returns the window's first and last days in a year.
func (w Window) In(year int) (opens, closes calendar.Date) {
	day := func(m, d int) calendar.Date {
		if m == 2 && d == 29 && !isLeap(year) {
			d = 28
		}
		return calendar.NewDate(year, time.Month(m), d)
	}
	return day(w.FromMonth, w.FromDay), day(w.ToMonth, w.ToDay)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// Status is where an enterprise stands with a year's update.
type Status string

// The statuses of an update.
const (
	NotRequired Status = "not_required" // no qualification in force when the window opened
	Upcoming    Status = "upcoming"     // the window has not opened yet
	Pending     Status = "pending"      // the window is open and the figures are not filed
	Filed       Status = "filed"        // filed by the window's last day
	Missed      Status = "missed"       // the window closed without them
)

// Statuses lists the statuses of an update.
var Statuses = []Status{NotRequired, Upcoming, Pending, Filed, Missed}

// InForce reports whether a qualification was in force on a day: granted by then, not yet
// expired and not revoked.
func InForce(q qualification.Qualification, day calendar.Date) bool {
	return !q.GrantedOn.After(day) && !day.After(q.ValidUntil) && (q.RevokedOn.IsZero() || day.Before(q.RevokedOn))
}

// Required reports whether an enterprise must file in a year's window: it held a qualification
// in force on the day the window opened.
func Required(w Window, year int, quals []qualification.Qualification) bool {
	opens, _ := w.In(year)
	for _, q := range quals {
		if InForce(q, opens) {
			return true
		}
	}
	return false
}

// StatusOf is an enterprise's update of a year as of today: filedOn is the day the previous year's
// figures were first filed (zero if never).
func StatusOf(w Window, year int, required bool, filedOn, today calendar.Date) Status {
	opens, closes := w.In(year)
	switch {
	case !required:
		return NotRequired
	case !filedOn.IsZero() && !filedOn.After(closes):
		return Filed
	case today.Before(opens):
		return Upcoming
	case !today.After(closes):
		return Pending
	}
	return Missed
}

// ReminderDays are how many days before the window closes an enterprise that has not filed is
// reminded.
var ReminderDays = []int{30, 7}

// ReminderDue returns which reminder (30 or 7) is due today for an enterprise that has not filed,
// or 0: the nearest threshold reached, while the window is open.
func ReminderDue(w Window, year int, today calendar.Date) int {
	opens, closes := w.In(year)
	if today.Before(opens) || today.After(closes) {
		return 0
	}
	due := 0
	for _, d := range ReminderDays {
		if !closes.After(today.AddDays(d)) {
			due = d
		}
	}
	return due
}

// Misses returns the years, within a qualification's current validity period (the three years to
// its valid-until day), whose window closed before today while the qualification was in force when
// it opened, and the figures were not filed by then. filed maps a window's year to the day its
// figures (of the year before) were first filed.
func Misses(w Window, q qualification.Qualification, filed map[int]calendar.Date, today calendar.Date) []int {
	start := q.ValidUntil.AddYears(-qualification.ValidityYears)
	var out []int
	for y := start.Year(); y <= q.ValidUntil.Year(); y++ {
		opens, closes := w.In(y)
		if opens.Before(start) || !InForce(q, opens) || !today.After(closes) {
			continue
		}
		if StatusOf(w, y, true, filed[y], today) == Missed {
			out = append(out, y)
		}
	}
	return out
}

// Rules are the annual update as a bureau configures it: the window, whether missing it keeps an
// enterprise out of that year's re-review batches, and how many misses within one validity period
// propose a qualification for cancellation (0: none).
type Rules struct {
	Window         Window
	BlocksReview   bool
	MissesToCancel int
}

// DefaultRules are the practice of the provincial platforms.
var DefaultRules = Rules{Window: DefaultWindow, BlocksReview: true, MissesToCancel: 2}

// FiledOn returns, by window year, the day each year's figures were first filed (a window of year
// Y asks for the figures of Y-1).
func FiledOn(reports []report.Annual, loc *time.Location) map[int]calendar.Date {
	out := map[int]calendar.Date{}
	for _, r := range reports {
		out[r.Year+1] = calendar.On(r.CreatedAt, loc)
	}
	return out
}

// MissedWindow reports whether an enterprise missed the window of a year: it had to file, and the
// window closed without its figures.
func (r Rules) MissedWindow(year int, reports []report.Annual, quals []qualification.Qualification, today calendar.Date, loc *time.Location) bool {
	return StatusOf(r.Window, year, Required(r.Window, year, quals), FiledOn(reports, loc)[year], today) == Missed
}
