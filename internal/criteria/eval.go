package criteria

import (
	"math"
	"strconv"
	"time"
)

// evaluation is the working state of one evaluation: the facts, the criteria found so far and
// the inputs found missing.
type evaluation struct {
	f        *Facts
	vals     *valueArena
	y        int
	criteria []Criterion
	missing  []string
	// points holds the points of the scored indicators, so that criteria can point into it
	// without an allocation each.
	points [16]int
	nPts   int
	// derived facts, computed once
	size      SizeClass
	sizeKnown bool
	sizeDone  bool
}

// newEvaluation starts an evaluation that will explain n criteria, into buf when it has room.
func newEvaluation(f *Facts, n int, buf []Criterion) evaluation {
	if cap(buf) < n {
		buf = make([]Criterion, 0, n)
	}
	vals := f.vals
	if vals == nil {
		vals = new(valueArena)
	}
	return evaluation{f: f, vals: vals, y: f.ReportYear, criteria: buf[:0:n]}
}

// number returns a value to show: a pointer into the arena's numbers, or nil when unknown or
// infinite (NaN).
func (e *evaluation) number(v float64, known bool) any {
	if !known || math.IsNaN(v) {
		return nil
	}
	return e.vals.number(v)
}

// reserve keeps a place for a criterion that is decided later but explained here; fill puts it.
func (e *evaluation) reserve() int {
	e.criteria = append(e.criteria, Criterion{})
	return len(e.criteria) - 1
}

// report returns the report of a year, or nil.
func (e *evaluation) report(year int) *Report {
	for i := range e.f.Reports {
		if e.f.Reports[i].Year == year {
			return &e.f.Reports[i]
		}
	}
	return nil
}

// miss records a missing input once.
func (e *evaluation) miss(name string) {
	for _, m := range e.missing {
		if m == name {
			return
		}
	}
	e.missing = append(e.missing, name)
}

func reportField(year int, field string) string {
	return "reports[" + strconv.Itoa(year) + "]." + field
}

// money reads a figure of a year's report, recording it as missing when absent.
func (e *evaluation) money(year int, field string, get func(*Report) *int64) (int64, bool) {
	r := e.report(year)
	if r == nil {
		e.miss(reportField(year, field))
		return 0, false
	}
	v := get(r)
	if v == nil {
		e.miss(reportField(year, field))
		return 0, false
	}
	return *v, true
}

// flag reads an optional boolean, recording it as missing when absent.
func (e *evaluation) flag(name string, v *bool) (bool, bool) {
	if v == nil {
		e.miss(name)
		return false, false
	}
	return *v, true
}

// reportFlag reads a boolean of a year's report, recording it as missing when absent.
func (e *evaluation) reportFlag(year int, field string, get func(*Report) *bool) (bool, bool) {
	r := e.report(year)
	if r == nil || get(r) == nil {
		e.miss(reportField(year, field))
		return false, false
	}
	return *get(r), true
}

// inLastThreeYears reports whether a year is one of Y-2, Y-1, Y.
func (e *evaluation) inLastThreeYears(year int) bool { return year >= e.y-2 && year <= e.y }

// add appends a criterion.
func (e *evaluation) add(c Criterion) { e.criteria = append(e.criteria, c) }

// condition appends a criterion that is met or not.
func (e *evaluation) condition(s *spec, value any, st Status) Status {
	e.add(Criterion{Code: s.code, names: &s.names, Value: value, Requirement: s.requirement, Status: st})
	return st
}

// fill sets a reserved criterion that is met or not.
func (e *evaluation) fill(at int, s *spec, value any, st Status) Status {
	e.criteria[at] = Criterion{Code: s.code, names: &s.names, Value: value, Requirement: s.requirement, Status: st}
	return st
}

