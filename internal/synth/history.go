package synth

import (
	"slices"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/qualification"
)

// The actor of history entered from the bureau's ledger, and the note on its submissions.
const (
	ledgerActor = "system"
	ledgerNote  = "依据市局申报台账补录"
)

// revocations are the reasons qualifications are revoked for, with the words recorded.
var revocations = []struct{ code, reason string }{
	{"major_incident", "发生重大安全生产事故，经核实撤销资格"},
	{"abnormal_or_dishonest_list", "被列入经营异常名录，撤销资格"},
	{"false_information", "经核查申报材料存在虚假信息，撤销资格"},
	{"tax_violation", "存在偷税漏税行为，经税务部门认定撤销资格"},
	{"no_longer_meets_criteria", "企业迁出本省，不再符合认定条件"},
}

// Review comments of returns and rejections.
var (
	returnComments = []string{"请补充近两年研发费用专项审计报告", "知识产权证明材料不全，请补充", "请核对主营业务收入数据"}
	rejectComments = []string{"主营业务收入占比未达到要求", "研发费用占比未达到要求", "不符合申报条件：未持有有效的下一级资质"}
)

// history is the qualifications and applications of one enterprise as they are made, with ids
// local to its chunk (placed later).
type history struct {
	g     *Generator
	d     dice
	e     *enterprise.Enterprise
	s     float64
	chunk *Chunk
	quals []qualification.Qualification // this enterprise's, in grant order
	used  map[int]bool                  // batches it applied to
}

// holds reports whether the enterprise's qualification of a tier is in force on a day.
func (h *history) holds(t criteria.Tier, day calendar.Date) bool {
	return slices.Contains(qualification.HeldTiers(h.quals, day), t)
}

// mayApply reports whether the enterprise may submit to a batch on a day: it holds the tier below
// (none is needed before the 2022 measures, which put the innovative SME beneath the specialised).
func (h *history) mayApply(p plannedBatch, day calendar.Date) bool {
	below, ok := p.b.Tier.Below()
	if !ok || (below == criteria.InnovativeSME && p.b.OpensOn.Year() < 2022) {
		return true
	}
	return h.holds(below, day)
}

// submitDay is the day an enterprise submits to a batch.
func (h *history) submitDay(p plannedBatch) calendar.Date {
	return p.b.OpensOn.AddDays(3 + h.d.pick(25))
}

// candidates returns the batches of a tier whose results are out, not yet applied to, that the
// enterprise could apply to when they were open.
func (h *history) candidates(t criteria.Tier) []int {
	var out []int
	for _, i := range h.g.byTier[t] {
		p := h.g.batches[i]
		if p.announced(h.g.cfg.Today) && !h.used[i] && h.mayApply(p, p.b.OpensOn.AddDays(28)) {
			out = append(out, i)
		}
	}
	return out
}

// make climbs the ladder: the stronger an enterprise, the likelier it holds each tier; each grant
// comes with its approved application, some with an earlier failed one; every qualification may
// be extended at expiry by a re-review or revoked; and applications are under way in the batches
// whose results are not out yet.
func (h *history) make() {
	s := h.s
	if h.d.chance(0.08 + 0.55*s) {
		h.climb(criteria.InnovativeSME)
	}
	if s > 0.4 && h.d.chance((s-0.4)*1.1) {
		h.climb(criteria.SpecializedSME)
	}
	if s > 0.7 && h.holdsEver(criteria.SpecializedSME) && h.d.chance(s-0.7) {
		h.climb(criteria.LittleGiant)
	}
	if len(h.quals) == 0 && h.d.chance(0.08+0.2*s) {
		if cs := h.candidates(criteria.InnovativeSME); len(cs) > 0 {
			h.fail(cs[h.d.pick(len(cs))])
		}
	}
	h.underWay()
	h.consequences()
}

func (h *history) holdsEver(t criteria.Tier) bool {
	for _, q := range h.quals {
		if q.Tier == t {
			return true
		}
	}
	return false
}

// climb grants a tier in one of the batches the enterprise may apply to, perhaps after failing in
// an earlier one.
func (h *history) climb(t criteria.Tier) {
	cs := h.candidates(t)
	if len(cs) == 0 {
		return
	}
	k := h.d.pick(len(cs))
	if k > 0 && h.d.chance(0.25) {
		h.fail(cs[h.d.pick(k)])
	}
	h.grant(cs[k])
}

