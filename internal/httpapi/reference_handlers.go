package httpapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/region"
)

type regionResponse struct {
	Code   string      `json:"code"`
	Name   string      `json:"name"`
	NameEn string      `json:"name_en"`
	Kind   region.Kind `json:"kind"`
	Order  int         `json:"order"`
}

func regionOf(r region.Region) regionResponse {
	return regionResponse{Code: r.Code, Name: r.Name, NameEn: r.NameEn, Kind: r.Kind, Order: r.Order}
}

func (a *api) listRegions(c *gin.Context) {
	regions, err := a.Regions.ListRegions(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(regions, int64(len(regions)), 1, max(len(regions), 1), regionOf))
}

// regionCreateRequest is checked by the domain, which names every bad field at once.
type regionCreateRequest struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
	Kind   string `json:"kind"`
	Order  int    `json:"order"`
}

func (a *api) createRegion(c *gin.Context) {
	var req regionCreateRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	r, err := a.RegionAdmin.Create(c.Request.Context(), actorOf(c),
		region.Region{Code: req.Code, Name: req.Name, NameEn: req.NameEn, Kind: region.Kind(req.Kind), Order: req.Order})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, regionOf(r))
}

type regionPatchRequest struct {
	Name   *string `json:"name"`
	NameEn *string `json:"name_en"`
	Kind   *string `json:"kind"`
	Order  *int    `json:"order"`
}

func (a *api) updateRegion(c *gin.Context) {
	var req regionPatchRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	r, err := a.RegionAdmin.Update(c.Request.Context(), actorOf(c), c.Param("code"), func(r *region.Region) {
		if req.Name != nil {
			r.Name = *req.Name
		}
		if req.NameEn != nil {
			r.NameEn = *req.NameEn
		}
		if req.Kind != nil {
			r.Kind = region.Kind(*req.Kind)
		}
		if req.Order != nil {
			r.Order = *req.Order
		}
	})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, regionOf(r))
}

type divisionResponse struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
}

type sectionResponse struct {
	Code      string             `json:"code"`
	Name      string             `json:"name"`
	NameEn    string             `json:"name_en"`
	Divisions []divisionResponse `json:"divisions"`
}

func (a *api) listIndustries(c *gin.Context) {
	sections := industry.Sections()
	c.Header("Cache-Control", "public, max-age=86400")
	c.JSON(http.StatusOK, listOf(sections, int64(len(sections)), 1, len(sections), func(s industry.Section) sectionResponse {
		out := sectionResponse{Code: s.Code, Name: s.Name, NameEn: s.NameEn, Divisions: make([]divisionResponse, len(s.Divisions))}
		for i, d := range s.Divisions {
			out.Divisions[i] = divisionResponse{Code: d.Code, Name: d.Name, NameEn: d.NameEn}
		}
		return out
	}))
}

type auditEventResponse struct {
	ID            int64        `json:"id"`
	At            time.Time    `json:"at"`
	ActorID       *int64       `json:"actor_id"`
	ActorUsername *string      `json:"actor_username"`
	ActorRole     *access.Role `json:"actor_role"`
	Action        string       `json:"action"`
	EntityType    *string      `json:"entity_type"`
	EntityID      *string      `json:"entity_id"`
	Before        any          `json:"before"`
	After         any          `json:"after"`
	IP            *string      `json:"ip"`
	UserAgent     *string      `json:"user_agent"`
	RequestID     *string      `json:"request_id"`
}

func auditEventOf(e audit.Event) auditEventResponse {
	var role *access.Role
	if e.ActorRole != "" {
		r := e.ActorRole
		role = &r
	}
	var before, after any
	if len(e.Before) > 0 {
		before = e.Before
	}
	if len(e.After) > 0 {
		after = e.After
	}
	return auditEventResponse{
		ID: e.ID, At: e.At, ActorID: idPtr(e.ActorID), ActorUsername: strPtr(e.ActorUsername), ActorRole: role,
		Action: e.Action, EntityType: strPtr(e.EntityType), EntityID: strPtr(e.EntityID), Before: before, After: after,
		IP: strPtr(e.IP), UserAgent: strPtr(e.UserAgent), RequestID: strPtr(e.RequestID),
	}
}

func (a *api) listAuditEvents(c *gin.Context) {
	var fs apperr.Fields
	f := audit.Filter{
		ActorUsername: c.Query("actor"), Action: c.Query("action"),
		EntityType: c.Query("entity_type"), EntityID: c.Query("entity_id"), Page: pageOf(c, &fs),
	}
	// from and to are days in the bureau's time zone; to is inclusive.
	if from := queryDate(c, "from", &fs); !from.IsZero() {
		f.From = from.Start(a.Location)
	}
	if to := queryDate(c, "to", &fs); !to.IsZero() {
		f.To = to.AddDays(1).Start(a.Location)
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Audit.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, auditEventOf))
}
