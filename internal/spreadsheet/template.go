package spreadsheet

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// TemplateColumn is a column of an import template: its header, an example value, and, for a
// dictionary column, the values its drop-down offers.
type TemplateColumn struct {
	Header  string
	Example string
	Choices []string
}

// templateRows is how far down the drop-downs reach.
const templateRows = 200001

// WriteTemplate writes an import template: a bold header row, an example row, and a drop-down
// on every dictionary column whose choices are kept on a hidden sheet (a list of any length).
func WriteTemplate(w io.Writer, sheet string, cols []TemplateColumn) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	const lists = "lists"
	if _, err := f.NewSheet(lists); err != nil {
		return err
	}
	for i, c := range cols {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, col+"1", c.Header); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, col+"1", col+"1", bold); err != nil {
			return err
		}
		if c.Example != "" {
			if err := f.SetCellStr(sheet, col+"2", c.Example); err != nil {
				return err
			}
		}
		if err := f.SetColWidth(sheet, col, col, float64(max(12, len([]rune(c.Header))*2+2))); err != nil {
			return err
		}
		if len(c.Choices) == 0 {
			continue
		}
		for j, v := range c.Choices {
			if err := f.SetCellStr(lists, col+strconv.Itoa(j+1), v); err != nil {
				return err
			}
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = col + "2:" + col + strconv.Itoa(templateRows)
		dv.SetSqrefDropList(lists + "!$" + col + "$1:$" + col + "$" + strconv.Itoa(len(c.Choices)))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.SetSheetVisible(lists, false); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