// scored appends a scored indicator; known false means its inputs are missing (points null).
func (e *evaluation) scored(s *spec, value any, points int, requirement string, known bool) (int, bool) {
	c := Criterion{Code: s.code, names: &s.names, Value: value, Requirement: requirement, MaxPoints: &maxPoints[s.max]}
	var stored *int
	if known {
		stored = e.keep(points)
	}
	switch {
	case !known:
		c.Status, c.Requirement = Missing, s.requirement
	case points > 0:
		c.Status, c.Points = Met, stored
	default:
		c.Status, c.Points = Unmet, stored
	}
	e.add(c)
	return points, known
}

// routeValues and sizeValues let results point at shared values instead of allocating each.
var (
	routeValues = [...]Route{RouteScore, RouteDirect, RouteAlternative, RouteGeneral, RouteExempt}
	sizeValues  = [...]SizeClass{Micro, Small, Medium, Large}
)

func routePointer(r Route) *Route {
	for i := range routeValues {
		if routeValues[i] == r {
			return &routeValues[i]
		}
	}
	other := r
	return &other
}

func sizePointer(s SizeClass) *SizeClass {
	for i := range sizeValues {
		if sizeValues[i] == s {
			return &sizeValues[i]
		}
	}
	other := s
	return &other
}

// keep stores a number in the evaluation's points and returns a pointer to it.
func (e *evaluation) keep(n int) *int {
	e.points[e.nPts] = n
	e.nPts++
	return &e.points[e.nPts-1]
}

// maxPoints are the possible maxima, for criteria to point at.
var maxPoints = [21]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}

// status turns "known and true" into a status.
func status(ok, known bool) Status {
	switch {
	case !known:
		return Missing
	case ok:
		return Met
	}
	return Unmet
}

// all combines the statuses of parts that must all hold: unmet if any is unmet, else missing if
// any is missing.
func all(parts ...Status) Status {
	out := Met
	for _, p := range parts {
		switch p {
		case Unmet:
			return Unmet
		case Missing:
			out = Missing
		}
	}
	return out
}

// anyOf combines the statuses of alternatives: met if any is met, else missing if any is missing.
func anyOf(parts ...Status) Status {
	out := Unmet
	for _, p := range parts {
		switch p {
		case Met:
			return Met
		case Missing:
			out = Missing
		}
	}
	return out
}

// nicheYears returns the whole years from entering the niche market to 1 January of Y+1.
func (e *evaluation) nicheYears() (int, bool) {
	if e.f.NicheMarketSince == nil || !e.f.nicheParsed {
		e.miss("niche_market_since")
		return 0, false
	}
	return WholeYears(e.f.niche, e.y), true
}

// WholeYears returns the whole years from a date to the end of 31 December of year y (that is,
// to 1 January of y+1); never negative.
func WholeYears(since time.Time, y int) int {
	years := y + 1 - since.Year()
	if since.Month() != time.January || since.Day() != 1 {
		years--
	}
	return max(years, 0)
}

// sizeClass returns the SME size class of the report year.
func (e *evaluation) sizeClass() (SizeClass, bool) {
	if e.sizeDone {
		return e.size, e.sizeKnown
	}
	e.sizeDone = true
	r := e.report(e.y)
	var employees, revenue *int64
	if r != nil {
		employees, revenue = r.Employees, r.OperatingRevenue
	}
	if !e.f.IndustryClass.Valid() {
		e.miss("industry_class")
	}
	if employees == nil {
		e.miss(reportField(e.y, "employees"))
	}
	if revenue == nil && e.f.IndustryClass != ClassOther {
		e.miss(reportField(e.y, "operating_revenue"))
	}
	e.size, e.sizeKnown = ClassifySize(e.f.IndustryClass, employees, revenue)
	return e.size, e.sizeKnown
}

// result assembles the outcome.
func (e *evaluation) result(ruleset string, eligible bool, route Route, score *int) Result {
	r := Result{
		Tier: e.f.Tier, Ruleset: ruleset, ReportYear: e.y, Eligible: eligible, Score: score,
		Criteria: e.criteria, Missing: e.missing,
	}
	if eligible && route != "" {
		r.Route = routePointer(route)
	}
	if e.sizeKnown {
		r.SizeClass = sizePointer(e.size)
	}
	if r.Missing == nil {
		r.Missing = []string{}
	}
	return r
}
