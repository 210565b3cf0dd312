// Package enterprise holds the registry of enterprises: the profile the bureau keeps of each
// company, its validation (the credit code's check character, region, industry, liaison officer)
// and who may see and change which enterprise.
package enterprise

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Enterprise is a company in the registry.
type Enterprise struct {
	ID                 int64
	Name               string
	CreditCode         string
	CreditCodeOverride bool // the code fails its check character and an officer registered it anyway
	RegionCode         string
	IndustryCode       string // a GB/T 4754-2017 division such as C34; "" when not yet known
	SizeClass          criteria.SizeClass
	FoundedOn          calendar.Date
	Address            string
	MainProducts       string
	NicheMarket        string
	NicheMarketSince   calendar.Date
	StrategicEmerging  *bool
	ContactPerson      string
	ContactPhone       string
	LiaisonOfficerID   int64
	Tags               []string

	// The facts the tier criteria read (CRITERIA.md). nil booleans and lists are "not known".
	AbnormalOrDishonestListed  *bool  // on the abnormal-operation or serious-dishonesty list
	MajorIncidentOrViolation3y *bool  // a major accident or violation in the last 3 years
	FieldClass                 string // gap_filling, six_foundations or other ("" unknown)
	KeyField                   *bool  // L6, an officer's assessment
	KeyChainLink               *bool  // L5, an officer's assessment
	Honours                    []Honour
	Awards                     []Award
	MakersChina                []criteria.MakersPlace

	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time

	// Read with the enterprise for display; not stored on it.
	RegionName         string
	LiaisonOfficerName string
}

// EntityID returns the id of the enterprise as audit events name it.
func (e Enterprise) EntityID() string { return strconv.FormatInt(e.ID, 10) }

// Snapshot is the audited form of an enterprise.
func (e Enterprise) Snapshot() map[string]any {
	return map[string]any{
		"id": e.ID, "name": e.Name, "credit_code": e.CreditCode, "credit_code_override": e.CreditCodeOverride,
		"region_code": e.RegionCode, "industry_code": e.IndustryCode, "size_class": e.SizeClass,
		"founded_on": e.FoundedOn.String(), "address": e.Address, "main_products": e.MainProducts,
		"niche_market": e.NicheMarket, "niche_market_since": e.NicheMarketSince.String(),
		"strategic_emerging": e.StrategicEmerging, "contact_person": e.ContactPerson,
		"contact_phone": e.ContactPhone, "liaison_officer_id": e.LiaisonOfficerID, "tags": e.Tags,
		"abnormal_or_dishonest_listed": e.AbnormalOrDishonestListed, "major_incident_or_violation_3y": e.MajorIncidentOrViolation3y,
		"field_class": e.FieldClass, "key_field": e.KeyField, "key_chain_link": e.KeyChainLink,
		"honours": e.Honours, "awards": e.Awards, "makers_china": e.MakersChina,
		"version": e.Version,
	}
}

// Honour is an honour the enterprise holds (高新技术企业 and the like), with its validity.
type Honour struct {
	Code          string        `json:"code"`
	ValidFrom     calendar.Date `json:"valid_from"`
	ValidUntil    calendar.Date `json:"valid_until"` // zero: open-ended
	CertificateNo string        `json:"certificate_no,omitempty"`
}

// ValidOn reports whether the honour is valid on a day.
func (h Honour) ValidOn(day calendar.Date) bool {
	return !day.Before(h.ValidFrom) && (h.ValidUntil.IsZero() || !day.After(h.ValidUntil))
}

// Award is a science and technology award the enterprise won.
type Award struct {
	Year  int    `json:"year"`
	Level string `json:"level"`
	Rank  int    `json:"rank"`
	Name  string `json:"name,omitempty"`
}

// HonoursValidAt returns the codes of the honours valid at the end of a year, each once; nil when
// the honours are not known.
func (e Enterprise) HonoursValidAt(year int) []string {
	if e.Honours == nil {
		return nil
	}
	end := calendar.NewDate(year, time.December, 31)
	out := []string{}
	for _, h := range e.Honours {
		if h.ValidOn(end) && !slices.Contains(out, h.Code) {
			out = append(out, h.Code)
		}
	}
	return out
}

// Officer is what the registry needs to know of a user named liaison officer.
type Officer struct {
	ID         int64
	Role       access.Role
	RegionCode string
	Active     bool
}

// Figures are the latest annual figures the size class is computed from; nil when not reported.
type Figures struct {
	Employees        *int64
	OperatingRevenue *int64
}

// Sort orders the enterprise list.
type Sort string

// The orders of the enterprise list; a leading "-" is descending.
var Sorts = []Sort{"name", "-name", "credit_code", "-credit_code", "created_at", "-created_at", "updated_at", "-updated_at"}

// Valid reports whether s is one of Sorts.
func (s Sort) Valid() bool {
	for _, v := range Sorts {
		if v == s {
			return true
		}
	}
	return false
}

