package application

import (
	"fmt"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
)

// TestStateMachine walks every state × action × role against the workflow of DESIGN.md, written
// out here by hand so that the table in workflow.go is checked, not copied.
func TestStateMachine(t *testing.T) {
	type key struct {
		from   State
		action Action
	}
	all := access.Roles
	officersAndEnterprise := []access.Role{access.Enterprise, access.CountyOfficer, access.CityOfficer, access.Admin}
	want := map[key]struct {
		to    State
		roles []access.Role
	}{
		{Draft, Submit}:             {CountyReview, officersAndEnterprise},
		{Draft, Withdraw}:           {Withdrawn, []access.Role{access.Enterprise}},
		{Returned, Submit}:          {CountyReview, officersAndEnterprise},
		{Returned, Withdraw}:        {Withdrawn, []access.Role{access.Enterprise}},
		{CountyReview, Pass}:        {CityReview, []access.Role{access.CountyOfficer}},
		{CountyReview, Return}:      {Returned, []access.Role{access.CountyOfficer}},
		{CountyReview, Reject}:      {Rejected, []access.Role{access.CountyOfficer}},
		{CountyReview, Withdraw}:    {Withdrawn, []access.Role{access.Enterprise}},
		{CityReview, Pass}:          {Recommended, []access.Role{access.CityOfficer, access.Admin}},
		{CityReview, Return}:        {Returned, []access.Role{access.CityOfficer, access.Admin}},
		{CityReview, Reject}:        {Rejected, []access.Role{access.CityOfficer, access.Admin}},
		{Recommended, RecordResult}: {Approved, []access.Role{access.CityOfficer, access.Admin}},
	}
	cases := 0
	for _, from := range States {
		for _, a := range Actions {
			w, offered := want[key{from, a}]
			for _, role := range all {
				cases++
				name := fmt.Sprintf("%s %s by %s", from, a, role)
				got, refusal := Next(from, a, role, true)
				switch {
				case !offered:
					if refusal != NotOffered || got != from {
						t.Errorf("%s: %s, %v; want not offered", name, got, refusal)
					}
				case contains(w.roles, role):
					if refusal != Allowed || got != w.to {
						t.Errorf("%s: %s, %v; want %s", name, got, refusal, w.to)
					}
				default:
					if refusal != WrongRole || got != from {
						t.Errorf("%s: %s, %v; want wrong role", name, got, refusal)
					}
				}
			}
		}
	}
	if cases != len(States)*len(Actions)*len(all) {
		t.Errorf("%d cases", cases)
	}
	if got, r := Next(Recommended, RecordResult, access.CityOfficer, false); got != NotApproved || r != Allowed {
		t.Errorf("not approved: %s %v", got, r)
	}
	for _, s := range []State{Approved, NotApproved, Rejected, Withdrawn} {
		if !s.Final() || len(Offered(s)) != 0 {
			t.Errorf("%s offers %v", s, Offered(s))
		}
	}
}

func contains(roles []access.Role, r access.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}
