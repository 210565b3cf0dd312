package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/xuri/excelize/v2"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// ---- batches

type batchResponse struct {
	ID            int64          `json:"id"`
	Tier          criteria.Tier  `json:"tier"`
	Kind          batch.Kind     `json:"kind"`
	Year          int            `json:"year"`
	Name          string         `json:"name"`
	Ruleset       string         `json:"ruleset"`
	OpensOn       string         `json:"opens_on"`
	ClosesOn      string         `json:"closes_on"`
	ClosedEarlyOn *string        `json:"closed_early_on"`
	Status        batch.Status   `json:"status"`
	Counts        map[string]int `json:"counts"`
	CreatedBy     string         `json:"created_by"`
	Version       int            `json:"version"`
	CreatedAt     time.Time      `json:"created_at"`
	UpdatedAt     time.Time      `json:"updated_at"`
}

func (a *api) batchOf(b batch.Batch) batchResponse {
	counts := b.Counts
	if counts == nil {
		counts = map[string]int{}
	}
	return batchResponse{ID: b.ID, Tier: b.Tier, Kind: b.Kind, Year: b.Year, Name: b.Name, Ruleset: b.Ruleset,
		OpensOn: b.OpensOn.String(), ClosesOn: b.ClosesOn.String(), ClosedEarlyOn: datePtr(b.ClosedEarlyOn),
		Status: b.StatusOn(a.today()), Counts: counts, CreatedBy: b.CreatedBy, Version: b.Version, CreatedAt: b.CreatedAt, UpdatedAt: b.UpdatedAt}
}

func (a *api) today() calendar.Date { return calendar.On(a.Now(), a.Location) }

func (a *api) listBatches(c *gin.Context) {
	var fs apperr.Fields
	f := batch.Filter{Tier: criteria.Tier(c.Query("tier")), Year: queryInt(c, "year", &fs), Status: batch.Status(c.Query("status")), Page: pageOf(c, &fs)}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Batches.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, a.batchOf))
}

func (a *api) getBatch(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	b, err := a.Batches.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a.batchOf(b))
}

type batchCreateRequest struct {
	Tier     string `json:"tier"`
	Kind     string `json:"kind"`
	Year     int    `json:"year"`
	Name     string `json:"name"`
	Ruleset  string `json:"ruleset"`
	OpensOn  string `json:"opens_on"`
	ClosesOn string `json:"closes_on"`
}

func (a *api) createBatch(c *gin.Context) {
	var req batchCreateRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	b := batch.Batch{Tier: criteria.Tier(req.Tier), Kind: batch.Kind(req.Kind), Year: req.Year, Name: req.Name, Ruleset: req.Ruleset,
		OpensOn: dateField("opens_on", optional.Of(req.OpensOn), &fs).V, ClosesOn: dateField("closes_on", optional.Of(req.ClosesOn), &fs).V}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	out, err := a.Batches.Create(c.Request.Context(), actorOf(c), b)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, a.batchOf(out))
}

type batchPatchRequest struct {
	Name       *string `json:"name"`
	Ruleset    *string `json:"ruleset"`
	OpensOn    *string `json:"opens_on"`
	ClosesOn   *string `json:"closes_on"`
	CloseEarly *bool   `json:"close_early"`
	Version    *int    `json:"version" validate:"required"`
}

func (a *api) updateBatch(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req batchPatchRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	var opens, closes calendar.Date
	if req.OpensOn != nil {
		opens = dateField("opens_on", optional.Of(*req.OpensOn), &fs).V
	}
	if req.ClosesOn != nil {
		closes = dateField("closes_on", optional.Of(*req.ClosesOn), &fs).V
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	today := a.today()
	out, err := a.Batches.Update(c.Request.Context(), actorOf(c), id, *req.Version, func(b *batch.Batch) {
		if req.Name != nil {
			b.Name = *req.Name
		}
		if req.Ruleset != nil {
			b.Ruleset = *req.Ruleset
		}
		if req.OpensOn != nil {
			b.OpensOn = opens
		}
		if req.ClosesOn != nil {
			b.ClosesOn = closes
		}
		if req.CloseEarly != nil {
			b.ClosedEarlyOn = calendar.Date{}
			if *req.CloseEarly {
				b.ClosedEarlyOn = today
			}
		}
	})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a.batchOf(out))
}

