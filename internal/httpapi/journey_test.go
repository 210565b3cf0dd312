package httpapi

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/tiertracker/tiertracker/internal/demo"
)

// TestDemoJourney is the acceptance journey of the foundation, run against whichever database
// the tests are given (SQLite, or PostgreSQL with TEST_DATABASE_URL).
func TestDemoJourney(t *testing.T) {
	e := newEnv(t)
	e.seedDemo()

	// Every demo account signs in, and me shows its role and binding.
	want := map[string]struct {
		role       string
		region     *string
		enterprise bool
	}{
		"admin": {"admin", nil, false}, "city": {"city_officer", nil, false},
		"county": {"county_officer", ptr("445202"), false}, "leader": {"leader", nil, false},
		"enterprise": {"enterprise", nil, true}, "enterprise2": {"enterprise", nil, true},
	}
	clients := map[string]*client{}
	mes := map[string]meResponse{}
	for name, w := range want {
		c := e.login(name, demo.Password)
		var me meResponse
		c.do("GET", "/api/v1/auth/me", nil).expectStatus(http.StatusOK).decode(&me)
		if me.Username != name || string(me.Role) != w.role {
			t.Errorf("%s: me = %+v", name, me)
		}
		if (me.RegionCode == nil) != (w.region == nil) || (w.region != nil && *me.RegionCode != *w.region) {
			t.Errorf("%s: region = %v", name, me.RegionCode)
		}
		if (me.EnterpriseID != nil) != w.enterprise {
			t.Errorf("%s: enterprise = %v", name, me.EnterpriseID)
		}
		clients[name], mes[name] = c, me
	}

	// An officer creates an enterprise with a valid code (201); a wrong check character is 422
	// naming credit_code; a duplicate is 409.
	city := clients["city"]
	code := e.validCode("445203")
	body := map[string]any{"name": "揭阳市测试精工机械有限公司", "credit_code": code, "region_code": "445203", "industry_code": "C34"}
	city.do("POST", "/api/v1/enterprises", body).expectStatus(http.StatusCreated)
	bad := map[string]any{"name": "揭阳市校验位有限公司", "credit_code": badCheck(e.validCode("445203")), "region_code": "445203", "industry_code": "C34"}
	city.do("POST", "/api/v1/enterprises", bad).expectError(http.StatusUnprocessableEntity, "validation_failed", "credit_code")
	dup := map[string]any{"name": "另一家公司", "credit_code": code, "region_code": "445203", "industry_code": "C39"}
	city.do("POST", "/api/v1/enterprises", dup).expectError(http.StatusConflict, "duplicate", "credit_code")

	// enterprise reading enterprise2's enterprise: it does not exist for it.
	other := strconv.FormatInt(*mes["enterprise2"].EnterpriseID, 10)
	clients["enterprise"].do("GET", "/api/v1/enterprises/"+other, nil).expectError(http.StatusNotFound, "not_found")
	own := strconv.FormatInt(*mes["enterprise"].EnterpriseID, 10)
	clients["enterprise"].do("GET", "/api/v1/enterprises/"+own, nil).expectStatus(http.StatusOK)

	// county lists only its region, and the list is not empty.
	var list listResponse[enterpriseResponse]
	clients["county"].do("GET", "/api/v1/enterprises?page_size=200", nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total == 0 || int(list.Total) != len(list.Items) {
		t.Fatalf("county sees %d of %d", len(list.Items), list.Total)
	}
	for _, it := range list.Items {
		if it.RegionCode != "445202" {
			t.Errorf("county sees %s of region %s", it.Name, it.RegionCode)
		}
	}
	var all listResponse[enterpriseResponse]
	city.do("GET", "/api/v1/enterprises?page_size=1", nil).expectStatus(http.StatusOK).decode(&all)
	if all.Total != demo.EnterpriseCount+1 || all.Total <= list.Total {
		t.Errorf("city sees %d enterprises, county %d", all.Total, list.Total)
	}

	// leader creating is refused; no session is 401.
	body["credit_code"] = e.validCode("445203")
	clients["leader"].do("POST", "/api/v1/enterprises", body).expectError(http.StatusForbidden, "forbidden")
	e.client().do("GET", "/api/v1/enterprises", nil).expectError(http.StatusUnauthorized, "unauthenticated")

	// Six wrong passwords: the first five are 401, the sixth finds the account locked, and so
	// does the right password, until fifteen minutes have passed.
	anon := e.client()
	for i := 1; i <= 5; i++ {
		anon.do("POST", "/api/v1/auth/login", map[string]string{"username": "leader", "password": "wrong-pass-1"}).
			expectError(http.StatusUnauthorized, "invalid_credentials")
	}
	r := anon.do("POST", "/api/v1/auth/login", map[string]string{"username": "leader", "password": "wrong-pass-1"})
	r.expectError(http.StatusTooManyRequests, "locked")
	if r.header.Get("Retry-After") == "" {
		t.Error("no Retry-After on a locked sign-in")
	}
	anon.do("POST", "/api/v1/auth/login", map[string]string{"username": "leader", "password": demo.Password}).
		expectError(http.StatusTooManyRequests, "locked")
	e.advance(15*60*1e9 + 1)
	anon.do("POST", "/api/v1/auth/login", map[string]string{"username": "leader", "password": demo.Password}).
		expectStatus(http.StatusOK)
}

func ptr[T any](v T) *T { return &v }
