package user

import (
	"context"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Service administers accounts.
type Service struct {
	Store    Store
	Hasher   Hasher
	Now      func() time.Time
	Location *time.Location // the bureau's time zone, for "today"
}

// NewUser is what an admin gives to create an account.
type NewUser struct {
	Username     string
	Password     string
	DisplayName  string
	Phone        string
	Role         access.Role
	RegionCode   string
	EnterpriseID int64
}

// Patch is a change to an account; nil fields stay as they are. For RegionCode and EnterpriseID,
// a non-nil pointer to "" or 0 clears the binding.
type Patch struct {
	DisplayName  *string
	Phone        *string
	Role         *access.Role
	RegionCode   *string
	EnterpriseID *int64
	Status       *Status
	Version      int
}

func (s Service) now() time.Time { return s.Now().UTC() }

func requireAdmin(actor access.Actor) error {
	if !actor.Is(access.Admin) {
		return apperr.New(apperr.Forbidden, "")
	}
	return nil
}

// checkBinding verifies that a role has the binding it needs and no other: a county officer a
// region, an enterprise user an enterprise.
func checkBinding(ctx context.Context, st Store, role access.Role, region string, enterpriseID int64, fs *apperr.Fields) error {
	switch role {
	case access.CountyOfficer:
		if region == "" {
			fs.Add("region_code", apperr.RuleRequired, nil)
		} else if ok, err := st.RegionExists(ctx, region); err != nil {
			return err
		} else if !ok {
			fs.Add("region_code", apperr.RuleUnknownRegion, nil)
		}
	default:
		if region != "" {
			fs.Add("region_code", apperr.RuleMustBeEmpty, map[string]any{"role": role})
		}
	}
	switch role {
	case access.Enterprise:
		if enterpriseID == 0 {
			fs.Add("enterprise_id", apperr.RuleRequired, nil)
		} else if ok, err := st.EnterpriseExists(ctx, enterpriseID); err != nil {
			return err
		} else if !ok {
			fs.Add("enterprise_id", apperr.RuleUnknownEnt, nil)
		}
	default:
		if enterpriseID != 0 {
			fs.Add("enterprise_id", apperr.RuleMustBeEmpty, map[string]any{"role": role})
		}
	}
	return nil
}

// Create makes an active account (admin only); invalid input is validation_failed naming each
// field, a taken username duplicate.
func (s Service) Create(ctx context.Context, actor access.Actor, in NewUser) (User, error) {
	if err := requireAdmin(actor); err != nil {
		return User{}, err
	}
	u := User{
		Username:    NormalizeUsername(in.Username),
		DisplayName: in.DisplayName,
		Phone:       in.Phone,
		Role:        in.Role,
		RegionCode:  in.RegionCode,
		Status:      Active,
		Version:     1,
	}
	u.EnterpriseID = in.EnterpriseID
	var fs apperr.Fields
	if !UsernameValid(u.Username) {
		fs.Add("username", apperr.RuleUsernameFormat, nil)
	}
	if !PasswordStrongEnough(in.Password) {
		fs.Add("password", apperr.RulePasswordWeak, nil)
	}
	if !u.Role.Valid() {
		fs.Add("role", apperr.RuleOneOf, map[string]any{"values": access.Roles})
	} else if err := checkBinding(ctx, s.Store, u.Role, u.RegionCode, u.EnterpriseID, &fs); err != nil {
		return User{}, err
	}
	if err := fs.Err(); err != nil {
		return User{}, err
	}
	hash, err := s.Hasher.Hash(in.Password)
	if err != nil {
		return User{}, apperr.Wrap(err, "hash password")
	}
	u.PasswordHash = hash
	now := s.now()
	u.CreatedAt, u.UpdatedAt = now, now
	err = s.Store.Tx(ctx, func(st Store) error {
		if err := st.CreateUser(ctx, &u); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "user.create", "user", u.EntityID(), nil, u.Snapshot()))
	})
	if err != nil {
		return User{}, err
	}
	return s.Store.GetUser(ctx, u.ID)
}

// Get returns one account (admin only).
func (s Service) Get(ctx context.Context, actor access.Actor, id int64) (User, error) {
	if err := requireAdmin(actor); err != nil {
		return User{}, err
	}
	return s.Store.GetUser(ctx, id)
}

// List returns a page of accounts (admin only).
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[User], error) {
	if err := requireAdmin(actor); err != nil {
		return paging.Result[User]{}, err
	}
	f.SelfRegistered, f.EnterpriseRegion, f.Officers = false, "", false
	items, total, err := s.Store.ListUsers(ctx, f)
	if err != nil {
		return paging.Result[User]{}, err
	}
	return paging.Result[User]{Items: items, Total: total, Page: f.Page}, nil
}

