package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/notice"
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
		pb := pastBatch{b: batch.Batch{Tier: g.tier, Kind: batch.Recognition, Year: on.Year(), Name: g.batch, Ruleset: eligibility.RulesetOn(opens),
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

// createWorkUnderWay puts applications under way in the open innovative batch: three with the city,
// on a public notice published yesterday for seven days; two with their county. They are of
// companies that hold no tier yet, and neither of the demo's enterprise accounts.
func createWorkUnderWay(ctx context.Context, st Store, companies []company, b batch.Batch, now time.Time, loc *time.Location) error {
	today := calendar.On(now, loc)
	ranked := byStrength(companies)
	var picked []*company
	for i := len(ranked) - 1; i >= 0 && len(picked) < 5; i-- {
		c := ranked[i]
		if c == &companies[0] || c == &companies[1] || c.e.RegionCode == "445202" {
			continue // the demo accounts' enterprises, and the demo county officer's queue, stay as they are
		}
		picked = append(picked, c)
	}
	at := func(daysAgo int) time.Time { return today.AddDays(-daysAgo).Start(loc).Add(10 * time.Hour).UTC() }
	n := notice.Notice{BatchID: b.ID, Title: b.Name + "拟推荐名单公示", Contact: "揭阳市工业和信息化局 中小企业科 0663-8221234",
		PublishedOn: today.AddDays(-1), EndsOn: today.AddDays(5), PublishedBy: "city", CreatedAt: at(1)}
	for i, c := range picked {
		state := application.CityReview
		if i >= 3 {
			state = application.CountyReview
		}
		a := application.Application{BatchID: b.ID, EnterpriseID: c.e.ID, ReportYear: today.Year() - 1, State: state, SubmittedAt: at(6),
			CreatedBy: "system", Version: 2, CreatedAt: at(7), UpdatedAt: at(3)}
		steps := []application.Step{{At: at(6), ActorUsername: "system", ActorRole: access.Enterprise, Action: application.Submit,
			From: application.Draft, To: application.CountyReview}}
		if state == application.CityReview {
			a.Version = 3
			steps = append(steps, application.Step{At: at(3), ActorUsername: "system", ActorRole: access.CountyOfficer, RegionCode: c.e.RegionCode,
				Action: application.Pass, From: application.CountyReview, To: application.CityReview})
		}
		if err := st.CreateApplication(ctx, &a); err != nil {
			return fmt.Errorf("demo application of %s: %w", c.e.Name, err)
		}
		for _, s := range steps {
			s.ApplicationID = a.ID
			if err := st.AddStep(ctx, s); err != nil {
				return err
			}
		}
		if state == application.CityReview {
			n.Entries = append(n.Entries, notice.Entry{ApplicationID: a.ID})
		}
	}
	return st.CreateNotice(ctx, &n)
}