// grant records the approved application of a batch and the qualification it granted.
func (h *history) grant(bi int) {
	p := h.g.batches[bi]
	h.used[bi] = true
	appID := h.apply(p, []application.Action{application.Submit, application.Pass, application.Pass, application.RecordResult}, true)
	today := h.g.cfg.Today
	granted := p.announcedOn
	q := qualification.Qualification{
		ID: int64(len(h.chunk.Qualifications) + 1), EnterpriseID: h.e.ID, Tier: p.b.Tier, Source: qualification.SourceBatch,
		BatchID: p.b.ID, BatchName: p.b.Name, ApplicationID: appID, AnnouncementNo: p.announcement,
		GrantedOn: granted, ValidUntil: qualification.ValidUntilOf(granted), Version: 1,
		CreatedAt: h.g.at(granted, 16), UpdatedAt: h.g.at(granted, 16),
	}
	events := []qualification.Event{{Kind: qualification.Granted, On: granted, ValidUntil: q.ValidUntil, BatchID: p.b.ID, ApplicationID: appID,
		AnnouncementNo: p.announcement, ActorUsername: ledgerActor, CreatedAt: q.CreatedAt}}
	// Re-reviews at each expiry already past, the stronger likelier to pass.
	for q.ValidUntil.Before(today) && h.d.chance(0.5+0.4*h.s) {
		old := q.ValidUntil
		q.ValidUntil = q.Extended()
		events = append(events, qualification.Event{Kind: qualification.Extended, On: old, ValidUntil: q.ValidUntil,
			AnnouncementNo: p.announcement + "（复核）", ActorUsername: ledgerActor, CreatedAt: h.g.at(old, 16)})
	}
	if span := int(daysBetween(granted, minDate(q.ValidUntil, today))) - 30; span > 0 && h.d.chance(0.012) {
		r := revocations[h.d.pick(len(revocations))]
		on := granted.AddDays(30 + h.d.pick(span))
		// A revocation ends the qualification: re-reviews after it did not happen.
		kept := events[:1]
		q.ValidUntil = qualification.ValidUntilOf(granted)
		for _, ev := range events[1:] {
			if ev.On.Before(on) {
				kept = append(kept, ev)
				q.ValidUntil = ev.ValidUntil
			}
		}
		events = append(kept, qualification.Event{Kind: qualification.Ended, On: on, ValidUntil: q.ValidUntil, ReasonCode: r.code, Reason: r.reason,
			ActorUsername: "city", CreatedAt: h.g.at(on, 11)})
		q.RevokedOn, q.RevokeReasonCode, q.RevokedReason, q.RevokedBy = on, r.code, r.reason, "city"
	}
	q.Version = len(events)
	q.UpdatedAt = events[len(events)-1].CreatedAt
	for _, ev := range events {
		ev.ID = int64(len(h.chunk.Events) + 1)
		ev.QualificationID = q.ID
		h.chunk.Events = append(h.chunk.Events, ev)
	}
	h.chunk.Applications[len(h.chunk.Applications)-1].QualificationID = q.ID
	h.chunk.Qualifications = append(h.chunk.Qualifications, q)
	h.quals = append(h.quals, q)
}

// fail records an application of a batch that did not succeed: not approved by the province,
// rejected by the county or the city, or withdrawn.
func (h *history) fail(bi int) {
	h.used[bi] = true
	var path []application.Action
	switch x := h.d.Float64(); {
	case x < 0.5:
		path = []application.Action{application.Submit, application.Pass, application.Pass, application.RecordResult}
	case x < 0.75:
		path = []application.Action{application.Submit, application.Reject}
	case x < 0.9:
		path = []application.Action{application.Submit, application.Pass, application.Reject}
	default:
		path = []application.Action{application.Submit, application.Withdraw}
	}
	h.apply(h.g.batches[bi], path, false)
}

// underWay puts applications in the batches whose results are not out: one batch of a tier at
// most, at a stage that fits the batch's window.
func (h *history) underWay() {
	today := h.g.cfg.Today
	for _, t := range criteria.Tiers {
		if h.holds(t, today) {
			continue
		}
		var p float64
		switch t {
		case criteria.InnovativeSME:
			p = 0.03 + 0.1*h.s
		case criteria.SpecializedSME:
			p = 0.15 * h.s
		case criteria.LittleGiant:
			p = 0.08 * h.s
		}
		cs := h.candidatesUnderWay(t)
		if len(cs) == 0 || !h.d.chance(p) {
			continue
		}
		bi := cs[h.d.pick(len(cs))]
		h.used[bi] = true
		var path []application.Action
		x := h.d.Float64()
		if h.g.batches[bi].windowOpen(today) {
			switch {
			case x < 0.25:
				path = nil // a draft
			case x < 0.6:
				path = []application.Action{application.Submit}
			case x < 0.7:
				path = []application.Action{application.Submit, application.Return}
			case x < 0.95:
				path = []application.Action{application.Submit, application.Pass}
			default:
				path = []application.Action{application.Withdraw}
			}
		} else {
			switch {
			case x < 0.25:
				path = []application.Action{application.Submit, application.Pass}
			case x < 0.9:
				path = []application.Action{application.Submit, application.Pass, application.Pass}
			default:
				path = []application.Action{application.Submit, application.Reject}
			}
		}
		h.apply(h.g.batches[bi], path, false)
	}
}