// ListOfficers returns active city officers and county officers (of the region asked, or of the
// caller's region for a county officer), who may be named an enterprise's liaison officer.
func (s Service) ListOfficers(ctx context.Context, actor access.Actor, region string, page paging.Request) (paging.Result[User], error) {
	if !actor.IsOfficer() {
		return paging.Result[User]{}, apperr.New(apperr.Forbidden, "")
	}
	if actor.Is(access.CountyOfficer) {
		region = actor.RegionCode
	}
	f := Filter{Officers: true, RegionCode: region, Page: page}
	items, total, err := s.Store.ListUsers(ctx, f)
	if err != nil {
		return paging.Result[User]{}, err
	}
	return paging.Result[User]{Items: items, Total: total, Page: page}, nil
}

// Update changes an account (admin only). An admin cannot change its own role or status, so that
// the product never loses its last way in. Disabling an account ends its sessions.
func (s Service) Update(ctx context.Context, actor access.Actor, id int64, p Patch) (User, error) {
	if err := requireAdmin(actor); err != nil {
		return User{}, err
	}
	var out User
	err := s.Store.Tx(ctx, func(st Store) error {
		u, err := st.GetUser(ctx, id)
		if err != nil {
			return err
		}
		if u.Version != p.Version {
			return apperr.New(apperr.StaleVersion, "")
		}
		before := u.Snapshot()
		var fs apperr.Fields
		if p.DisplayName != nil {
			u.DisplayName = *p.DisplayName
		}
		if p.Phone != nil {
			u.Phone = *p.Phone
		}
		if p.Role != nil {
			if *p.Role != u.Role && u.ID == actor.UserID {
				fs.Add("role", apperr.RuleSelf, nil)
			}
			u.Role = *p.Role
		}
		if p.RegionCode != nil {
			u.RegionCode = *p.RegionCode
		}
		if p.EnterpriseID != nil {
			u.EnterpriseID = *p.EnterpriseID
		}
		if p.Status != nil {
			switch {
			case *p.Status != Active && *p.Status != Disabled:
				fs.Add("status", apperr.RuleOneOf, map[string]any{"values": []Status{Active, Disabled}})
			case *p.Status != u.Status && u.ID == actor.UserID:
				fs.Add("status", apperr.RuleSelf, nil)
			case u.Status == Pending || u.Status == Rejected:
				// A registration is decided by approval, not by a status change.
				if *p.Status != u.Status {
					fs.Add("status", apperr.RuleNotAllowed, nil)
				}
			default:
				u.Status = *p.Status
			}
		}
		if !u.Role.Valid() {
			fs.Add("role", apperr.RuleOneOf, map[string]any{"values": access.Roles})
		} else if err := checkBinding(ctx, st, u.Role, u.RegionCode, u.EnterpriseID, &fs); err != nil {
			return err
		}
		if err := fs.Err(); err != nil {
			return err
		}
		u.UpdatedAt = s.now()
		if err := st.UpdateUser(ctx, &u, p.Version); err != nil {
			return err
		}
		if u.Status == Disabled {
			if err := st.DeleteSessionsOf(ctx, u.ID, ""); err != nil {
				return err
			}
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, u.UpdatedAt, actor, "user.update", "user", u.EntityID(), before, u.Snapshot())); err != nil {
			return err
		}
		out, err = st.GetUser(ctx, u.ID)
		return err
	})
	return out, err
}

// ResetPassword sets a new password for an account (admin only) and ends its sessions.
func (s Service) ResetPassword(ctx context.Context, actor access.Actor, id int64, password string) error {
	if err := requireAdmin(actor); err != nil {
		return err
	}
	if !PasswordStrongEnough(password) {
		return apperr.Field("password", apperr.RulePasswordWeak, nil)
	}
	hash, err := s.Hasher.Hash(password)
	if err != nil {
		return apperr.Wrap(err, "hash password")
	}
	return s.Store.Tx(ctx, func(st Store) error {
		u, err := st.GetUser(ctx, id)
		if err != nil {
			return err
		}
		read := u.Version
		u.PasswordHash = hash
		u.UpdatedAt = s.now()
		if err := st.UpdateUser(ctx, &u, read); err != nil {
			return err
		}
		if err := st.DeleteSessionsOf(ctx, u.ID, ""); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, u.UpdatedAt, actor, "user.password_reset", "user", u.EntityID(), nil, nil))
	})
}
