package enterprise

import (
	"context"
	"slices"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Changes are the profile fields a caller gives, for a new enterprise or a change to one.
// A field not Set stays as it is; a Null one is cleared.
type Changes struct {
	Name               optional.Value[string]
	CreditCode         optional.Value[string]
	CreditCodeOverride optional.Value[bool]
	RegionCode         optional.Value[string]
	IndustryCode       optional.Value[string]
	FoundedOn          optional.Value[calendar.Date]
	Address            optional.Value[string]
	MainProducts       optional.Value[string]
	NicheMarket        optional.Value[string]
	NicheMarketSince   optional.Value[calendar.Date]
	StrategicEmerging  optional.Value[bool]
	ContactPerson      optional.Value[string]
	ContactPhone       optional.Value[string]
	LiaisonOfficerID   optional.Value[int64]
	Tags               optional.Value[[]string]

	AbnormalOrDishonestListed  optional.Value[bool]
	MajorIncidentOrViolation3y optional.Value[bool]
	FieldClass                 optional.Value[string]
	KeyField                   optional.Value[bool]
	KeyChainLink               optional.Value[bool]
	Honours                    optional.Value[[]Honour]
	Awards                     optional.Value[[]Award]
	MakersChina                optional.Value[[]criteria.MakersPlace]
}

// officerOnly names the fields an enterprise user may not change on its own record: its
// identity and place (a rename or relocation is reported to the bureau) and the bureau's own
// follow-up (liaison officer, tags).
func (c Changes) officerOnly(current Enterprise) []string {
	var out []string
	if c.Name.Set && c.Name.V != current.Name {
		out = append(out, "name")
	}
	if c.CreditCode.Set && c.CreditCode.V != current.CreditCode {
		out = append(out, "credit_code")
	}
	if c.CreditCodeOverride.Set && c.CreditCodeOverride.V != current.CreditCodeOverride {
		out = append(out, "credit_code_override")
	}
	if c.RegionCode.Set && c.RegionCode.V != current.RegionCode {
		out = append(out, "region_code")
	}
	if c.LiaisonOfficerID.Set && c.LiaisonOfficerID.V != current.LiaisonOfficerID {
		out = append(out, "liaison_officer_id")
	}
	if c.Tags.Set && !slices.Equal(c.Tags.V, current.Tags) {
		out = append(out, "tags")
	}
	if c.KeyField.Set && !sameFlag(c.KeyField, current.KeyField) {
		out = append(out, "key_field")
	}
	if c.KeyChainLink.Set && !sameFlag(c.KeyChainLink, current.KeyChainLink) {
		out = append(out, "key_chain_link")
	}
	return out
}

// sameFlag reports whether a patch's nullable boolean equals the stored one.
func sameFlag(v optional.Value[bool], current *bool) bool {
	if v.Null || current == nil {
		return v.Null && current == nil
	}
	return v.V == *current
}

// flag turns a patch's nullable boolean into the stored form.
func flag(v optional.Value[bool]) *bool {
	if v.Null {
		return nil
	}
	b := v.V
	return &b
}

// Apply writes the changes onto e and checks every field that can be checked without the
// database. overrideAllowed says whether the caller may register a code failing its check.
func (c Changes) Apply(e *Enterprise, overrideAllowed bool, today calendar.Date, fs *apperr.Fields) {
	if c.Name.Set {
		e.Name = checkText("name", c.Name.V, MaxName, true, fs)
	}
	override := e.CreditCodeOverride
	if c.CreditCodeOverride.Set {
		override = c.CreditCodeOverride.V && overrideAllowed
	}
	if c.CreditCode.Set || c.CreditCodeOverride.Set {
		code := e.CreditCode
		if c.CreditCode.Set {
			code = c.CreditCode.V
		}
		if code == "" {
			fs.Add("credit_code", apperr.RuleRequired, nil)
		} else {
			var codeErrs apperr.Fields
			e.CreditCode = CheckCreditCode(code, override, &codeErrs)
			*fs = append(*fs, codeErrs...)
			// The flag records that the stored code fails its check; a valid code clears it.
			e.CreditCodeOverride = override && len(codeErrs) == 0 && !checkPasses(e.CreditCode)
		}
	}
	if c.RegionCode.Set {
		e.RegionCode = checkText("region_code", c.RegionCode.V, 12, true, fs)
	}
	if c.IndustryCode.Set {
		e.IndustryCode = checkIndustry(c.IndustryCode.V, true, fs)
	}
	if c.FoundedOn.Set {
		e.FoundedOn = c.FoundedOn.V
		checkPastDate("founded_on", e.FoundedOn, today, fs)
	}
	if c.Address.Set {
		e.Address = checkText("address", c.Address.V, MaxAddress, false, fs)
	}
	if c.MainProducts.Set {
		e.MainProducts = checkText("main_products", c.MainProducts.V, MaxText, false, fs)
	}
	if c.NicheMarket.Set {
		e.NicheMarket = checkText("niche_market", c.NicheMarket.V, MaxNiche, false, fs)
	}
	if c.NicheMarketSince.Set {
		e.NicheMarketSince = c.NicheMarketSince.V
		checkPastDate("niche_market_since", e.NicheMarketSince, today, fs)
	}
	if c.StrategicEmerging.Set {
		e.StrategicEmerging = flag(c.StrategicEmerging)
	}
	if c.AbnormalOrDishonestListed.Set {
		e.AbnormalOrDishonestListed = flag(c.AbnormalOrDishonestListed)
	}
	if c.MajorIncidentOrViolation3y.Set {
		e.MajorIncidentOrViolation3y = flag(c.MajorIncidentOrViolation3y)
	}
	if c.KeyField.Set {
		e.KeyField = flag(c.KeyField)
	}
	if c.KeyChainLink.Set {
		e.KeyChainLink = flag(c.KeyChainLink)
	}
	if c.FieldClass.Set {
		e.FieldClass = c.FieldClass.V
		if e.FieldClass != "" && !slices.Contains(criteria.FieldClasses, e.FieldClass) {
			fs.Add("field_class", apperr.RuleOneOf, map[string]any{"values": criteria.FieldClasses})
		}
	}
	if c.Honours.Set {
		e.Honours = checkHonours(c.Honours, fs)
	}
	if c.Awards.Set {
		e.Awards = checkAwards(c.Awards, today, fs)
	}
	if c.MakersChina.Set {
		e.MakersChina = checkMakers(c.MakersChina, today, fs)
	}
	if c.ContactPerson.Set {
		e.ContactPerson = checkText("contact_person", c.ContactPerson.V, MaxContact, false, fs)
	}
	if c.ContactPhone.Set {
		e.ContactPhone = checkPhone(c.ContactPhone.V, fs)
	}
	if c.LiaisonOfficerID.Set {
		e.LiaisonOfficerID = c.LiaisonOfficerID.V
	}
	if c.Tags.Set {
		e.Tags = checkTags(c.Tags.V, fs)
	}
}

// Service keeps the registry.
type Service struct {
	Store    Store
	Now      func() time.Time
	Location *time.Location // the bureau's time zone, for "today"
}

func (s Service) today() calendar.Date { return calendar.On(s.Now(), s.Location) }

// Get returns an enterprise within the actor's scope; outside it, not_found.
func (s Service) Get(ctx context.Context, actor access.Actor, id int64) (Enterprise, error) {
	return s.Store.GetEnterprise(ctx, actor.Scope(), id)
}

// List returns a page of the registry within the actor's scope.
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[Enterprise], error) {
	f.Scope = actor.Scope()
	if f.Sort == "" {
		f.Sort = "name"
	}
	var fs apperr.Fields
	if !f.Sort.Valid() {
		fs.Add("sort", apperr.RuleOneOf, map[string]any{"values": Sorts})
	}
	if f.SizeClass != "" && !f.SizeClass.Valid() {
		fs.Add("size_class", apperr.RuleOneOf, nil)
	}
	if err := fs.Err(); err != nil {
		return paging.Result[Enterprise]{}, err
	}
	items, total, err := s.Store.ListEnterprises(ctx, f)
	if err != nil {
		return paging.Result[Enterprise]{}, err
	}
	return paging.Result[Enterprise]{Items: items, Total: total, Page: f.Page}, nil
}