type resultRowBody struct {
	CreditCode     string `json:"credit_code"`
	Result         string `json:"result"`
	AnnouncementNo string `json:"announcement_no"`
	GrantedOn      string `json:"granted_on"`
}

type resultsRequest struct {
	Rows []resultRowBody `json:"rows" validate:"required"`
}

type resultMatchBody struct {
	Row           int    `json:"row"`
	CreditCode    string `json:"credit_code"`
	ApplicationID int64  `json:"application_id"`
}

type resultsResponse struct {
	Recorded int               `json:"recorded"`
	Rows     []resultMatchBody `json:"rows"`
}

// maxResultRows bounds a published list.
const maxResultRows = 5000

func (a *api) recordBatchResults(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var rows []resultRowBody
	if strings.HasPrefix(c.GetHeader("Content-Type"), "multipart/form-data") {
		rows, err = readResultsWorkbook(c)
	} else {
		var req resultsRequest
		err = bindJSON(c, &req)
		rows = req.Rows
	}
	if err != nil {
		fail(c, err)
		return
	}
	if len(rows) > maxResultRows {
		fail(c, apperr.Field("rows", apperr.RuleTooLarge, map[string]any{"max": maxResultRows}))
		return
	}
	var fs apperr.Fields
	in := make([]application.ResultRow, len(rows))
	for i, r := range rows {
		field := fmt.Sprintf("rows[%d].", i)
		in[i] = application.ResultRow{Row: i + 1, CreditCode: strings.ToUpper(strings.TrimSpace(r.CreditCode)),
			Result: application.Result(r.Result), AnnouncementNo: r.AnnouncementNo}
		if r.GrantedOn != "" {
			in[i].GrantedOn = dateField(field+"granted_on", optional.Of(r.GrantedOn), &fs).V
		}
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	matches, err := a.Applications.RecordBatchResults(c.Request.Context(), actorOf(c), id, in)
	if err != nil {
		// Name each line that matched nothing or was invalid: the list was not recorded.
		var e *apperr.Error
		if errors.As(err, &e) && e.Code == apperr.ValidationFailed && len(e.Fields) == 0 {
			for i, m := range matches {
				if m.Problem != "" {
					e.Fields = append(e.Fields, apperr.FieldError{Field: fmt.Sprintf("rows[%d].%s", i, m.Field), Rule: m.Problem})
				}
			}
		}
		fail(c, err)
		return
	}
	out := resultsResponse{Recorded: len(matches), Rows: make([]resultMatchBody, len(matches))}
	for i, m := range matches {
		out.Rows[i] = resultMatchBody{Row: m.Row, CreditCode: m.CreditCode, ApplicationID: m.ApplicationID}
	}
	c.JSON(http.StatusOK, out)
}

// readResultsWorkbook reads a published list from an .xlsx upload: a header row naming the
// columns (统一社会信用代码/credit_code, 结果/result, 公告文号/announcement_no, 认定日期/granted_on).
func readResultsWorkbook(c *gin.Context) ([]resultRowBody, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 20<<20)
	file, _, err := c.Request.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, apperr.New(apperr.PayloadTooLarge, "")
		}
		return nil, apperr.Field("file", apperr.RuleRequired, nil)
	}
	defer file.Close()
	wb, err := excelize.OpenReader(io.LimitReader(file, 20<<20), excelize.Options{UnzipSizeLimit: 200 << 20, UnzipXMLSizeLimit: 100 << 20})
	if err != nil {
		return nil, &apperr.Error{Code: apperr.UnsupportedMediaType, Fields: []apperr.FieldError{{Field: "file", Rule: apperr.RuleFileType}}, Err: err}
	}
	defer wb.Close()
	sheet := wb.GetSheetName(0)
	all, err := wb.GetRows(sheet)
	if err != nil || len(all) == 0 {
		return nil, apperr.Field("file", apperr.RuleRequired, nil)
	}
	cols := map[string]int{}
	aliases := map[string]string{"统一社会信用代码": "credit_code", "结果": "result", "公告文号": "announcement_no", "认定日期": "granted_on",
		"credit_code": "credit_code", "result": "result", "announcement_no": "announcement_no", "granted_on": "granted_on"}
	for i, h := range all[0] {
		if k, ok := aliases[strings.TrimSpace(h)]; ok {
			cols[k] = i
		}
	}
	for _, k := range []string{"credit_code", "result"} {
		if _, ok := cols[k]; !ok {
			return nil, apperr.Field("file", apperr.RuleRequired, map[string]any{"column": k})
		}
	}
	cell := func(row []string, k string) string {
		i, ok := cols[k]
		if !ok || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	results := map[string]string{"通过": "approved", "认定": "approved", "approved": "approved", "不通过": "not_approved", "未通过": "not_approved", "not_approved": "not_approved"}
	var out []resultRowBody
	for _, row := range all[1:] {
		if cell(row, "credit_code") == "" {
			continue
		}
		r := resultRowBody{CreditCode: cell(row, "credit_code"), Result: cell(row, "result"), AnnouncementNo: cell(row, "announcement_no"), GrantedOn: cell(row, "granted_on")}
		if v, ok := results[r.Result]; ok {
			r.Result = v
		}
		out = append(out, r)
	}
	return out, nil
}

