package spreadsheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var lim = Limits{MaxRows: 3, MaxUnzipped: 1 << 20, MaxXMLUnzip: 1 << 19, MaxCellChars: 10}

func workbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "数据", []string{"名称", "代码"}, rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadWorkbook(t *testing.T) {
	got, err := Read(workbook(t, [][]any{{" 甲 ", "A1"}, {"乙", 2}, {nil, nil}}), lim)
	want := [][]string{{"名称", "代码"}, {"甲", "A1"}, {"乙", "2"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
	if _, err := Read(workbook(t, [][]any{{"a"}, {"b"}, {"c"}, {"d"}}), lim); !errors.As(err, new(TooManyRowsError)) {
		t.Errorf("four rows over a limit of three: %v", err)
	}
}

func TestReadCSV(t *testing.T) {
	want := [][]string{{"名称", "代码"}, {"榕城区甲公司", "1,2"}}
	utf := "\xef\xbb\xbf名称,代码\r\n榕城区甲公司,\"1,2\"\r\n"
	if got, err := Read([]byte(utf), lim); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("UTF-8 with BOM: %v, %v", got, err)
	}
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(strings.TrimPrefix(utf, "\xef\xbb\xbf"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Read([]byte(gbk), lim); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("GB18030 as Excel saves it: %v, %v", got, err)
	}
	if got, _ := Read([]byte("a\nabcdefghijklmnop\n"), lim); len([]rune(got[1][0])) != 11 {
		t.Errorf("an overlong cell is cut just past the bound, so that its column's check fails: %q", got[1][0])
	}
}

func TestReadRefusesWhatIsNotATable(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	for name, content := range map[string][]byte{
		"a PNG":                    png,
		"empty":                    nil,
		"a zip that is no xlsx":    zipOf(t, map[string]string{"hello.txt": "hi"}),
		"a truncated workbook":     workbook(t, [][]any{{"a", "b"}})[:200],
		"a CSV with a stray quote": []byte("a,b\n\"x\"y\"z,1\n\"unterminated"),
	} {
		if _, err := Read(content, lim); !errors.Is(err, ErrNotTable) {
			t.Errorf("%s: %v, want ErrNotTable", name, err)
		}
	}
}

func TestReadRefusesAZipBomb(t *testing.T) {
	// A few KiB that unzip to 8 MiB of worksheet.
	bomb := zipOf(t, map[string]string{
		"[Content_Types].xml":      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/worksheets/sheet1.xml": strings.Repeat(" ", 8<<20),
	})
	if len(bomb) > 64<<10 {
		t.Fatalf("the bomb is %d bytes", len(bomb))
	}
	if _, err := Read(bomb, lim); !errors.Is(err, ErrTooLarge) {
		t.Errorf("zip bomb: %v, want ErrTooLarge", err)
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTemplate(t *testing.T) {
	var buf bytes.Buffer
	regions := []string{"榕城区", "揭东区", "普宁市"}
	if err := WriteTemplate(&buf, "企业", []TemplateColumn{{Header: "企业名称", Example: "示例公司"}, {Header: "所属区域", Choices: regions}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("企业")
	if !reflect.DeepEqual(rows, [][]string{{"企业名称", "所属区域"}, {"示例公司"}}) {
		t.Errorf("rows %v", rows)
	}
	dvs, err := f.GetDataValidations("企业")
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "B2:B200001" || !strings.Contains(dvs[0].Formula1, "lists!$B$1:$B$3") {
		t.Fatalf("drop-downs %+v, %v", dvs, err)
	}
	listed, _ := f.GetRows("lists")
	for i, r := range regions {
		if listed[i][1] != r {
			t.Errorf("choice %d: %v", i, listed[i])
		}
	}
	if visible, _ := f.GetSheetVisible("lists"); visible {
		t.Error("the lists sheet is visible")
	}
}
