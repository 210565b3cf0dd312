package httpapi

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
)

func TestUserAdministration(t *testing.T) {
	e := newEnv(t)
	ent := e.addEnterprise("445202", "揭阳市账号测试有限公司")
	me := e.addUser("root", access.Admin, "", 0)
	admin := e.login("root", testPassword)

	newUser := func(username, role string, region any, enterpriseID any) map[string]any {
		return map[string]any{"username": username, "password": "start-pass-1", "display_name": "新用户", "role": role,
			"region_code": region, "enterprise_id": enterpriseID}
	}
	admin.do("POST", "/api/v1/users", newUser("cty", "county_officer", nil, nil)).expectError(http.StatusUnprocessableEntity, "validation_failed", "region_code")
	admin.do("POST", "/api/v1/users", newUser("cty", "county_officer", "999999", nil)).expectError(http.StatusUnprocessableEntity, "validation_failed", "region_code")
	admin.do("POST", "/api/v1/users", newUser("ent", "enterprise", nil, nil)).expectError(http.StatusUnprocessableEntity, "validation_failed", "enterprise_id")
	admin.do("POST", "/api/v1/users", newUser("ent", "enterprise", nil, 99999)).expectError(http.StatusUnprocessableEntity, "validation_failed", "enterprise_id")
	admin.do("POST", "/api/v1/users", newUser("ldr", "leader", "445202", nil)).expectError(http.StatusUnprocessableEntity, "validation_failed", "region_code")
	admin.do("POST", "/api/v1/users", newUser("1bad", "leader", nil, nil)).expectError(http.StatusUnprocessableEntity, "validation_failed", "username")

	var county, owner userResponse
	admin.do("POST", "/api/v1/users", newUser("cty", "county_officer", "445202", nil)).expectStatus(http.StatusCreated).decode(&county)
	admin.do("POST", "/api/v1/users", newUser("Ent", "enterprise", nil, ent.ID)).expectStatus(http.StatusCreated).decode(&owner)
	if county.RegionCode == nil || *county.RegionCode != "445202" || owner.Username != "ent" || owner.EnterpriseName == nil || *owner.EnterpriseName != ent.Name {
		t.Errorf("created %+v and %+v", county, owner)
	}
	admin.do("POST", "/api/v1/users", newUser("ENT", "leader", nil, nil)).expectError(http.StatusConflict, "duplicate", "username")

	// Filters.
	var list listResponse[userResponse]
	admin.do("GET", "/api/v1/users?role=county_officer", nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total != 1 || list.Items[0].Username != "cty" {
		t.Errorf("county officers: %+v", list.Items)
	}
	admin.do("GET", "/api/v1/users?q=ent", nil).decode(&list)
	if list.Total != 1 {
		t.Errorf("q=ent: %d", list.Total)
	}

	// Changes name the version read; the binding follows the role.
	path := fmt.Sprintf("/api/v1/users/%d", county.ID)
	admin.do("PATCH", path, map[string]any{"role": "leader", "version": 1}).expectError(http.StatusUnprocessableEntity, "validation_failed", "region_code")
	var changed userResponse
	admin.do("PATCH", path, map[string]any{"role": "leader", "region_code": nil, "display_name": "市领导", "version": 1}).expectStatus(http.StatusOK).decode(&changed)
	if changed.Role != access.Leader || changed.RegionCode != nil || changed.Version != 2 {
		t.Errorf("changed %+v", changed)
	}
	admin.do("PATCH", path, map[string]any{"display_name": "旧", "version": 1}).expectError(http.StatusConflict, "stale_version")

	// Disabling ends the user's sessions and its sign-in; an admin cannot disable itself.
	ownerClient := e.login("ent", "start-pass-1")
	admin.do("PATCH", fmt.Sprintf("/api/v1/users/%d", owner.ID), map[string]any{"status": "disabled", "version": 1}).expectStatus(http.StatusOK)
	ownerClient.do("GET", "/api/v1/auth/me", nil).expectError(http.StatusUnauthorized, "unauthenticated")
	e.client().do("POST", "/api/v1/auth/login", map[string]string{"username": "ent", "password": "start-pass-1"}).expectError(http.StatusForbidden, "account_disabled")
	admin.do("PATCH", fmt.Sprintf("/api/v1/users/%d", me.ID), map[string]any{"status": "disabled", "version": 1}).expectError(http.StatusUnprocessableEntity, "validation_failed", "status")
	admin.do("PATCH", fmt.Sprintf("/api/v1/users/%d", me.ID), map[string]any{"role": "leader", "version": 1}).expectError(http.StatusUnprocessableEntity, "validation_failed", "role")

	// A password reset ends the user's sessions.
	leader := e.login("cty", "start-pass-1")
	admin.do("POST", path+"/password", map[string]string{"password": "reset-pass-9"}).expectStatus(http.StatusNoContent)
	leader.do("GET", "/api/v1/auth/me", nil).expectError(http.StatusUnauthorized, "unauthenticated")
	e.login("cty", "reset-pass-9")
	admin.do("GET", "/api/v1/users/99999", nil).expectError(http.StatusNotFound, "not_found")
}

func TestSelfRegistration(t *testing.T) {
	e := newEnv(t)
	existing := e.addEnterprise("445281", "普宁市已登记有限公司")
	e.addUser("county", access.CountyOfficer, "445202", 0)
	e.addUser("county2", access.CountyOfficer, "445281", 0)
	e.addUser("city", access.CityOfficer, "", 0)
	anon := e.client()
	reg := func(username, name, code, region string) map[string]any {
		return map[string]any{"username": username, "password": "reg-pass-2026", "display_name": "郑敏", "phone": "13800000000",
			"enterprise_name": name, "credit_code": code, "region_code": region, "industry_code": "C33"}
	}

	anon.doUnchecked("POST", "/api/v1/auth/register", reg("newco", "", e.validCode("445202"), "445202")).expectError(http.StatusUnprocessableEntity, "validation_failed", "enterprise_name")
	anon.do("POST", "/api/v1/auth/register", reg("newco", "揭阳市新注册有限公司", badCheck(e.validCode("445202")), "445202")).expectError(http.StatusUnprocessableEntity, "validation_failed", "credit_code")
	anon.do("POST", "/api/v1/auth/register", reg("newco", "揭阳市新注册有限公司", e.validCode("445202"), "000000")).expectError(http.StatusUnprocessableEntity, "validation_failed", "region_code")
	enterprisesBefore := e.count("enterprises")

	var fresh, bound registrationResponse
	anon.do("POST", "/api/v1/auth/register", reg("newco", "揭阳市新注册有限公司", e.validCode("445202"), "445202")).expectStatus(http.StatusCreated).decode(&fresh)
	anon.do("POST", "/api/v1/auth/register", reg("puco", "普宁市已登记有限公司", existing.CreditCode, "445281")).expectStatus(http.StatusCreated).decode(&bound)
	if fresh.Status != "pending" || bound.Enterprise.ID != existing.ID {
		t.Errorf("registrations %+v, %+v", fresh, bound)
	}
	if n := e.count("enterprises"); n != enterprisesBefore+1 {
		t.Errorf("enterprises %d → %d", enterprisesBefore, n)
	}
	anon.do("POST", "/api/v1/auth/register", reg("NEWCO", "揭阳市另一家有限公司", e.validCode("445202"), "445202")).expectError(http.StatusConflict, "duplicate", "username")
	anon.do("POST", "/api/v1/auth/login", map[string]string{"username": "newco", "password": "reg-pass-2026"}).expectError(http.StatusForbidden, "account_pending")

	// Each county officer sees and decides its own region's registrations only.
	county, county2, city := e.login("county", testPassword), e.login("county2", testPassword), e.login("city", testPassword)
	var list listResponse[registrationResponse]
	county.do("GET", "/api/v1/registrations", nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total != 1 || list.Items[0].ID != fresh.ID {
		t.Errorf("county sees %+v", list.Items)
	}
	county.do("GET", "/api/v1/registrations?region=445281", nil).decode(&list)
	if list.Total != 1 || list.Items[0].ID != fresh.ID {
		t.Errorf("county widening by filter sees %+v", list.Items)
	}
	city.do("GET", "/api/v1/registrations", nil).decode(&list)
	if list.Total != 2 {
		t.Errorf("city sees %d", list.Total)
	}
	county2.do("POST", fmt.Sprintf("/api/v1/registrations/%d/approve", fresh.ID), nil).expectError(http.StatusNotFound, "not_found")
	var decided registrationResponse
	county.do("POST", fmt.Sprintf("/api/v1/registrations/%d/approve", fresh.ID), nil).expectStatus(http.StatusOK).decode(&decided)
	if decided.Status != "active" || decided.DecidedBy == nil || *decided.DecidedBy != "county" {
		t.Errorf("approved %+v", decided)
	}
	county.do("POST", fmt.Sprintf("/api/v1/registrations/%d/approve", fresh.ID), nil).expectError(http.StatusConflict, "invalid_transition")
	owner := e.login("newco", "reg-pass-2026")
	var me meResponse
	owner.do("GET", "/api/v1/auth/me", nil).decode(&me)
	if me.EnterpriseID == nil || *me.EnterpriseID != fresh.Enterprise.ID {
		t.Errorf("me %+v", me)
	}

	county2.do("POST", fmt.Sprintf("/api/v1/registrations/%d/reject", bound.ID), map[string]string{"reason": " "}).expectError(http.StatusUnprocessableEntity, "validation_failed", "reason")
	county2.do("POST", fmt.Sprintf("/api/v1/registrations/%d/reject", bound.ID), map[string]string{"reason": "联系人无法核实"}).expectStatus(http.StatusOK).decode(&decided)
	if decided.Status != "rejected" || decided.Reason == nil {
		t.Errorf("rejected %+v", decided)
	}
	anon.do("POST", "/api/v1/auth/login", map[string]string{"username": "puco", "password": "reg-pass-2026"}).expectError(http.StatusForbidden, "account_disabled")
}

func TestAuditLog(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	city := e.login("city", testPassword)
	var created enterpriseResponse
	city.do("POST", "/api/v1/enterprises", map[string]any{"name": "揭阳市审计有限公司", "credit_code": e.validCode("445202"), "region_code": "445202", "industry_code": "C34"}).
		expectStatus(http.StatusCreated).decode(&created)
	city.do("PATCH", fmt.Sprintf("/api/v1/enterprises/%d", created.ID), map[string]any{"main_products": "阀门", "version": 1}).expectStatus(http.StatusOK)

	var events listResponse[auditEventResponse]
	city.do("GET", fmt.Sprintf("/api/v1/audit-events?entity_type=enterprise&entity_id=%d", created.ID), nil).expectStatus(http.StatusOK).decode(&events)
	if events.Total != 2 || events.Items[0].Action != "enterprise.update" || events.Items[1].Action != "enterprise.create" {
		t.Fatalf("events %+v", events.Items)
	}
	update := events.Items[0]
	before, after := update.Before.(map[string]any), update.After.(map[string]any)
	if before["main_products"] != "" || after["main_products"] != "阀门" || update.RequestID == nil || *update.ActorUsername != "city" {
		t.Errorf("update event %+v", update)
	}
	// Date filters are days in the bureau's time zone: 02:00 UTC is 10:00 in Shanghai, the same day.
	city.do("GET", "/api/v1/audit-events?from=2026-11-26&to=2026-11-26&actor=city", nil).decode(&events)
	if events.Total != 3 { // the sign-in, the creation, the update
		t.Errorf("today's events by city: %d", events.Total)
	}
	city.do("GET", "/api/v1/audit-events?from=2026-11-27", nil).decode(&events)
	if events.Total != 0 {
		t.Errorf("tomorrow's events: %d", events.Total)
	}
	// No password hash is ever in the log.
	e.addUser("root", access.Admin, "", 0)
	admin := e.login("root", testPassword)
	admin.do("POST", "/api/v1/users", map[string]any{"username": "newbie", "password": "start-pass-1", "display_name": "新", "role": "leader"}).expectStatus(http.StatusCreated)
	r := admin.do("GET", "/api/v1/audit-events?action=user.", nil).expectStatus(http.StatusOK)
	if strings.Contains(string(r.body), "$2a$") || !strings.Contains(string(r.body), "newbie") {
		t.Errorf("audit body %s", r.body)
	}
}

func TestRegistrationIsRateLimited(t *testing.T) {
	e := newEnv(t)
	anon := e.client()
	for i := 0; i < 10; i++ {
		anon.do("POST", "/api/v1/auth/register", map[string]any{"username": fmt.Sprintf("co%d", i), "password": "reg-pass-2026",
			"display_name": "甲", "enterprise_name": fmt.Sprintf("揭阳市限流%d有限公司", i), "credit_code": e.validCode("445202"), "region_code": "445202"}).
			expectStatus(http.StatusCreated)
	}
	before := e.count("users")
	r := anon.do("POST", "/api/v1/auth/register", map[string]any{"username": "co99", "password": "reg-pass-2026",
		"display_name": "甲", "enterprise_name": "揭阳市限流99有限公司", "credit_code": e.validCode("445202"), "region_code": "445202"})
	r.expectError(http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("Retry-After") != "3600" || e.count("users") != before {
		t.Errorf("Retry-After %q, users %d → %d", r.header.Get("Retry-After"), before, e.count("users"))
	}
}