// candidatesUnderWay returns the batches of a tier with results still to come that the enterprise
// may apply to today.
func (h *history) candidatesUnderWay(t criteria.Tier) []int {
	var out []int
	for _, i := range h.g.byTier[t] {
		if p := h.g.batches[i]; !p.announced(h.g.cfg.Today) && !h.used[i] && h.mayApply(p, h.g.cfg.Today) {
			out = append(out, i)
		}
	}
	return out
}

// apply records an application of a batch moved along a path of actions from its draft, each
// action taken by the role of its stage, spread over the batch's calendar (and never after today),
// and ending with the result when the path records one.
func (h *history) apply(p plannedBatch, path []application.Action, approved bool) int64 {
	today := h.g.cfg.Today
	last := today
	if p.announced(today) {
		last = p.announcedOn
	}
	created := p.b.OpensOn.AddDays(1 + h.d.pick(5))
	day := h.submitDay(p)
	if day.After(last) {
		day = last
	}
	if created.After(day) {
		created = day
	}
	a := application.Application{ID: int64(len(h.chunk.Applications) + 1), BatchID: p.b.ID, EnterpriseID: h.e.ID, ReportYear: p.b.OpensOn.Year() - 1,
		State: application.Draft, CreatedBy: ledgerActor, Version: 1, CreatedAt: h.g.at(created, 10)}
	a.UpdatedAt = a.CreatedAt
	for i, act := range path {
		role := stageRole(a.State, act)
		to, refusal := application.Next(a.State, act, role, approved)
		if refusal != application.Allowed {
			panic("synth: an illegal path of actions: " + string(a.State) + " " + string(act))
		}
		if i > 0 {
			day = minDate(day.AddDays(7+h.d.pick(20)), last)
		}
		if act == application.RecordResult {
			day = p.announcedOn
		}
		st := application.Step{ID: int64(len(h.chunk.Steps) + 1), ApplicationID: a.ID, At: h.g.at(day, 10+i), ActorUsername: ledgerActor,
			ActorRole: role, Action: act, From: a.State, To: to}
		switch act {
		case application.Submit:
			st.Comment = ledgerNote
			a.SubmittedAt = st.At
		case application.Return:
			st.Comment = returnComments[h.d.pick(len(returnComments))]
		case application.Reject:
			st.Comment = rejectComments[h.d.pick(len(rejectComments))]
		case application.RecordResult:
			st.Comment = p.announcement
			a.Result = application.ResultNotApproved
			if approved {
				a.Result, a.AnnouncementNo, a.GrantedOn = application.ResultApproved, p.announcement, p.announcedOn
			}
		}
		if role == access.CountyOfficer {
			st.RegionCode = h.e.RegionCode
		}
		h.chunk.Steps = append(h.chunk.Steps, st)
		a.State, a.Version, a.UpdatedAt = to, a.Version+1, st.At
	}
	h.chunk.Applications = append(h.chunk.Applications, a)
	return a.ID
}

// stageRole is who takes an action at a stage: the role of the stage, but the enterprise
// withdraws at any.
func stageRole(s application.State, a application.Action) access.Role {
	if a == application.Withdraw {
		return access.Enterprise
	}
	role, _ := application.Stage(s)
	return role
}

// consequences makes the profile agree with the history: an enterprise whose qualification was
// revoked for a listing is on the list, and one revoked for an accident had one.
func (h *history) consequences() {
	today := h.g.cfg.Today
	for _, q := range h.quals {
		switch {
		case q.RevokedOn.IsZero():
		case q.RevokeReasonCode == "abnormal_or_dishonest_list":
			h.e.AbnormalOrDishonestListed = ptr(true)
		case q.RevokeReasonCode == "major_incident" && q.RevokedOn.After(today.AddYears(-3)):
			h.e.MajorIncidentOrViolation3y = ptr(true)
		}
	}
}

func minDate(a, b calendar.Date) calendar.Date {
	if a.Before(b) {
		return a
	}
	return b
}

func daysBetween(a, b calendar.Date) int64 {
	return int64(b.Start(time.UTC).Sub(a.Start(time.UTC)) / (24 * time.Hour))
}
