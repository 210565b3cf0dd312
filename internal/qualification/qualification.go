// Package qualification holds the tiers an enterprise holds (资质): each granted on a date, valid
// for three years, extended by a passed re-review, or revoked; and its status as of any date.
package qualification

import (
	"strconv"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// ValidityYears is how long a qualification runs from its grant (or from its old expiry, when a
// re-review passes).
const ValidityYears = 3

// DefaultExpiringDays is the window before expiry in which a qualification is "expiring".
const DefaultExpiringDays = 90

// Status is where a qualification stands on a date.
type Status string

// The statuses of a qualification as of a date.
const (
	Valid    Status = "valid"
	Expiring Status = "expiring"
	Expired  Status = "expired"
	Revoked  Status = "revoked"
	// Pending is a qualification granted after the date asked about.
	Pending Status = "pending"
)

// Sources say where a qualification came from.
const (
	SourceBatch  = "batch"
	SourceImport = "import"
	SourceDemo   = "demo"
)

// Qualification is a tier held by an enterprise.
type Qualification struct {
	ID               int64
	EnterpriseID     int64
	Tier             criteria.Tier
	Source           string
	BatchID          int64
	BatchName        string
	ApplicationID    int64
	AnnouncementNo   string
	GrantedOn        calendar.Date
	ValidUntil       calendar.Date
	RevokedOn        calendar.Date
	RevokeReasonCode string
	RevokedReason    string
	RevokedBy        string
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// EntityID returns the id of the qualification as audit events name it.
func (q Qualification) EntityID() string { return strconv.FormatInt(q.ID, 10) }

// EventKind is what happened to a qualification.
type EventKind string

// The events of a qualification's history.
const (
	Granted  EventKind = "granted"
	Extended EventKind = "extended"
	Ended    EventKind = "revoked"
)

// Event is one entry of a qualification's history: its grant, each extension by a passed
// re-review, its revocation.
type Event struct {
	ID              int64
	QualificationID int64
	Kind            EventKind
	On              calendar.Date
	ValidUntil      calendar.Date // after the event
	BatchID         int64
	ApplicationID   int64
	AnnouncementNo  string
	ReasonCode      string
	Reason          string
	ActorUsername   string
	CreatedAt       time.Time
}

// ValidUntilOf returns the last valid day of a qualification granted on a date.
func ValidUntilOf(granted calendar.Date) calendar.Date { return granted.AddYears(ValidityYears) }

// InForce reports whether the qualification is valid on a day: granted by then, not past its
// valid-until date (on which it is still valid), not revoked on or before it.
func (q Qualification) InForce(day calendar.Date) bool {
	if day.Before(q.GrantedOn) || day.After(q.ValidUntil) {
		return false
	}
	return q.RevokedOn.IsZero() || day.Before(q.RevokedOn)
}

// StatusOn returns the status on a day, "expiring" within expiringDays of the valid-until date.
func (q Qualification) StatusOn(day calendar.Date, expiringDays int) Status {
	switch {
	case !q.RevokedOn.IsZero() && !day.Before(q.RevokedOn):
		return Revoked
	case day.Before(q.GrantedOn):
		return Pending
	case day.After(q.ValidUntil):
		return Expired
	case !q.ValidUntil.After(day.AddDays(expiringDays)):
		return Expiring
	}
	return Valid
}

// Extended returns the valid-until date after a passed re-review: a new period from the old
// expiry date.
func (q Qualification) Extended() calendar.Date { return q.ValidUntil.AddYears(ValidityYears) }

// HeldTiers returns the tiers in force on a day, bottom first, each once.
func HeldTiers(qs []Qualification, day calendar.Date) []criteria.Tier {
	out := []criteria.Tier{}
	for _, t := range criteria.Tiers {
		for _, q := range qs {
			if q.Tier == t && q.InForce(day) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// Highest returns the highest tier in force on a day, and false when none is.
func Highest(qs []Qualification, day calendar.Date) (criteria.Tier, bool) {
	held := HeldTiers(qs, day)
	if len(held) == 0 {
		return "", false
	}
	return held[len(held)-1], true
}
