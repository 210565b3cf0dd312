package importer

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/region"
)

// Lang picks a label: 0 Chinese, 1 English.
type Lang int

// The languages of a template.
const (
	ZhCN Lang = iota
	EnUS
)

type label [2]string

// cellKind is how a column's cells read.
type cellKind int

const (
	textCell cellKind = iota
	intCell
	wanCell   // money in 万元, to the yuan
	shareCell // a share: 0.35 or 35%
	floatCell
	boolCell
	dateCell
	tierCell
	regionCell
	industryCell
	institutionCell
)

// column is a column of an import file: its key (the field it fills, as the API names it), its
// header in each language, whether every row needs it, and how its cells read.
type column struct {
	key      string
	label    label
	required bool
	kind     cellKind
	example  string
}

var enterpriseColumns = []column{
	{"name", label{"企业名称", "Enterprise"}, true, textCell, "揭阳市示例五金制品有限公司"},
	{"credit_code", label{"统一社会信用代码", "Credit code"}, true, textCell, "91445200MA4UJ8P21M"},
	{"region_code", label{"所属区域", "Region"}, false, regionCell, ""},
	{"industry_code", label{"所属行业", "Industry"}, false, industryCell, ""},
	{"founded_on", label{"成立日期", "Founded"}, false, dateCell, "2012-05-18"},
	{"address", label{"注册地址", "Address"}, false, textCell, ""},
	{"main_products", label{"主导产品", "Main products"}, false, textCell, "不锈钢厨具"},
	{"niche_market", label{"细分市场", "Niche market"}, false, textCell, "商用不锈钢厨具"},
	{"niche_market_since", label{"进入细分市场时间", "In the niche since"}, false, dateCell, "2013-01-01"},
	{"strategic_emerging", label{"战略性新兴产业", "Strategic emerging"}, false, boolCell, "否"},
	{"contact_person", label{"联系人", "Contact"}, false, textCell, ""},
	{"contact_phone", label{"联系电话", "Phone"}, false, textCell, ""},
}

var reportColumns = []column{
	{"credit_code", label{"统一社会信用代码", "Credit code"}, true, textCell, "91445200MA4UJ8P21M"},
	{"year", label{"年度", "Year"}, true, intCell, "2025"},
	{"employees", label{"从业人员（人）", "Employees"}, false, intCell, "120"},
	{"rd_staff", label{"研发人员（人）", "R&D staff"}, false, intCell, "18"},
	{"operating_revenue", label{"营业收入（万元）", "Operating revenue (10k yuan)"}, false, wanCell, "8500"},
	{"main_business_revenue", label{"主营业务收入（万元）", "Main-business revenue (10k yuan)"}, false, wanCell, "8200"},
	{"rd_expense", label{"研发费用（万元）", "R&D expense (10k yuan)"}, false, wanCell, "420.5"},
	{"net_profit", label{"净利润（万元）", "Net profit (10k yuan)"}, false, wanCell, "610"},
	{"total_assets", label{"资产总额（万元）", "Total assets (10k yuan)"}, false, wanCell, "9800"},
	{"total_liabilities", label{"负债总额（万元）", "Total liabilities (10k yuan)"}, false, wanCell, "4300"},
	{"equity_financing", label{"新增股权融资（万元）", "Equity financing (10k yuan)"}, false, wanCell, "0"},
	{"ip.class1", label{"I类知识产权（件）", "Class I IP"}, false, intCell, "2"},
	{"ip.class1_self_developed", label{"自主研发I类知识产权（件）", "Class I IP, self-developed"}, false, intCell, "2"},
	{"ip.class1_high_value", label{"高价值发明专利（件）", "High-value invention patents"}, false, intCell, "1"},
	{"ip.class2", label{"II类知识产权（件）", "Class II IP"}, false, intCell, "6"},
	{"ip.class1_applied", label{"I类知识产权申请（件）", "Class I IP applied for"}, false, intCell, "1"},
	{"rd_institution", label{"研发机构级别", "R&D institution"}, false, institutionCell, ""},
	{"digital_level", label{"数字化水平（级）", "Digital level"}, false, intCell, "2"},
	{"quality.award", label{"质量奖", "Quality award"}, false, boolCell, ""},
	{"quality.certified", label{"质量管理体系认证", "Quality certified"}, false, boolCell, ""},
	{"quality.own_brand", label{"自主品牌", "Own brand"}, false, boolCell, ""},
	{"quality.standards", label{"参与制修订标准", "Standards drafted"}, false, boolCell, ""},
	{"info_system_core_business", label{"核心业务信息系统", "Information system for core business"}, false, boolCell, ""},
	{"management_certified", label{"管理体系认证", "Management certified"}, false, boolCell, ""},
	{"national_market_share", label{"全国市场占有率", "National market share"}, false, shareCell, "12%"},
	{"local_score", label{"地方特色指标得分", "Local indicators score"}, false, intCell, ""},
	{"quality_score", label{"质量评价得分", "Quality score"}, false, floatCell, ""},
	{"market_position_leading", label{"细分市场地位领先", "Leading in its niche"}, false, boolCell, ""},
	{"domestic_rank", label{"国内市场排名", "Domestic rank"}, false, intCell, ""},
}

