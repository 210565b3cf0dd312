package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/cultivation"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/spreadsheet"
)

type entryResponse struct {
	ID           int64         `json:"id"`
	EnterpriseID int64         `json:"enterprise_id"`
	TargetTier   criteria.Tier `json:"target_tier"`
	OwnerID      int64         `json:"owner_id"`
	OwnerName    string        `json:"owner_name"`
	Note         *string       `json:"note"`
	FollowUpOn   *string       `json:"follow_up_on"`
	CreatedBy    string        `json:"created_by"`
	Version      int           `json:"version"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
}

func entryOf(e cultivation.Entry) entryResponse {
	return entryResponse{ID: e.ID, EnterpriseID: e.EnterpriseID, TargetTier: e.TargetTier, OwnerID: e.OwnerID, OwnerName: e.OwnerName,
		Note: strPtr(e.Note), FollowUpOn: datePtr(e.FollowUpOn), CreatedBy: e.CreatedBy, Version: e.Version,
		CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
}

type poolRowResponse struct {
	EnterpriseID int64                `json:"enterprise_id"`
	Name         string               `json:"name"`
	CreditCode   string               `json:"credit_code"`
	RegionCode   string               `json:"region_code"`
	RegionName   string               `json:"region_name"`
	IndustryCode *string              `json:"industry_code"`
	SizeClass    *string              `json:"size_class"`
	TargetTier   criteria.Tier        `json:"target_tier"`
	ReportYear   int                  `json:"report_year"`
	Ruleset      string               `json:"ruleset"`
	Eligible     bool                 `json:"eligible"`
	Route        *criteria.Route      `json:"route"`
	Score        *int                 `json:"score"`
	ScoreGap     *int                 `json:"score_gap"`
	Gaps         []criteria.Criterion `json:"gaps"`
	Missing      []string             `json:"missing"`
	Entry        *entryResponse       `json:"entry"`
}

func poolRowOf(r cultivation.Row) poolRowResponse {
	out := poolRowResponse{
		EnterpriseID: r.EnterpriseID, Name: r.Name, CreditCode: r.CreditCode, RegionCode: r.RegionCode, RegionName: r.RegionName,
		IndustryCode: strPtr(r.IndustryCode), SizeClass: strPtr(r.SizeClass), TargetTier: r.Result.Tier,
		ReportYear: r.Result.ReportYear, Ruleset: r.Result.Ruleset, Eligible: r.Eligible, Route: r.Result.Route,
		Score: r.Score, ScoreGap: r.ScoreGap, Gaps: r.Gaps, Missing: r.Result.Missing,
	}
	if out.Gaps == nil {
		out.Gaps = []criteria.Criterion{}
	}
	if out.Missing == nil {
		out.Missing = []string{}
	}
	if r.Entry != nil {
		e := entryOf(*r.Entry)
		out.Entry = &e
	}
	return out
}

func (a *api) listCultivation(c *gin.Context) {
	var fs apperr.Fields
	f := cultivation.Filter{
		TargetTier: criteria.Tier(c.Query("target_tier")), RegionCode: c.Query("region"), Industry: c.Query("industry"),
		Status: cultivation.Status(c.Query("status")),
	}
	if v := c.Query("followed"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			fs.Add("followed", apperr.RuleWrongType, map[string]any{"type": "boolean"})
		}
		f.Followed = &b
	}
	export := c.Query("format") == "xlsx"
	if format := c.Query("format"); format != "" && format != "xlsx" && format != "json" {
		fs.Add("format", apperr.RuleOneOf, map[string]any{"values": []string{"json", "xlsx"}})
	}
	if !export {
		f.Page = pageOf(c, &fs)
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Cultivation.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	if export {
		a.exportCultivation(c, f.TargetTier, res.Items)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, poolRowOf))
}

// exportLang picks the language of an export: the lang parameter (a download link cannot set
// headers), else Accept-Language.
func exportLang(c *gin.Context) lang {
	switch c.Query("lang") {
	case "en-US", "en":
		return enUS
	case "zh-CN", "zh":
		return zhCN
	}
	return langOf(c.Request)
}

var poolHeaders = [2][]string{
	{"企业名称", "统一社会信用代码", "所属区域", "行业代码", "企业规模", "目标梯度", "报告年度", "是否符合条件", "得分", "距60分", "未达标条件", "跟进人", "跟进日期", "备注"},
	{"Enterprise", "Credit code", "Region", "Industry", "Size", "Target tier", "Report year", "Eligible", "Score", "Points short of 60", "Unmet criteria", "Followed by", "Follow-up date", "Note"},
}

var tierNames = map[criteria.Tier]text{
	criteria.InnovativeSME:  {"创新型中小企业", "Innovative SME"},
	criteria.SpecializedSME: {"专精特新中小企业", "Specialised SME"},
	criteria.LittleGiant:    {"专精特新\"小巨人\"企业", "Little giant"},
}

var sizeNames = map[string]text{
	"micro": {"微型", "Micro"}, "small": {"小型", "Small"}, "medium": {"中型", "Medium"}, "large": {"大型", "Large"},
}

func (a *api) exportCultivation(c *gin.Context, tier criteria.Tier, items []cultivation.Row) {
	l := exportLang(c)
	yesNo := [2][2]string{{"否", "是"}, {"No", "Yes"}}
	rows := make([][]any, len(items))
	for i, r := range items {
		var owner, followUp, note any
		if r.Entry != nil {
			owner, followUp, note = r.Entry.OwnerName, r.Entry.FollowUpOn.String(), r.Entry.Note
		}
		gaps := make([]string, len(r.Gaps))
		for j, g := range r.Gaps {
			gaps[j] = gapText(g)
		}
		eligible := 0
		if r.Eligible {
			eligible = 1
		}
		var score, gap any
		if r.Score != nil {
			score = *r.Score
		}
		if r.ScoreGap != nil {
			gap = *r.ScoreGap
		}
		rows[i] = []any{r.Name, r.CreditCode, r.RegionName, r.IndustryCode, sizeNames[r.SizeClass][l], tierNames[tier][l],
			r.Result.ReportYear, yesNo[l][eligible], score, gap, strings.Join(gaps, "；"), owner, followUp, note}
	}
	var buf bytes.Buffer
	if err := spreadsheet.Write(&buf, tierNames[tier][l], poolHeaders[l], rows); err != nil {
		fail(c, apperr.Wrap(err, "write xlsx"))
		return
	}
	name := fmt.Sprintf("cultivation-%s-%s.xlsx", tier, time.Now().Format("20060102"))
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Data(http.StatusOK, spreadsheet.ContentType, buf.Bytes())
}

// gapText is one unmet criterion in words: its label, its value and what it requires.
func gapText(g criteria.Criterion) string {
	v := valueText(g.Value)
	if g.Status == criteria.Missing {
		v = "?"
	}
	return fmt.Sprintf("%s %s（%s — %s）", g.Code, g.Label(), v, g.Requirement)
}

// valueText renders a criterion's value: fractions as percentages, parts as key=value.
func valueText(v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	var generic any
	if err := json.Unmarshal(raw, &generic); err != nil {
		return string(raw)
	}
	return render1("", generic)
}

func render1(key string, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case float64:
		if x != float64(int64(x)) || strings.Contains(key, "ratio") || strings.Contains(key, "share") || strings.Contains(key, "growth") {
			return strconv.FormatFloat(x*100, 'f', 1, 64) + "%"
		}
		return strconv.FormatInt(int64(x), 10)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + "=" + render1(k, x[k])
		}
		return strings.Join(parts, ", ")
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = render1(key, e)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

type entryCreateRequest struct {
	EnterpriseID int64   `json:"enterprise_id" validate:"required"`
	TargetTier   string  `json:"target_tier" validate:"required"`
	OwnerID      int64   `json:"owner_id" validate:"required"`
	Note         string  `json:"note"`
	FollowUpOn   *string `json:"follow_up_on"`
}

func (a *api) createCultivationEntry(c *gin.Context) {
	var req entryCreateRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	followUp := dateField("follow_up_on", optional.Value[string]{Set: req.FollowUpOn != nil, V: derefString(req.FollowUpOn)}, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	e, err := a.Cultivation.Put(c.Request.Context(), actorOf(c), cultivation.NewEntry{
		EnterpriseID: req.EnterpriseID, TargetTier: criteria.Tier(req.TargetTier), OwnerID: req.OwnerID, Note: req.Note, FollowUpOn: followUp.V,
	})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, entryOf(e))
}

type entryPatchRequest struct {
	OwnerID    *int64                 `json:"owner_id"`
	Note       optional.Value[string] `json:"note"`
	FollowUpOn optional.Value[string] `json:"follow_up_on"`
	Version    *int                   `json:"version" validate:"required"`
}

func (a *api) updateCultivationEntry(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req entryPatchRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	followUp := dateField("follow_up_on", req.FollowUpOn, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	e, err := a.Cultivation.Change(c.Request.Context(), actorOf(c), id, *req.Version, func(e *cultivation.Entry) {
		if req.OwnerID != nil {
			e.OwnerID = *req.OwnerID
		}
		req.Note.Apply(&e.Note)
		if followUp.Set {
			e.FollowUpOn = calendar.Date{}
			if !followUp.Null {
				e.FollowUpOn = followUp.V
			}
		}
	})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, entryOf(e))
}

func (a *api) deleteCultivationEntry(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	if err := a.Cultivation.Remove(c.Request.Context(), actorOf(c), id); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func derefString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
