package httpapi

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
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

func TestExportsHoldTheListWithinScope(t *testing.T) {
	e := newEnv(t)
	e.seedDemo()
	county := e.login("county", "demo-pass-2024")
	var list listResponse[enterpriseResponse]
	county.do("GET", "/api/v1/enterprises?page_size=1&industry=C", nil).decode(&list)
	r := county.raw("GET", "/api/v1/enterprises?format=xlsx&industry=C&lang=en-US", "", nil, nil).expectStatus(http.StatusOK)
	rows := xlsxRows(t, r.body)
	if len(rows) != int(list.Total)+1 || rows[0][0] != "Enterprise" {
		t.Fatalf("export: %d rows for %d enterprises, header %v", len(rows), list.Total, rows[0])
	}
	for _, row := range rows[1:] {
		if row[2] != "榕城区" {
			t.Errorf("export outside scope: %v", row)
		}
	}
	var quals listResponse[qualificationResponse]
	county.do("GET", "/api/v1/qualifications?as_of=2023-06-30&status=valid", nil).decode(&quals)
	r = county.raw("GET", "/api/v1/qualifications?as_of=2023-06-30&status=valid&format=xlsx", "", nil, nil).expectStatus(http.StatusOK)
	if rows := xlsxRows(t, r.body); len(rows) != int(quals.Total)+1 || rows[0][0] != "企业名称" {
		t.Errorf("qualifications export: %d rows for %d", len(rows), quals.Total)
	}
	county.doUnchecked("GET", "/api/v1/applications?format=pdf", nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "format")
}

func xlsxRows(t *testing.T, body []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