var qualificationColumns = []column{
	{"credit_code", label{"统一社会信用代码", "Credit code"}, true, textCell, "91445200MA4UJ8P21M"},
	{"tier", label{"梯度", "Tier"}, true, tierCell, ""},
	{"batch_name", label{"批次", "Batch"}, true, textCell, "2022年广东省专精特新中小企业"},
	{"announcement_no", label{"公告文号", "Announcement"}, true, textCell, "粤工信融资函〔2022〕71号"},
	{"granted_on", label{"认定日期", "Granted on"}, true, dateCell, "2022-12-15"},
}

func columnsOf(k Kind) []column {
	switch k {
	case Enterprises:
		return enterpriseColumns
	case AnnualReports:
		return reportColumns
	}
	return qualificationColumns
}

// TierLabels are the tiers as a file names them.
var TierLabels = map[criteria.Tier]label{
	criteria.InnovativeSME:  {"创新型中小企业", "Innovative SME"},
	criteria.SpecializedSME: {"专精特新中小企业", "Specialised SME"},
	criteria.LittleGiant:    {`专精特新"小巨人"企业`, "Little giant"},
}

var institutionLabels = map[string]label{
	criteria.InstitutionNone:       {"无", "None"},
	criteria.InstitutionBelowCity:  {"市级以下", "Below city level"},
	criteria.InstitutionCity:       {"市级", "City level"},
	criteria.InstitutionProvincial: {"省级", "Provincial"},
	criteria.InstitutionNational:   {"国家级", "National"},
}

var yes, no = []string{"是", "yes", "y", "true", "1", "√", "有"}, []string{"否", "no", "n", "false", "0", "×", "无"}

// header maps each known column to its index in the file's header, which may name a column by
// either language's label or by its key. Unknown and repeated headers, and missing required
// columns, are errors of row 1.
func header(k Kind, cells []string) (map[string]int, []RowError) {
	byName := map[string]column{}
	for _, c := range columnsOf(k) {
		byName[c.key] = c
		byName[c.label[ZhCN]] = c
		byName[strings.ToLower(c.label[EnUS])] = c
	}
	idx := map[string]int{}
	var errs []RowError
	for i, h := range cells {
		if h == "" {
			continue
		}
		c, ok := byName[h]
		if !ok {
			c, ok = byName[strings.ToLower(h)]
		}
		switch {
		case !ok:
			errs = append(errs, RowError{Row: 1, Column: h, Cell: cellName(i, 1), Rule: apperr.RuleUnknownField})
		case hasKey(idx, c.key):
			errs = append(errs, RowError{Row: 1, Column: c.key, Cell: cellName(i, 1), Rule: apperr.RuleDuplicate})
		default:
			idx[c.key] = i
		}
	}
	for _, c := range columnsOf(k) {
		if c.required && !hasKey(idx, c.key) {
			errs = append(errs, RowError{Row: 1, Column: c.key, Rule: apperr.RuleRequired})
		}
	}
	return idx, errs
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }

func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return ""
	}
	return name
}

// row is one data row of a file, read through its header.
type row struct {
	num   int
	cells []string
	idx   map[string]int
	errs  []RowError
}

// get returns a column's cell, "" when the column or the cell is absent.
func (r *row) get(key string) string {
	i, ok := r.idx[key]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

func (r *row) has(key string) bool { return r.get(key) != "" }

func (r *row) fail(key string, rule apperr.Rule, params map[string]any) {
	if r.failed(key) {
		return
	}
	cell := ""
	if i, ok := r.idx[key]; ok {
		cell = cellName(i, r.num)
	}
	r.errs = append(r.errs, RowError{Row: r.num, Column: key, Cell: cell, Rule: rule, Params: params})
}

// fields turns a domain check's field errors into this row's, by the column each field fills; a
// column already found bad keeps its first problem.
func (r *row) fields(fs apperr.Fields) {
	for _, f := range fs {
		r.fail(f.Field, f.Rule, f.Params)
	}
}

func (r *row) failed(key string) bool {
	for _, e := range r.errs {
		if e.Column == key {
			return true
		}
	}
	return false
}

func (r *row) blank() bool {
	for _, c := range r.cells {
		if c != "" {
			return false
		}
	}
	return true
}

// The readers of cells: each returns nil for an empty cell, and records a problem for a bad one.

func (r *row) int64(key string) *int64 {
	s := strings.ReplaceAll(r.get(key), ",", "")
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(strings.TrimSuffix(s, ".0"), 10, 64)
	if err != nil {
		r.fail(key, apperr.RuleWrongType, map[string]any{"type": "integer"})
		return nil
	}
	return &n
}

func (r *row) int(key string) *int {
	n := r.int64(key)
	if n == nil {
		return nil
	}
	if *n > math.MaxInt32 || *n < math.MinInt32 {
		r.fail(key, apperr.RuleTooLarge, map[string]any{"max": math.MaxInt32})
		return nil
	}
	v := int(*n)
	return &v
}

// wan reads 万元 into yuan, exactly: "420.5" is 4,205,000 yuan; a finer figure than the yuan is
// rounded to it.
func (r *row) wan(key string) *int64 {
	s := strings.ReplaceAll(r.get(key), ",", "")
	if s == "" {
		return nil
	}
	v, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "/eE") {
		r.fail(key, apperr.RuleWrongType, map[string]any{"type": "number"})
		return nil
	}
	v.Mul(v, big.NewRat(10000, 1))
	yuan, _ := v.Float64()
	if math.Abs(yuan) > 1e15 {
		r.fail(key, apperr.RuleTooLarge, map[string]any{"max": 1e11})
		return nil
	}
	n := int64(math.Round(yuan))
	return &n
}

