package access

import "testing"

func TestScope(t *testing.T) {
	type probe struct {
		enterpriseID int64
		region       string
		want         bool
	}
	tests := []struct {
		name   string
		actor  Actor
		all    bool
		probes []probe
		region map[string]bool
	}{
		{"admin sees all", Actor{Role: Admin}, true,
			[]probe{{1, "445202", true}, {2, "445281", true}}, map[string]bool{"445202": true}},
		{"city sees all", Actor{Role: CityOfficer}, true,
			[]probe{{1, "445202", true}}, map[string]bool{"445281": true}},
		{"leader reads all", Actor{Role: Leader}, true,
			[]probe{{1, "445202", true}}, map[string]bool{"445281": true}},
		{"county sees its region", Actor{Role: CountyOfficer, RegionCode: "445202"}, false,
			[]probe{{1, "445202", true}, {2, "445281", false}}, map[string]bool{"445202": true, "445281": false}},
		{"county without region sees nothing", Actor{Role: CountyOfficer}, false,
			[]probe{{1, "445202", false}}, map[string]bool{"445202": false}},
		{"enterprise sees itself", Actor{Role: Enterprise, EnterpriseID: 7}, false,
			[]probe{{7, "445202", true}, {8, "445202", false}}, map[string]bool{"445202": false}},
		{"unbound enterprise user sees nothing", Actor{Role: Enterprise}, false,
			[]probe{{7, "445202", false}}, map[string]bool{"445202": false}},
		{"unknown role sees nothing", Actor{Role: "guest"}, false,
			[]probe{{7, "445202", false}}, map[string]bool{"445202": false}},
	}
	for _, tt := range tests {
		s := tt.actor.Scope()
		if s.All() != tt.all {
			t.Errorf("%s: All() = %v", tt.name, s.All())
		}
		for _, p := range tt.probes {
			if got := s.Contains(p.enterpriseID, p.region); got != p.want {
				t.Errorf("%s: Contains(%d, %s) = %v", tt.name, p.enterpriseID, p.region, got)
			}
		}
		for region, want := range tt.region {
			if got := s.ContainsRegion(region); got != want {
				t.Errorf("%s: ContainsRegion(%s) = %v", tt.name, region, got)
			}
		}
	}
}

func TestRoles(t *testing.T) {
	for _, r := range Roles {
		if !r.Valid() {
			t.Errorf("%s not valid", r)
		}
	}
	if Role("root").Valid() {
		t.Error("root is valid")
	}
	edit := map[Role]bool{Admin: true, CityOfficer: true, CountyOfficer: true, Leader: false, Enterprise: false}
	for r, want := range edit {
		if got := (Actor{Role: r}).CanEditRegistry(); got != want {
			t.Errorf("%s CanEditRegistry = %v", r, got)
		}
	}
}
