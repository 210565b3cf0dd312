package httpapi

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/spreadsheet"
)

// wantsExport reads format: json (the default) or xlsx, which answers every matching row of the
// list as a workbook.
func wantsExport(c *gin.Context, fs *apperr.Fields) bool {
	switch c.Query("format") {
	case "", "json":
		return false
	case "xlsx":
		return true
	}
	fs.Add("format", apperr.RuleOneOf, map[string]any{"values": []string{"json", "xlsx"}})
	return false
}

// column is a column of an export: its header in each language and its cell of a row.
type column[T any] struct {
	head text
	cell func(T, lang) any
}

// sendXLSX answers rows as a workbook, headers in the caller's language.
func sendXLSX[T any](c *gin.Context, name string, sheet text, cols []column[T], items []T) {
	l := exportLang(c)
	headers := make([]string, len(cols))
	for i, col := range cols {
		headers[i] = col.head[l]
	}
	rows := make([][]any, len(items))
	for i, it := range items {
		row := make([]any, len(cols))
		for j, col := range cols {
			row[j] = col.cell(it, l)
		}
		rows[i] = row
	}
	var buf bytes.Buffer
	if err := spreadsheet.Write(&buf, sheet[l], headers, rows); err != nil {
		fail(c, apperr.Wrap(err, "write xlsx"))
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s.xlsx"`, name, time.Now().Format("20060102")))
	c.Data(http.StatusOK, spreadsheet.ContentType, buf.Bytes())
}

// wan shows yuan in 万元, as officers read money, to four decimals (exact to the yuan).
func wan(yuan *int64) any {
	if yuan == nil {
		return nil
	}
	return float64(*yuan) / 10000
}

func orNil[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
