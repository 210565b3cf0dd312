package httpapi

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/paging"
)

type enterpriseResponse struct {
	ID                 int64    `json:"id"`
	Name               string   `json:"name"`
	CreditCode         string   `json:"credit_code"`
	CreditCodeOverride bool     `json:"credit_code_override"`
	RegionCode         string   `json:"region_code"`
	RegionName         string   `json:"region_name"`
	IndustryCode       *string  `json:"industry_code"`
	IndustryName       *string  `json:"industry_name"`
	SizeClass          *string  `json:"size_class"`
	FoundedOn          *string  `json:"founded_on"`
	Address            *string  `json:"address"`
	MainProducts       *string  `json:"main_products"`
	NicheMarket        *string  `json:"niche_market"`
	NicheMarketSince   *string  `json:"niche_market_since"`
	StrategicEmerging  *bool    `json:"strategic_emerging"`
	ContactPerson      *string  `json:"contact_person"`
	ContactPhone       *string  `json:"contact_phone"`
	LiaisonOfficerID   *int64   `json:"liaison_officer_id"`
	LiaisonOfficerName *string  `json:"liaison_officer_name"`
	Tags               []string `json:"tags"`

	AbnormalOrDishonestListed  *bool                  `json:"abnormal_or_dishonest_listed"`
	MajorIncidentOrViolation3y *bool                  `json:"major_incident_or_violation_3y"`
	FieldClass                 *string                `json:"field_class"`
	KeyField                   *bool                  `json:"key_field"`
	KeyChainLink               *bool                  `json:"key_chain_link"`
	Honours                    []honourBody           `json:"honours"`
	Awards                     []enterprise.Award     `json:"awards"`
	MakersChina                []criteria.MakersPlace `json:"makers_china"`

	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func enterpriseOf(e enterprise.Enterprise) enterpriseResponse {
	var industryName *string
	if _, d, ok := industry.Lookup(e.IndustryCode); ok && d.Code != "" {
		industryName = &d.Name
	}
	tags := e.Tags
	if tags == nil {
		tags = []string{}
	}
	return enterpriseResponse{
		ID: e.ID, Name: e.Name, CreditCode: e.CreditCode, CreditCodeOverride: e.CreditCodeOverride,
		RegionCode: e.RegionCode, RegionName: e.RegionName,
		IndustryCode: strPtr(e.IndustryCode), IndustryName: industryName, SizeClass: strPtr(string(e.SizeClass)),
		FoundedOn: datePtr(e.FoundedOn), Address: strPtr(e.Address), MainProducts: strPtr(e.MainProducts),
		NicheMarket: strPtr(e.NicheMarket), NicheMarketSince: datePtr(e.NicheMarketSince),
		StrategicEmerging: e.StrategicEmerging, ContactPerson: strPtr(e.ContactPerson), ContactPhone: strPtr(e.ContactPhone),
		LiaisonOfficerID: idPtr(e.LiaisonOfficerID), LiaisonOfficerName: strPtr(e.LiaisonOfficerName),
		Tags: tags, Version: e.Version, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt,
		AbnormalOrDishonestListed: e.AbnormalOrDishonestListed, MajorIncidentOrViolation3y: e.MajorIncidentOrViolation3y,
		FieldClass: strPtr(e.FieldClass), KeyField: e.KeyField, KeyChainLink: e.KeyChainLink,
		Honours: honoursOf(e.Honours), Awards: e.Awards, MakersChina: e.MakersChina,
	}
}

// honourBody is an honour in JSON, its dates as text so that a bad one is a field error.
type honourBody struct {
	Code          string  `json:"code"`
	ValidFrom     string  `json:"valid_from"`
	ValidUntil    *string `json:"valid_until"`
	CertificateNo string  `json:"certificate_no"`
}

func honoursOf(hs []enterprise.Honour) []honourBody {
	if hs == nil {
		return nil
	}
	out := make([]honourBody, len(hs))
	for i, h := range hs {
		out[i] = honourBody{Code: h.Code, ValidFrom: h.ValidFrom.String(), ValidUntil: datePtr(h.ValidUntil), CertificateNo: h.CertificateNo}
	}
	return out
}

// honoursField converts the honours of a body, naming a bad date's field.
func honoursField(v optional.Value[[]honourBody], fs *apperr.Fields) optional.Value[[]enterprise.Honour] {
	if !v.Set || v.Null {
		return optional.Value[[]enterprise.Honour]{Set: v.Set, Null: v.Null}
	}
	out := make([]enterprise.Honour, len(v.V))
	for i, h := range v.V {
		p := "honours[" + strconv.Itoa(i) + "]."
		out[i] = enterprise.Honour{Code: h.Code, CertificateNo: h.CertificateNo}
		if h.ValidFrom != "" {
			d, err := calendar.Parse(h.ValidFrom)
			if err != nil {
				fs.Add(p+"valid_from", apperr.RuleDate, nil)
			}
			out[i].ValidFrom = d
		}
		if h.ValidUntil != nil && *h.ValidUntil != "" {
			d, err := calendar.Parse(*h.ValidUntil)
			if err != nil {
				fs.Add(p+"valid_until", apperr.RuleDate, nil)
			}
			out[i].ValidUntil = d
		}
	}
	return optional.Of(out)
}

// enterpriseFields are the profile fields of a create or patch body; a field left out is not
// changed, a null one is cleared.
type enterpriseFields struct {
	Name               optional.Value[string]   `json:"name"`
	CreditCode         optional.Value[string]   `json:"credit_code"`
	CreditCodeOverride optional.Value[bool]     `json:"credit_code_override"`
	RegionCode         optional.Value[string]   `json:"region_code"`
	IndustryCode       optional.Value[string]   `json:"industry_code"`
	FoundedOn          optional.Value[string]   `json:"founded_on"`
	Address            optional.Value[string]   `json:"address"`
	MainProducts       optional.Value[string]   `json:"main_products"`
	NicheMarket        optional.Value[string]   `json:"niche_market"`
	NicheMarketSince   optional.Value[string]   `json:"niche_market_since"`
	StrategicEmerging  optional.Value[bool]     `json:"strategic_emerging"`
	ContactPerson      optional.Value[string]   `json:"contact_person"`
	ContactPhone       optional.Value[string]   `json:"contact_phone"`
	LiaisonOfficerID   optional.Value[int64]    `json:"liaison_officer_id"`
	Tags               optional.Value[[]string] `json:"tags"`

	AbnormalOrDishonestListed  optional.Value[bool]                   `json:"abnormal_or_dishonest_listed"`
	MajorIncidentOrViolation3y optional.Value[bool]                   `json:"major_incident_or_violation_3y"`
	FieldClass                 optional.Value[string]                 `json:"field_class"`
	KeyField                   optional.Value[bool]                   `json:"key_field"`
	KeyChainLink               optional.Value[bool]                   `json:"key_chain_link"`
	Honours                    optional.Value[[]honourBody]           `json:"honours"`
	Awards                     optional.Value[[]enterprise.Award]     `json:"awards"`
	MakersChina                optional.Value[[]criteria.MakersPlace] `json:"makers_china"`
}

// changes converts the body to the domain's changes; dates that do not parse are field errors.
func (f enterpriseFields) changes(fs *apperr.Fields) enterprise.Changes {
	return enterprise.Changes{
		Name: f.Name, CreditCode: f.CreditCode, CreditCodeOverride: f.CreditCodeOverride,
		RegionCode: f.RegionCode, IndustryCode: f.IndustryCode,
		FoundedOn: dateField("founded_on", f.FoundedOn, fs), Address: f.Address, MainProducts: f.MainProducts,
		NicheMarket: f.NicheMarket, NicheMarketSince: dateField("niche_market_since", f.NicheMarketSince, fs),
		StrategicEmerging: f.StrategicEmerging, ContactPerson: f.ContactPerson, ContactPhone: f.ContactPhone,
		LiaisonOfficerID: f.LiaisonOfficerID, Tags: f.Tags,
		AbnormalOrDishonestListed: f.AbnormalOrDishonestListed, MajorIncidentOrViolation3y: f.MajorIncidentOrViolation3y,
		FieldClass: f.FieldClass, KeyField: f.KeyField, KeyChainLink: f.KeyChainLink,
		Honours: honoursField(f.Honours, fs), Awards: f.Awards, MakersChina: f.MakersChina,
	}
}

type enterprisePatchRequest struct {
	enterpriseFields
	Version *int `json:"version" validate:"required"`
}

func (a *api) listEnterprises(c *gin.Context) {
	var fs apperr.Fields
	f := enterprise.Filter{
		Query: c.Query("q"), RegionCode: c.Query("region"), Industry: c.Query("industry"),
		SizeClass: criteria.SizeClass(c.Query("size_class")), Sort: enterprise.Sort(c.Query("sort")),
		Page: pageOf(c, &fs),
	}
	if len([]rune(f.Query)) > 100 {
		fs.Add("q", apperr.RuleTooLong, map[string]any{"max": 100})
	}
	export := wantsExport(c, &fs)
	if export {
		f.Page = paging.Request{Number: 1}
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Enterprises.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	if export {
		sendXLSX(c, "enterprises", text{"企业库", "Enterprises"}, enterpriseColumns, res.Items)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, enterpriseOf))
}

func (a *api) getEnterprise(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	e, err := a.Enterprises.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, enterpriseOf(e))
}

func (a *api) createEnterprise(c *gin.Context) {
	var req enterpriseFields
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	changes := req.changes(&fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	e, err := a.Enterprises.Create(c.Request.Context(), actorOf(c), changes)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, enterpriseOf(e))
}

func (a *api) updateEnterprise(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req enterprisePatchRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	changes := req.changes(&fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	e, err := a.Enterprises.Update(c.Request.Context(), actorOf(c), id, *req.Version, changes)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, enterpriseOf(e))
}
