package demo

import (
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// pastBatch is a closed batch of the demo city's history with the applications the city
// recommended to it, each decided on the day of the announcement.
type pastBatch struct {
	b    batch.Batch
	apps []pastApplication
}

type pastApplication struct {
	a      application.Application
	record int // the qualification it granted, as an index into the records; -1 when not approved
	steps  []application.Step
}

// ledgerNote marks the history entered from the bureau's own ledger rather than through the tracker.
const ledgerNote = "依据市局申报台账补录"

// pastBatches returns the batches of history up to now: for each announcement, a recognition
// batch that opened five months before it, whose recommended applications are the companies
// granted (approved) and the next ones in strength (not approved). records are those of
// qualificationHistory, by which an approval finds its qualification.
func pastBatches(companies []company, records []record, now time.Time, loc *time.Location) []pastBatch {
	ranked := byStrength(companies)
	granted := map[[2]int]int{}
	for i, r := range records {
		granted[[2]int{r.grant, r.rank}] = i
	}
	today := calendar.On(now, loc)
	var out []pastBatch
	for gi, g := range history {
		on := mustDate(g.on)
		if on.After(today) {
			continue
		}
		opens := on.AddDays(-150)
		pb := pastBatch{b: batch.Batch{Tier: g.tier, Kind: batch.Recognition, Year: on.Year(), Name: g.batch, Ruleset: criteria.DefaultRuleset,
			OpensOn: opens, ClosesOn: opens.AddDays(40), CreatedBy: "city", Version: 1, CreatedAt: now, UpdatedAt: now}}
		at := func(d calendar.Date) time.Time { return d.Start(loc).Add(10 * time.Hour) }
		for rank := g.from; rank < g.from+g.recommended && rank < len(ranked); rank++ {
			c := ranked[rank]
			state, result, idx := application.NotApproved, application.ResultNotApproved, -1
			if i, ok := granted[[2]int{gi, rank}]; ok {
				state, result, idx = application.Approved, application.ResultApproved, i
			}
			a := application.Application{EnterpriseID: c.e.ID, ReportYear: on.Year() - 1, State: state, SubmittedAt: at(opens.AddDays(7)),
				Result: result, CreatedBy: "system", Version: 5, CreatedAt: at(opens.AddDays(7)), UpdatedAt: at(on)}
			if result == application.ResultApproved {
				a.AnnouncementNo, a.GrantedOn = g.announcement, on
			}
			step := func(d calendar.Date, role access.Role, act application.Action, from, to application.State, comment string) application.Step {
				s := application.Step{At: at(d), ActorUsername: "system", ActorRole: role, Action: act, From: from, To: to, Comment: comment}
				if role == access.CountyOfficer {
					s.RegionCode = c.e.RegionCode
				}
				return s
			}
			pb.apps = append(pb.apps, pastApplication{a: a, record: idx, steps: []application.Step{
				step(opens.AddDays(7), access.Enterprise, application.Submit, application.Draft, application.CountyReview, ledgerNote),
				step(opens.AddDays(45), access.CountyOfficer, application.Pass, application.CountyReview, application.CityReview, ""),
				step(opens.AddDays(60), access.CityOfficer, application.Pass, application.CityReview, application.Recommended, ""),
				step(on, access.CityOfficer, application.RecordResult, application.Recommended, state, g.announcement),
			}})
		}
		out = append(out, pb)
	}
	return out
}
