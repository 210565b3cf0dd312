package httpapi

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
)

func TestSessionCookieAndLogout(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	c := e.client()
	r := c.do("POST", "/api/v1/auth/login", map[string]string{"username": "City", "password": testPassword}).expectStatus(http.StatusOK)
	cookie := r.header.Get("Set-Cookie")
	for _, want := range []string{"tt_session=", "HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %s", cookie, want)
		}
	}
	if strings.Contains(cookie, "Secure") || strings.Contains(cookie, "Max-Age") {
		t.Errorf("plain-http cookie %q", cookie)
	}
	c.do("GET", "/api/v1/auth/me", nil).expectStatus(http.StatusOK)
	c.do("POST", "/api/v1/auth/logout", nil).expectStatus(http.StatusNoContent)
	if len(c.cookies) != 0 {
		t.Errorf("cookie kept after logout: %v", c.cookies)
	}
	// The old token is dead on the server, not just forgotten by the client.
	c.cookies["tt_session"] = strings.TrimPrefix(strings.Split(cookie, ";")[0], "tt_session=")
	c.do("GET", "/api/v1/auth/me", nil).expectError(http.StatusUnauthorized, "unauthenticated")

	// Behind TLS the cookie is Secure and __Host- prefixed.
	tls := e.client()
	r = tls.raw("POST", "/api/v1/auth/login", "application/json", []byte(`{"username":"city","password":"`+testPassword+`"}`),
		http.Header{"X-Forwarded-Proto": {"https"}}).expectStatus(http.StatusOK)
	if c := r.header.Get("Set-Cookie"); !strings.HasPrefix(c, "__Host-tt_session=") || !strings.Contains(c, "Secure") {
		t.Errorf("TLS cookie %q", c)
	}
	tls.do("GET", "/api/v1/auth/me", nil).expectStatus(http.StatusOK)
}

func TestSessionsExpire(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	c := e.login("city", testPassword)
	// Used every hour, the session lives; idle for two hours, it ends.
	for i := 0; i < 3; i++ {
		e.advance(time.Hour)
		c.do("GET", "/api/v1/auth/me", nil).expectStatus(http.StatusOK)
	}
	e.advance(2 * time.Hour)
	c.do("GET", "/api/v1/auth/me", nil).expectError(http.StatusUnauthorized, "unauthenticated")

	// However active, a session ends twelve hours after sign-in.
	c = e.login("city", testPassword)
	for i := 0; i < 11; i++ {
		e.advance(time.Hour)
		c.do("GET", "/api/v1/auth/me", nil).expectStatus(http.StatusOK)
	}
	e.advance(time.Hour)
	c.do("GET", "/api/v1/auth/me", nil).expectError(http.StatusUnauthorized, "unauthenticated")
}

func TestLockout(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	c := e.client()
	wrong := map[string]string{"username": "city", "password": "wrong-pass-1"}
	right := map[string]string{"username": "city", "password": testPassword}

	// Four failures, then a success, then four more: the success resets the count.
	for i := 0; i < 4; i++ {
		c.do("POST", "/api/v1/auth/login", wrong).expectError(http.StatusUnauthorized, "invalid_credentials")
	}
	c.do("POST", "/api/v1/auth/login", right).expectStatus(http.StatusOK)
	for i := 0; i < 4; i++ {
		c.do("POST", "/api/v1/auth/login", wrong).expectError(http.StatusUnauthorized, "invalid_credentials")
	}
	c.do("POST", "/api/v1/auth/login", right).expectStatus(http.StatusOK)

	// Failures more than 15 minutes apart do not add up.
	for i := 0; i < 8; i++ {
		c.do("POST", "/api/v1/auth/login", wrong).expectError(http.StatusUnauthorized, "invalid_credentials")
		if i%4 == 3 {
			e.advance(16 * time.Minute)
		}
	}
	c.do("POST", "/api/v1/auth/login", right).expectStatus(http.StatusOK)

	// An unknown username locks the same way, so locking tells nothing about who exists.
	ghost := map[string]string{"username": "ghost", "password": "wrong-pass-1"}
	for i := 0; i < 5; i++ {
		c.do("POST", "/api/v1/auth/login", ghost).expectError(http.StatusUnauthorized, "invalid_credentials")
	}
	c.lang = "en-US"
	env := c.do("POST", "/api/v1/auth/login", ghost).expectError(http.StatusTooManyRequests, "locked")
	if !strings.Contains(env.Error.Message, "15 minutes") {
		t.Errorf("lock message %q", env.Error.Message)
	}

	// Every attempt is in the audit log.
	e.addUser("auditor", access.Admin, "", 0)
	admin := e.login("auditor", testPassword)
	var events listResponse[auditEventResponse]
	admin.do("GET", "/api/v1/audit-events?action=auth.&page_size=200", nil).expectStatus(http.StatusOK).decode(&events)
	counts := map[string]int{}
	for _, ev := range events.Items {
		counts[ev.Action]++
	}
	if counts["auth.login"] != 4 || counts["auth.login_failed"] != 8+8+4 || counts["auth.lock"] != 1 || counts["auth.login_locked"] != 1 {
		t.Errorf("audit counts %v", counts)
	}
}

func TestPasswordChange(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	laptop, phone := e.login("city", testPassword), e.login("city", testPassword)
	laptop.do("POST", "/api/v1/auth/password", map[string]string{"current_password": "nope-1234", "new_password": "new-pass-2027"}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "current_password")
	laptop.doUnchecked("POST", "/api/v1/auth/password", map[string]string{"current_password": testPassword, "new_password": "short1"}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "new_password")
	laptop.do("POST", "/api/v1/auth/password", map[string]string{"current_password": testPassword, "new_password": "new-pass-2027"}).
		expectStatus(http.StatusNoContent)
	laptop.do("GET", "/api/v1/auth/me", nil).expectStatus(http.StatusOK)
	phone.do("GET", "/api/v1/auth/me", nil).expectError(http.StatusUnauthorized, "unauthenticated")
	e.client().do("POST", "/api/v1/auth/login", map[string]string{"username": "city", "password": testPassword}).
		expectError(http.StatusUnauthorized, "invalid_credentials")
	e.login("city", "new-pass-2027")
}

func TestCrossOriginWritesAreRefused(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	c := e.login("city", testPassword)
	body := []byte(`{"name":"x"}`)
	c.raw("POST", "/api/v1/enterprises", "application/json", body, http.Header{"Sec-Fetch-Site": {"cross-site"}}).
		expectError(http.StatusForbidden, "forbidden")
	c.raw("POST", "/api/v1/enterprises", "application/json", body, http.Header{"Origin": {"https://evil.example"}}).
		expectError(http.StatusForbidden, "forbidden")
	// The SPA's own requests, and scripts that send neither header, pass.
	c.raw("POST", "/api/v1/enterprises", "application/json", body, http.Header{"Sec-Fetch-Site": {"same-origin"}}).
		expectError(http.StatusUnprocessableEntity, "validation_failed")
	c.raw("GET", "/api/v1/enterprises", "", nil, http.Header{"Sec-Fetch-Site": {"cross-site"}}).expectStatus(http.StatusOK)
}