func (r *row) float(key string) *float64 {
	s := strings.ReplaceAll(r.get(key), ",", "")
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		r.fail(key, apperr.RuleWrongType, map[string]any{"type": "number"})
		return nil
	}
	return &f
}

// share reads a share as a fraction: "12%" and "0.12" are both 0.12.
func (r *row) share(key string) *float64 {
	s := r.get(key)
	if !strings.HasSuffix(s, "%") {
		return r.float(key)
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		r.fail(key, apperr.RuleWrongType, map[string]any{"type": "number"})
		return nil
	}
	f /= 100
	return &f
}

func (r *row) bool(key string) *bool {
	s := strings.ToLower(r.get(key))
	if s == "" {
		return nil
	}
	for _, v := range yes {
		if s == v {
			t := true
			return &t
		}
	}
	for _, v := range no {
		if s == v {
			f := false
			return &f
		}
	}
	r.fail(key, apperr.RuleOneOf, map[string]any{"values": []string{"是", "否"}})
	return nil
}

// dateLayouts are the ways a date reaches us: typed, or as Excel formats a date cell.
var dateLayouts = []string{"2006-01-02", "2006/1/2", "2006.1.2", "2006年1月2日", "2006-1-2", "01-02-06", "1/2/06", "20060102"}

func (r *row) date(key string) calendar.Date {
	s := r.get(key)
	if s == "" {
		return calendar.Date{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return calendar.NewDate(t.Year(), t.Month(), t.Day())
		}
	}
	// A date cell without a date format reads as Excel's day number.
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 1 && n < 100000 {
		if t, err := excelize.ExcelDateToTime(n, false); err == nil {
			return calendar.NewDate(t.Year(), t.Month(), t.Day())
		}
	}
	r.fail(key, apperr.RuleDate, nil)
	return calendar.Date{}
}

func (r *row) tier(key string) criteria.Tier {
	s := r.get(key)
	for t, l := range TierLabels {
		if s == string(t) || s == l[ZhCN] || strings.EqualFold(s, l[EnUS]) {
			return t
		}
	}
	r.fail(key, apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
	return ""
}

func (r *row) institution(key string) *string {
	s := r.get(key)
	if s == "" {
		return nil
	}
	for v, l := range institutionLabels {
		if s == v || s == l[ZhCN] || strings.EqualFold(s, l[EnUS]) {
			return &v
		}
	}
	r.fail(key, apperr.RuleOneOf, map[string]any{"values": criteria.Institutions})
	return nil
}

// regionChoice is how a template offers a region: its name; a file may also give its code, or both.
func regionChoice(rg region.Region) string { return rg.Name }

// regionCode reads a region by its code, its name, or "code name"; unknown is a problem.
func (r *row) regionCode(key string, regions map[string]string) string {
	s := r.get(key)
	if s == "" {
		return ""
	}
	if code, ok := regions[s]; ok {
		return code
	}
	if code, _, ok := strings.Cut(s, " "); ok {
		if c, ok := regions[code]; ok {
			return c
		}
	}
	r.fail(key, apperr.RuleUnknownRegion, nil)
	return ""
}

// industryChoice is how a template offers an industry division: "C33 金属制品业".
func industryChoice(d industry.Division, l Lang) string {
	if l == EnUS {
		return d.Code + " " + d.NameEn
	}
	return d.Code + " " + d.Name
}

// industryCode reads an industry by its code, or "code name" as the template offers it; the
// domain checks the code.
func (r *row) industryCode(key string) string {
	code, _, _ := strings.Cut(r.get(key), " ")
	return code
}

// ColumnLabel is a column's header in a language; a key of no column (an unknown header) is
// returned as it is.
func ColumnLabel(k Kind, key string, l Lang) string {
	for _, c := range columnsOf(k) {
		if c.key == key {
			return c.label[l]
		}
	}
	return key
}
