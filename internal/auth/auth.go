// Package auth signs users in and out: server-side sessions kept in the database (so that logout,
// disabling a user and any number of replicas all work at once), a lockout after repeated failed
// sign-ins, and changing one's own password.
package auth

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/user"
)

// Session is a signed-in browser or script. Its ID is a keyed hash of the token the client holds,
// so that the table alone cannot be used to sign in.
type Session struct {
	ID         string
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // the absolute end, however active the session
	IP         string
	UserAgent  string
}

// Throttle counts the failed sign-ins of one username.
type Throttle struct {
	Username    string
	Failures    int
	WindowStart time.Time
	LockedUntil time.Time
}

// Store keeps sessions and throttles, and reads accounts.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	GetUser(ctx context.Context, id int64) (user.User, error)
	GetUserByUsername(ctx context.Context, username string) (user.User, error)
	UpdateUser(ctx context.Context, u *user.User, readVersion int) error
	TouchLogin(ctx context.Context, id int64, t time.Time) error
	CreateSession(ctx context.Context, s Session) error
	// GetSession returns a session by ID, or not_found.
	GetSession(ctx context.Context, id string) (Session, error)
	TouchSession(ctx context.Context, id string, t time.Time) error
	DeleteSession(ctx context.Context, id string) error
	DeleteSessionsOf(ctx context.Context, userID int64, keep string) error
	// DeleteExpiredSessions removes sessions that ended before cutoff or were idle since idleCutoff.
	DeleteExpiredSessions(ctx context.Context, cutoff, idleCutoff time.Time) (int64, error)
	// LockThrottle returns a username's throttle (zero when none) and, inside a transaction,
	// holds it until the transaction ends.
	LockThrottle(ctx context.Context, username string) (Throttle, error)
	SaveThrottle(ctx context.Context, t Throttle) error
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Policy is how long sessions live and when sign-ins lock.
type Policy struct {
	IdleTimeout time.Duration // a session unused this long ends
	MaxLifetime time.Duration // a session ends this long after sign-in, however active
	MaxFailures int           // failed sign-ins within Window that lock the username
	Window      time.Duration
	LockFor     time.Duration
}

// DefaultPolicy is the policy of the product: 5 failures in 15 minutes lock for 15 minutes.
var DefaultPolicy = Policy{
	IdleTimeout: 2 * time.Hour,
	MaxLifetime: 12 * time.Hour,
	MaxFailures: 5,
	Window:      15 * time.Minute,
	LockFor:     15 * time.Minute,
}

// touchEvery bounds how often a session's last use is written: not on every request.
const touchEvery = time.Minute

// Service signs users in and out.
type Service struct {
	Store  Store
	Hasher user.Hasher
	Now    func() time.Time
	Secret []byte // keys the hash of session tokens
	Policy Policy
	// dummyHash is compared against when the username does not exist, so that a wrong username
	// takes as long as a wrong password.
	dummyHash string
}

// New returns a Service; it hashes a dummy password once, at the hasher's cost.
func New(st Store, h user.Hasher, now func() time.Time, secret []byte, p Policy) (*Service, error) {
	dummy, err := h.Hash("dummy password 0")
	if err != nil {
		return nil, err
	}
	return &Service{Store: st, Hasher: h, Now: now, Secret: secret, Policy: p, dummyHash: dummy}, nil
}

// SessionID returns the stored ID of a client's token.
func (s *Service) SessionID(token string) string {
	m := hmac.New(sha256.New, s.Secret)
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Login checks a username and password. It answers the token of a new session and the user; or
// invalid_credentials, locked (with RetryAfter), account_pending or account_disabled. Every
// attempt is audited.
func (s *Service) Login(ctx context.Context, username, password string) (string, user.User, error) {
	name := user.NormalizeUsername(username)
	now := s.Now().UTC()
	who := access.Actor{Username: name}

	throttle, err := s.Store.LockThrottle(ctx, name)
	if err != nil {
		return "", user.User{}, err
	}
	if throttle.LockedUntil.After(now) {
		if err := s.Store.RecordAudit(ctx, audit.New(ctx, now, who, "auth.login_locked", "user", "", nil, nil)); err != nil {
			return "", user.User{}, err
		}
		return "", user.User{}, s.lockedError(throttle.LockedUntil.Sub(now))
	}

	u, err := s.Store.GetUserByUsername(ctx, name)
	found := err == nil
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		return "", user.User{}, err
	}
	hash := s.dummyHash
	if found {
		hash = u.PasswordHash
	}
	if !s.Hasher.Matches(hash, password) || !found {
		return "", user.User{}, s.fail(ctx, name, u, now)
	}
	who = u.Actor()
	switch u.Status {
	case user.Active:
	case user.Pending:
		return "", user.User{}, s.refuse(ctx, who, now, apperr.AccountPending)
	default:
		return "", user.User{}, s.refuse(ctx, who, now, apperr.AccountDisabled)
	}

	token, err := newToken()
	if err != nil {
		return "", user.User{}, apperr.Wrap(err, "session token")
	}
	origin := audit.OriginFrom(ctx)
	err = s.Store.Tx(ctx, func(st Store) error {
		if err := st.SaveThrottle(ctx, Throttle{Username: name}); err != nil {
			return err
		}
		if err := st.CreateSession(ctx, Session{
			ID: s.SessionID(token), UserID: u.ID, CreatedAt: now, LastSeenAt: now,
			ExpiresAt: now.Add(s.Policy.MaxLifetime), IP: origin.IP, UserAgent: origin.UserAgent,
		}); err != nil {
			return err
		}
		if err := st.TouchLogin(ctx, u.ID, now); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, who, "auth.login", "user", u.EntityID(), nil, nil))
	})
	if err != nil {
		return "", user.User{}, err
	}
	u.LastLoginAt = now
	return token, u, nil
}

