package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/store"
)

// runDaily runs the annual update's daily job as a replica would, under the job lock.
func (e *testEnv) runDaily() (reminders, proposals int) {
	e.t.Helper()
	var err error
	_, err = store.NewAnnualUpdates(e.db).Exclusive(context.Background(), "annual_update", func(tx annualupdate.Store) error {
		var err error
		reminders, proposals, err = e.updates.Daily(context.Background(), tx)
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return reminders, proposals
}

// A fixed clock walks two enterprises through two missed annual updates: reminders once each (even
// with two replicas at once), the status list, the block on re-review, a proposed cancellation of
// each, one confirmed (the qualification revoked) and one dismissed.
func TestAnnualUpdateMissedTwice(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	e.addUser("county", access.CountyOfficer, "445202", 0)
	e.addUser("county2", access.CountyOfficer, "445281", 0)
	a := e.addEnterprise("445202", "揭阳市年报甲有限公司")
	b := e.addEnterprise("445202", "揭阳市年报乙有限公司")
	e.addUser("owner", access.Enterprise, "", a.ID)
	city := e.login("city", testPassword)
	quals := map[int64]int64{}
	for _, ent := range []int64{a.ID, b.ID} {
		var q qualificationResponse
		city.do("POST", "/api/v1/qualifications", map[string]any{"enterprise_id": ent, "tier": "innovative_sme",
			"batch_name": "2026年第一批创新型中小企业", "announcement_no": "粤工信函〔2026〕1号", "granted_on": "2026-06-10"}).
			expectStatus(http.StatusCreated).decode(&q)
		quals[ent] = q.ID
	}
	var county *client
	at := func(day string) { // a new day: the clock moves, and the officers sign in again
		d, err := time.ParseInLocation("2006-01-02", day, testLocation)
		if err != nil {
			t.Fatal(err)
		}
		e.now = d.Add(9 * time.Hour).UTC()
		city, county = e.login("city", testPassword), e.login("county", testPassword)
	}
	reminders := func() int64 {
		var n int64
		e.db.Table("notifications").Where("kind = ?", "annual_update_due").Count(&n)
		return n
	}

	// 2027: the window is open; a month before it closes the enterprise's user is reminded, once.
	at("2027-03-30")
	if r, _ := e.runDaily(); r != 0 {
		t.Errorf("a reminder 31 days before the window closes: %d", r)
	}
	at("2027-04-01")
	var wg sync.WaitGroup
	for range 2 { // two replicas at once
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = store.NewAnnualUpdates(e.db).Exclusive(context.Background(), "annual_update", func(tx annualupdate.Store) error {
				_, _, err := e.updates.Daily(context.Background(), tx)
				return err
			})
		}()
	}
	wg.Wait()
	e.runDaily()
	if n := reminders(); n != 1 {
		t.Fatalf("reminders 30 days before: %d, want 1 (only 甲 has a user)", n)
	}
	var list listResponse[annualUpdateBody]
	county.do("GET", "/api/v1/annual-updates?year=2027", nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total != 2 || list.Items[0].Status != "pending" || list.Items[0].ReportYear != 2026 || list.Items[0].ClosesOn != "2027-04-30" {
		t.Errorf("2027 update list: %+v", list)
	}
	e.login("county2", testPassword).do("GET", "/api/v1/annual-updates?year=2027", nil).decode(&list)
	if list.Total != 0 {
		t.Errorf("another region's officer sees %d", list.Total)
	}
	at("2027-04-23")
	e.runDaily()
	e.runDaily()
	if n := reminders(); n != 2 {
		t.Errorf("reminders after the 7-day one: %d, want 2", n)
	}

	// 乙 files in time in 2028 only after missing 2027; 甲 misses both.
	at("2027-05-01")
	if _, p := e.runDaily(); p != 0 {
		t.Errorf("a proposal after one miss: %d", p)
	}
	county.do("GET", "/api/v1/annual-updates?year=2027&status=missed", nil).decode(&list)
	if list.Total != 2 {
		t.Errorf("missed in 2027: %d", list.Total)
	}
	at("2028-05-01")
	city.lang = "en-US"
	_, p := e.runDaily()
	if p != 2 {
		t.Fatalf("proposals after two misses: %d, want 2", p)
	}
	if _, again := e.runDaily(); again != 0 {
		t.Errorf("proposed again: %d", again)
	}

	// Missing 2028's window keeps 甲 out of 2028's re-review batches.
	var rb batchResponse
	city.do("POST", "/api/v1/batches", map[string]any{"tier": "innovative_sme", "kind": "review", "year": 2028, "name": "2028年复核",
		"opens_on": "2028-05-01", "closes_on": "2028-06-30"}).expectStatus(http.StatusCreated).decode(&rb)
	var app applicationResponse
	city.do("POST", "/api/v1/applications", map[string]any{"batch_id": rb.ID, "enterprise_id": a.ID, "report_year": 2027}).expectStatus(http.StatusCreated).decode(&app)
	env := city.do("POST", fmt.Sprintf("/api/v1/applications/%d/transitions", app.ID), map[string]any{"action": "submit", "version": app.Version}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "batch_id")
	found := false
	for _, f := range env.Error.Fields {
		found = found || strings.Contains(f.Message, "missed the 2028 annual update")
	}
	if !found {
		t.Errorf("the refusal does not say the update was missed: %+v", env.Error.Fields)
	}

	var props listResponse[proposalBody]
	city.do("GET", "/api/v1/cancellation-proposals?status=proposed", nil).expectStatus(http.StatusOK).decode(&props)
	if props.Total != 2 || len(props.Items[0].MissedYears) != 2 || props.Items[0].MissedYears[0] != 2027 || props.Items[0].MissedYears[1] != 2028 {
		t.Fatalf("proposals: %+v", props)
	}
	byEnt := map[int64]proposalBody{}
	for _, p := range props.Items {
		byEnt[p.EnterpriseID] = p
	}
	pa, pb := byEnt[a.ID], byEnt[b.ID]
	confirm := fmt.Sprintf("/api/v1/cancellation-proposals/%d/confirm", pa.ID)
	county.do("POST", confirm, map[string]any{"reason": "两次未报送", "version": pa.Version}).expectError(http.StatusForbidden, "forbidden")
	city.do("POST", confirm, map[string]any{"reason": "两次未报送", "version": pa.Version + 1}).expectError(http.StatusConflict, "stale_version")
	city.do("POST", confirm, map[string]any{"reason": " ", "version": pa.Version}).expectError(http.StatusUnprocessableEntity, "validation_failed", "reason")
	var decided proposalBody
	city.do("POST", confirm, map[string]any{"reason": "两次未按期报送年度数据", "version": pa.Version}).expectStatus(http.StatusOK).decode(&decided)
	if decided.Status != "confirmed" || decided.DecidedBy == nil || *decided.DecidedBy != "city" {
		t.Errorf("confirmed: %+v", decided)
	}
	var q qualificationDetailResponse
	city.do("GET", fmt.Sprintf("/api/v1/qualifications/%d", quals[a.ID]), nil).decode(&q)
	if q.Status != "revoked" || q.RevokeReasonCode == nil || *q.RevokeReasonCode != "missed_annual_updates" {
		t.Errorf("the confirmed cancellation's qualification: %+v", q)
	}
	city.do("POST", confirm, map[string]any{"reason": "again", "version": decided.Version}).expectError(http.StatusConflict, "invalid_transition")

	dismiss := fmt.Sprintf("/api/v1/cancellation-proposals/%d/dismiss", pb.ID)
	city.do("POST", dismiss, map[string]any{"reason": "企业已补报，情况属实", "version": pb.Version}).expectStatus(http.StatusOK).decode(&decided)
	city.do("GET", fmt.Sprintf("/api/v1/qualifications/%d", quals[b.ID]), nil).decode(&q)
	if decided.Status != "dismissed" || q.Status != "valid" {
		t.Errorf("dismissed: %+v, qualification %s", decided, q.Status)
	}
	// Decided is decided: the next day's job proposes neither again.
	at("2028-05-02")
	if _, p := e.runDaily(); p != 0 {
		t.Errorf("proposed again after the decisions: %d", p)
	}
	var audits int64
	e.db.Table("audit_events").Where("action IN ?", []string{"cancellation.confirmed", "cancellation.dismissed"}).Count(&audits)
	if audits != 2 {
		t.Errorf("decisions audited: %d", audits)
	}
}
