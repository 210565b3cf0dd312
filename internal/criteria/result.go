package criteria

import "encoding/json"

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

// Criterion is one line of an evaluation's explanation. Its group and label come from the
// criterion's specification, shared by every evaluation rather than copied into each: criteria are
// made hundreds of thousands of times a second.
type Criterion struct {
	Code        string
	Value       any
	Requirement string
	Status      Status
	Points      *int
	MaxPoints   *int
	names       *names
}

// names are a criterion's group and Chinese label.
type names struct {
	group, label string
}

// Group returns the group of the criterion (conditions, innovation …).
func (c Criterion) Group() string {
	if c.names == nil {
		return ""
	}
	return c.names.group
}

// Label returns the Chinese label of the criterion; the SPA translates by code.
func (c Criterion) Label() string {
	if c.names == nil {
		return ""
	}
	return c.names.label
}

// criterionJSON is the wire form of a criterion.
type criterionJSON struct {
	Code        string `json:"code"`
	Group       string `json:"group"`
	Label       string `json:"label"`
	Value       any    `json:"value"`
	Requirement string `json:"requirement"`
	Status      Status `json:"status"`
	Points      *int   `json:"points"`
	MaxPoints   *int   `json:"max_points"`
}

// MarshalJSON writes the criterion with its group and label.
func (c Criterion) MarshalJSON() ([]byte, error) {
	return json.Marshal(criterionJSON{c.Code, c.Group(), c.Label(), c.Value, c.Requirement, c.Status, c.Points, c.MaxPoints})
}

// UnmarshalJSON reads a criterion written by MarshalJSON (a frozen self-check read back, say).
func (c *Criterion) UnmarshalJSON(b []byte) error {
	var w criterionJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Criterion{Code: w.Code, Value: w.Value, Requirement: w.Requirement, Status: w.Status, Points: w.Points,
		MaxPoints: w.MaxPoints, names: &names{group: w.Group, label: w.Label}}
	return nil
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
