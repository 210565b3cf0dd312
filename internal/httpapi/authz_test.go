package httpapi

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tiertracker/tiertracker/internal/access"
)

// authzTable says, independently of the router, which roles may call each endpoint; "public"
// means no session is needed. TestAuthorizationTable holds the router to it.
var authzTable = map[string][]string{
	"GET /healthz":             {"public"},
	"GET /readyz":              {"public"},
	"GET /api/v1/openapi.yaml": {"public"},

	"POST /api/v1/auth/login":    {"public"},
	"POST /api/v1/auth/logout":   {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"GET /api/v1/auth/me":        {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/auth/password": {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/auth/register": {"public"},

	"GET /api/v1/registrations":              {"admin", "city_officer", "county_officer"},
	"POST /api/v1/registrations/:id/approve": {"admin", "city_officer", "county_officer"},
	"POST /api/v1/registrations/:id/reject":  {"admin", "city_officer", "county_officer"},

	"GET /api/v1/users":               {"admin"},
	"POST /api/v1/users":              {"admin"},
	"GET /api/v1/users/:id":           {"admin"},
	"PATCH /api/v1/users/:id":         {"admin"},
	"POST /api/v1/users/:id/password": {"admin"},
	"GET /api/v1/officers":            {"admin", "city_officer", "county_officer"},

	"GET /api/v1/regions":         {"public"},
	"POST /api/v1/regions":        {"admin"},
	"PATCH /api/v1/regions/:code": {"admin"},
	"GET /api/v1/industries":      {"public"},

	"GET /api/v1/enterprises":       {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/enterprises":      {"admin", "city_officer", "county_officer"},
	"GET /api/v1/enterprises/:id":   {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"PATCH /api/v1/enterprises/:id": {"admin", "city_officer", "county_officer", "enterprise"},

	"GET /api/v1/enterprises/:id/annual-reports":       {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"PUT /api/v1/enterprises/:id/annual-reports/:year": {"admin", "city_officer", "county_officer", "enterprise"},
	"GET /api/v1/enterprises/:id/eligibility":          {"admin", "city_officer", "county_officer", "leader", "enterprise"},

	"POST /api/v1/eligibility/evaluate": {"admin", "city_officer", "county_officer", "leader", "enterprise"},

	"GET /api/v1/cultivation":                {"admin", "city_officer", "county_officer", "leader"},
	"POST /api/v1/cultivation/entries":       {"admin", "city_officer", "county_officer"},
	"PATCH /api/v1/cultivation/entries/:id":  {"admin", "city_officer", "county_officer"},
	"DELETE /api/v1/cultivation/entries/:id": {"admin", "city_officer", "county_officer"},

	"GET /api/v1/batches":              {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/batches":             {"admin", "city_officer"},
	"GET /api/v1/batches/:id":          {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"PATCH /api/v1/batches/:id":        {"admin", "city_officer"},
	"POST /api/v1/batches/:id/results": {"admin", "city_officer"},

	"GET /api/v1/applications":                                   {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/applications":                                  {"admin", "city_officer", "county_officer", "enterprise"},
	"POST /api/v1/applications/bulk-transitions":                 {"admin", "city_officer", "county_officer"},
	"GET /api/v1/applications/:id":                               {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"PATCH /api/v1/applications/:id":                             {"admin", "city_officer", "county_officer", "enterprise"},
	"POST /api/v1/applications/:id/transitions":                  {"admin", "city_officer", "county_officer", "enterprise"},
	"GET /api/v1/applications/:id/attachments":                   {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/applications/:id/attachments":                  {"admin", "city_officer", "county_officer", "enterprise"},
	"GET /api/v1/applications/:id/attachments/:attachment_id":    {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"DELETE /api/v1/applications/:id/attachments/:attachment_id": {"admin", "city_officer", "county_officer", "enterprise"},

	"GET /api/v1/qualifications":                 {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/qualifications":                {"admin", "city_officer"},
	"GET /api/v1/qualifications/:id":             {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/qualifications/:id/revoke":     {"admin", "city_officer"},
	"GET /api/v1/enterprises/:id/qualifications": {"admin", "city_officer", "county_officer", "leader", "enterprise"},

	"GET /api/v1/notifications":           {"admin", "city_officer", "county_officer", "leader", "enterprise"},
	"POST /api/v1/notifications/:id/read": {"admin", "city_officer", "county_officer", "leader", "enterprise"},

	"GET /api/v1/stats/summary":     {"admin", "city_officer", "county_officer", "leader"},
	"GET /api/v1/stats/by-region":   {"admin", "city_officer", "county_officer", "leader"},
	"GET /api/v1/stats/by-industry": {"admin", "city_officer", "county_officer", "leader"},
	"GET /api/v1/stats/trend":       {"admin", "city_officer", "county_officer", "leader"},
	"GET /api/v1/stats/pipeline":    {"admin", "city_officer", "county_officer", "leader"},

	"POST /api/v1/batches/:id/notices":                {"admin", "city_officer"},
	"GET /api/v1/batches/:id/notices":                 {"admin", "city_officer", "county_officer", "leader"},
	"GET /api/v1/public/notices":                      {"public"},
	"GET /api/v1/public/notices/:id":                  {"public"},
	"POST /api/v1/public/notices/:id/objections":      {"public"},
	"GET /api/v1/applications/:id/objections":         {"admin", "city_officer", "county_officer"},
	"POST /api/v1/objections/:id/resolve":             {"admin", "city_officer"},
	"GET /api/v1/objections/:id/files/:file_id":       {"admin", "city_officer", "county_officer"},
	"GET /api/v1/annual-updates":                      {"admin", "city_officer", "county_officer", "leader"},
	"GET /api/v1/cancellation-proposals":              {"admin", "city_officer", "county_officer", "leader"},
	"POST /api/v1/cancellation-proposals/:id/confirm": {"admin", "city_officer"},
	"POST /api/v1/cancellation-proposals/:id/dismiss": {"admin", "city_officer"},
	"GET /api/v1/imports":                             {"admin", "city_officer", "county_officer"},
	"POST /api/v1/imports":                            {"admin", "city_officer", "county_officer"},
	"GET /api/v1/imports/templates/:kind":             {"admin", "city_officer", "county_officer"},
	"GET /api/v1/imports/:id":                         {"admin", "city_officer", "county_officer"},
	"POST /api/v1/imports/:id/confirm":                {"admin", "city_officer", "county_officer"},

	"GET /api/v1/audit-events": {"admin", "city_officer"},
}

// TestAuthorizationTable calls every route as every role, and as nobody: a route that needs a
// session answers 401 without one, 403 to a role not in the table, and neither to a role in it.
// The records named in paths lie within every caller's scope, so that only the role decides.
func TestAuthorizationTable(t *testing.T) {
	e := newEnv(t)
	a := &api{}
	routes := a.routes()
	if len(routes) != len(authzTable) {
		t.Errorf("router has %d routes, the table %d", len(routes), len(authzTable))
	}

	ent := e.addEnterprise("445202", "揭阳市授权测试有限公司")
	accounts := map[access.Role]string{}
	for _, role := range access.Roles {
		name := strings.ReplaceAll(string(role), "_", "")
		var region string
		var entID int64
		switch role {
		case access.CountyOfficer:
			region = "445202"
		case access.Enterprise:
			entID = ent.ID
		}
		e.addUser(name, role, region, entID)
		accounts[role] = name
	}
	// A pending registration in the county's region, for approve and reject.
	reg := e.client().do("POST", "/api/v1/auth/register", map[string]any{
		"username": "pendingco", "password": "pending-pass-1", "display_name": "待审核", "enterprise_name": "揭阳市待审核有限公司",
		"credit_code": e.validCode("445202"), "region_code": "445202",
	}).expectStatus(http.StatusCreated)
	var registration registrationResponse
	reg.decode(&registration)

	ids := map[string]string{
		"/api/v1/registrations/": fmt.Sprint(registration.ID),
		"/api/v1/users/":         fmt.Sprint(registration.ID),
		"/api/v1/enterprises/":   fmt.Sprint(ent.ID),
		"/api/v1/regions/":       "445202",
	}
	pathOf := func(p string) string {
		for prefix, id := range ids {
			if strings.HasPrefix(p, prefix) {
				return strings.NewReplacer(":id", id, ":code", id, ":year", "2025").Replace(p)
			}
		}
		return p
	}

	for _, rt := range routes {
		key := rt.method + " " + rt.path
		allowed, ok := authzTable[key]
		if !ok {
			t.Errorf("%s is not in the authorization table", key)
			continue
		}
		path := pathOf(rt.path)
		callers := append([]string{"nobody"}, rolesOf(access.Roles)...)
		for _, caller := range callers {
			c := e.client()
			if caller != "nobody" {
				c = e.login(accounts[access.Role(caller)], testPassword)
			}
			// No body: a route that reads one answers 415 past the role check.
			r := c.raw(rt.method, path, "", nil, nil)
			public := allowed[0] == "public"
			switch {
			case public:
				if r.status == http.StatusUnauthorized || r.status == http.StatusForbidden {
					t.Errorf("%s as %s: %d, but the route is public", key, caller, r.status)
				}
			case caller == "nobody":
				if r.status != http.StatusUnauthorized {
					t.Errorf("%s without a session: %d, want 401", key, r.status)
				}
			case contains(allowed, caller):
				if r.status == http.StatusUnauthorized || r.status == http.StatusForbidden {
					t.Errorf("%s as %s: %d, but the role may call it: %s", key, caller, r.status, r.body)
				}
			default:
				if r.status != http.StatusForbidden {
					t.Errorf("%s as %s: %d, want 403", key, caller, r.status)
				}
			}
		}
	}
}

// TestEveryRouteIsInTheContract holds the router and api/openapi.yaml to the same endpoints.
func TestEveryRouteIsInTheContract(t *testing.T) {
	raw, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	inSpec := map[string]bool{}
	for p, ops := range doc.Paths {
		for method := range ops {
			inSpec[strings.ToUpper(method)+" "+pathParam.ReplaceAllString(p, ":$1")] = true
		}
	}
	inRouter := map[string]bool{}
	for _, rt := range (&api{}).routes() {
		inRouter[rt.method+" "+rt.path] = true
	}
	var missing, extra []string
	for k := range inRouter {
		if !inSpec[k] {
			missing = append(missing, k)
		}
	}
	for k := range inSpec {
		if !inRouter[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("routes missing from openapi.yaml: %v", missing)
	}
	if len(extra) > 0 {
		t.Errorf("openapi.yaml operations with no route: %v", extra)
	}
}

var pathParam = regexp.MustCompile(`\{(\w+)\}`)

func rolesOf(roles []access.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = string(r)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
