package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/store"
)

// workflowEnv is an enterprise of 榕城区 with its figures, the officers of each stage, and a
// county officer of another region.
type workflowEnv struct {
	*testEnv
	ent                                    int64
	owner, county, otherCounty, city, lead *client
}

func newWorkflowEnv(t *testing.T) *workflowEnv {
	e := newEnv(t)
	ent := e.addEnterprise("445202", "揭阳市流程测试有限公司")
	e.addUser("owner", access.Enterprise, "", ent.ID)
	e.addUser("county", access.CountyOfficer, "445202", 0)
	e.addUser("county2", access.CountyOfficer, "445281", 0)
	e.addUser("city", access.CityOfficer, "", 0)
	e.addUser("boss", access.Leader, "", 0)
	w := &workflowEnv{testEnv: e, ent: ent.ID, owner: e.login("owner", testPassword), county: e.login("county", testPassword),
		otherCounty: e.login("county2", testPassword), city: e.login("city", testPassword), lead: e.login("boss", testPassword)}
	for i, year := range []int{2025, 2024, 2023} {
		// The county officer files them: the local score is the province's, not the enterprise's.
		w.county.do("PUT", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports/%d", ent.ID, year), exampleFigures(t, i)).expectStatus(http.StatusCreated)
	}
	return w
}

// relogin signs everyone in again, after the clock has moved past their sessions.
func (w *workflowEnv) relogin() {
	w.owner, w.county, w.otherCounty = w.login("owner", testPassword), w.login("county", testPassword), w.login("county2", testPassword)
	w.city, w.lead = w.login("city", testPassword), w.login("boss", testPassword)
}

func (w *workflowEnv) batch(tier criteria.Tier, kind string, year int, opens, closes string) batchResponse {
	w.t.Helper()
	var b batchResponse
	w.city.do("POST", "/api/v1/batches", map[string]any{"tier": tier, "kind": kind, "year": year,
		"name": fmt.Sprintf("%d年%s %s", year, tier, kind), "opens_on": opens, "closes_on": closes}).expectStatus(http.StatusCreated).decode(&b)
	return b
}

func (w *workflowEnv) apply(c *client, batchID int64) applicationResponse {
	w.t.Helper()
	var a applicationResponse
	c.do("POST", "/api/v1/applications", map[string]any{"batch_id": batchID, "enterprise_id": w.ent, "report_year": 2025}).
		expectStatus(http.StatusCreated).decode(&a)
	return a
}

func (w *workflowEnv) move(c *client, a applicationResponse, body map[string]any) response {
	w.t.Helper()
	body["version"] = a.Version
	return c.do("POST", fmt.Sprintf("/api/v1/applications/%d/transitions", a.ID), body)
}

func (w *workflowEnv) moved(c *client, a applicationResponse, body map[string]any) applicationResponse {
	w.t.Helper()
	var out applicationResponse
	w.move(c, a, body).expectStatus(http.StatusOK).decode(&out)
	return out
}

// TestWorkflowJourney is acceptance 3: apply, pass, recommend, approve; a review batch extends the
// qualification; a revocation ends it; statuses as of dates around each are right.
func TestWorkflowJourney(t *testing.T) {
	w := newWorkflowEnv(t)
	b := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	if b.Status != "open" || b.Ruleset != "miit-2026" {
		t.Fatalf("batch %+v", b)
	}
	a := w.apply(w.owner, b.ID)
	if a.State != "draft" || a.WaitingOn == nil || a.WaitingOn.Role != access.Enterprise {
		t.Fatalf("draft %+v", a)
	}
	a = w.moved(w.owner, a, map[string]any{"action": "submit"})
	if a.State != "county_review" || !strings.Contains(string(a.SelfCheck), `"ruleset":"miit-2026"`) || *a.WaitingOn.RegionCode != "445202" {
		t.Fatalf("submitted %+v", a)
	}
	// A county officer of another region does not see it.
	w.move(w.otherCounty, a, map[string]any{"action": "pass"}).expectError(http.StatusNotFound, "not_found")
	w.otherCounty.do("GET", fmt.Sprintf("/api/v1/applications/%d", a.ID), nil).expectError(http.StatusNotFound, "not_found")
	// The city cannot act at the county's stage; a return needs a comment.
	w.move(w.city, a, map[string]any{"action": "pass"}).expectError(http.StatusForbidden, "forbidden")
	w.move(w.county, a, map[string]any{"action": "return"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "comment")
	a = w.moved(w.county, a, map[string]any{"action": "pass", "comment": "材料齐全"})
	a = w.moved(w.city, a, map[string]any{"action": "pass", "comment": "同意推荐"})
	if a.State != "recommended" {
		t.Fatalf("recommended %+v", a)
	}
	w.move(w.city, a, map[string]any{"action": "record_result", "result": "approved"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "announcement_no", "granted_on")
	a = w.moved(w.city, a, map[string]any{"action": "record_result", "result": "approved", "announcement_no": "粤工信融资函〔2026〕88号", "granted_on": "2026-11-20"})
	if a.State != "approved" || a.QualificationID == nil {
		t.Fatalf("approved %+v", a)
	}
	// The history is kept, and the enterprise was told.
	var d applicationDetailResponse
	w.owner.do("GET", fmt.Sprintf("/api/v1/applications/%d", a.ID), nil).decode(&d)
	if len(d.Steps) != 4 || d.Steps[1].ActorUsername != "county" || d.Steps[1].RegionCode == nil || *d.Steps[2].Comment != "同意推荐" {
		t.Errorf("steps %+v", d.Steps)
	}
	var notes notificationList
	w.owner.do("GET", "/api/v1/notifications", nil).decode(&notes)
	if notes.Unread != 1 || notes.Items[0].Kind != "application_decided" {
		t.Errorf("notices %+v", notes)
	}
	w.owner.do("POST", fmt.Sprintf("/api/v1/notifications/%d/read", notes.Items[0].ID), nil).expectStatus(http.StatusNoContent)
	w.county.do("POST", fmt.Sprintf("/api/v1/notifications/%d/read", notes.Items[0].ID), nil).expectError(http.StatusNotFound, "not_found")

	// A valid qualification until granted + 3 years, its status right on each side of its dates.
	qpath := fmt.Sprintf("/api/v1/qualifications/%d", *a.QualificationID)
	var q qualificationDetailResponse
	w.owner.do("GET", qpath, nil).expectStatus(http.StatusOK).decode(&q)
	if q.ValidUntil != "2029-11-20" || q.Status != "valid" || len(q.Events) != 1 {
		t.Fatalf("qualification %+v", q)
	}
	statusOn := func(day string) string {
		var list listResponse[qualificationResponse]
		w.city.do("GET", fmt.Sprintf("/api/v1/enterprises/%d/qualifications?as_of=%s", w.ent, day), nil).decode(&list)
		return string(list.Items[0].Status)
	}
	for day, want := range map[string]string{"2026-11-19": "pending", "2026-11-20": "valid", "2029-08-22": "expiring", "2029-11-20": "expiring", "2029-11-21": "expired"} {
		if got := statusOn(day); got != want {
			t.Errorf("status on %s: %s, want %s", day, got, want)
		}
	}
	var valid listResponse[qualificationResponse]
	w.lead.do("GET", "/api/v1/qualifications?tier=innovative_sme&status=valid&as_of=2029-11-20", nil).decode(&valid)
	if valid.Total != 1 {
		t.Errorf("valid on 2029-11-20: %d", valid.Total)
	}

	// A review batch extends it by three years from the old expiry, for an enterprise that kept
	// its annual updates (the figures of 2028 filed in the 2029 window).
	w.now = time.Date(2029, 3, 2, 2, 0, 0, 0, time.UTC)
	w.relogin()
	w.county.do("PUT", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports/2028", w.ent), exampleFigures(t, 0)).expectStatus(http.StatusCreated)
	w.now = w.now.AddDate(0, 6, 24) // 2029-09-26, in the year the qualification is due
	w.relogin()
	rb := w.batch(criteria.InnovativeSME, "review", 2029, "2029-09-01", "2029-12-31")
	ra := w.apply(w.owner, rb.ID)
	ra = w.moved(w.owner, ra, map[string]any{"action": "submit"})
	ra = w.moved(w.county, ra, map[string]any{"action": "pass"})
	ra = w.moved(w.city, ra, map[string]any{"action": "pass"})
	ra = w.moved(w.city, ra, map[string]any{"action": "record_result", "result": "approved", "announcement_no": "粤工信融资函〔2029〕12号", "granted_on": "2029-09-25"})
	w.owner.do("GET", qpath, nil).decode(&q)
	if q.ValidUntil != "2032-11-20" || len(q.Events) != 2 || q.Events[1].Kind != "extended" || *ra.QualificationID != q.ID {
		t.Fatalf("extended %+v", q)
	}

	// A revocation ends it from that day.
	w.owner.do("POST", qpath+"/revoke", map[string]any{"reason_code": "major_incident", "reason": "x"}).expectError(http.StatusForbidden, "forbidden")
	w.city.doUnchecked("POST", qpath+"/revoke", map[string]any{"reason_code": "dislike", "reason": "x"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "reason_code")
	w.city.do("POST", qpath+"/revoke", map[string]any{"reason_code": "major_incident", "reason": "发生重大安全事故"}).expectStatus(http.StatusOK).decode(&q)
	today := calendar.On(w.now, testLocation)
	if q.Status != "revoked" || *q.RevokedOn != today.String() || len(q.Events) != 3 {
		t.Fatalf("revoked %+v", q)
	}
	if got := statusOn(today.AddDays(-1).String()); got != "valid" {
		t.Errorf("the day before revocation: %s", got)
	}
	if got := statusOn(today.String()); got != "revoked" {
		t.Errorf("the day of revocation: %s", got)
	}
	w.city.do("POST", qpath+"/revoke", map[string]any{"reason_code": "other", "reason": "again"}).expectError(http.StatusConflict, "invalid_transition")
}

// TestSubmitRefusals is acceptance 4: no prerequisite, outside the window, twice in a batch.
func TestSubmitRefusals(t *testing.T) {
	w := newWorkflowEnv(t)
	// The specialised tier needs a valid innovative SME.
	sb := w.batch(criteria.SpecializedSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	sa := w.apply(w.owner, sb.ID)
	w.move(w.owner, sa, map[string]any{"action": "submit"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "batch_id")
	// A batch that has not opened: the draft may wait, the submission may not.
	early := w.batch(criteria.InnovativeSME, "recognition", 2027, "2027-01-01", "2027-03-31")
	ea := w.apply(w.owner, early.ID)
	w.move(w.owner, ea, map[string]any{"action": "submit"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "batch_id")
	// A closed batch takes no new application.
	closed := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-03-01", "2026-04-30")
	w.owner.do("POST", "/api/v1/applications", map[string]any{"batch_id": closed.ID, "enterprise_id": w.ent, "report_year": 2025}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "batch_id")
	// A report year without figures.
	open := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	var oa applicationResponse
	w.owner.do("POST", "/api/v1/applications", map[string]any{"batch_id": open.ID, "enterprise_id": w.ent, "report_year": 2022}).expectStatus(http.StatusCreated).decode(&oa)
	w.move(w.owner, oa, map[string]any{"action": "submit"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "report_year")
	// Twice in a batch: a second live application is refused, and nothing was written by the refusals.
	w.owner.do("POST", "/api/v1/applications", map[string]any{"batch_id": open.ID, "enterprise_id": w.ent, "report_year": 2025}).expectError(http.StatusConflict, "duplicate", "batch_id")
	var steps int64
	w.db.Table("application_steps").Count(&steps)
	if steps != 0 {
		t.Errorf("%d steps written by refused submissions", steps)
	}
	var got applicationResponse
	w.owner.do("GET", fmt.Sprintf("/api/v1/applications/%d", sa.ID), nil).decode(&got)
	if got.State != "draft" || got.Version != 1 || string(got.SelfCheck) != "null" {
		t.Errorf("after the refusal %+v", got)
	}
	// A withdrawn application frees the batch for a new one.
	w.moved(w.owner, oa, map[string]any{"action": "withdraw"})
	w.apply(w.owner, open.ID)
	// The order of checks: stale version before an illegal action.
	w.move(w.owner, applicationResponse{ID: oa.ID, Version: 1}, map[string]any{"action": "submit"}).expectError(http.StatusConflict, "stale_version")
	w.move(w.owner, applicationResponse{ID: oa.ID, Version: 2}, map[string]any{"action": "submit"}).expectError(http.StatusConflict, "invalid_transition")
}

// TestConcurrentTransitions is acceptance 2: 50 passes at once, one wins; 50 results at once,
// one qualification.
func TestConcurrentTransitions(t *testing.T) {
	w := newWorkflowEnv(t)
	b := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	a := w.moved(w.owner, w.apply(w.owner, b.ID), map[string]any{"action": "submit"})

	race := func(c *client, body map[string]any) (ok, conflicts int) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i := 0; i < 50; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each goroutine is its own browser with the same session.
				cc := &client{e: w.testEnv, cookies: map[string]string{}}
				for k, v := range c.cookies {
					cc.cookies[k] = v
				}
				raw := fmt.Sprintf(`{"action":%q,"version":%d,"result":%q,"announcement_no":"公告1号","granted_on":"2026-11-20"}`,
					body["action"], a.Version, body["result"])
				r := cc.sendQuiet("POST", fmt.Sprintf("/api/v1/applications/%d/transitions", a.ID), []byte(raw))
				mu.Lock()
				defer mu.Unlock()
				switch r {
				case http.StatusOK:
					ok++
				case http.StatusConflict:
					conflicts++
				}
			}()
		}
		wg.Wait()
		return ok, conflicts
	}
	ok, conflicts := race(w.county, map[string]any{"action": "pass", "result": ""})
	if ok != 1 || conflicts != 49 {
		t.Fatalf("50 passes: %d ok, %d conflicts", ok, conflicts)
	}
	w.owner.do("GET", fmt.Sprintf("/api/v1/applications/%d", a.ID), nil).decode(&a)
	a = w.moved(w.city, a, map[string]any{"action": "pass"})
	ok, conflicts = race(w.city, map[string]any{"action": "record_result", "result": "approved"})
	if ok != 1 || conflicts != 49 {
		t.Fatalf("50 results: %d ok, %d conflicts", ok, conflicts)
	}
	quals, err := store.NewEnterprises(w.db).ListQualifications(context.Background(), w.ent)
	if err != nil || len(quals) != 1 {
		t.Fatalf("qualifications: %d, %v", len(quals), err)
	}
}

func TestAttachments(t *testing.T) {
	w := newWorkflowEnv(t)
	b := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	a := w.apply(w.owner, b.ID)
	path := fmt.Sprintf("/api/v1/applications/%d/attachments", a.ID)
	upload := func(c *client, name string, content []byte) response {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(content)
		mw.Close()
		return c.raw("POST", path, mw.FormDataContentType(), buf.Bytes(), nil)
	}
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 2000)...)
	var att attachmentResponse
	upload(w.owner, "营业执照.pdf", pdf).expectStatus(http.StatusCreated).decode(&att)
	if att.ContentType != "application/pdf" || att.Size != int64(len(pdf)) || att.Filename != "营业执照.pdf" {
		t.Errorf("attachment %+v", att)
	}
	// The type is read from the content, not the name.
	upload(w.owner, "evil.pdf", []byte("<html><script>alert(1)</script></html>")).expectError(http.StatusUnsupportedMediaType, "unsupported_media_type", "file")
	// Over 20 MiB is refused and leaves nothing.
	upload(w.owner, "big.pdf", append([]byte("%PDF-1.7\n"), make([]byte, 20<<20+10)...)).expectError(http.StatusRequestEntityTooLarge, "payload_too_large")
	var list listResponse[attachmentResponse]
	w.county.do("GET", path, nil).decode(&list)
	if list.Total != 1 {
		t.Errorf("attachments %d", list.Total)
	}
	// Download within scope only.
	r := w.county.raw("GET", fmt.Sprintf("%s/%d", path, att.ID), "", nil, nil).expectStatus(http.StatusOK)
	if !bytes.Equal(r.body, pdf) || r.header.Get("Content-Type") != "application/pdf" {
		t.Errorf("download: %d bytes, %s", len(r.body), r.header.Get("Content-Type"))
	}
	w.otherCounty.raw("GET", fmt.Sprintf("%s/%d", path, att.ID), "", nil, nil).expectError(http.StatusNotFound, "not_found")
	// Once submitted, attachments are fixed.
	w.moved(w.owner, a, map[string]any{"action": "submit"})
	upload(w.owner, "late.pdf", pdf).expectError(http.StatusConflict, "invalid_transition")
	w.owner.do("DELETE", fmt.Sprintf("%s/%d", path, att.ID), nil).expectError(http.StatusConflict, "invalid_transition")
	w.lead.do("DELETE", fmt.Sprintf("%s/%d", path, att.ID), nil).expectError(http.StatusForbidden, "forbidden")
}

func TestBatchResultsAndBulk(t *testing.T) {
	w := newWorkflowEnv(t)
	b := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	a := w.moved(w.owner, w.apply(w.owner, b.ID), map[string]any{"action": "submit"})
	// Bulk: one good item, one stale.
	var bulk bulkResponse
	w.county.do("POST", "/api/v1/applications/bulk-transitions", map[string]any{"action": "pass", "items": []map[string]any{
		{"id": a.ID, "version": a.Version}, {"id": a.ID, "version": a.Version},
	}}).expectStatus(http.StatusOK).decode(&bulk)
	if !bulk.Items[0].OK || bulk.Items[1].OK || bulk.Items[1].Error.Code != "stale_version" {
		t.Fatalf("bulk %+v", bulk.Items)
	}
	a = *bulk.Items[0].Application
	a = w.moved(w.city, a, map[string]any{"action": "pass"})

	var ent enterpriseResponse
	w.owner.do("GET", fmt.Sprintf("/api/v1/enterprises/%d", w.ent), nil).decode(&ent)
	path := fmt.Sprintf("/api/v1/batches/%d/results", b.ID)
	// A list with a line that matches nothing writes nothing.
	w.city.do("POST", path, map[string]any{"rows": []map[string]any{
		{"credit_code": ent.CreditCode, "result": "approved", "announcement_no": "公告", "granted_on": "2026-11-20"},
		{"credit_code": "914403001922038216", "result": "approved", "announcement_no": "公告", "granted_on": "2026-11-20"},
	}}).expectError(http.StatusUnprocessableEntity, "validation_failed", "rows[1].credit_code")
	w.owner.do("GET", fmt.Sprintf("/api/v1/applications/%d", a.ID), nil).decode(&a)
	if a.State != "recommended" {
		t.Fatalf("a failed list changed the application: %s", a.State)
	}
	var res struct {
		Recorded int `json:"recorded"`
	}
	w.city.do("POST", path, map[string]any{"rows": []map[string]any{
		{"credit_code": ent.CreditCode, "result": "approved", "announcement_no": "粤工信融资函〔2026〕88号", "granted_on": "2026-11-20"},
	}}).expectStatus(http.StatusOK).decode(&res)
	w.owner.do("GET", fmt.Sprintf("/api/v1/applications/%d", a.ID), nil).decode(&a)
	if res.Recorded != 1 || a.State != "approved" || a.QualificationID == nil {
		t.Errorf("recorded %d, %+v", res.Recorded, a)
	}
	w.county.do("POST", path, map[string]any{"rows": []map[string]any{}}).expectError(http.StatusForbidden, "forbidden")
}

func TestExpiryNotices(t *testing.T) {
	w := newWorkflowEnv(t)
	err := store.NewEnterprises(w.db).CreateQualifications(context.Background(), []qualification.Qualification{{
		EnterpriseID: w.ent, Tier: criteria.InnovativeSME, Source: qualification.SourceImport,
		GrantedOn: calendar.NewDate(2023, 12, 20), ValidUntil: calendar.NewDate(2026, 12, 20), Version: 1,
	}})
	if err != nil {
		t.Fatal(err)
	}
	svc := qualification.Service{Store: store.NewQualifications(w.db), Now: func() time.Time { return w.now }, Location: testLocation}
	run := func() int {
		created := 0
		ran, err := store.NewQualifications(w.db).Exclusive(context.Background(), "expiry_notices", func(st qualification.Store) error {
			n, err := svc.ExpiryNotices(context.Background(), st)
			created = n
			return err
		})
		if err != nil || !ran {
			t.Fatalf("ran %v, %v", ran, err)
		}
		return created
	}
	// 24 days left: the 30-day notice, for the enterprise's user and its county officer.
	if n := run(); n != 2 {
		t.Errorf("first run created %d", n)
	}
	if n := run(); n != 0 {
		t.Errorf("second run created %d", n)
	}
	var notes notificationList
	w.county.do("GET", "/api/v1/notifications", nil).decode(&notes)
	if notes.Total != 1 || notes.Items[0].Kind != "qualification_expiring" || notes.Items[0].Params["days"] != float64(30) {
		t.Errorf("county notices %+v", notes.Items)
	}
	w.otherCounty.do("GET", "/api/v1/notifications", nil).decode(&notes)
	if notes.Total != 0 {
		t.Errorf("another region's officer was told: %+v", notes.Items)
	}
}

// The daily job reads the expiring qualifications a page at a time, and reaches every page.
func TestExpiryNoticesPageByPage(t *testing.T) {
	w := newWorkflowEnv(t)
	quals := []qualification.Qualification{{
		EnterpriseID: w.ent, Tier: criteria.InnovativeSME, Source: qualification.SourceImport,
		GrantedOn: calendar.NewDate(2023, 12, 20), ValidUntil: calendar.NewDate(2026, 12, 20), Version: 1,
	}}
	for i := range 2 {
		other := w.addEnterprise("445202", fmt.Sprintf("揭阳市到期分页%d有限公司", i))
		quals = append(quals, qualification.Qualification{EnterpriseID: other.ID, Tier: criteria.InnovativeSME, Source: qualification.SourceImport,
			GrantedOn: calendar.NewDate(2024, 1, 10+i), ValidUntil: calendar.NewDate(2027, 1, 10+i), Version: 1})
	}
	if err := store.NewEnterprises(w.db).CreateQualifications(context.Background(), quals); err != nil {
		t.Fatal(err)
	}
	svc := qualification.Service{Store: store.NewQualifications(w.db), Now: func() time.Time { return w.now }, Location: testLocation, PageSize: 1}
	created := 0
	_, err := store.NewQualifications(w.db).Exclusive(context.Background(), "expiry_notices", func(st qualification.Store) error {
		n, err := svc.ExpiryNotices(context.Background(), st)
		created = n
		return err
	})
	// The first's 30-day notice to its user and its county officer, and each other's 90-day
	// notice to the county officer: three pages.
	if err != nil || created != 4 {
		t.Errorf("created %d notices, %v; want 4", created, err)
	}
}

// A batch opened from 2026-04-01 judges by miit-2026 unless it names another; one opened before
// keeps miit-2022; each application's frozen self-check names the ruleset it was judged by.
func TestBatchRulesetByOpeningDay(t *testing.T) {
	w := newWorkflowEnv(t)
	older := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-03-01", "2026-12-31")
	newer := w.batch(criteria.SpecializedSME, "recognition", 2026, "2026-04-01", "2026-12-31")
	if older.Ruleset != "miit-2022" || newer.Ruleset != "miit-2026" {
		t.Fatalf("rulesets: opened 2026-03-01 %s, opened 2026-04-01 %s", older.Ruleset, newer.Ruleset)
	}
	a := w.moved(w.owner, w.apply(w.owner, older.ID), map[string]any{"action": "submit"})
	var frozen struct {
		Tier    string `json:"tier"`
		Ruleset string `json:"ruleset"`
	}
	if err := json.Unmarshal(a.SelfCheck, &frozen); err != nil {
		t.Fatal(err)
	}
	if frozen.Ruleset != "miit-2022" || frozen.Tier != "innovative_sme" {
		t.Errorf("the older batch's frozen self-check: %s", a.SelfCheck)
	}

	// The application names its batch's ruleset from its draft on, in the list and on its page.
	if a.Ruleset != "miit-2022" {
		t.Errorf("the older batch's application: ruleset %q", a.Ruleset)
	}
	draft := w.apply(w.city, newer.ID)
	if draft.Ruleset != "miit-2026" {
		t.Errorf("the newer batch's draft: ruleset %q", draft.Ruleset)
	}
	var list listResponse[applicationResponse]
	w.city.do("GET", "/api/v1/applications", nil).expectStatus(http.StatusOK).decode(&list)
	byID := map[int64]string{}
	for _, it := range list.Items {
		byID[it.ID] = it.Ruleset
	}
	if byID[a.ID] != "miit-2022" || byID[draft.ID] != "miit-2026" {
		t.Errorf("the list's rulesets: %v", byID)
	}
	var detail applicationDetailResponse
	w.owner.do("GET", fmt.Sprintf("/api/v1/applications/%d", draft.ID), nil).expectStatus(http.StatusOK).decode(&detail)
	if detail.Ruleset != "miit-2026" {
		t.Errorf("the draft's page: ruleset %q", detail.Ruleset)
	}
}