// Create adds an enterprise (officers and admin; a county officer in its own region only).
func (s Service) Create(ctx context.Context, actor access.Actor, c Changes) (Enterprise, error) {
	if !actor.CanEditRegistry() {
		return Enterprise{}, apperr.New(apperr.Forbidden, "")
	}
	var fs apperr.Fields
	for field, v := range map[string]optional.Value[string]{
		"name": c.Name, "credit_code": c.CreditCode, "region_code": c.RegionCode, "industry_code": c.IndustryCode,
	} {
		if !v.Set || v.Null {
			fs.Add(field, apperr.RuleRequired, nil)
		}
	}
	e := Enterprise{Version: 1}
	c.Apply(&e, true, s.today(), &fs)
	if e.RegionCode != "" && !actor.Scope().ContainsRegion(e.RegionCode) {
		return Enterprise{}, &apperr.Error{Code: apperr.Forbidden, Fields: []apperr.FieldError{{Field: "region_code", Rule: apperr.RuleOutsideRegion}}}
	}
	var out Enterprise
	err := s.Store.Tx(ctx, func(st Store) error {
		if err := s.checkReferences(ctx, st, e, c, &fs); err != nil {
			return err
		}
		if err := fs.Err(); err != nil {
			return err
		}
		now := s.Now().UTC()
		e.CreatedAt, e.UpdatedAt = now, now
		if err := st.CreateEnterprise(ctx, &e); err != nil {
			return err
		}
		if err := st.RefreshEligibility(ctx, e.ID, now, s.Location); err != nil {
			return err
		}
		if err := s.audit(ctx, st, actor, "enterprise.create", nil, e, now); err != nil {
			return err
		}
		var err error
		out, err = st.GetEnterprise(ctx, access.Scope{}, e.ID)
		return err
	})
	return out, err
}

