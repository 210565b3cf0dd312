package httpapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
)

type qualificationResponse struct {
	ID               int64                `json:"id"`
	EnterpriseID     int64                `json:"enterprise_id"`
	EnterpriseName   string               `json:"enterprise_name"`
	CreditCode       string               `json:"credit_code"`
	RegionCode       string               `json:"region_code"`
	RegionName       string               `json:"region_name"`
	IndustryCode     *string              `json:"industry_code"`
	Tier             criteria.Tier        `json:"tier"`
	Source           string               `json:"source"`
	BatchID          *int64               `json:"batch_id"`
	BatchName        *string              `json:"batch_name"`
	ApplicationID    *int64               `json:"application_id"`
	AnnouncementNo   *string              `json:"announcement_no"`
	GrantedOn        string               `json:"granted_on"`
	ValidUntil       string               `json:"valid_until"`
	Status           qualification.Status `json:"status"`
	AsOf             string               `json:"as_of"`
	RevokedOn        *string              `json:"revoked_on"`
	RevokeReasonCode *string              `json:"revoke_reason_code"`
	RevokedReason    *string              `json:"revoked_reason"`
	RevokedBy        *string              `json:"revoked_by"`
	Version          int                  `json:"version"`
}

func qualificationOf(l qualification.Listed, asOf calendar.Date, window int) qualificationResponse {
	q := l.Qualification
	return qualificationResponse{ID: q.ID, EnterpriseID: q.EnterpriseID, EnterpriseName: l.EnterpriseName, CreditCode: l.CreditCode,
		RegionCode: l.RegionCode, RegionName: l.RegionName, IndustryCode: strPtr(l.IndustryCode), Tier: q.Tier, Source: q.Source,
		BatchID: idPtr(q.BatchID), BatchName: strPtr(q.BatchName), ApplicationID: idPtr(q.ApplicationID), AnnouncementNo: strPtr(q.AnnouncementNo),
		GrantedOn: q.GrantedOn.String(), ValidUntil: q.ValidUntil.String(), Status: q.StatusOn(asOf, window), AsOf: asOf.String(),
		RevokedOn: datePtr(q.RevokedOn), RevokeReasonCode: strPtr(q.RevokeReasonCode), RevokedReason: strPtr(q.RevokedReason),
		RevokedBy: strPtr(q.RevokedBy), Version: q.Version}
}

type qualificationEventResponse struct {
	Kind           qualification.EventKind `json:"kind"`
	On             string                  `json:"on"`
	ValidUntil     string                  `json:"valid_until"`
	BatchID        *int64                  `json:"batch_id"`
	ApplicationID  *int64                  `json:"application_id"`
	AnnouncementNo *string                 `json:"announcement_no"`
	ReasonCode     *string                 `json:"reason_code"`
	Reason         *string                 `json:"reason"`
	ActorUsername  string                  `json:"actor_username"`
}

type qualificationDetailResponse struct {
	qualificationResponse
	Events []qualificationEventResponse `json:"events"`
}

func (a *api) qualificationDetailOf(d qualification.Detail) qualificationDetailResponse {
	out := qualificationDetailResponse{qualificationResponse: qualificationOf(d.Listed, a.today(), a.Qualifications.Window()),
		Events: []qualificationEventResponse{}}
	for _, e := range d.Events {
		out.Events = append(out.Events, qualificationEventResponse{Kind: e.Kind, On: e.On.String(), ValidUntil: e.ValidUntil.String(),
			BatchID: idPtr(e.BatchID), ApplicationID: idPtr(e.ApplicationID), AnnouncementNo: strPtr(e.AnnouncementNo),
			ReasonCode: strPtr(e.ReasonCode), Reason: strPtr(e.Reason), ActorUsername: e.ActorUsername})
	}
	return out
}

func (a *api) queryQualifications(c *gin.Context, enterpriseID int64) {
	var fs apperr.Fields
	f := qualification.Filter{Tier: criteria.Tier(c.Query("tier")), RegionCode: c.Query("region"), Industry: c.Query("industry"),
		EnterpriseID: enterpriseID, Status: qualification.Status(c.Query("status")), AsOf: queryDate(c, "as_of", &fs),
		ExpiringWithinDays: queryInt(c, "expiring_within_days", &fs), Page: pageOf(c, &fs)}
	export := wantsExport(c, &fs)
	if export {
		f.Page = paging.Request{Number: 1}
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Qualifications.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = a.today()
	}
	window := a.Qualifications.Window()
	if export {
		sendXLSX(c, "qualifications", text{"资质", "Qualifications"},
			qualificationColumns(func(q qualification.Listed) qualification.Status { return q.StatusOn(asOf, window) }), res.Items)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, func(l qualification.Listed) qualificationResponse {
		return qualificationOf(l, asOf, window)
	}))
}

func (a *api) listQualifications(c *gin.Context) { a.queryQualifications(c, 0) }

func (a *api) listEnterpriseQualifications(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	if _, err := a.Enterprises.Get(c.Request.Context(), actorOf(c), id); err != nil {
		fail(c, err)
		return
	}
	a.queryQualifications(c, id)
}

func (a *api) getQualification(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	d, err := a.Qualifications.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a.qualificationDetailOf(d))
}

type historicRequest struct {
	EnterpriseID   int64  `json:"enterprise_id" validate:"required"`
	Tier           string `json:"tier"`
	BatchName      string `json:"batch_name"`
	AnnouncementNo string `json:"announcement_no"`
	GrantedOn      string `json:"granted_on"`
}

func (a *api) recordQualification(c *gin.Context) {
	var req historicRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	h := qualification.Historic{EnterpriseID: req.EnterpriseID, Tier: criteria.Tier(req.Tier), BatchName: req.BatchName,
		AnnouncementNo: req.AnnouncementNo}
	if req.GrantedOn != "" {
		h.GrantedOn = dateField("granted_on", optional.Of(req.GrantedOn), &fs).V
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	d, err := a.Qualifications.Record(c.Request.Context(), actorOf(c), h)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, a.qualificationDetailOf(d))
}

type revokeRequest struct {
	ReasonCode string `json:"reason_code"`
	Reason     string `json:"reason"`
}

func (a *api) revokeQualification(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req revokeRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	d, err := a.Qualifications.Revoke(c.Request.Context(), actorOf(c), id, req.ReasonCode, req.Reason)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a.qualificationDetailOf(d))
}

type notificationResponse struct {
	ID        int64             `json:"id"`
	Kind      notification.Kind `json:"kind"`
	Params    map[string]any    `json:"params"`
	Link      *string           `json:"link"`
	ReadAt    *time.Time        `json:"read_at"`
	CreatedAt time.Time         `json:"created_at"`
}

type notificationList struct {
	listResponse[notificationResponse]
	Unread int64 `json:"unread"`
}

func (a *api) listNotifications(c *gin.Context) {
	var fs apperr.Fields
	page := pageOf(c, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Notifications.List(c.Request.Context(), actorOf(c), c.Query("unread") == "true", page)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, notificationList{
		listResponse: listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, func(n notification.Notification) notificationResponse {
			params := n.Params
			if params == nil {
				params = map[string]any{}
			}
			return notificationResponse{ID: n.ID, Kind: n.Kind, Params: params, Link: strPtr(n.Link), ReadAt: timePtr(n.ReadAt), CreatedAt: n.CreatedAt}
		}),
		Unread: res.Unread,
	})
}

func (a *api) readNotification(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	if err := a.Notifications.Read(c.Request.Context(), actorOf(c), id); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
