package spreadsheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "培育库", []string{"企业名称", "得分"}, [][]any{{"甲公司", 68}, {"乙公司", nil}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("培育库")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "企业名称" || rows[1][1] != "68" || rows[2][0] != "乙公司" {
		t.Errorf("rows %v", rows)
	}
}
