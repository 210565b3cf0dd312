package synth

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/eligibility"
)

// historyYears is how many years of batches before today's year the history covers: two
// validity periods, so that qualifications have lapsed and been extended.
const historyYears = 6

// plannedBatch is a batch of the history, with what the enterprises' histories need of it.
type plannedBatch struct {
	b            batch.Batch
	announcedOn  calendar.Date // the day results are published; after today for one still under way
	announcement string        // the notice's number (公告文号)
	isNew        bool          // not in the database yet
}

// announced reports whether the batch's results are out by today.
func (p plannedBatch) announced(today calendar.Date) bool { return !p.announcedOn.After(today) }

// windowOpen reports whether enterprises may still submit to the batch today.
func (p plannedBatch) windowOpen(today calendar.Date) bool { return !p.b.ClosesOn.Before(today) }

// plan returns the batches of the history up to today, oldest first: MIIT's little giant batch
// each July (from the first, in 2019), the province's specialised SME batch each December (from
// 2019) and its two innovative SME batches each June and November (from the 2022 measures), each
// open for 45 days five months before its results; and a batch of each provincial tier open
// today, for the pipeline. Batches opening after today are left out.
func plan(today calendar.Date, loc *time.Location) []plannedBatch {
	type call struct {
		tier         criteria.Tier
		announce     calendar.Date
		name         string
		announcement string
	}
	var calls []call
	for y := today.Year() - historyYears; y <= today.Year(); y++ {
		if y >= 2022 {
			calls = append(calls,
				call{criteria.InnovativeSME, calendar.NewDate(y, time.June, 20), fmt.Sprintf("%d年第一批广东省创新型中小企业", y), fmt.Sprintf("粤工信融资函〔%d〕%d号", y, 28+y%7)},
				call{criteria.InnovativeSME, calendar.NewDate(y, time.November, 20), fmt.Sprintf("%d年第二批广东省创新型中小企业", y), fmt.Sprintf("粤工信融资函〔%d〕%d号", y, 52+y%5)})
		}
		if y >= 2019 {
			calls = append(calls,
				call{criteria.LittleGiant, calendar.NewDate(y, time.July, 20), fmt.Sprintf(`第%s批专精特新"小巨人"企业`, ordinal(y-2018)), fmt.Sprintf("工信部企业函〔%d〕%d号", y, 180+y%17)},
				call{criteria.SpecializedSME, calendar.NewDate(y, time.December, 15), fmt.Sprintf("%d年广东省专精特新中小企业", y), fmt.Sprintf("粤工信融资函〔%d〕%d号", y, 66+y%9)})
		}
	}
	mk := func(tier criteria.Tier, name string, opens, closes calendar.Date) batch.Batch {
		created := opens.AddDays(-10).Start(loc).Add(10 * time.Hour).UTC()
		return batch.Batch{Tier: tier, Kind: batch.Recognition, Year: opens.Year(), Name: name, Ruleset: eligibility.RulesetOn(opens),
			OpensOn: opens, ClosesOn: closes, CreatedBy: "city", Version: 1, CreatedAt: created, UpdatedAt: created}
	}
	var out []plannedBatch
	for _, c := range calls {
		opens := c.announce.AddDays(-150)
		if opens.After(today) {
			continue
		}
		out = append(out, plannedBatch{b: mk(c.tier, c.name, opens, opens.AddDays(45)), announcedOn: c.announce, announcement: c.announcement})
	}
	// Open today, results far ahead: applications at every stage of the workflow.
	opens := calendar.NewDate(today.Year(), today.Month(), 1)
	for _, c := range []struct {
		tier criteria.Tier
		name string
	}{
		{criteria.InnovativeSME, fmt.Sprintf("%d年%d月广东省创新型中小企业评价", today.Year(), today.Month())},
		{criteria.SpecializedSME, fmt.Sprintf("%d年%d月广东省专精特新中小企业认定", today.Year(), today.Month())},
	} {
		out = append(out, plannedBatch{b: mk(c.tier, c.name, opens, opens.AddDays(60)), announcedOn: opens.AddDays(240)})
	}
	sortBatches(out)
	return out
}

// sortBatches orders the plan by opening day, then tier from the bottom, then name.
func sortBatches(ps []plannedBatch) {
	rank := func(t criteria.Tier) int { return slices.Index(criteria.Tiers, t) }
	slices.SortStableFunc(ps, func(a, b plannedBatch) int {
		return cmp.Or(a.b.OpensOn.Compare(b.b.OpensOn), cmp.Compare(rank(a.b.Tier), rank(b.b.Tier)), cmp.Compare(a.b.Name, b.b.Name))
	})
}

var ordinals = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// ordinal writes 1–99 in Chinese numerals, as batch names number them.
func ordinal(n int) string {
	switch {
	case n <= 10:
		return ordinals[n]
	case n < 20:
		return "十" + ordinals[n%10]
	case n%10 == 0:
		return ordinals[n/10] + "十"
	}
	return ordinals[n/10] + "十" + ordinals[n%10]
}