// fail counts a failed sign-in, locking the username at the policy's limit.
func (s *Service) fail(ctx context.Context, name string, u user.User, now time.Time) error {
	who := access.Actor{Username: name}
	entityID := ""
	if u.ID != 0 {
		who, entityID = u.Actor(), u.EntityID()
	}
	err := s.Store.Tx(ctx, func(st Store) error {
		t, err := st.LockThrottle(ctx, name)
		if err != nil {
			return err
		}
		t.Username = name
		if now.Sub(t.WindowStart) > s.Policy.Window {
			t.Failures, t.WindowStart = 0, now
		}
		t.Failures++
		action := "auth.login_failed"
		if t.Failures >= s.Policy.MaxFailures {
			t.Failures, t.WindowStart, t.LockedUntil = 0, time.Time{}, now.Add(s.Policy.LockFor)
			action = "auth.lock"
		}
		if err := st.SaveThrottle(ctx, t); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, who, action, "user", entityID, nil, nil))
	})
	if err != nil {
		return err
	}
	return apperr.New(apperr.InvalidCredentials, "")
}

func (s *Service) refuse(ctx context.Context, who access.Actor, now time.Time, code apperr.Code) error {
	err := s.Store.RecordAudit(ctx, audit.New(ctx, now, who, "auth.login_refused", "user", user.User{ID: who.UserID}.EntityID(), nil, map[string]any{"reason": code}))
	if err != nil {
		return err
	}
	return apperr.New(code, "")
}

func (s *Service) lockedError(left time.Duration) error {
	minutes := int((left + time.Minute - 1) / time.Minute)
	return &apperr.Error{Code: apperr.Locked, RetryAfter: left, Params: map[string]any{"minutes": minutes}}
}

// Authenticate returns the user and session of a token, or unauthenticated when the token is
// unknown, the session ended (idle or too old) or the account is no longer active.
func (s *Service) Authenticate(ctx context.Context, token string) (user.User, Session, error) {
	unauthenticated := apperr.New(apperr.Unauthenticated, "")
	if token == "" {
		return user.User{}, Session{}, unauthenticated
	}
	id := s.SessionID(token)
	sess, err := s.Store.GetSession(ctx, id)
	if apperr.Is(err, apperr.NotFound) {
		return user.User{}, Session{}, unauthenticated
	}
	if err != nil {
		return user.User{}, Session{}, err
	}
	now := s.Now().UTC()
	if !now.Before(sess.ExpiresAt) || now.Sub(sess.LastSeenAt) >= s.Policy.IdleTimeout {
		if err := s.Store.DeleteSession(ctx, id); err != nil {
			return user.User{}, Session{}, err
		}
		return user.User{}, Session{}, &apperr.Error{Code: apperr.Unauthenticated, Reason: "session_expired"}
	}
	u, err := s.Store.GetUser(ctx, sess.UserID)
	if apperr.Is(err, apperr.NotFound) || (err == nil && u.Status != user.Active) {
		return user.User{}, Session{}, unauthenticated
	}
	if err != nil {
		return user.User{}, Session{}, err
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		if err := s.Store.TouchSession(ctx, id, now); err != nil {
			return user.User{}, Session{}, err
		}
		sess.LastSeenAt = now
	}
	return u, sess, nil
}

// Logout ends the session of a token; an unknown token is not an error.
func (s *Service) Logout(ctx context.Context, actor access.Actor, token string) error {
	now := s.Now().UTC()
	return s.Store.Tx(ctx, func(st Store) error {
		if err := st.DeleteSession(ctx, s.SessionID(token)); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "auth.logout", "user", user.User{ID: actor.UserID}.EntityID(), nil, nil))
	})
}

// ChangePassword sets a user's own password after checking the current one, and ends the user's
// other sessions (the current one, named by its token, stays).
func (s *Service) ChangePassword(ctx context.Context, actor access.Actor, token, current, next string) error {
	u, err := s.Store.GetUser(ctx, actor.UserID)
	if err != nil {
		return err
	}
	var fs apperr.Fields
	if !s.Hasher.Matches(u.PasswordHash, current) {
		fs.Add("current_password", apperr.RulePasswordWrong, nil)
	}
	if !user.PasswordStrongEnough(next) {
		fs.Add("new_password", apperr.RulePasswordWeak, nil)
	}
	if err := fs.Err(); err != nil {
		return err
	}
	hash, err := s.Hasher.Hash(next)
	if err != nil {
		return apperr.Wrap(err, "hash password")
	}
	now := s.Now().UTC()
	return s.Store.Tx(ctx, func(st Store) error {
		u, err := st.GetUser(ctx, actor.UserID)
		if err != nil {
			return err
		}
		read := u.Version
		u.PasswordHash, u.UpdatedAt = hash, now
		if err := st.UpdateUser(ctx, &u, read); err != nil {
			return err
		}
		if err := st.DeleteSessionsOf(ctx, u.ID, s.SessionID(token)); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "auth.password_change", "user", u.EntityID(), nil, nil))
	})
}

// Sweep deletes ended sessions; it is safe to run on every replica at once.
func (s *Service) Sweep(ctx context.Context) (int64, error) {
	now := s.Now().UTC()
	return s.Store.DeleteExpiredSessions(ctx, now, now.Add(-s.Policy.IdleTimeout))
}
