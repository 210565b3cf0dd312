package spreadsheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Format is the kind of a table file.
type Format string

// The formats read.
const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// Limits bound what a file may hold: rows below the header, and, for a workbook, the bytes it
// unzips to (whole and per XML part), so that a small file cannot blow up in memory.
type Limits struct {
	MaxRows      int
	MaxUnzipped  int64
	MaxXMLUnzip  int64
	MaxCellChars int
}

// ErrNotTable is returned for a file that is not the workbook or CSV it claims to be.
var ErrNotTable = errors.New("not a table file")

// TooManyRowsError is returned for a file with more rows than Limits.MaxRows.
type TooManyRowsError struct{ Max int }

func (e TooManyRowsError) Error() string { return fmt.Sprintf("more than %d rows", e.Max) }

// ErrTooLarge is returned for a workbook that unzips to more than the limits.
var ErrTooLarge = errors.New("the workbook unzips to more than the limit")

var zipMagic = []byte("PK\x03\x04")

// Sniff tells a workbook from a CSV file by its content, whatever its name says: a workbook is a
// zip archive; a CSV file is text (UTF-8, or GB18030 as Chinese Excel saves it) without NUL bytes.
func Sniff(content []byte) (Format, error) {
	if bytes.HasPrefix(content, zipMagic) {
		return XLSX, nil
	}
	head := content[:min(len(content), 8192)]
	if len(head) == 0 || bytes.IndexByte(head, 0) >= 0 {
		return "", ErrNotTable
	}
	return CSV, nil
}

// Read returns the rows of a table file, the header first, each cell trimmed; a trailing empty
// row is dropped. A workbook is read from its first sheet.
func Read(content []byte, lim Limits) ([][]string, error) {
	f, err := Sniff(content)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	if f == XLSX {
		rows, err = readXLSX(content, lim)
	} else {
		rows, err = readCSV(content, lim)
	}
	if err != nil {
		return nil, err
	}
	for len(rows) > 0 && blank(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	return rows, nil
}

func blank(row []string) bool {
	for _, c := range row {
		if c != "" {
			return false
		}
	}
	return true
}

func trimRow(row []string, lim Limits) []string {
	for i, c := range row {
		c = strings.TrimSpace(c)
		if lim.MaxCellChars > 0 && utf8.RuneCountInString(c) > lim.MaxCellChars {
			c = string([]rune(c)[:lim.MaxCellChars+1]) // long enough to fail the column's own limit
		}
		row[i] = c
	}
	return row
}

func readXLSX(content []byte, lim Limits) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(content), excelize.Options{UnzipSizeLimit: lim.MaxUnzipped, UnzipXMLSizeLimit: lim.MaxXMLUnzip})
	if err != nil {
		// excelize has no sentinel for its unzip bound; its message is all there is.
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, ErrTooLarge
		}
		return nil, fmt.Errorf("%w: %v", ErrNotTable, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrNotTable
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotTable, err)
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if lim.MaxRows > 0 && len(rows) > lim.MaxRows {
			return nil, TooManyRowsError{lim.MaxRows}
		}
		row, err := it.Columns()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotTable, err)
		}
		rows = append(rows, trimRow(row, lim))
	}
	return rows, it.Error()
}

func readCSV(content []byte, lim Limits) ([][]string, error) {
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(content) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(content)
		if err != nil {
			return nil, ErrNotTable
		}
		content = decoded
	}
	r := csv.NewReader(bytes.NewReader(content))
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotTable, err)
		}
		if lim.MaxRows > 0 && len(rows) > lim.MaxRows {
			return nil, TooManyRowsError{lim.MaxRows}
		}
		rows = append(rows, trimRow(row, lim))
	}
}
