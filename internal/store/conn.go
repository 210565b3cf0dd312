package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/auth"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/user"
)

// conn holds every query of the product over one *gorm.DB, which is either the pool or a
// transaction. The exported adapters below embed it and add the Tx method each domain's Store
// interface asks for, binding the transaction to a value of the same adapter.
type conn struct {
	db *gorm.DB
	// cohorts gathers the changes to the statistics' cohorts of the transaction tx began (nil
	// outside one), written as it commits: see recounted.
	cohorts stats.Tally
}

func (c conn) ctx(ctx context.Context) *gorm.DB { return c.db.WithContext(ctx) }

// tx runs fn in a transaction, nested in c's if c is one (a savepoint). The cohorts' changes fn
// makes are written when the outermost transaction commits, in one sorted statement group: a
// count row of the cohorts is shared by every enterprise of its tier, region and industry, and
// taking its lock at each write would hold it for a long transaction's length (an import's) and
// let two transactions take two of them in opposite orders. Changes made inside a savepoint that
// rolls back are dropped with it.
func (c conn) tx(ctx context.Context, fn func(conn) error) error {
	return c.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		inner := conn{db: tx, cohorts: stats.Tally{}}
		if err := fn(inner); err != nil {
			return err
		}
		if c.cohorts != nil {
			for k, n := range inner.cohorts {
				c.cohorts[k] += n
			}
			return nil
		}
		return inner.addCohorts(ctx, inner.cohorts)
	})
}

// Enterprises is the registry's store.
type Enterprises struct{ conn }

// NewEnterprises returns the registry's store over db.
func NewEnterprises(db *gorm.DB) Enterprises { return Enterprises{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Enterprises) Tx(ctx context.Context, fn func(enterprise.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Enterprises{c}) })
}

// Users is the accounts' store.
type Users struct{ conn }

// NewUsers returns the accounts' store over db.
func NewUsers(db *gorm.DB) Users { return Users{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Users) Tx(ctx context.Context, fn func(user.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Users{c}) })
}

// Sessions is the sign-in store.
type Sessions struct{ conn }

// NewSessions returns the sign-in store over db.
func NewSessions(db *gorm.DB) Sessions { return Sessions{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Sessions) Tx(ctx context.Context, fn func(auth.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Sessions{c}) })
}

// Reader answers read-only questions (regions, the audit log).
type Reader struct{ conn }

// NewReader returns the read-only store over db.
func NewReader(db *gorm.DB) Reader { return Reader{conn{db: db}} }

// notFoundOr turns "no row" into not_found and wraps anything else as internal.
func notFoundOr(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.New(apperr.NotFound, "")
	}
	return wrap(err, what)
}

// wrap passes domain errors through and wraps database errors as internal.
func wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	return apperr.Wrap(err, what)
}

// duplicateOr turns a unique violation into duplicate naming the field.
func duplicateOr(err error, field, what string) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return &apperr.Error{Code: apperr.Duplicate, Fields: []apperr.FieldError{{Field: field, Rule: apperr.RuleTaken}}, Err: err}
	}
	return wrap(err, what)
}

// bindBudget is about how many parameters a batched insert binds per statement. The SQLite driver
// finds each parameter's value by a linear search of the statement's arguments, so a statement's
// cost grows with the square of its parameters: a few hundred is the sweet spot there, and plenty
// for PostgreSQL.
const bindBudget = 400

// batchRows is how many rows of so many columns a batched insert puts in one statement.
func batchRows(columns int) int { return max(1, bindBudget/columns) }

// utc normalises an instant for storage: UTC, at the microsecond PostgreSQL keeps, so that SQLite's
// text timestamps compare in time order.
func utc(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func utcPtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := utc(t)
	return &u
}

func timeOf(p *time.Time) time.Time {
	if p == nil {
		return time.Time{}
	}
	return p.UTC()
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func strOf(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func idPtr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func idOf(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// likePattern returns a LIKE pattern matching s anywhere, with LIKE's wildcards escaped by "\".
func likePattern(s string) string { return "%" + likeEscaper.Replace(s) + "%" }

// prefixPattern returns a LIKE pattern matching what starts with s.
func prefixPattern(s string) string { return likeEscaper.Replace(s) + "%" }

// RecordAudit stores an audit event.
func (c conn) RecordAudit(ctx context.Context, e audit.Event) error {
	return c.RecordAudits(ctx, []audit.Event{e})
}

// RecordAudits stores audit events in batched statements.
func (c conn) RecordAudits(ctx context.Context, es []audit.Event) error {
	if len(es) == 0 {
		return nil
	}
	rows := make([]auditRow, len(es))
	for i, e := range es {
		rows[i] = auditRow{
			At:            utc(e.At),
			ActorID:       idPtr(e.ActorID),
			ActorUsername: strPtr(e.ActorUsername),
			ActorRole:     strPtr(string(e.ActorRole)),
			Action:        e.Action,
			EntityType:    strPtr(e.EntityType),
			EntityID:      strPtr(e.EntityID),
			Before:        strPtr(string(e.Before)),
			After:         strPtr(string(e.After)),
			IP:            strPtr(e.IP),
			UserAgent:     strPtr(truncate(e.UserAgent, 300)),
			RequestID:     strPtr(e.RequestID),
		}
	}
	return wrap(c.ctx(ctx).CreateInBatches(&rows, batchRows(12)).Error, "record audit")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// RegionExists reports whether a region code is known.
func (c conn) RegionExists(ctx context.Context, code string) (bool, error) {
	var n int64
	err := c.ctx(ctx).Model(&regionRow{}).Where("code = ?", code).Count(&n).Error
	return n > 0, wrap(err, "region exists")
}

// EnterpriseExists reports whether an enterprise id is known.
func (c conn) EnterpriseExists(ctx context.Context, id int64) (bool, error) {
	var n int64
	err := c.ctx(ctx).Model(&enterpriseRow{}).Where("id = ?", id).Count(&n).Error
	return n > 0, wrap(err, "enterprise exists")
}

// MaxListRows bounds a list asked for whole (an export).
const MaxListRows = 200_000

// page limits a query to a page, or to MaxListRows for a page of size 0 (a whole list).
func page(q *gorm.DB, p paging.Request) *gorm.DB {
	if p.Size > 0 {
		return q.Offset(p.Offset()).Limit(p.Size)
	}
	return q.Limit(MaxListRows)
}
