// Package metrics exposes the server's Prometheus metrics: request durations by route and status,
// the database pool, the periodic jobs' runs and failures, and the qualifications in force by
// tier. They are served on a port of their own (METRICS_ADDR), apart from the API, so that only
// the cluster's scraper reaches them.
package metrics

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

const namespace = "tiertracker"

// TierCounts returns the number of qualifications in force today by tier.
type TierCounts func(ctx context.Context) (map[string]int, error)

// Metrics holds the server's collectors in a registry of its own.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.HistogramVec
	jobRuns  *prometheus.CounterVec
	jobFails *prometheus.CounterVec
}

// New registers the collectors: the process and Go runtime, the database pool of db, and the
// qualifications by tier, read by tiers at each scrape.
func New(db *sql.DB, tiers TierCounts) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "http_request_duration_seconds",
			Help:    "Time to answer an API request, by route, method and status.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route", "method", "status"}),
		jobRuns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "job_runs_total",
			Help: "Runs of the periodic jobs by this replica (a run another replica held the lock for is not counted).",
		}, []string{"job"}),
		jobFails: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "job_failures_total",
			Help: "Runs of the periodic jobs that failed.",
		}, []string{"job"}),
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(db, "main"),
		m.requests, m.jobRuns, m.jobFails,
		tierCollector{count: tiers, desc: prometheus.NewDesc(namespace+"_qualifications_in_force",
			"Qualifications in force today, by tier.", []string{"tier"}, nil)},
	)
	return m
}

// ObserveRequest records an answered request. route is the route's pattern, never the raw path,
// so that the series stay few.
func (m *Metrics) ObserveRequest(route, method string, status int, took time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Observe(took.Seconds())
}

// JobRan records a run of a periodic job and whether it failed.
func (m *Metrics) JobRan(job string, err error) {
	m.jobRuns.WithLabelValues(job).Inc()
	if err != nil {
		m.jobFails.WithLabelValues(job).Inc()
	}
}

// Handler serves the metrics in Prometheus' exposition format.
func (m *Metrics) Handler() http.Handler {
	// A collector that fails (the database away) is reported, and the others still served.
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry, ErrorHandling: promhttp.ContinueOnError})
}

// tierCollector reads the qualifications by tier when scraped.
type tierCollector struct {
	count TierCounts
	desc  *prometheus.Desc
}

func (c tierCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

// scrapeTimeout bounds the query of a scrape, so that a slow database cannot pile scrapes up.
const scrapeTimeout = 5 * time.Second

func (c tierCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	counts, err := c.count(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for tier, n := range counts {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), tier)
	}
}
