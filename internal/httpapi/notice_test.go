package httpapi

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/criteria"
)

// object lodges an objection as anyone, without a session; files are (name, content) pairs.
func (c *client) object(noticeID, applicationID int64, name, phone, reasons string, files ...[2]string) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("application_id", strconv.FormatInt(applicationID, 10))
	_ = mw.WriteField("name", name)
	_ = mw.WriteField("phone", phone)
	_ = mw.WriteField("reasons", reasons)
	for _, f := range files {
		fw, _ := mw.CreateFormFile("files", f[0])
		_, _ = fw.Write([]byte(f[1]))
	}
	_ = mw.Close()
	return c.raw("POST", fmt.Sprintf("/api/v1/public/notices/%d/objections", noticeID), mw.FormDataContentType(), buf.Bytes(), nil)
}

// Acceptance 3 of the public notice: the city publishes, the public objects without signing in
// (and is throttled past the limit), recommendation waits for the period and for every objection,
// and objections are resolved both ways.
func TestPublicNoticeAndObjections(t *testing.T) {
	w := newWorkflowEnv(t)
	w.noticeDays = 7
	w.handler = w.build(t.TempDir())
	second := w.addEnterprise("445202", "揭阳市公示测试乙有限公司")
	for i, year := range []int{2025, 2024, 2023} {
		w.county.do("PUT", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports/%d", second.ID, year), exampleFigures(t, i)).expectStatus(http.StatusCreated)
	}
	b := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	toCity := func(ent int64) applicationResponse {
		var a applicationResponse
		w.city.do("POST", "/api/v1/applications", map[string]any{"batch_id": b.ID, "enterprise_id": ent, "report_year": 2025}).expectStatus(http.StatusCreated).decode(&a)
		a = w.moved(w.city, a, map[string]any{"action": "submit"})
		return w.moved(w.county, a, map[string]any{"action": "pass"})
	}
	a, c := toCity(w.ent), toCity(second.ID)

	// No recommendation before a notice.
	w.move(w.city, a, map[string]any{"action": "pass"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "public_notice")
	publish := fmt.Sprintf("/api/v1/batches/%d/notices", b.ID)
	w.county.do("POST", publish, map[string]any{"application_ids": []int64{a.ID}, "title": "x", "contact": "y"}).expectError(http.StatusForbidden, "forbidden")
	w.city.do("POST", publish, map[string]any{"application_ids": []int64{a.ID, 999999}, "title": "公示", "contact": "0663-8888888"}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "application_ids.1")
	var n noticeBody
	w.city.do("POST", publish, map[string]any{"application_ids": []int64{a.ID, c.ID}, "title": "2026年创新型中小企业拟推荐名单公示",
		"contact": "揭阳市工业和信息化局 0663-8888888"}).expectStatus(http.StatusCreated).decode(&n)
	if n.PublishedOn != "2026-11-26" || n.EndsOn != "2026-12-02" || !n.Open || len(n.Entries) != 2 {
		t.Fatalf("notice %+v", n)
	}
	w.city.do("POST", publish, map[string]any{"application_ids": []int64{a.ID}, "title": "again", "contact": "y"}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "application_ids.0")

	// Anyone reads it without a session: names, codes, tier, region, the contact line.
	anyone := w.client()
	var pub noticeBody
	anyone.do("GET", fmt.Sprintf("/api/v1/public/notices/%d", n.ID), nil).expectStatus(http.StatusOK).decode(&pub)
	if pub.Contact != "揭阳市工业和信息化局 0663-8888888" || pub.Tier != criteria.InnovativeSME || pub.Entries[0].RegionName != "榕城区" || pub.Entries[0].CreditCode == "" {
		t.Errorf("public notice %+v", pub)
	}
	var all listResponse[noticeBody]
	anyone.do("GET", "/api/v1/public/notices", nil).expectStatus(http.StatusOK).decode(&all)
	if all.Total != 1 {
		t.Errorf("public notices: %d", all.Total)
	}
	w.move(w.city, a, map[string]any{"action": "pass"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "public_notice")

	// Objections: validated, evidence by the attachment rules, five an hour from one address.
	pdf := "%PDF-1.7\n" + string(bytes.Repeat([]byte("x"), 500))
	anyone.object(n.ID, a.ID, "张", "123", "短").expectError(http.StatusUnprocessableEntity, "validation_failed", "name", "phone", "reasons")
	anyone.object(n.ID, a.ID, "张三", "13800138000", "该企业研发投入数据与实际不符，请核查。", [2]string{"evil.pdf", "<html>"}).
		expectError(http.StatusUnsupportedMediaType, "unsupported_media_type", "file")
	anyone.object(n.ID, a.ID, "张三", "13800138000", "该企业研发投入数据与实际不符，请核查。", [2]string{"证据.pdf", pdf}).expectStatus(http.StatusCreated)
	anyone.object(n.ID, c.ID, "李四", "0663-1234567", "该企业近三年发生过安全生产事故。").expectStatus(http.StatusCreated)
	anyone.object(n.ID, 999999, "李四", "0663-1234567", "这家企业不在公示名单上。").expectError(http.StatusUnprocessableEntity, "validation_failed", "application_id")
	// Every attempt counts, good or bad: the sixth within the hour is refused.
	anyone.object(n.ID, c.ID, "李四", "0663-1234567", "第六次提交应当被限流。").expectError(http.StatusTooManyRequests, "rate_limited")

	// Officers see them with the application; the other county does not.
	var objs listResponse[objectionBody]
	w.county.do("GET", fmt.Sprintf("/api/v1/applications/%d/objections", a.ID), nil).expectStatus(http.StatusOK).decode(&objs)
	if objs.Total != 1 || len(objs.Items[0].Files) != 1 || objs.Items[0].Phone != "13800138000" {
		t.Fatalf("objections %+v", objs)
	}
	file := w.county.raw("GET", fmt.Sprintf("/api/v1/objections/%d/files/%d", objs.Items[0].ID, objs.Items[0].Files[0].ID), "", nil, nil).expectStatus(http.StatusOK)
	if string(file.body) != pdf {
		t.Error("the evidence file is not what was lodged")
	}
	w.otherCounty.do("GET", fmt.Sprintf("/api/v1/applications/%d/objections", a.ID), nil).expectError(http.StatusNotFound, "not_found")

	// After the period: no more objections; recommendation waits for the unresolved one.
	w.now = w.now.Add(7 * 24 * time.Hour) // 2026-12-03
	w.relogin()
	anyone.object(n.ID, a.ID, "王五", "13900139000", "公示期结束后提交的异议。").expectError(http.StatusConflict, "invalid_transition")
	w.move(w.city, a, map[string]any{"action": "pass"}).expectError(http.StatusUnprocessableEntity, "validation_failed", "public_notice")

	resolve := func(id int64) string { return fmt.Sprintf("/api/v1/objections/%d/resolve", id) }
	oa := objs.Items[0]
	w.county.do("POST", resolve(oa.ID), map[string]any{"outcome": "dismissed", "resolution": "x", "version": oa.Version}).expectError(http.StatusForbidden, "forbidden")
	w.city.do("POST", resolve(oa.ID), map[string]any{"outcome": "upheld", "resolution": "核查属实", "version": oa.Version}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "action")
	var done objectionBody
	w.city.do("POST", resolve(oa.ID), map[string]any{"outcome": "dismissed", "resolution": "经核查，研发费用有审计报告佐证，异议不成立", "version": oa.Version}).
		expectStatus(http.StatusOK).decode(&done)
	if done.Status != "dismissed" || done.ResolvedBy == nil {
		t.Errorf("dismissed %+v", done)
	}
	a = w.moved(w.city, a, map[string]any{"action": "pass", "comment": "公示无异议，同意推荐"})
	if a.State != "recommended" {
		t.Errorf("recommended after the notice: %s", a.State)
	}

	// Upheld: the application goes back, citing the objection.
	w.county.do("GET", fmt.Sprintf("/api/v1/applications/%d/objections", c.ID), nil).decode(&objs)
	if objs.Total != 1 {
		t.Fatalf("objections to 乙: %d", objs.Total)
	}
	w.city.do("POST", resolve(objs.Items[0].ID), map[string]any{"outcome": "upheld", "action": "return", "resolution": "安全事故属实，退回补充说明",
		"version": objs.Items[0].Version}).expectStatus(http.StatusOK)
	var detail applicationDetailResponse
	w.city.do("GET", fmt.Sprintf("/api/v1/applications/%d", c.ID), nil).decode(&detail)
	last := detail.Steps[len(detail.Steps)-1]
	if detail.State != "returned" || last.Action != "return" || last.Comment == nil || !strings.Contains(*last.Comment, fmt.Sprintf("异议 #%d", objs.Items[0].ID)) {
		t.Errorf("upheld: %s, last step %+v", detail.State, last)
	}
	w.city.do("POST", resolve(objs.Items[0].ID), map[string]any{"outcome": "dismissed", "resolution": "again", "version": objs.Items[0].Version + 1}).
		expectError(http.StatusConflict, "invalid_transition")
	var audits int64
	w.db.Table("audit_events").Where("action IN ?", []string{"notice.publish", "objection.lodge", "objection.resolve"}).Count(&audits)
	if audits != 1+2+2 {
		t.Errorf("audited: %d, want 5", audits)
	}
}

// A notice names its batch's ruleset wherever it is read, so that the public page can call the
// bottom tier 科技和创新型中小企业 under miit-2026 and 创新型中小企业 under miit-2022.
func TestPublicNoticeNamesItsRuleset(t *testing.T) {
	w := newWorkflowEnv(t)
	w.noticeDays = 7
	w.handler = w.build(t.TempDir())
	second := w.addEnterprise("445202", "揭阳市公示规则测试乙有限公司")
	for i, year := range []int{2025, 2024, 2023} {
		w.county.do("PUT", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports/%d", second.ID, year), exampleFigures(t, i)).expectStatus(http.StatusCreated)
	}
	older := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-03-01", "2026-12-31")
	newer := w.batch(criteria.InnovativeSME, "recognition", 2026, "2026-11-01", "2026-12-31")
	publish := func(b batchResponse, ent int64) noticeBody {
		t.Helper()
		var a applicationResponse
		w.city.do("POST", "/api/v1/applications", map[string]any{"batch_id": b.ID, "enterprise_id": ent, "report_year": 2025}).expectStatus(http.StatusCreated).decode(&a)
		a = w.moved(w.city, a, map[string]any{"action": "submit"})
		a = w.moved(w.county, a, map[string]any{"action": "pass"})
		var n noticeBody
		w.city.do("POST", fmt.Sprintf("/api/v1/batches/%d/notices", b.ID), map[string]any{"application_ids": []int64{a.ID}, "title": "拟推荐名单公示",
			"contact": "揭阳市工业和信息化局 0663-8888888"}).expectStatus(http.StatusCreated).decode(&n)
		return n
	}
	n22, n26 := publish(older, w.ent), publish(newer, second.ID)
	if n22.Ruleset != "miit-2022" || n26.Ruleset != "miit-2026" {
		t.Fatalf("published: the older batch's notice %q, the newer's %q", n22.Ruleset, n26.Ruleset)
	}

	anyone := w.client()
	var pub noticeBody
	anyone.do("GET", fmt.Sprintf("/api/v1/public/notices/%d", n26.ID), nil).expectStatus(http.StatusOK).decode(&pub)
	if pub.Ruleset != "miit-2026" || pub.Tier != criteria.InnovativeSME {
		t.Errorf("the public notice of the newer batch: %s, %s", pub.Tier, pub.Ruleset)
	}
	var all listResponse[noticeBody]
	anyone.do("GET", "/api/v1/public/notices", nil).expectStatus(http.StatusOK).decode(&all)
	got := map[int64]string{}
	for _, n := range all.Items {
		got[n.ID] = n.Ruleset
	}
	if len(got) != 2 || got[n22.ID] != "miit-2022" || got[n26.ID] != "miit-2026" {
		t.Errorf("the public list's rulesets: %v", got)
	}
	var ofBatch listResponse[noticeBody]
	w.lead.do("GET", fmt.Sprintf("/api/v1/batches/%d/notices", older.ID), nil).expectStatus(http.StatusOK).decode(&ofBatch)
	if ofBatch.Total != 1 || ofBatch.Items[0].Ruleset != "miit-2022" {
		t.Errorf("the older batch's notices: %+v", ofBatch.Items)
	}
}
