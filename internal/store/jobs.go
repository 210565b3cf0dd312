package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
)

type jobClaimRow struct {
	Job       string        `gorm:"primaryKey"`
	Day       calendar.Date `gorm:"primaryKey"`
	ClaimedBy string
	ClaimedAt time.Time
}

func (jobClaimRow) TableName() string { return "job_claims" }

// Jobs is the periodic jobs' store.
type Jobs struct{ conn }

// NewJobs returns the periodic jobs' store over db.
func NewJobs(db *gorm.DB) Jobs { return Jobs{conn{db: db}} }

// ClaimDay takes a job for a day, answering true to the one replica that takes it first, and false
// to every later asker, itself included. A replica that fails the job after claiming it leaves
// the day undone; a job claimed this way must be one whose next day's run makes up for it.
func (j Jobs) ClaimDay(ctx context.Context, job string, day calendar.Date, replica string) (bool, error) {
	res := j.ctx(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&jobClaimRow{Job: job, Day: day, ClaimedBy: replica, ClaimedAt: utc(time.Now())})
	if res.Error != nil {
		return false, wrap(res.Error, "claim job")
	}
	return res.RowsAffected == 1, nil
}

// RefreshAllEligibility recomputes every enterprise's results, a chunk of enterprises at a time,
// each chunk committed on its own: a full pass over a large registry never holds a long
// transaction, and an enterprise changed meanwhile is refreshed by its own change as well.
func (c conn) RefreshAllEligibility(ctx context.Context, now time.Time, loc *time.Location) (int, error) {
	const chunk = 500
	n := 0
	for after := int64(0); ; {
		var views []enterpriseView
		if err := c.enterprisesIn(ctx, access.Scope{}).Where("e.id > ?", after).Order("e.id").Limit(chunk).Find(&views).Error; err != nil {
			return n, wrap(err, "list enterprises")
		}
		if len(views) == 0 {
			return n, nil
		}
		es := make([]enterprise.Enterprise, len(views))
		for i, v := range views {
			es[i] = enterpriseFromView(v)
		}
		if err := c.tx(ctx, func(tx conn) error { return eligibility.RefreshMany(ctx, tx, es, now, loc) }); err != nil {
			return n, err
		}
		n += len(es)
		after = es[len(es)-1].ID
	}
}
