package httpapi

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHealthAndReadiness(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.do("GET", "/healthz", nil).expectStatus(http.StatusOK)
	c.do("GET", "/readyz", nil).expectStatus(http.StatusOK)
	r := c.do("GET", "/api/v1/openapi.yaml", nil).expectStatus(http.StatusOK)
	if !bytes.HasPrefix(r.body, []byte("openapi: 3.1")) {
		t.Errorf("openapi.yaml starts %q", r.body[:20])
	}
	if r.header.Get("X-Request-ID") == "" {
		t.Error("no request ID")
	}
	sqlDB, _ := e.db.DB()
	sqlDB.Close()
	c.do("GET", "/readyz", nil).expectError(http.StatusServiceUnavailable, "unavailable")
	c.do("GET", "/healthz", nil).expectStatus(http.StatusOK)
}

func TestSPAFallback(t *testing.T) {
	e := newEnv(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><div id=root></div>"), 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "app-1234.js"), []byte("console.log(1)"), 0o644)
	a := e.handler
	get := func(handler http.Handler, path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	// Without a built SPA, pages explain how to build it.
	if rec := get(a, "/enterprises"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "make build") {
		t.Errorf("unbuilt: %d %s", rec.Code, rec.Body)
	}
	withSPA := e.build(dir)
	for _, p := range []string{"/", "/enterprises/12", "/login?next=/users"} {
		if rec := get(withSPA, p); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "id=root") {
			t.Errorf("%s: %d %s", p, rec.Code, rec.Body)
		}
	}
	if rec := get(withSPA, "/assets/app-1234.js"); rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("asset: %d %v", rec.Code, rec.Header())
	}
	if rec := get(withSPA, "/assets/missing.js"); rec.Code != http.StatusNotFound {
		t.Errorf("missing asset: %d", rec.Code)
	}
	if rec := get(withSPA, "/../../etc/passwd"); strings.Contains(rec.Body.String(), "root:") {
		t.Error("path traversal")
	}
	// Unknown API paths are JSON 404s, never the SPA.
	rec := get(withSPA, "/api/v1/nothing")
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), `"code":"not_found"`) {
		t.Errorf("/api/v1/nothing: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	withSPA.ServeHTTP(rec, httptest.NewRequest("DELETE", "/api/v1/regions", nil))
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("DELETE regions: %d %s", rec.Code, rec.Body)
	}
}
