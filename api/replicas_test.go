package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/store"
)

// cluster is a few server processes over one database, and the clients that use them: each
// request goes to a replica of the caller's choosing and, when that one cannot answer (down,
// stopping, or the database away), to the next, as a load balancer would send it.
type cluster struct {
	t        *testing.T
	servers  []*server
	restarts atomic.Int32 // how many database restarts have been started
	// answered counts, per replica, the requests it answered after the database restart.
	answered []atomic.Int64
	// failed counts the requests that got no answer or a server error, and went to another try.
	failed atomic.Int64
}

type reply struct {
	status int
	body   []byte
}

func (r reply) ok() bool { return r.status >= 200 && r.status < 300 }

func (r reply) code() string {
	var env struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	_ = json.Unmarshal(r.body, &env)
	return env.Error.Code
}

// send makes one request, from replica prefer on, until a replica answers it with anything but a
// server error. A request whose answer was lost may have been done: callers read the state again
// rather than trust a retry.
func (c *cluster) send(client *http.Client, prefer int, method, path string, body any) reply {
	var raw []byte
	if body != nil {
		raw, _ = json.Marshal(body)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for attempt := 0; ; attempt++ {
		i := (prefer + attempt) % len(c.servers)
		req, _ := http.NewRequest(method, c.servers[i].base+path, bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		res, err := client.Do(req)
		if err == nil {
			data, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode < 500 {
				if c.restarts.Load() > 0 {
					c.answered[i].Add(1)
				}
				return reply{res.StatusCode, data}
			}
		}
		c.failed.Add(1)
		if time.Now().After(deadline) {
			return reply{status: 599, body: []byte(fmt.Sprint("no replica answered: ", err))}
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (c *cluster) signIn(username string) *http.Client {
	c.t.Helper()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	// One sign-in serves every replica: the session is in the database, the cookie per host.
	if r := c.send(client, 0, "POST", "/api/v1/auth/login", map[string]string{"username": username, "password": "demo-pass-2024"}); !r.ok() {
		c.t.Fatalf("sign in as %s: %d %s", username, r.status, r.body)
	}
	return client
}

type app struct {
	ID              int64  `json:"id"`
	State           string `json:"state"`
	Version         int    `json:"version"`
	QualificationID *int64 `json:"qualification_id"`
}

// stateOrder ranks the states of an approved application's way, to tell a step back.
var stateOrder = map[string]int{"draft": 0, "county_review": 1, "city_review": 2, "recommended": 3, "approved": 4}

// journey is one enterprise's way from registration to qualification, and what the servers
// acknowledged of it.
type journey struct {
	code          string
	enterpriseID  int64
	applicationID int64
	acked         []string // the writes acknowledged, in order
	ackedState    string   // the furthest state a transition was acknowledged to
	problems      []string
}

// TestThreeReplicasThroughADatabaseRestart is issue 7's fault test: three server processes start
// together on one empty PostgreSQL, and enterprises are taken from registration to qualification
// through all three at once; PostgreSQL crashes and restarts in the middle, and then one replica
// is stopped under load. Every acknowledged write is there, no step is done twice, each expiry
// notice is created once, and the replicas that were not stopped recovered without a restart.
func TestThreeReplicasThroughADatabaseRestart(t *testing.T) {
	if os.Getenv("TEST_DATABASE_URL") == "" {
		t.Skip("runs on PostgreSQL: `make test` runs it on its PostgreSQL pass (TEST_DATABASE_URL)")
	}
	pg := startPrivatePostgres(t)
	env := []string{"DATABASE_URL=" + pg.URL(), "DATA_DIR=" + t.TempDir(), "PUBLIC_NOTICE_DAYS=0",
		"SESSION_SECRET=replica-test-secret-0123456789abcdef", "SHUTDOWN_TIMEOUT=30s"}
	metricsPorts := []int{freePort(t), freePort(t), freePort(t)}
	c := &cluster{t: t, answered: make([]atomic.Int64, 3)}
	// Together on the empty database: one migrates and seeds, the others wait their turn.
	for _, port := range metricsPorts {
		c.servers = append(c.servers, spawnServer(t, append(env, fmt.Sprintf("METRICS_ADDR=127.0.0.1:%d", port))...))
	}
	for _, s := range c.servers {
		s.waitReady(t)
	}
	city, county := c.signIn("city"), c.signIn("county")

	today := time.Now().In(time.FixedZone("CST", 8*3600)).Format(time.DateOnly)
	var batch struct {
		ID int64 `json:"id"`
	}
	r := c.send(city, 0, "POST", "/api/v1/batches", map[string]any{"tier": "innovative_sme", "kind": "recognition", "year": time.Now().Year(),
		"name": "多副本测试批次", "opens_on": today, "closes_on": time.Now().AddDate(0, 1, 0).Format(time.DateOnly)})
	if r.status != http.StatusCreated || json.Unmarshal(r.body, &batch) != nil {
		t.Fatalf("batch: %d %s", r.status, r.body)
	}

	const enterprises, workers = 36, 6
	journeys := make([]*journey, enterprises)
	for i := range journeys {
		first := fmt.Sprintf("91445202%09d", 700000+i)
		journeys[i] = &journey{code: first + string(creditcode.CheckChar(first))}
	}
	var acks, stoppedAt atomic.Int64
	faults := make(chan string, 1)
	finished := make(chan struct{})
	go func() {
		// The database crashes when a third of the writes are acknowledged; the third replica
		// is stopped once two thirds are.
		const writes = enterprises * 7
		reach := func(n int64) bool {
			for acks.Load() < n {
				select {
				case <-finished:
					return false
				case <-time.After(5 * time.Millisecond):
				}
			}
			return true
		}
		if !reach(writes / 3) {
			faults <- "the journeys ended before the database restart"
			return
		}
		c.restarts.Add(1)
		if err := pg.restart(); err != nil {
			faults <- err.Error()
			return
		}
		if !reach(2 * writes / 3) {
			faults <- "the journeys ended before the third replica was stopped"
			return
		}
		stoppedAt.Store(acks.Load())
		_ = c.servers[2].cmd.Process.Signal(syscall.SIGTERM)
		faults <- ""
	}()

	var wg sync.WaitGroup
	next := make(chan int)
	for w := range workers {
		wg.Go(func() {
			for i := range next {
				c.walk(journeys[i], i+w, city, county, batch.ID, &acks)
			}
		})
	}
	for i := range journeys {
		next <- i
	}
	close(next)
	wg.Wait()
	close(finished)
	if f := <-faults; f != "" {
		t.Fatal(f)
	}

	// The stopped replica finished what it had accepted and stopped cleanly.
	select {
	case <-c.servers[2].done:
	case <-time.After(time.Minute):
		t.Fatal("the stopped replica did not exit")
	}
	if err := c.servers[2].cmd.Wait(); err != nil {
		t.Errorf("the stopped replica exited with %v", err)
	}
	if logs := strings.Join(c.servers[2].logLines(), "\n"); !strings.Contains(logs, `"msg":"stopped"`) {
		t.Error("the stopped replica did not say it stopped")
	}

	for _, j := range journeys {
		for _, p := range j.problems {
			t.Errorf("%s: %s", j.code, p)
		}
	}
	c.checkStored(t, pg.URL(), journeys, city)

	// The other two recovered from the database's restart without one of their own.
	for i, s := range c.servers[:2] {
		if s.cmd.ProcessState != nil {
			t.Errorf("replica %d exited", i+1)
		}
		if res, err := http.Get(s.base + "/readyz"); err != nil || res.StatusCode != http.StatusOK {
			t.Errorf("replica %d is not ready after the restart: %v %v", i+1, err, res)
		} else {
			res.Body.Close()
		}
		if n := c.answered[i].Load(); n == 0 {
			t.Errorf("replica %d answered nothing after the database restart", i+1)
		}
	}
	t.Logf("acknowledged writes: %d; the third replica stopped after %d; requests tried again: %d; answered after the restart: %d, %d, %d",
		acks.Load(), stoppedAt.Load(), c.failed.Load(), c.answered[0].Load(), c.answered[1].Load(), c.answered[2].Load())
	if c.failed.Load() == 0 {
		t.Error("no request met the faults: the test proved nothing")
	}

	checkExpiryNoticesOnce(t, pg.URL(), c.servers)
	checkMetrics(t, metricsPorts[:2])
}

// walk takes an enterprise from registration to qualification, each step on the next replica. It
// reads the state before each step, so that a step whose answer was lost is not done twice, and
// notes any acknowledged write that a later read does not show.
func (c *cluster) walk(j *journey, replica int, city, county *http.Client, batchID int64, acks *atomic.Int64) {
	next := func() int { replica++; return replica }
	ack := func(what string) { j.acked = append(j.acked, what); acks.Add(1) }

	// Registration, by credit code: a lost answer shows as the code being taken.
	for j.enterpriseID == 0 {
		r := c.send(city, next(), "POST", "/api/v1/enterprises", map[string]any{"name": "揭阳市副本测试" + j.code[10:] + "有限公司",
			"credit_code": j.code, "region_code": "445202", "industry_code": "C34"})
		var e struct {
			ID int64 `json:"id"`
		}
		switch {
		case r.status == http.StatusCreated && json.Unmarshal(r.body, &e) == nil:
			j.enterpriseID = e.ID
			ack("enterprise")
		case r.status == http.StatusConflict:
			var list struct {
				Items []struct {
					ID int64 `json:"id"`
				} `json:"items"`
			}
			if g := c.send(city, next(), "GET", "/api/v1/enterprises?q="+j.code, nil); g.ok() && json.Unmarshal(g.body, &list) == nil && len(list.Items) == 1 {
				j.enterpriseID = list.Items[0].ID
			}
		default:
			j.problems = append(j.problems, fmt.Sprintf("register: %d %s", r.status, r.body))
			return
		}
	}
	figures := map[string]any{"employees": 80, "operating_revenue": 30_000_000, "rd_expense": 1_500_000}
	year := time.Now().Year() - 1
	for done := false; !done; {
		r := c.send(county, next(), "PUT", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports/%d", j.enterpriseID, year), figures)
		switch {
		case r.status == http.StatusCreated:
			ack("annual report")
			done = true
		case r.status == http.StatusConflict: // stored by an attempt whose answer was lost
			done = true
		default:
			j.problems = append(j.problems, fmt.Sprintf("annual report: %d %s", r.status, r.body))
			return
		}
	}
	for j.applicationID == 0 {
		r := c.send(city, next(), "POST", "/api/v1/applications", map[string]any{"batch_id": batchID, "enterprise_id": j.enterpriseID, "report_year": year})
		var a app
		switch {
		case r.status == http.StatusCreated && json.Unmarshal(r.body, &a) == nil:
			j.applicationID = a.ID
			j.ackedState = a.State
			ack("application")
		case r.status == http.StatusConflict:
			var list struct {
				Items []app `json:"items"`
			}
			if g := c.send(city, next(), "GET", fmt.Sprintf("/api/v1/applications?batch=%d&enterprise=%d", batchID, j.enterpriseID), nil); g.ok() && json.Unmarshal(g.body, &list) == nil && len(list.Items) == 1 {
				j.applicationID = list.Items[0].ID
			}
		default:
			j.problems = append(j.problems, fmt.Sprintf("apply: %d %s", r.status, r.body))
			return
		}
	}
	path := fmt.Sprintf("/api/v1/applications/%d", j.applicationID)
	for {
		var a app
		if g := c.send(city, next(), "GET", path, nil); !g.ok() || json.Unmarshal(g.body, &a) != nil {
			j.problems = append(j.problems, fmt.Sprintf("read application: %d %s", g.status, g.body))
			return
		}
		if stateOrder[a.State] < stateOrder[j.ackedState] {
			j.problems = append(j.problems, fmt.Sprintf("acknowledged as %s, read back as %s", j.ackedState, a.State))
			return
		}
		who, body := city, map[string]any{"version": a.Version}
		switch a.State {
		case "draft":
			body["action"] = "submit"
		case "county_review":
			who, body["action"], body["comment"] = county, "pass", "材料齐全"
		case "city_review":
			body["action"], body["comment"] = "pass", "同意推荐"
		case "recommended":
			body["action"], body["result"], body["announcement_no"], body["granted_on"] = "record_result", "approved", "测试〔2026〕1号", time.Now().Format(time.DateOnly)
		case "approved":
			return
		default:
			j.problems = append(j.problems, "unexpected state "+a.State)
			return
		}
		r := c.send(who, next(), "POST", path+"/transitions", body)
		var moved app
		switch {
		case r.ok() && json.Unmarshal(r.body, &moved) == nil:
			j.ackedState = moved.State
			ack(fmt.Sprint(body["action"], " → ", moved.State))
		case r.status == http.StatusConflict: // someone (a lost answer of ours) moved it: read again
		default:
			j.problems = append(j.problems, fmt.Sprintf("%s: %d %s", body["action"], r.status, r.body))
			return
		}
	}
}

// checkStored reads the database itself: each enterprise, report, application and qualification
// once, and each step of each application audited once.
func (c *cluster) checkStored(t *testing.T, url string, journeys []*journey, city *http.Client) {
	t.Helper()
	db := openDatabase(t, url)
	for _, j := range journeys {
		var n struct{ Enterprises, Reports, Applications, Qualifications, Steps int64 }
		db.Raw("SELECT COUNT(*) FROM enterprises WHERE credit_code = ?", j.code).Scan(&n.Enterprises)
		db.Raw("SELECT COUNT(*) FROM annual_reports WHERE enterprise_id = ?", j.enterpriseID).Scan(&n.Reports)
		db.Raw("SELECT COUNT(*) FROM applications WHERE enterprise_id = ?", j.enterpriseID).Scan(&n.Applications)
		db.Raw("SELECT COUNT(*) FROM qualifications WHERE enterprise_id = ?", j.enterpriseID).Scan(&n.Qualifications)
		db.Raw("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'application' AND entity_id = ? AND action IN ('application.submit', 'application.pass', 'application.record_result')",
			fmt.Sprint(j.applicationID)).Scan(&n.Steps)
		if n != (struct{ Enterprises, Reports, Applications, Qualifications, Steps int64 }{1, 1, 1, 1, 4}) {
			t.Errorf("%s: stored %+v, want one of each and 4 steps; acknowledged %v", j.code, n, j.acked)
		}
		var a app
		if r := c.send(city, 0, "GET", fmt.Sprintf("/api/v1/applications/%d", j.applicationID), nil); !r.ok() || json.Unmarshal(r.body, &a) != nil || a.State != "approved" || a.QualificationID == nil {
			t.Errorf("%s: application %+v", j.code, a)
		}
	}
}

// checkExpiryNoticesOnce: the demo city's expiring qualifications have their notices once each,
// though every replica ran the job; what the replicas say they created adds up to what is stored.
func checkExpiryNoticesOnce(t *testing.T, url string, servers []*server) {
	t.Helper()
	db := openDatabase(t, url)
	var stored, distinct int64
	db.Raw("SELECT COUNT(*), COUNT(DISTINCT dedupe_key) FROM notifications WHERE kind = ?", notification.QualificationExpiring).Row().Scan(&stored, &distinct)
	said := 0
	for _, s := range servers {
		for _, line := range s.logLines() {
			var entry struct {
				Msg     string `json:"msg"`
				Created int    `json:"created"`
			}
			if json.Unmarshal([]byte(line), &entry) == nil && entry.Msg == "expiry notices" {
				said += entry.Created
			}
		}
	}
	if stored == 0 || stored != distinct || int64(said) != stored {
		t.Errorf("expiry notices: %d stored, %d distinct, the replicas said they created %d", stored, distinct, said)
	}
}

// checkMetrics: the replicas' metrics count the API's requests by route, and read the tiers.
func checkMetrics(t *testing.T, ports []int) {
	t.Helper()
	var all strings.Builder
	for _, port := range ports {
		res, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		all.Write(body)
	}
	for _, want := range []string{
		`tiertracker_http_request_duration_seconds_count{method="POST",route="/api/v1/applications/:id/transitions",status="200"}`,
		`tiertracker_qualifications_in_force{tier="innovative_sme"}`,
		`go_sql_open_connections{db_name="main"}`,
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the metrics lack %s", want)
		}
	}
}

// openDatabase opens the servers' database for the test's own reads, closed when the test ends.
func openDatabase(t *testing.T, url string) *gorm.DB {
	t.Helper()
	db, err := store.Open(context.Background(), url, "")
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	t.Cleanup(func() { _ = sqlDB.Close() })
	return db
}
