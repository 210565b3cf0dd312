package metrics_test

import (
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/metrics"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
)

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 {
		t.Fatalf("scrape: %d %s", rec.Code, body)
	}
	return string(body)
}

func TestMetrics(t *testing.T) {
	sqlDB, err := storetest.New(t).DB()
	if err != nil {
		t.Fatal(err)
	}
	tiersDown := false
	m := metrics.New(sqlDB, func(context.Context) (map[string]int, error) {
		if tiersDown {
			return nil, errors.New("database away")
		}
		return map[string]int{"little_giant": 2, "specialized_sme": 76, "innovative_sme": 83}, nil
	})
	m.ObserveRequest("/api/v1/enterprises/:id", "GET", 200, 30*time.Millisecond)
	m.ObserveRequest("/api/v1/enterprises/:id", "GET", 200, 70*time.Millisecond)
	m.ObserveRequest("/api/v1/enterprises/:id", "GET", 404, time.Millisecond)
	m.JobRan("expiry_notices", nil)
	m.JobRan("expiry_notices", errors.New("lock lost"))
	m.JobRan("eligibility_refresh", nil)

	body := scrape(t, m)
	for _, want := range []string{
		`tiertracker_http_request_duration_seconds_count{method="GET",route="/api/v1/enterprises/:id",status="200"} 2`,
		`tiertracker_http_request_duration_seconds_sum{method="GET",route="/api/v1/enterprises/:id",status="200"} 0.1`,
		`tiertracker_http_request_duration_seconds_count{method="GET",route="/api/v1/enterprises/:id",status="404"} 1`,
		`tiertracker_job_runs_total{job="expiry_notices"} 2`,
		`tiertracker_job_failures_total{job="expiry_notices"} 1`,
		`tiertracker_job_runs_total{job="eligibility_refresh"} 1`,
		`tiertracker_qualifications_in_force{tier="specialized_sme"} 76`,
		`go_sql_max_open_connections{db_name="main"}`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, `tiertracker_job_failures_total{job="eligibility_refresh"}`) {
		t.Error("a job that never failed has a failure series")
	}

	// With the database away the tier counts are missing, and the rest is still served.
	tiersDown = true
	body = scrape(t, m)
	if strings.Contains(body, "tiertracker_qualifications_in_force{") || !strings.Contains(body, `tiertracker_job_runs_total{job="expiry_notices"} 2`) {
		t.Errorf("scrape with the tier counts failing:\n%s", body)
	}
}
