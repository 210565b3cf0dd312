package demo

import (
	"cmp"
	"slices"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/qualification"
)

// grant is one announcement of the demo city's history: who got which tier on which day, and
// how many of them passed the re-review when it came up.
type grant struct {
	tier         criteria.Tier
	on           string
	batch        string
	announcement string
	from, to     int // ranks (strongest first) of the companies granted
	renewed      int // how many of them passed the re-review (the first ones)
	recommended  int // how many the city recommended: those granted, and the next ranks, not approved
}

// history is the demo city's record. On 2023-06-30 it holds, tier by tier, 83 innovative SMEs
// (2022-09 and 2023-06 batches), 76 provincial specialised SMEs (2020, 2021 and 2022 batches) and
// 2 little giants (MIIT's third and fourth batches); later batches, re-reviews and lapses bring it
// to today. As the bureau reported, the city recommended 8 for the fifth batch of little giants
// and 67 for the 2023 first batch of innovative SMEs.
var history = []grant{
	{criteria.SpecializedSME, "2020-12-15", `2020年广东省专精特新中小企业`, "粤工信融资函〔2020〕62号", 0, 20, 15, 24},
	{criteria.LittleGiant, "2021-07-19", `第三批专精特新"小巨人"企业`, "工信部企业函〔2021〕197号", 0, 1, 1, 2},
	{criteria.SpecializedSME, "2021-12-15", `2021年广东省专精特新中小企业`, "粤工信融资函〔2021〕68号", 20, 48, 22, 33},
	{criteria.LittleGiant, "2022-08-01", `第四批专精特新"小巨人"企业`, "工信部企业函〔2022〕191号", 1, 2, 1, 3},
	{criteria.InnovativeSME, "2022-09-30", `2022年广东省创新型中小企业`, "粤工信融资函〔2022〕45号", 48, 88, 30, 46},
	{criteria.SpecializedSME, "2022-12-15", `2022年广东省专精特新中小企业`, "粤工信融资函〔2022〕71号", 48, 76, 24, 30},
	{criteria.InnovativeSME, "2023-06-15", `2023年第一批广东省创新型中小企业`, "粤工信融资函〔2023〕30号", 88, 131, 35, 67},
	{criteria.LittleGiant, "2023-07-20", `第五批专精特新"小巨人"企业`, "工信部企业函〔2023〕182号", 2, 5, 0, 8},
	{criteria.SpecializedSME, "2023-12-15", `2023年广东省专精特新中小企业`, "粤工信融资函〔2023〕75号", 76, 91, 0, 18},
	{criteria.InnovativeSME, "2024-06-20", `2024年第一批广东省创新型中小企业`, "粤工信融资函〔2024〕33号", 131, 161, 0, 34},
	{criteria.SpecializedSME, "2024-12-16", `2024年广东省专精特新中小企业`, "粤工信融资函〔2024〕70号", 91, 111, 0, 23},
	{criteria.InnovativeSME, "2025-06-20", `2025年第一批广东省创新型中小企业`, "粤工信融资函〔2025〕31号", 161, 186, 0, 29},
}

// revoked is the rank of the company whose qualification was revoked, and when and why.
const (
	revokedRank   = 30
	revokedOn     = "2024-05-10"
	revokedReason = "发生重大安全生产事故，经核实撤销资格"
)

func mustDate(s string) calendar.Date {
	d, err := calendar.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// history of one qualification: the qualification and the events that made it so.
type record struct {
	q           qualification.Qualification
	events      []qualification.Event
	grant, rank int // the announcement in history, and the company's rank in it
}

// byStrength returns the companies strongest first, the order in which history grants them tiers.
func byStrength(companies []company) []*company {
	ranked := make([]*company, len(companies))
	for i := range companies {
		ranked[i] = &companies[i]
	}
	slices.SortStableFunc(ranked, func(a, b *company) int { return cmp.Compare(b.strength, a.strength) })
	return ranked
}

// qualificationHistory returns the demo city's qualifications with their histories: a passed
// re-review extends a qualification by a new period from its old expiry; grants and re-reviews
// after now are left out. The events' qualification IDs are set once the qualifications are stored.
func qualificationHistory(companies []company, now time.Time) []record {
	ranked := byStrength(companies)
	today := calendar.On(now, time.UTC)
	var out []record
	for gi, g := range history {
		granted := mustDate(g.on)
		if granted.After(today) {
			continue
		}
		for rank := g.from; rank < g.to && rank < len(ranked); rank++ {
			c := ranked[rank]
			q := qualification.Qualification{
				EnterpriseID: c.e.ID, Tier: g.tier, Source: qualification.SourceDemo, BatchName: g.batch, AnnouncementNo: g.announcement,
				GrantedOn: granted, ValidUntil: qualification.ValidUntilOf(granted), Version: 1, CreatedAt: now, UpdatedAt: now,
			}
			r := record{q: q, grant: gi, rank: rank, events: []qualification.Event{{Kind: qualification.Granted, On: granted, ValidUntil: q.ValidUntil,
				AnnouncementNo: g.announcement, ActorUsername: "system", CreatedAt: now}}}
			if rank == revokedRank {
				r.q.RevokedOn, r.q.RevokeReasonCode, r.q.RevokedReason, r.q.RevokedBy = mustDate(revokedOn), "major_incident", revokedReason, "city"
				r.events = append(r.events, qualification.Event{Kind: qualification.Ended, On: r.q.RevokedOn, ValidUntil: r.q.ValidUntil,
					ReasonCode: "major_incident", Reason: revokedReason, ActorUsername: "city", CreatedAt: now})
			} else if rank-g.from < g.renewed && !r.q.ValidUntil.After(today) {
				// The re-review passed at expiry: a new period from the old expiry date.
				r.q.ValidUntil = r.q.Extended()
				r.events = append(r.events, qualification.Event{Kind: qualification.Extended, On: q.ValidUntil, ValidUntil: r.q.ValidUntil,
					AnnouncementNo: g.announcement + "（复核）", ActorUsername: "system", CreatedAt: now})
			}
			out = append(out, r)
		}
	}
	return out
}
