package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/user"
)

type userRow struct {
	ID             int64 `gorm:"primaryKey"`
	Username       string
	DisplayName    string
	Phone          *string
	Role           string
	RegionCode     *string
	EnterpriseID   *int64
	Status         string
	PasswordHash   string
	Version        int
	CreatedAt      time.Time
	UpdatedAt      time.Time
	LastLoginAt    *time.Time
	SelfRegistered bool
	DecidedAt      *time.Time
	DecidedBy      *string
	DecisionReason *string
}

func (userRow) TableName() string { return "users" }

type userView struct {
	Row                  userRow `gorm:"embedded"`
	EnterpriseName       *string
	EnterpriseCreditCode *string
	EnterpriseRegionCode *string
}

func userToRow(u user.User) userRow {
	return userRow{
		ID:             u.ID,
		Username:       u.Username,
		DisplayName:    u.DisplayName,
		Phone:          strPtr(u.Phone),
		Role:           string(u.Role),
		RegionCode:     strPtr(u.RegionCode),
		EnterpriseID:   idPtr(u.EnterpriseID),
		Status:         string(u.Status),
		PasswordHash:   u.PasswordHash,
		Version:        u.Version,
		CreatedAt:      utc(u.CreatedAt),
		UpdatedAt:      utc(u.UpdatedAt),
		LastLoginAt:    utcPtr(u.LastLoginAt),
		SelfRegistered: u.SelfRegistered,
		DecidedAt:      utcPtr(u.DecidedAt),
		DecidedBy:      strPtr(u.DecidedBy),
		DecisionReason: strPtr(u.DecisionReason),
	}
}

func userFromView(v userView) user.User {
	r := v.Row
	return user.User{
		ID:                   r.ID,
		Username:             r.Username,
		DisplayName:          r.DisplayName,
		Phone:                strOf(r.Phone),
		Role:                 access.Role(r.Role),
		RegionCode:           strOf(r.RegionCode),
		EnterpriseID:         idOf(r.EnterpriseID),
		Status:               user.Status(r.Status),
		PasswordHash:         r.PasswordHash,
		Version:              r.Version,
		CreatedAt:            r.CreatedAt.UTC(),
		UpdatedAt:            r.UpdatedAt.UTC(),
		LastLoginAt:          timeOf(r.LastLoginAt),
		SelfRegistered:       r.SelfRegistered,
		DecidedAt:            timeOf(r.DecidedAt),
		DecidedBy:            strOf(r.DecidedBy),
		DecisionReason:       strOf(r.DecisionReason),
		EnterpriseName:       strOf(v.EnterpriseName),
		EnterpriseCreditCode: strOf(v.EnterpriseCreditCode),
		EnterpriseRegionCode: strOf(v.EnterpriseRegionCode),
	}
}

func (c conn) users(ctx context.Context) *gorm.DB {
	return c.ctx(ctx).Table("users AS u").
		Select("u.*, e.name AS enterprise_name, e.credit_code AS enterprise_credit_code, e.region_code AS enterprise_region_code").
		Joins("LEFT JOIN enterprises e ON e.id = u.enterprise_id")
}

// GetUser returns a user, or not_found.
func (c conn) GetUser(ctx context.Context, id int64) (user.User, error) {
	var v userView
	if err := c.users(ctx).Where("u.id = ?", id).Take(&v).Error; err != nil {
		return user.User{}, notFoundOr(err, "get user")
	}
	return userFromView(v), nil
}

// GetUserByUsername returns a user by its normalised name, or not_found.
func (c conn) GetUserByUsername(ctx context.Context, username string) (user.User, error) {
	var v userView
	if err := c.users(ctx).Where("u.username = ?", username).Take(&v).Error; err != nil {
		return user.User{}, notFoundOr(err, "get user by name")
	}
	return userFromView(v), nil
}

// ListUsers returns a page of users matching f and their number.
func (c conn) ListUsers(ctx context.Context, f user.Filter) ([]user.User, int64, error) {
	q := c.users(ctx)
	if s := strings.TrimSpace(f.Query); s != "" {
		p := likePattern(strings.ToLower(s))
		q = q.Where(`(u.username LIKE ? ESCAPE '\' OR LOWER(u.display_name) LIKE ? ESCAPE '\')`, p, p)
	}
	if f.Role != "" {
		q = q.Where("u.role = ?", string(f.Role))
	}
	if f.Status != "" {
		q = q.Where("u.status = ?", string(f.Status))
	}
	if f.SelfRegistered {
		q = q.Where("u.self_registered = ?", true)
	}
	if f.EnterpriseRegion != "" {
		q = q.Where("e.region_code = ?", f.EnterpriseRegion)
	}
	switch {
	case f.Officers && f.RegionCode != "":
		q = q.Where("u.status = ? AND (u.role = ? OR (u.role = ? AND u.region_code = ?))",
			string(user.Active), string(access.CityOfficer), string(access.CountyOfficer), f.RegionCode)
	case f.Officers:
		q = q.Where("u.status = ? AND u.role IN ?", string(user.Active), []string{string(access.CityOfficer), string(access.CountyOfficer)})
	case f.RegionCode != "":
		q = q.Where("u.region_code = ?", f.RegionCode)
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count users")
	}
	order := "u.username"
	if f.SelfRegistered {
		order = "u.created_at DESC, u.id DESC"
	}
	var views []userView
	if err := q.Order(order).Offset(f.Page.Offset()).Limit(f.Page.Size).Find(&views).Error; err != nil {
		return nil, 0, wrap(err, "list users")
	}
	out := make([]user.User, len(views))
	for i, v := range views {
		out[i] = userFromView(v)
	}
	return out, total, nil
}

// CreateUser stores u and sets its ID.
func (c conn) CreateUser(ctx context.Context, u *user.User) error {
	row := userToRow(*u)
	row.ID = 0
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return duplicateOr(err, "username", "create user")
	}
	u.ID = row.ID
	return nil
}

// UpdateUser stores u if its stored version is readVersion, and increments u.Version.
func (c conn) UpdateUser(ctx context.Context, u *user.User, readVersion int) error {
	row := userToRow(*u)
	row.Version = readVersion + 1
	if err := c.updateVersioned(ctx, &row, u.ID, readVersion, "username"); err != nil {
		return wrap(err, "update user")
	}
	u.Version = row.Version
	return nil
}

// TouchLogin records a successful sign-in.
func (c conn) TouchLogin(ctx context.Context, id int64, t time.Time) error {
	err := c.ctx(ctx).Model(&userRow{}).Where("id = ?", id).UpdateColumn("last_login_at", utc(t)).Error
	return wrap(err, "touch login")
}
