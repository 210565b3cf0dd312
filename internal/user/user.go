// Package user holds the accounts of the product: their roles and bindings, the password policy,
// administration by the admin, and the self-registration of enterprises with its approval.
package user

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Status is where an account stands.
type Status string

// The statuses of an account. A pending account was self-registered and waits for an officer; it
// cannot sign in, nor can a rejected or disabled one.
const (
	Active   Status = "active"
	Pending  Status = "pending"
	Rejected Status = "rejected"
	Disabled Status = "disabled"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s == Active || s == Pending || s == Rejected || s == Disabled }

// User is an account.
type User struct {
	ID           int64
	Username     string // lower case
	DisplayName  string
	Phone        string
	Role         access.Role
	RegionCode   string // county officers only
	EnterpriseID int64  // enterprise users only
	Status       Status
	PasswordHash string
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
	LastLoginAt  time.Time // zero when never

	// Self-registration: set on accounts that registered themselves.
	SelfRegistered bool
	DecidedAt      time.Time
	DecidedBy      string
	DecisionReason string

	// Read with the user from its enterprise, for display; not stored on the account.
	EnterpriseName       string
	EnterpriseCreditCode string
	EnterpriseRegionCode string
}

// Actor returns the user as the caller of a request.
func (u User) Actor() access.Actor {
	return access.Actor{UserID: u.ID, Username: u.Username, Role: u.Role, RegionCode: u.RegionCode, EnterpriseID: u.EnterpriseID}
}

// Snapshot is the audited form of a user: everything but the password hash.
func (u User) Snapshot() map[string]any {
	return map[string]any{
		"id": u.ID, "username": u.Username, "display_name": u.DisplayName, "phone": u.Phone,
		"role": u.Role, "region_code": u.RegionCode, "enterprise_id": u.EnterpriseID, "status": u.Status,
	}
}

// EntityID returns the id of the user as audit events name it.
func (u User) EntityID() string { return strconv.FormatInt(u.ID, 10) }

var usernamePattern = regexp.MustCompile(`^[a-z][a-z0-9_.-]{2,31}$`)

// NormalizeUsername returns the form usernames are stored and compared in.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// UsernameValid reports whether a normalised username has the allowed form: 3–32 letters,
// digits, "_", "." or "-", starting with a letter.
func UsernameValid(s string) bool { return usernamePattern.MatchString(s) }

// Filter narrows the user list.
type Filter struct {
	Query      string
	Role       access.Role
	Status     Status
	RegionCode string
	// SelfRegistered limits the list to self-registered accounts (the registration list).
	SelfRegistered bool
	// EnterpriseRegion limits self-registrations to enterprises of a region (county officers).
	EnterpriseRegion string
	// Officers limits the list to active officers (city and county) who may liaise with enterprises.
	Officers bool
	Page     paging.Request
}

// Store keeps accounts. Its methods return apperr codes not_found, duplicate (with the field) and
// stale_version where they say so.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	// GetUser returns a user with its enterprise name, or not_found.
	GetUser(ctx context.Context, id int64) (User, error)
	// GetUserByUsername returns a user by its normalised name, or not_found.
	GetUserByUsername(ctx context.Context, username string) (User, error)
	ListUsers(ctx context.Context, f Filter) ([]User, int64, error)
	// CreateUser stores u and sets its ID; duplicate on a taken username.
	CreateUser(ctx context.Context, u *User) error
	// UpdateUser stores u if its stored version is readVersion (stale_version otherwise) and
	// increments u.Version.
	UpdateUser(ctx context.Context, u *User, readVersion int) error
	// TouchLogin records a successful sign-in at t without changing the version.
	TouchLogin(ctx context.Context, id int64, t time.Time) error
	// DeleteSessionsOf ends every session of a user but the one kept (its token hash, or "").
	DeleteSessionsOf(ctx context.Context, userID int64, keep string) error
	RegionExists(ctx context.Context, code string) (bool, error)
	EnterpriseExists(ctx context.Context, id int64) (bool, error)
	// FindByCreditCode returns the registry's enterprise of a credit code, or not_found.
	FindByCreditCode(ctx context.Context, code string) (enterprise.Enterprise, error)
	// CreateEnterprise stores e and sets its ID; duplicate on a registered credit code.
	CreateEnterprise(ctx context.Context, e *enterprise.Enterprise) error
	// RefreshEligibility recomputes an enterprise's stored criteria results.
	RefreshEligibility(ctx context.Context, enterpriseID int64, now time.Time, loc *time.Location) error
	RecordAudit(ctx context.Context, e audit.Event) error
}