// ---- applications

type waitingOn struct {
	Role       access.Role `json:"role"`
	RegionCode *string     `json:"region_code"`
}

type applicationResponse struct {
	ID              int64             `json:"id"`
	BatchID         int64             `json:"batch_id"`
	BatchName       string            `json:"batch_name"`
	Tier            criteria.Tier     `json:"tier"`
	Kind            batch.Kind        `json:"kind"`
	Ruleset         string            `json:"ruleset"`
	EnterpriseID    int64             `json:"enterprise_id"`
	EnterpriseName  string            `json:"enterprise_name"`
	CreditCode      string            `json:"credit_code"`
	RegionCode      string            `json:"region_code"`
	RegionName      string            `json:"region_name"`
	ReportYear      int               `json:"report_year"`
	State           application.State `json:"state"`
	WaitingOn       *waitingOn        `json:"waiting_on"`
	SelfCheck       json.RawMessage   `json:"self_check"`
	SubmittedAt     *time.Time        `json:"submitted_at"`
	Result          *string           `json:"result"`
	AnnouncementNo  *string           `json:"announcement_no"`
	GrantedOn       *string           `json:"granted_on"`
	QualificationID *int64            `json:"qualification_id"`
	CreatedBy       string            `json:"created_by"`
	Version         int               `json:"version"`
	CreatedAt       time.Time         `json:"created_at"`
	UpdatedAt       time.Time         `json:"updated_at"`
}

