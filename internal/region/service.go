package region

import (
	"context"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
)

// Kinds lists the kinds of region.
var Kinds = []Kind{District, County, CountyCity, Zone}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if v == k {
			return true
		}
	}
	return false
}

// AdminStore keeps regions for the admin. Its methods return duplicate (code) and not_found.
type AdminStore interface {
	Store
	// Tx runs fn in one transaction over an AdminStore bound to it.
	Tx(ctx context.Context, fn func(AdminStore) error) error
	// GetRegion returns a region, or not_found.
	GetRegion(ctx context.Context, code string) (Region, error)
	// CreateRegion stores a new region; duplicate on a taken code.
	CreateRegion(ctx context.Context, r Region, now time.Time) error
	// UpdateRegion renames a region (its code never changes).
	UpdateRegion(ctx context.Context, r Region) error
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Service lets the admin keep the city's regions: a bureau outside the demo city starts by
// entering its own.
type Service struct {
	Store AdminStore
	Now   func() time.Time
}

var codePattern = regexp.MustCompile(`^[0-9A-Za-z]{4,12}$`)

func (r *Region) check(fs *apperr.Fields) {
	r.Name, r.NameEn = strings.TrimSpace(r.Name), strings.TrimSpace(r.NameEn)
	if r.Name == "" {
		fs.Add("name", apperr.RuleRequired, nil)
	} else if utf8.RuneCountInString(r.Name) > 64 {
		fs.Add("name", apperr.RuleTooLong, map[string]any{"max": 64})
	}
	if utf8.RuneCountInString(r.NameEn) > 128 {
		fs.Add("name_en", apperr.RuleTooLong, map[string]any{"max": 128})
	}
	if !r.Kind.Valid() {
		fs.Add("kind", apperr.RuleOneOf, map[string]any{"values": Kinds})
	}
	if r.Order < 0 || r.Order > 9999 {
		fs.Add("order", apperr.RuleTooLarge, map[string]any{"max": 9999})
	}
}

// Create adds a region (admin only).
func (s Service) Create(ctx context.Context, actor access.Actor, r Region) (Region, error) {
	if !actor.Is(access.Admin) {
		return Region{}, apperr.New(apperr.Forbidden, "")
	}
	var fs apperr.Fields
	r.Code = strings.TrimSpace(r.Code)
	if !codePattern.MatchString(r.Code) {
		fs.Add("code", apperr.RuleInvalid, nil)
	}
	r.check(&fs)
	if err := fs.Err(); err != nil {
		return Region{}, err
	}
	now := s.Now().UTC()
	err := s.Store.Tx(ctx, func(st AdminStore) error {
		if err := st.CreateRegion(ctx, r, now); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "region.create", "region", r.Code, nil, r))
	})
	return r, err
}

// Update renames a region or changes its kind or order (admin only).
func (s Service) Update(ctx context.Context, actor access.Actor, code string, change func(*Region)) (Region, error) {
	if !actor.Is(access.Admin) {
		return Region{}, apperr.New(apperr.Forbidden, "")
	}
	var out Region
	err := s.Store.Tx(ctx, func(st AdminStore) error {
		r, err := st.GetRegion(ctx, code)
		if err != nil {
			return err
		}
		before := r
		change(&r)
		r.Code = before.Code
		var fs apperr.Fields
		r.check(&fs)
		if err := fs.Err(); err != nil {
			return err
		}
		if err := st.UpdateRegion(ctx, r); err != nil {
			return err
		}
		out = r
		return st.RecordAudit(ctx, audit.New(ctx, s.Now(), actor, "region.update", "region", r.Code, before, r))
	})
	return out, err
}
