package user

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Registration is what an enterprise gives to register itself and an account.
type Registration struct {
	Username       string
	Password       string
	DisplayName    string
	Phone          string
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	IndustryCode   string // optional
}

// MaxReason bounds the reason of a rejection, in characters.
const MaxReason = 500

// Register creates a pending enterprise account, and the enterprise unless the registry already
// has one of that credit code (the account is then bound to it, and its region's officers decide).
// The code must pass its check: an override is for officers only.
func (s Service) Register(ctx context.Context, r Registration) (User, error) {
	u := User{
		Username:       NormalizeUsername(r.Username),
		DisplayName:    strings.TrimSpace(r.DisplayName),
		Phone:          strings.TrimSpace(r.Phone),
		Role:           access.Enterprise,
		Status:         Pending,
		SelfRegistered: true,
		Version:        1,
	}
	var fs apperr.Fields
	if !UsernameValid(u.Username) {
		fs.Add("username", apperr.RuleUsernameFormat, nil)
	}
	if !PasswordStrongEnough(r.Password) {
		fs.Add("password", apperr.RulePasswordWeak, nil)
	}
	if u.DisplayName == "" {
		fs.Add("display_name", apperr.RuleRequired, nil)
	} else if utf8.RuneCountInString(u.DisplayName) > 64 {
		fs.Add("display_name", apperr.RuleTooLong, map[string]any{"max": 64})
	}
	// The enterprise's fields are checked by the registry's own rules, with the form's names.
	e := enterprise.Enterprise{Version: 1}
	changes := enterprise.Changes{
		Name:       optional.Of(r.EnterpriseName),
		CreditCode: optional.Of(r.CreditCode),
		RegionCode: optional.Of(r.RegionCode),
	}
	if strings.TrimSpace(r.IndustryCode) != "" {
		changes.IndustryCode = optional.Of(r.IndustryCode)
	}
	var efs apperr.Fields
	changes.Apply(&e, false, calendar.On(s.Now(), s.Location), &efs)
	for _, f := range efs {
		if f.Field == "name" {
			f.Field = "enterprise_name"
		}
		fs = append(fs, f)
	}
	if len(u.Phone) > 32 {
		fs.Add("phone", apperr.RuleTooLong, map[string]any{"max": 32})
	}
	if e.RegionCode != "" && !fs.Has("region_code") {
		ok, err := s.Store.RegionExists(ctx, e.RegionCode)
		if err != nil {
			return User{}, err
		}
		if !ok {
			fs.Add("region_code", apperr.RuleUnknownRegion, nil)
		}
	}
	if err := fs.Err(); err != nil {
		return User{}, err
	}
	hash, err := s.Hasher.Hash(r.Password)
	if err != nil {
		return User{}, apperr.Wrap(err, "hash password")
	}
	u.PasswordHash = hash
	now := s.now()
	u.CreatedAt, u.UpdatedAt = now, now
	anonymous := access.Actor{Username: u.Username, Role: access.Enterprise}
	var out User
	err = s.Store.Tx(ctx, func(st Store) error {
		existing, err := st.FindByCreditCode(ctx, e.CreditCode)
		switch {
		case err == nil:
			u.EnterpriseID = existing.ID
		case apperr.Is(err, apperr.NotFound):
			e.CreatedAt, e.UpdatedAt = now, now
			if err := st.CreateEnterprise(ctx, &e); err != nil {
				return err
			}
			if err := st.RefreshEligibility(ctx, e.ID, now, s.Location); err != nil {
				return err
			}
			if err := st.RecordAudit(ctx, audit.New(ctx, now, anonymous, "enterprise.create", "enterprise", e.EntityID(), nil, e.Snapshot())); err != nil {
				return err
			}
			u.EnterpriseID = e.ID
		default:
			return err
		}
		if err := st.CreateUser(ctx, &u); err != nil {
			return err
		}
		anonymous.UserID = u.ID
		if err := st.RecordAudit(ctx, audit.New(ctx, now, anonymous, "user.register", "user", u.EntityID(), nil, u.Snapshot())); err != nil {
			return err
		}
		out, err = st.GetUser(ctx, u.ID)
		return err
	})
	return out, err
}

// canDecide reports whether an officer may decide a registration of an enterprise in a region.
func canDecide(actor access.Actor, enterpriseRegion string) bool {
	return actor.Is(access.Admin, access.CityOfficer) ||
		(actor.Is(access.CountyOfficer) && actor.RegionCode != "" && actor.RegionCode == enterpriseRegion)
}

// ListRegistrations returns self-registrations (pending by default) that the actor may decide:
// all for city officers and admins, its region's for a county officer.
func (s Service) ListRegistrations(ctx context.Context, actor access.Actor, status Status, region string, page paging.Request) (paging.Result[User], error) {
	if !actor.IsOfficer() {
		return paging.Result[User]{}, apperr.New(apperr.Forbidden, "")
	}
	if status == "" {
		status = Pending
	}
	if status != Pending && status != Active && status != Rejected {
		return paging.Result[User]{}, apperr.Field("status", apperr.RuleOneOf, map[string]any{"values": []Status{Pending, Active, Rejected}})
	}
	if actor.Is(access.CountyOfficer) {
		region = actor.RegionCode
	}
	f := Filter{SelfRegistered: true, Status: status, EnterpriseRegion: region, Page: page}
	items, total, err := s.Store.ListUsers(ctx, f)
	if err != nil {
		return paging.Result[User]{}, err
	}
	return paging.Result[User]{Items: items, Total: total, Page: page}, nil
}

// Approve lets a pending registration sign in. Outside the actor's scope it is not_found; a
// registration already decided is a conflict.
func (s Service) Approve(ctx context.Context, actor access.Actor, id int64) (User, error) {
	return s.decide(ctx, actor, id, Active, "")
}

// Reject refuses a pending registration with a reason.
func (s Service) Reject(ctx context.Context, actor access.Actor, id int64, reason string) (User, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return User{}, apperr.Field("reason", apperr.RuleRequired, nil)
	}
	if utf8.RuneCountInString(reason) > MaxReason {
		return User{}, apperr.Field("reason", apperr.RuleTooLong, map[string]any{"max": MaxReason})
	}
	return s.decide(ctx, actor, id, Rejected, reason)
}

func (s Service) decide(ctx context.Context, actor access.Actor, id int64, to Status, reason string) (User, error) {
	if !actor.IsOfficer() {
		return User{}, apperr.New(apperr.Forbidden, "")
	}
	var out User
	err := s.Store.Tx(ctx, func(st Store) error {
		u, err := st.GetUser(ctx, id)
		if err != nil {
			return err
		}
		if !u.SelfRegistered || !canDecide(actor, u.EnterpriseRegionCode) {
			return apperr.New(apperr.NotFound, "")
		}
		if u.Status != Pending {
			return apperr.New(apperr.InvalidTransition, "registration_decided")
		}
		before := u.Snapshot()
		read := u.Version
		now := s.now()
		u.Status, u.DecidedAt, u.DecidedBy, u.DecisionReason, u.UpdatedAt = to, now, actor.Username, reason, now
		if err := st.UpdateUser(ctx, &u, read); err != nil {
			return err
		}
		action := "registration.approve"
		if to == Rejected {
			action = "registration.reject"
		}
		after := u.Snapshot()
		after["reason"] = reason
		if err := st.RecordAudit(ctx, audit.New(ctx, now, actor, action, "user", u.EntityID(), before, after)); err != nil {
			return err
		}
		out, err = st.GetUser(ctx, u.ID)
		return err
	})
	return out, err
}
