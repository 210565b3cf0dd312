package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/notice"
)

type noticeEntryBody struct {
	ApplicationID  int64  `json:"application_id"`
	EnterpriseName string `json:"enterprise_name"`
	CreditCode     string `json:"credit_code"`
	RegionName     string `json:"region_name"`
}

// noticeBody is a notice as anyone may read it: the enterprises' names, codes, tier and region,
// and nothing else of them.
type noticeBody struct {
	ID          int64             `json:"id"`
	BatchID     int64             `json:"batch_id"`
	BatchName   string            `json:"batch_name"`
	Tier        criteria.Tier     `json:"tier"`
	Ruleset     string            `json:"ruleset"`
	Title       string            `json:"title"`
	Contact     string            `json:"contact"`
	PublishedOn string            `json:"published_on"`
	EndsOn      string            `json:"ends_on"`
	Open        bool              `json:"open"`
	Entries     []noticeEntryBody `json:"entries"`
}

func (a *api) noticeOf(n notice.Notice) noticeBody {
	out := noticeBody{ID: n.ID, BatchID: n.BatchID, BatchName: n.BatchName, Tier: n.Tier, Ruleset: n.Ruleset, Title: n.Title, Contact: n.Contact,
		PublishedOn: n.PublishedOn.String(), EndsOn: n.EndsOn.String(), Open: n.Open(a.today()), Entries: make([]noticeEntryBody, len(n.Entries))}
	for i, e := range n.Entries {
		out.Entries[i] = noticeEntryBody{ApplicationID: e.ApplicationID, EnterpriseName: e.EnterpriseName, CreditCode: e.CreditCode, RegionName: e.RegionName}
	}
	return out
}

type publishRequest struct {
	ApplicationIDs []int64 `json:"application_ids" validate:"required,min=1,max=500"`
	Title          string  `json:"title"`
	Contact        string  `json:"contact"`
}

func (a *api) publishNotice(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req publishRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	n, err := a.Notices.Publish(c.Request.Context(), actorOf(c), id, notice.Publication{ApplicationIDs: req.ApplicationIDs, Title: req.Title, Contact: req.Contact})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, a.noticeOf(n))
}

func (a *api) noticeList(c *gin.Context, ns []notice.Notice) {
	items := make([]noticeBody, len(ns))
	for i, n := range ns {
		items[i] = a.noticeOf(n)
	}
	c.JSON(http.StatusOK, listResponse[noticeBody]{Items: items, Total: int64(len(items)), Page: 1, PageSize: max(len(items), 1)})
}

func (a *api) batchNotices(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	ns, err := a.Notices.OfBatch(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	a.noticeList(c, ns)
}

func (a *api) publicNotices(c *gin.Context) {
	ns, err := a.Notices.PublicList(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	a.noticeList(c, ns)
}

func (a *api) publicNotice(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	n, err := a.Notices.Public(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a.noticeOf(n))
}

type objectionFileBody struct {
	ID          int64  `json:"id"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

type objectionBody struct {
	ID            int64               `json:"id"`
	NoticeID      int64               `json:"notice_id"`
	ApplicationID int64               `json:"application_id"`
	Name          string              `json:"name"`
	Phone         string              `json:"phone"`
	Reasons       string              `json:"reasons"`
	Status        notice.Outcome      `json:"status"`
	Resolution    *string             `json:"resolution"`
	ResolvedBy    *string             `json:"resolved_by"`
	ResolvedAt    *time.Time          `json:"resolved_at"`
	Version       int                 `json:"version"`
	CreatedAt     time.Time           `json:"created_at"`
	Files         []objectionFileBody `json:"files"`
}

func objectionOf(o notice.Objection) objectionBody {
	out := objectionBody{ID: o.ID, NoticeID: o.NoticeID, ApplicationID: o.ApplicationID, Name: o.Name, Phone: o.Phone, Reasons: o.Reasons,
		Status: o.Status, Resolution: strPtrOrNil(o.Resolution), ResolvedBy: strPtrOrNil(o.ResolvedBy), ResolvedAt: timePtr(o.ResolvedAt),
		Version: o.Version, CreatedAt: o.CreatedAt, Files: make([]objectionFileBody, len(o.Files))}
	for i, f := range o.Files {
		out.Files[i] = objectionFileBody{ID: f.ID, Filename: f.Filename, ContentType: f.ContentType, Size: f.Size}
	}
	return out
}

// maxObjectionBody bounds an objection with its evidence.
const maxObjectionBody = application.MaxAttachmentBytes + 1<<20

// lodgeObjection takes a multipart objection from anyone: application_id, name, phone, reasons,
// and up to three evidence files (field `files`). Throttled per client address.
func (a *api) lodgeObjection(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	if err := a.Objections.Allow(c.Request.Context(), "objection:"+c.ClientIP()); err != nil {
		fail(c, err)
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxObjectionBody)
	if err := c.Request.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(c, apperr.New(apperr.PayloadTooLarge, "attachment_too_large"))
			return
		}
		fail(c, apperr.New(apperr.UnsupportedMediaType, ""))
		return
	}
	defer func() { _ = c.Request.MultipartForm.RemoveAll() }()
	form := c.Request.MultipartForm
	value := func(k string) string {
		if v := form.Value[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	appID, err := strconv.ParseInt(value("application_id"), 10, 64)
	if err != nil {
		fail(c, apperr.Field("application_id", apperr.RuleRequired, nil))
		return
	}
	var uploads []notice.Upload
	for _, fh := range form.File["files"] {
		f, err := fh.Open()
		if err != nil {
			fail(c, &apperr.Error{Code: apperr.BadRequest, Err: err})
			return
		}
		defer f.Close()
		uploads = append(uploads, notice.Upload{Filename: fh.Filename, Body: f})
	}
	o, err := a.Notices.Lodge(c.Request.Context(), id, notice.Lodging{ApplicationID: appID, Name: value("name"), Phone: value("phone"),
		Reasons: value("reasons"), ClientAddress: c.ClientIP()}, uploads)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"id": o.ID, "created_at": o.CreatedAt})
}

func (a *api) listObjections(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	os, err := a.Notices.Objections(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	items := make([]objectionBody, len(os))
	for i, o := range os {
		items[i] = objectionOf(o)
	}
	c.JSON(http.StatusOK, listResponse[objectionBody]{Items: items, Total: int64(len(items)), Page: 1, PageSize: max(len(items), 1)})
}

type resolveRequest struct {
	Outcome    string `json:"outcome"`
	Action     string `json:"action"`
	Resolution string `json:"resolution"`
	Version    int    `json:"version" validate:"required,min=1"`
}

func (a *api) resolveObjection(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req resolveRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	o, err := a.Notices.Resolve(c.Request.Context(), actorOf(c), id, notice.Resolution{Outcome: notice.Outcome(req.Outcome),
		Action: application.Action(req.Action), Resolution: req.Resolution, Version: req.Version})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, objectionOf(o))
}

func (a *api) downloadObjectionFile(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	fid, err := strconv.ParseInt(c.Param("file_id"), 10, 64)
	if err != nil || fid < 1 {
		fail(c, apperr.New(apperr.NotFound, ""))
		return
	}
	f, rc, err := a.Notices.OpenFile(c.Request.Context(), actorOf(c), id, fid)
	if err != nil {
		fail(c, err)
		return
	}
	defer rc.Close()
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename*=UTF-8''%s`, urlPathEscape(f.Filename)))
	c.Header("X-Content-Type-Options", "nosniff")
	c.DataFromReader(http.StatusOK, f.Size, f.ContentType, rc, nil)
}