// Update changes an enterprise within the actor's scope, if readVersion is still its version.
// Officers change every field (a county officer cannot move it out of its region); an enterprise
// user changes its own profile but not the fields of officerOnly (forbidden, naming them).
func (s Service) Update(ctx context.Context, actor access.Actor, id int64, readVersion int, c Changes) (Enterprise, error) {
	if !actor.CanEditRegistry() && !actor.Is(access.Enterprise) {
		return Enterprise{}, apperr.New(apperr.Forbidden, "")
	}
	var out Enterprise
	err := s.Store.Tx(ctx, func(st Store) error {
		e, err := st.GetEnterprise(ctx, actor.Scope(), id)
		if err != nil {
			return err
		}
		if actor.Is(access.Enterprise) {
			if fields := c.officerOnly(e); len(fields) > 0 {
				ae := &apperr.Error{Code: apperr.Forbidden, Reason: "officer_only"}
				for _, f := range fields {
					ae.Fields = append(ae.Fields, apperr.FieldError{Field: f, Rule: apperr.RuleNotAllowed})
				}
				return ae
			}
		}
		if e.Version != readVersion {
			return apperr.New(apperr.StaleVersion, "")
		}
		before := e
		var fs apperr.Fields
		c.Apply(&e, actor.IsOfficer(), s.today(), &fs)
		if !actor.Scope().ContainsRegion(e.RegionCode) && !actor.Is(access.Enterprise) {
			return &apperr.Error{Code: apperr.Forbidden, Fields: []apperr.FieldError{{Field: "region_code", Rule: apperr.RuleOutsideRegion}}}
		}
		if err := s.checkReferences(ctx, st, e, c, &fs); err != nil {
			return err
		}
		if err := fs.Err(); err != nil {
			return err
		}
		if c.IndustryCode.Set {
			figures, err := st.LatestFigures(ctx, e.ID)
			if err != nil {
				return err
			}
			e.SizeClass = ComputeSizeClass(e.IndustryCode, figures)
		}
		e.UpdatedAt = s.Now().UTC()
		if err := st.UpdateEnterprise(ctx, &e, readVersion); err != nil {
			return err
		}
		if err := st.RefreshEligibility(ctx, e.ID, e.UpdatedAt, s.Location); err != nil {
			return err
		}
		if err := s.audit(ctx, st, actor, "enterprise.update", &before, e, e.UpdatedAt); err != nil {
			return err
		}
		out, err = st.GetEnterprise(ctx, access.Scope{}, e.ID)
		return err
	})
	return out, err
}

// checkReferences checks what only the database knows: that the region exists and that the
// liaison officer is an active officer who may follow an enterprise of that region.
func (s Service) checkReferences(ctx context.Context, st Store, e Enterprise, c Changes, fs *apperr.Fields) error {
	if c.RegionCode.Set && e.RegionCode != "" && !fs.Has("region_code") {
		ok, err := st.RegionExists(ctx, e.RegionCode)
		if err != nil {
			return err
		}
		if !ok {
			fs.Add("region_code", apperr.RuleUnknownRegion, nil)
		}
	}
	if (c.LiaisonOfficerID.Set || c.RegionCode.Set) && e.LiaisonOfficerID != 0 {
		o, err := st.GetOfficer(ctx, e.LiaisonOfficerID)
		switch {
		case apperr.Is(err, apperr.NotFound):
			fs.Add("liaison_officer_id", apperr.RuleUnknownUser, nil)
		case err != nil:
			return err
		case !o.Active || !(o.Role == access.CityOfficer || (o.Role == access.CountyOfficer && o.RegionCode == e.RegionCode)):
			fs.Add("liaison_officer_id", apperr.RuleUnknownUser, nil)
		}
	}
	return nil
}

func (s Service) audit(ctx context.Context, st Store, actor access.Actor, action string, before *Enterprise, after Enterprise, at time.Time) error {
	var b any
	if before != nil {
		b = before.Snapshot()
	}
	if err := st.RecordAudit(ctx, audit.New(ctx, at, actor, action, "enterprise", after.EntityID(), b, after.Snapshot())); err != nil {
		return err
	}
	if after.CreditCodeOverride && (before == nil || !before.CreditCodeOverride || before.CreditCode != after.CreditCode) {
		return st.RecordAudit(ctx, audit.New(ctx, at, actor, "enterprise.credit_code_override", "enterprise", after.EntityID(),
			nil, map[string]any{"credit_code": after.CreditCode}))
	}
	return nil
}
