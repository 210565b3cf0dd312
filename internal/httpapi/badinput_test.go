package httpapi

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
)

// TestBadInput sends every kind of bad body to the endpoints that write: each gets a 4xx with the
// envelope, never a 500, and nothing is written.
func TestBadInput(t *testing.T) {
	e := newEnv(t)
	e.addUser("boss", access.Admin, "", 0)
	admin := e.login("boss", testPassword)
	ent := e.addEnterprise("445202", "揭阳市输入测试有限公司")
	valid := fmt.Sprintf(`{"name":"甲","credit_code":%q,"region_code":"445202","industry_code":"C34"}`, e.validCode("445202"))

	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		status      int
		code        string
		field       string
	}{
		{"malformed JSON", "POST", "/api/v1/enterprises", "application/json", `{"name": "甲",`, 400, "bad_request", ""},
		{"not JSON at all", "POST", "/api/v1/enterprises", "application/json", `name=甲`, 400, "bad_request", ""},
		{"two documents", "POST", "/api/v1/enterprises", "application/json", valid + valid, 400, "bad_request", ""},
		{"empty body", "POST", "/api/v1/enterprises", "application/json", ``, 400, "bad_request", ""},
		{"JSON array", "POST", "/api/v1/enterprises", "application/json", `[]`, 400, "bad_request", ""},
		{"wrong type", "POST", "/api/v1/enterprises", "application/json", `{"name": 12, "credit_code":"x","region_code":"445202","industry_code":"C34"}`, 422, "validation_failed", "name"},
		{"wrong type nested", "POST", "/api/v1/enterprises", "application/json", `{"name":"甲","credit_code":"x","region_code":"445202","industry_code":"C34","tags":"上市后备"}`, 422, "validation_failed", "tags"},
		{"wrong type bool", "POST", "/api/v1/enterprises", "application/json", `{"name":"甲","credit_code":"x","region_code":"445202","industry_code":"C34","strategic_emerging":"yes"}`, 422, "validation_failed", "strategic_emerging"},
		{"unknown field", "POST", "/api/v1/enterprises", "application/json", strings.Replace(valid, `"name"`, `"owner_id":1,"name"`, 1), 422, "validation_failed", "owner_id"},
		{"client sets id", "POST", "/api/v1/enterprises", "application/json", strings.Replace(valid, `"name"`, `"id":99,"name"`, 1), 422, "validation_failed", "id"},
		{"missing fields", "POST", "/api/v1/enterprises", "application/json", `{"name":"甲"}`, 422, "validation_failed", "credit_code"},
		{"bad date", "POST", "/api/v1/enterprises", "application/json", strings.Replace(valid, `"name"`, `"founded_on":"2020-02-30","name"`, 1), 422, "validation_failed", "founded_on"},
		{"future date", "POST", "/api/v1/enterprises", "application/json", strings.Replace(valid, `"name"`, `"niche_market_since":"2099-01-01","name"`, 1), 422, "validation_failed", "niche_market_since"},
		{"unknown region", "POST", "/api/v1/enterprises", "application/json", strings.Replace(valid, `445202"`, `999999"`, 1), 422, "validation_failed", "region_code"},
		{"unknown industry", "POST", "/api/v1/enterprises", "application/json", strings.Replace(valid, `"C34"`, `"C99"`, 1), 422, "validation_failed", "industry_code"},
		{"malformed credit code", "POST", "/api/v1/enterprises", "application/json", `{"name":"甲","credit_code":"91440300192203821I","region_code":"445202","industry_code":"C34"}`, 422, "validation_failed", "credit_code"},
		{"oversized body", "POST", "/api/v1/enterprises", "application/json", `{"name":"` + strings.Repeat("甲", 400_000) + `"}`, 413, "payload_too_large", ""},
		{"form content type", "POST", "/api/v1/enterprises", "application/x-www-form-urlencoded", `name=x`, 415, "unsupported_media_type", ""},
		{"no content type", "POST", "/api/v1/users", "", `{}`, 415, "unsupported_media_type", ""},
		{"patch without version", "PATCH", fmt.Sprintf("/api/v1/enterprises/%d", ent.ID), "application/json", `{"name":"乙"}`, 422, "validation_failed", "version"},
		{"patch version wrong type", "PATCH", fmt.Sprintf("/api/v1/enterprises/%d", ent.ID), "application/json", `{"name":"乙","version":"1"}`, 422, "validation_failed", "version"},
		{"patch clears a required field", "PATCH", fmt.Sprintf("/api/v1/enterprises/%d", ent.ID), "application/json", `{"name":null,"version":1}`, 422, "validation_failed", "name"},
		{"user missing role", "POST", "/api/v1/users", "application/json", `{"username":"abc","password":"abcdefg1","display_name":"x"}`, 422, "validation_failed", "role"},
		{"user unknown role", "POST", "/api/v1/users", "application/json", `{"username":"abc","password":"abcdefg1","display_name":"x","role":"root"}`, 422, "validation_failed", "role"},
		{"user weak password", "POST", "/api/v1/users", "application/json", `{"username":"abc","password":"abcdefgh","display_name":"x","role":"leader"}`, 422, "validation_failed", "password"},
		{"page size too large", "GET", "/api/v1/enterprises?page_size=201", "", ``, 422, "validation_failed", "page_size"},
		{"page not a number", "GET", "/api/v1/enterprises?page=two", "", ``, 422, "validation_failed", "page"},
		{"unknown sort", "GET", "/api/v1/enterprises?sort=password", "", ``, 422, "validation_failed", "sort"},
		{"unknown size class", "GET", "/api/v1/enterprises?size_class=huge", "", ``, 422, "validation_failed", "size_class"},
		{"bad audit date", "GET", "/api/v1/audit-events?from=yesterday", "", ``, 422, "validation_failed", "from"},
		{"id not a number", "GET", "/api/v1/enterprises/abc", "", ``, 404, "not_found", ""},
	}
	tables := []string{"enterprises", "users", "sessions"}
	before := map[string]int64{}
	for _, tb := range tables {
		before[tb] = e.count(tb)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.t = t
			var body []byte
			if tt.body != "" || tt.method != "GET" {
				body = []byte(tt.body)
			}
			r := admin.raw(tt.method, tt.path, tt.contentType, body, nil)
			if tt.field != "" {
				r.expectError(tt.status, tt.code, tt.field)
			} else {
				r.expectError(tt.status, tt.code)
			}
		})
	}
	e.t = t
	for _, tb := range tables {
		if n := e.count(tb); n != before[tb] {
			t.Errorf("%s: %d rows before, %d after", tb, before[tb], n)
		}
	}
	var got enterpriseResponse
	admin.do("GET", fmt.Sprintf("/api/v1/enterprises/%d", ent.ID), nil).expectStatus(http.StatusOK).decode(&got)
	if got.Name != ent.Name || got.Version != 1 {
		t.Errorf("enterprise changed by refused patches: %+v", got)
	}
}

// TestErrorsSpeakTheCallersLanguage checks that messages follow Accept-Language, zh-CN by default.
func TestErrorsSpeakTheCallersLanguage(t *testing.T) {
	e := newEnv(t)
	body := map[string]string{"username": "nobody", "password": "wrong-pass-1"}
	c := e.client()
	zh := c.do("POST", "/api/v1/auth/login", body).expectError(http.StatusUnauthorized, "invalid_credentials")
	c.lang = "en-US,en;q=0.9"
	en := c.do("POST", "/api/v1/auth/login", body).expectError(http.StatusUnauthorized, "invalid_credentials")
	if zh.Error.Message != "用户名或密码错误" || en.Error.Message != "Wrong username or password" {
		t.Errorf("messages: %q, %q", zh.Error.Message, en.Error.Message)
	}
}