// Filter narrows the enterprise list; Scope always applies.
type Filter struct {
	Scope      access.Scope
	Query      string // part of the name or of the credit code
	RegionCode string
	Industry   string // a section letter or a division code
	SizeClass  criteria.SizeClass
	Sort       Sort
	Page       paging.Request
}

// Store keeps the registry. Its methods return apperr codes not_found, duplicate (credit_code)
// and stale_version where they say so.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	// GetEnterprise returns an enterprise within scope, or not_found (also outside scope).
	GetEnterprise(ctx context.Context, scope access.Scope, id int64) (Enterprise, error)
	// FindByCreditCode returns the enterprise of a credit code, or not_found.
	FindByCreditCode(ctx context.Context, code string) (Enterprise, error)
	ListEnterprises(ctx context.Context, f Filter) ([]Enterprise, int64, error)
	// CreateEnterprise stores e and sets its ID; duplicate on a registered credit code.
	CreateEnterprise(ctx context.Context, e *Enterprise) error
	// UpdateEnterprise stores e if its stored version is readVersion (stale_version otherwise)
	// and increments e.Version; duplicate on a credit code of another enterprise.
	UpdateEnterprise(ctx context.Context, e *Enterprise, readVersion int) error
	RegionExists(ctx context.Context, code string) (bool, error)
	// GetOfficer returns the user of an id as a possible liaison officer, or not_found.
	GetOfficer(ctx context.Context, id int64) (Officer, error)
	LatestFigures(ctx context.Context, enterpriseID int64) (Figures, error)
	// RefreshEligibility recomputes the enterprise's stored criteria results.
	RefreshEligibility(ctx context.Context, enterpriseID int64, now time.Time, loc *time.Location) error
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Limits of the profile's text fields, in characters.
const (
	MaxName    = 200
	MaxAddress = 200
	MaxText    = 500
	MaxNiche   = 200
	MaxContact = 64
	MaxPhone   = 32
	MaxTags    = 20
	MaxTag     = 32
)

// ComputeSizeClass returns the size class from the industry and the latest figures; "" when
// either is missing.
func ComputeSizeClass(industryCode string, f Figures) criteria.SizeClass {
	class, ok := industry.ClassOf(industryCode)
	if !ok {
		return ""
	}
	size, ok := criteria.ClassifySize(class, f.Employees, f.OperatingRevenue)
	if !ok {
		return ""
	}
	return size
}

// CheckCreditCode normalises a credit code and checks it. An override lets a well-formed code
// that fails its check character through; it never lets a malformed one through.
func CheckCreditCode(code string, override bool, fs *apperr.Fields) string {
	code = creditcode.Normalize(code)
	switch creditcode.Check(code) {
	case creditcode.Malformed:
		fs.Add("credit_code", apperr.RuleCreditFormat, nil)
	case creditcode.BadCheck:
		if !override {
			fs.Add("credit_code", apperr.RuleCreditCheck, nil)
		}
	}
	return code
}

// checkText trims a text field and checks its length; required fields may not be empty.
func checkText(field, v string, limit int, required bool, fs *apperr.Fields) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "" && required:
		fs.Add(field, apperr.RuleRequired, nil)
	case utf8.RuneCountInString(v) > limit:
		fs.Add(field, apperr.RuleTooLong, map[string]any{"max": limit})
	}
	return v
}

// checkIndustry accepts a division code of GB/T 4754-2017.
func checkIndustry(code string, required bool, fs *apperr.Fields) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		if required {
			fs.Add("industry_code", apperr.RuleRequired, nil)
		}
		return ""
	}
	if _, d, ok := industry.Lookup(code); !ok || d.Code == "" {
		fs.Add("industry_code", apperr.RuleUnknownIndustry, nil)
	}
	return code
}

// checkPastDate refuses dates in the future or before 1900.
func checkPastDate(field string, d calendar.Date, today calendar.Date, fs *apperr.Fields) {
	if d.IsZero() {
		return
	}
	if d.After(today) {
		fs.Add(field, apperr.RuleFuture, nil)
	} else if d.Year() < 1900 {
		fs.Add(field, apperr.RuleTooSmall, map[string]any{"min": "1900-01-01"})
	}
}

func checkTags(tags []string, fs *apperr.Fields) []string {
	out := make([]string, 0, len(tags))
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || seen[t] {
			continue
		}
		if utf8.RuneCountInString(t) > MaxTag {
			fs.Add("tags", apperr.RuleTooLong, map[string]any{"max": MaxTag})
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	if len(out) > MaxTags {
		fs.Add("tags", apperr.RuleTooLarge, map[string]any{"max": MaxTags})
	}
	return out
}

func checkPhone(v string, fs *apperr.Fields) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if utf8.RuneCountInString(v) > MaxPhone {
		fs.Add("contact_phone", apperr.RuleTooLong, map[string]any{"max": MaxPhone})
		return v
	}
	for _, r := range v {
		if !strings.ContainsRune("0123456789+-() ", r) {
			fs.Add("contact_phone", apperr.RuleInvalid, nil)
			break
		}
	}
	return v
}

func checkPasses(code string) bool { return creditcode.Check(code) == creditcode.OK }
