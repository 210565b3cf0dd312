package criteria

// Status is where a criterion stands.
type Status string

// The statuses of a criterion: a missing one is not met, and its inputs are listed.
const (
	Met     Status = "met"
	Unmet   Status = "unmet"
	Missing Status = "missing"
)

// Route says how an eligible enterprise qualifies.
type Route string

// The routes.
const (
	RouteScore       Route = "score"       // innovative and specialised SME: by points
	RouteDirect      Route = "direct"      // innovative SME (a D condition), little giant (L4)
	RouteAlternative Route = "alternative" // specialised SME: C4 by one of its other conditions
	RouteGeneral     Route = "general"     // little giant: L4 by revenue, R&D and IP
	RouteExempt      Route = "exempt"      // miit-2026: A4/B4 met by exemption
)

// Criterion is one line of an evaluation's explanation.
type Criterion struct {
	Code        string `json:"code"`
	Group       string `json:"group"`
	Label       string `json:"label"`
	Value       any    `json:"value"`
	Requirement string `json:"requirement"`
	Status      Status `json:"status"`
	Points      *int   `json:"points"`
	MaxPoints   *int   `json:"max_points"`
}

// Result is an evaluation: the evaluation contract's response of CRITERIA.md.
type Result struct {
	Tier       Tier        `json:"tier"`
	Ruleset    string      `json:"ruleset"`
	ReportYear int         `json:"report_year"`
	Eligible   bool        `json:"eligible"`
	Route      *Route      `json:"route"`
	Score      *int        `json:"score"`
	SizeClass  *SizeClass  `json:"size_class"`
	Criteria   []Criterion `json:"criteria"`
	Missing    []string    `json:"missing"`
}

// Find returns the criterion of a code, and false when the result has none.
func (r Result) Find(code string) (Criterion, bool) {
	for _, c := range r.Criteria {
		if c.Code == code {
			return c, true
		}
	}
	return Criterion{}, false
}

// Unmet returns the criteria that are not met (unmet or missing).
func (r Result) Unmet() []Criterion {
	var out []Criterion
	for _, c := range r.Criteria {
		if c.Status != Met {
			out = append(out, c)
		}
	}
	return out
}
