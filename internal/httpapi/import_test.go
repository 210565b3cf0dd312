package httpapi

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/spreadsheet"
)

// uploadImport posts a file as an import of a kind.
func (c *client) uploadImport(kind, name string, content []byte) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("kind", kind)
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(content)
	_ = mw.Close()
	return c.raw("POST", "/api/v1/imports", mw.FormDataContentType(), buf.Bytes(), nil)
}

// settle waits for an import's job to stop running and returns it as it ended.
func (c *client) settle(id int64) importResponse {
	c.e.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var im importResponse
		c.do("GET", fmt.Sprintf("/api/v1/imports/%d", id), nil).expectStatus(http.StatusOK).decode(&im)
		if im.Status != "validating" && im.Status != "importing" {
			return im
		}
		if time.Now().After(deadline) {
			c.e.t.Fatalf("import %d still %s after two minutes", id, im.Status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *client) importFile(kind, name string, content []byte) importResponse {
	c.e.t.Helper()
	var im importResponse
	c.uploadImport(kind, name, content).expectStatus(http.StatusAccepted).decode(&im)
	return c.settle(im.ID)
}

func xlsxOf(t *testing.T, header []string, rows [][]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := spreadsheet.Write(&buf, "导入", header, rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type rowCol struct {
	Row    int
	Column string
}

// A 10,000-row file with 3 bad rows reports exactly those 3 and writes nothing; once they are
// fixed, every row is written in one go, audited, and the registry shows them.
func TestImportTenThousandEnterprises(t *testing.T) {
	e := newEnv(t)
	e.addUser("cityimport", access.CityOfficer, "", 0)
	c := e.login("cityimport", testPassword)

	header := []string{"企业名称", "统一社会信用代码", "所属区域", "所属行业", "成立日期", "战略性新兴产业"}
	rows := make([][]any, 10000)
	for i := range rows {
		rows[i] = []any{fmt.Sprintf("揭阳市导入测试%05d有限公司", i), e.validCode("445202"), "榕城区", "C33 金属制品业", "2015-03-01", "否"}
	}
	good := func(i int) []any { return append([]any(nil), rows[i]...) }
	bad := map[int][]any{}
	bad[99] = good(99)
	bad[99][1] = badCheck(rows[99][1].(string)) // row 101: a wrong check character
	bad[5000] = good(5000)
	bad[5000][2] = "火星区" // row 5002: no such region
	bad[9997] = good(9997)
	bad[9997][4] = "2031-01-01" // row 9999: founded in the future
	withBad := make([][]any, len(rows))
	copy(withBad, rows)
	for i, r := range bad {
		withBad[i] = r
	}
	before := e.count("enterprises")

	im := c.importFile("enterprises", "企业名录.xlsx", xlsxOf(t, header, withBad))
	if im.Status != "invalid" || im.ErrorCount != 3 || im.TotalRows != 10000 || im.Validated {
		t.Fatalf("import with 3 bad rows: %+v", im)
	}
	var got []rowCol
	for _, er := range im.Errors {
		got = append(got, rowCol{er.Row, er.Column})
		if er.Message == "" || er.Header == "" || er.Cell == "" {
			t.Errorf("error without its message, header or cell: %+v", er)
		}
	}
	want := []rowCol{{101, "credit_code"}, {5002, "region_code"}, {9999, "founded_on"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors at %v, want %v", got, want)
	}
	if im.Errors[0].Cell != "B101" || im.Errors[1].Header != "所属区域" {
		t.Errorf("cells and headers: %+v", im.Errors)
	}
	if n := e.count("enterprises"); n != before {
		t.Fatalf("an invalid import wrote %d enterprises", n-before)
	}
	c.do("POST", fmt.Sprintf("/api/v1/imports/%d/confirm", im.ID), nil).expectError(http.StatusConflict, "invalid_transition")

	im = c.importFile("enterprises", "企业名录.xlsx", xlsxOf(t, header, rows))
	if im.Status != "ready" || im.ErrorCount != 0 || im.CreatedCount != 10000 || im.UpdatedCount != 0 {
		t.Fatalf("clean import: %+v", im)
	}
	if n := e.count("enterprises"); n != before {
		t.Fatalf("an unconfirmed import wrote %d enterprises", n-before)
	}
	c.do("POST", fmt.Sprintf("/api/v1/imports/%d/confirm", im.ID), nil).expectStatus(http.StatusAccepted)
	im = c.settle(im.ID)
	if im.Status != "done" || im.ProcessedRows != 10000 {
		t.Fatalf("confirmed import: %+v", im)
	}
	if n := e.count("enterprises"); n != before+10000 {
		t.Errorf("%d enterprises written, want 10000", n-before)
	}
	var audited int64
	e.db.Table("audit_events").Where("action = ?", "enterprise.create").Count(&audited)
	if audited < 10000 {
		t.Errorf("%d creations audited", audited)
	}
	var results int64
	e.db.Table("eligibility_results").Count(&results)
	if results < 3*10000 {
		t.Errorf("criteria results for %d (enterprise, tier) pairs", results)
	}
	// Done is done.
	c.do("POST", fmt.Sprintf("/api/v1/imports/%d/confirm", im.ID), nil).expectError(http.StatusConflict, "invalid_transition")

	// The same codes again update in place: a new name, the rest as it was.
	update := [][]any{{"揭阳市导入测试更名有限公司", rows[0][1], "", "", "", ""}}
	im = c.importFile("enterprises", "更名.xlsx", xlsxOf(t, header, update))
	if im.Status != "ready" || im.UpdatedCount != 1 || im.CreatedCount != 0 {
		t.Fatalf("update import: %+v", im)
	}
	c.do("POST", fmt.Sprintf("/api/v1/imports/%d/confirm", im.ID), nil).expectStatus(http.StatusAccepted)
	if im = c.settle(im.ID); im.Status != "done" {
		t.Fatalf("update: %+v", im)
	}
	var list listResponse[enterpriseResponse]
	c.do("GET", "/api/v1/enterprises?q="+rows[0][1].(string), nil).decode(&list)
	if list.Total != 1 || list.Items[0].Name != "揭阳市导入测试更名有限公司" || list.Items[0].RegionCode != "445202" {
		t.Errorf("updated enterprise: %+v", list.Items)
	}
}

func TestImportScopeAndFiles(t *testing.T) {
	e := newEnv(t)
	e.addUser("countyimport", access.CountyOfficer, "445202", 0)
	e.addUser("cityimport", access.CityOfficer, "", 0)
	county, city := e.login("countyimport", testPassword), e.login("cityimport", testPassword)
	header := []string{"企业名称", "统一社会信用代码", "所属区域", "所属行业"}

	// A county officer imports into its own region only.
	im := county.importFile("enterprises", "a.xlsx", xlsxOf(t, header, [][]any{
		{"揭阳市榕城甲有限公司", e.validCode("445202"), "榕城区", "C33"},
		{"普宁市乙有限公司", e.validCode("445281"), "普宁市", "C33"},
	}))
	if im.Status != "invalid" || im.ErrorCount != 1 || im.Errors[0].Row != 3 || im.Errors[0].Rule != "outside_region" {
		t.Errorf("county import across regions: %+v", im)
	}
	// Nobody else sees it; historic qualifications are the city's.
	city.do("GET", fmt.Sprintf("/api/v1/imports/%d", im.ID), nil).expectError(http.StatusNotFound, "not_found")
	city.do("POST", fmt.Sprintf("/api/v1/imports/%d/confirm", im.ID), nil).expectError(http.StatusNotFound, "not_found")
	county.uploadImport("qualifications", "q.xlsx", xlsxOf(t, []string{"统一社会信用代码"}, nil)).expectError(http.StatusForbidden, "forbidden")
	var mine listResponse[importResponse]
	county.do("GET", "/api/v1/imports", nil).decode(&mine)
	if mine.Total != 1 {
		t.Errorf("the county's imports: %d", mine.Total)
	}

	// What is not a table is refused at once; a zip bomb or a headerless file fails as a whole.
	county.uploadImport("enterprises", "photo.xlsx", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")).expectError(http.StatusUnprocessableEntity, "validation_failed", "file")
	county.uploadImport("spreadsheets", "a.xlsx", xlsxOf(t, header, nil)).expectError(http.StatusUnprocessableEntity, "validation_failed", "kind")
	if im := county.importFile("enterprises", "empty.csv", []byte("企业名称,统一社会信用代码\n")); im.Status != "failed" || im.Failure == nil || *im.Failure != "empty" {
		t.Errorf("a file without rows: %+v", im)
	}
	if im := county.importFile("enterprises", "cols.csv", []byte("名字,代码\nx,y\n")); im.Status != "invalid" || im.Errors[0].Row != 1 {
		t.Errorf("unknown headers: %+v", im)
	}

	// The template: headers in the language asked for, drop-downs for the dictionaries.
	r := county.raw("GET", "/api/v1/imports/templates/enterprises?lang=en-US", "", nil, nil).expectStatus(http.StatusOK)
	f, err := excelize.OpenReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	got, _ := f.GetRows(sheet)
	if got[0][0] != "Enterprise" || got[0][2] != "Region" {
		t.Errorf("template header %v", got[0])
	}
	dvs, _ := f.GetDataValidations(sheet)
	if len(dvs) < 3 {
		t.Errorf("template drop-downs: %d", len(dvs))
	}
	// And a filled template comes back in.
	f.SetCellValue(sheet, "A2", "Jieyang Template Test Co")
	f.SetCellValue(sheet, "B2", e.validCode("445202"))
	f.SetCellValue(sheet, "C2", "榕城区")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if im := county.importFile("enterprises", "template.xlsx", buf.Bytes()); im.Status != "ready" || im.CreatedCount != 1 {
		t.Errorf("the filled template: %+v", im)
	}
	county.raw("GET", "/api/v1/imports/templates/people", "", nil, nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "kind")
}

// Annual figures come in as 万元 from a CSV saved by Chinese Excel (GB18030), exact to the yuan;
// historic qualifications come in once.
func TestImportFiguresAndQualifications(t *testing.T) {
	e := newEnv(t)
	e.addUser("cityimport", access.CityOfficer, "", 0)
	city := e.login("cityimport", testPassword)
	ent := e.addEnterprise("445202", "揭阳市年度数据导入有限公司")

	csvText := "统一社会信用代码,年度,从业人员（人）,营业收入（万元）,研发费用（万元）,资产总额（万元）,全国市场占有率\n" +
		ent.CreditCode + ",2025,120,\"8,500.1234\",420.5,9800,12%\n" +
		ent.CreditCode + ",2024,-5,7000,300,0,\n"
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(csvText)
	if err != nil {
		t.Fatal(err)
	}
	im := city.importFile("annual_reports", "年度数据.csv", []byte(gbk))
	var got []rowCol
	for _, er := range im.Errors {
		got = append(got, rowCol{er.Row, er.Column})
	}
	if want := []rowCol{{3, "employees"}, {3, "total_assets"}}; im.Status != "invalid" || !reflect.DeepEqual(got, want) {
		t.Fatalf("figures with two bad cells: %+v (%v)", im, got)
	}
	fixed := "统一社会信用代码,年度,从业人员（人）,营业收入（万元）,研发费用（万元）,资产总额（万元）,全国市场占有率\n" +
		ent.CreditCode + ",2025,120,\"8,500.1234\",420.5,9800,12%\n"
	im = city.importFile("annual_reports", "年度数据.csv", []byte(fixed))
	city.do("POST", fmt.Sprintf("/api/v1/imports/%d/confirm", im.ID), nil).expectStatus(http.StatusAccepted)
	if im = city.settle(im.ID); im.Status != "done" {
		t.Fatalf("figures: %+v", im)
	}
	var reports struct {
		Items []struct {
			Year                int      `json:"year"`
			OperatingRevenue    *int64   `json:"operating_revenue"`
			RDExpense           *int64   `json:"rd_expense"`
			NationalMarketShare *float64 `json:"national_market_share"`
		} `json:"items"`
	}
	city.do("GET", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports", ent.ID), nil).decode(&reports)
	if len(reports.Items) != 1 || *reports.Items[0].OperatingRevenue != 85_001_234 || *reports.Items[0].RDExpense != 4_205_000 ||
		*reports.Items[0].NationalMarketShare != 0.12 {
		t.Errorf("stored figures: %+v", reports.Items)
	}

	qh := []string{"统一社会信用代码", "梯度", "批次", "公告文号", "认定日期"}
	q := [][]any{{ent.CreditCode, "创新型中小企业", "2024年第一批广东省创新型中小企业", "粤工信融资函〔2024〕33号", "2024-06-20"}}
	im = city.importFile("qualifications", "认定.xlsx", xlsxOf(t, qh, append(q, q[0])))
	if im.Status != "invalid" || im.ErrorCount != 1 || im.Errors[0].Row != 3 || im.Errors[0].Rule != "repeats_row" {
		t.Fatalf("a repeated qualification: %+v", im)
	}
	im = city.importFile("qualifications", "认定.xlsx", xlsxOf(t, qh, q))
	city.do("POST", fmt.Sprintf("/api/v1/imports/%d/confirm", im.ID), nil).expectStatus(http.StatusAccepted)
	if im = city.settle(im.ID); im.Status != "done" || im.CreatedCount != 1 {
		t.Fatalf("qualifications: %+v", im)
	}
	var quals listResponse[qualificationResponse]
	city.do("GET", fmt.Sprintf("/api/v1/enterprises/%d/qualifications", ent.ID), nil).decode(&quals)
	if quals.Total != 1 || quals.Items[0].ValidUntil != "2027-06-20" {
		t.Errorf("imported qualification: %+v", quals.Items)
	}
	// The same file again would record it twice: refused.
	im = city.importFile("qualifications", "认定.xlsx", xlsxOf(t, qh, q))
	if im.Status != "invalid" || im.Errors[0].Rule != "duplicate" {
		t.Errorf("a qualification already recorded: %+v", im)
	}
}
