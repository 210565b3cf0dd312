// Package application holds applications (申报) and the workflow of DESIGN.md that moves them
// from the enterprise's draft through county and city review to the province's or MIIT's result.
package application

import (
	"github.com/tiertracker/tiertracker/internal/access"
)

// State is where an application stands.
type State string

// The states of the workflow.
const (
	Draft        State = "draft"
	CountyReview State = "county_review"
	CityReview   State = "city_review"
	Recommended  State = "recommended"
	Approved     State = "approved"
	NotApproved  State = "not_approved"
	Returned     State = "returned"
	Rejected     State = "rejected"
	Withdrawn    State = "withdrawn"
)

// States lists every state.
var States = []State{Draft, CountyReview, CityReview, Recommended, Approved, NotApproved, Returned, Rejected, Withdrawn}

// Valid reports whether s is one of States.
func (s State) Valid() bool {
	for _, v := range States {
		if v == s {
			return true
		}
	}
	return false
}

// Final reports whether nothing more happens to an application in state s.
func (s State) Final() bool {
	return s == Approved || s == NotApproved || s == Rejected || s == Withdrawn
}

// Editable reports whether the enterprise may still change the application and its attachments.
func (s State) Editable() bool { return s == Draft || s == Returned }

// Live reports whether an application in state s blocks another of the same enterprise in the
// same batch.
func (s State) Live() bool { return s != Withdrawn && s != Rejected }

// Action is what someone does to an application.
type Action string

// The actions of the workflow.
const (
	Submit       Action = "submit"
	Withdraw     Action = "withdraw"
	Pass         Action = "pass"
	Return       Action = "return"
	Reject       Action = "reject"
	RecordResult Action = "record_result"
)

// Actions lists every action.
var Actions = []Action{Submit, Withdraw, Pass, Return, Reject, RecordResult}

// Valid reports whether a is one of Actions.
func (a Action) Valid() bool {
	for _, v := range Actions {
		if v == a {
			return true
		}
	}
	return false
}

// step is a transition: from a state, an action leads to a state, taken by some roles.
type step struct {
	to    State
	roles []access.Role
}

var (
	applicants     = []access.Role{access.Enterprise, access.CountyOfficer, access.CityOfficer, access.Admin}
	enterpriseOnly = []access.Role{access.Enterprise}
	county         = []access.Role{access.CountyOfficer}
	city           = []access.Role{access.CityOfficer, access.Admin}
	resultState    = State("") // record_result leads to approved or not_approved, as the result says
)

// workflow is the state machine of DESIGN.md: only the role of a stage acts on it; the enterprise
// withdraws while the county has not passed it; an officer may submit on the enterprise's behalf.
var workflow = map[State]map[Action]step{
	Draft: {
		Submit:   {CountyReview, applicants},
		Withdraw: {Withdrawn, enterpriseOnly},
	},
	Returned: {
		Submit:   {CountyReview, applicants},
		Withdraw: {Withdrawn, enterpriseOnly},
	},
	CountyReview: {
		Pass:     {CityReview, county},
		Return:   {Returned, county},
		Reject:   {Rejected, county},
		Withdraw: {Withdrawn, enterpriseOnly},
	},
	CityReview: {
		Pass:   {Recommended, city},
		Return: {Returned, city},
		Reject: {Rejected, city},
	},
	Recommended: {
		RecordResult: {resultState, city},
	},
}

// Offered returns the actions the state offers, whoever takes them.
func Offered(s State) []Action {
	var out []Action
	for _, a := range Actions {
		if _, ok := workflow[s][a]; ok {
			out = append(out, a)
		}
	}
	return out
}

// Refusal says why a transition cannot be taken.
type Refusal int

// The refusals, in the order they are checked.
const (
	Allowed Refusal = iota
	// NotOffered: the current state does not offer the action (409 invalid_transition).
	NotOffered
	// WrongRole: the state offers the action, but not to this role (403).
	WrongRole
)

// Next returns the state an action leads to from a state when a role takes it, or why it cannot.
// For record_result the state is the result's (approved or not_approved), given as approved.
func Next(from State, a Action, role access.Role, approved bool) (State, Refusal) {
	st, ok := workflow[from][a]
	if !ok {
		return from, NotOffered
	}
	allowed := false
	for _, r := range st.roles {
		allowed = allowed || r == role
	}
	if !allowed {
		return from, WrongRole
	}
	if a == RecordResult {
		if approved {
			return Approved, Allowed
		}
		return NotApproved, Allowed
	}
	return st.to, Allowed
}

// Stage says whom an application waits on: the role of its stage (and the region, for the county).
func Stage(s State) (access.Role, bool) {
	switch s {
	case Draft, Returned:
		return access.Enterprise, true
	case CountyReview:
		return access.CountyOfficer, true
	case CityReview, Recommended:
		return access.CityOfficer, true
	}
	return "", false
}