func applicationOf(a application.Application) applicationResponse {
	out := applicationResponse{ID: a.ID, BatchID: a.BatchID, BatchName: a.Batch.Name, Tier: a.Batch.Tier, Kind: a.Batch.Kind, Ruleset: a.Batch.Ruleset,
		EnterpriseID: a.EnterpriseID, EnterpriseName: a.EnterpriseName, CreditCode: a.CreditCode, RegionCode: a.RegionCode,
		RegionName: a.RegionName, ReportYear: a.ReportYear, State: a.State, SelfCheck: a.SelfCheck, SubmittedAt: timePtr(a.SubmittedAt),
		Result: strPtr(string(a.Result)), AnnouncementNo: strPtr(a.AnnouncementNo), GrantedOn: datePtr(a.GrantedOn),
		QualificationID: idPtr(a.QualificationID), CreatedBy: a.CreatedBy, Version: a.Version, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
	if out.SelfCheck == nil {
		out.SelfCheck = json.RawMessage("null")
	}
	if role, ok := application.Stage(a.State); ok {
		w := &waitingOn{Role: role}
		if role == access.CountyOfficer {
			w.RegionCode = strPtr(a.RegionCode)
		}
		out.WaitingOn = w
	}
	return out
}

type stepResponse struct {
	At            time.Time          `json:"at"`
	ActorUsername string             `json:"actor_username"`
	ActorRole     access.Role        `json:"actor_role"`
	RegionCode    *string            `json:"region_code"`
	Action        application.Action `json:"action"`
	FromState     application.State  `json:"from_state"`
	ToState       application.State  `json:"to_state"`
	Comment       *string            `json:"comment"`
}

type attachmentResponse struct {
	ID          int64     `json:"id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	UploadedBy  string    `json:"uploaded_by"`
	CreatedAt   time.Time `json:"created_at"`
}

func attachmentOf(a application.Attachment) attachmentResponse {
	return attachmentResponse{ID: a.ID, Filename: a.Filename, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256,
		UploadedBy: a.UploadedBy, CreatedAt: a.CreatedAt}
}

type applicationDetailResponse struct {
	applicationResponse
	Steps       []stepResponse       `json:"steps"`
	Attachments []attachmentResponse `json:"attachments"`
}

func (a *api) listApplications(c *gin.Context) {
	var fs apperr.Fields
	f := application.Filter{BatchID: int64(queryInt(c, "batch", &fs)), State: application.State(c.Query("state")),
		RegionCode: c.Query("region"), Tier: c.Query("tier"), EnterpriseID: int64(queryInt(c, "enterprise", &fs)), Page: pageOf(c, &fs)}
	export := wantsExport(c, &fs)
	if export {
		f.Page = paging.Request{Number: 1}
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Applications.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	if export {
		sendXLSX(c, "applications", text{"申报", "Applications"}, applicationColumns, res.Items)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, applicationOf))
}

type applicationCreateRequest struct {
	BatchID      int64 `json:"batch_id" validate:"required"`
	EnterpriseID int64 `json:"enterprise_id" validate:"required"`
	ReportYear   int   `json:"report_year" validate:"required"`
}

func (a *api) createApplication(c *gin.Context) {
	var req applicationCreateRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	out, err := a.Applications.Create(c.Request.Context(), actorOf(c), req.BatchID, req.EnterpriseID, req.ReportYear)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, applicationOf(out))
}

func (a *api) getApplication(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	d, err := a.Applications.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	out := applicationDetailResponse{applicationResponse: applicationOf(d.Application), Steps: []stepResponse{}, Attachments: []attachmentResponse{}}
	for _, s := range d.Steps {
		out.Steps = append(out.Steps, stepResponse{At: s.At, ActorUsername: s.ActorUsername, ActorRole: s.ActorRole,
			RegionCode: strPtr(s.RegionCode), Action: s.Action, FromState: s.From, ToState: s.To, Comment: strPtr(s.Comment)})
	}
	for _, f := range d.Attachments {
		out.Attachments = append(out.Attachments, attachmentOf(f))
	}
	c.JSON(http.StatusOK, out)
}

type applicationPatchRequest struct {
	ReportYear int  `json:"report_year" validate:"required"`
	Version    *int `json:"version" validate:"required"`
}

func (a *api) updateApplication(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req applicationPatchRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	out, err := a.Applications.Update(c.Request.Context(), actorOf(c), id, *req.Version, req.ReportYear)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, applicationOf(out))
}

type transitionRequest struct {
	Action         string  `json:"action" validate:"required"`
	Comment        string  `json:"comment"`
	Version        *int    `json:"version" validate:"required"`
	Result         string  `json:"result"`
	AnnouncementNo string  `json:"announcement_no"`
	GrantedOn      *string `json:"granted_on"`
}

func (a *api) transitionApplication(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req transitionRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	t := application.Transition{Action: application.Action(req.Action), Comment: req.Comment, Version: *req.Version,
		Result: application.Result(req.Result), AnnouncementNo: req.AnnouncementNo}
	if req.GrantedOn != nil && *req.GrantedOn != "" {
		t.GrantedOn = dateField("granted_on", optional.Of(*req.GrantedOn), &fs).V
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	out, err := a.Applications.Apply(c.Request.Context(), actorOf(c), id, t)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, applicationOf(out))
}

type bulkItemBody struct {
	ID      int64 `json:"id" validate:"required"`
	Version int   `json:"version" validate:"required"`
}

type bulkRequest struct {
	Action  string         `json:"action" validate:"required"`
	Comment string         `json:"comment"`
	Items   []bulkItemBody `json:"items" validate:"required,dive"`
}

type bulkOutcomeBody struct {
	ID          int64                `json:"id"`
	OK          bool                 `json:"ok"`
	Application *applicationResponse `json:"application"`
	Error       *errorBody           `json:"error"`
}

type bulkResponse struct {
	Items []bulkOutcomeBody `json:"items"`
}

func (a *api) bulkTransition(c *gin.Context) {
	var req bulkRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	items := make([]application.BulkItem, len(req.Items))
	for i, it := range req.Items {
		items[i] = application.BulkItem{ID: it.ID, Version: it.Version}
	}
	outcomes, err := a.Applications.Bulk(c.Request.Context(), actorOf(c), items, application.Action(req.Action), req.Comment)
	if err != nil {
		fail(c, err)
		return
	}
	out := bulkResponse{Items: make([]bulkOutcomeBody, len(outcomes))}
	for i, o := range outcomes {
		b := bulkOutcomeBody{ID: o.ID, OK: o.Err == nil}
		if o.Err == nil {
			app := applicationOf(o.Application)
			b.Application = &app
		} else {
			_, env := envelopeOf(c.Request, o.Err)
			b.Error = &env.Error
		}
		out.Items[i] = b
	}
	c.JSON(http.StatusOK, out)
}

func (a *api) uploadAttachment(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, application.MaxAttachmentBytes+1<<20)
	reader, err := c.Request.MultipartReader()
	if err != nil {
		fail(c, apperr.New(apperr.UnsupportedMediaType, "attachment_type"))
		return
	}
	for {
		part, err := reader.NextPart()
		if err == io.EOF {
			fail(c, apperr.Field("file", apperr.RuleRequired, nil))
			return
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				fail(c, apperr.New(apperr.PayloadTooLarge, "attachment_too_large"))
				return
			}
			fail(c, &apperr.Error{Code: apperr.BadRequest, Err: err})
			return
		}
		if part.FormName() != "file" {
			continue
		}
		att, err := a.Applications.Attach(c.Request.Context(), actorOf(c), id, part.FileName(), part)
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				err = apperr.New(apperr.PayloadTooLarge, "attachment_too_large")
			}
			fail(c, err)
			return
		}
		c.JSON(http.StatusCreated, attachmentOf(att))
		return
	}
}

func (a *api) listAttachments(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	d, err := a.Applications.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(d.Attachments, int64(len(d.Attachments)), 1, max(len(d.Attachments), 1), attachmentOf))
}

func attachmentID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("attachment_id"), 10, 64)
	if err != nil || id < 1 {
		return 0, apperr.New(apperr.NotFound, "")
	}
	return id, nil
}

func (a *api) downloadAttachment(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	aid, err := attachmentID(c)
	if err != nil {
		fail(c, err)
		return
	}
	att, rc, err := a.Applications.OpenAttachment(c.Request.Context(), actorOf(c), id, aid)
	if err != nil {
		fail(c, err)
		return
	}
	defer rc.Close()
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename*=UTF-8''%s`, urlPathEscape(att.Filename)))
	c.Header("X-Content-Type-Options", "nosniff")
	c.DataFromReader(http.StatusOK, att.Size, att.ContentType, rc, nil)
}

func (a *api) deleteAttachment(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	aid, err := attachmentID(c)
	if err != nil {
		fail(c, err)
		return
	}
	if err := a.Applications.Detach(c.Request.Context(), actorOf(c), id, aid); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
