package httpapi

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/importer"
	"github.com/tiertracker/tiertracker/internal/spreadsheet"
)

type importErrorBody struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Header  string `json:"header"`
	Cell    string `json:"cell"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

type importResponse struct {
	ID            int64             `json:"id"`
	Kind          importer.Kind     `json:"kind"`
	Filename      string            `json:"filename"`
	Format        string            `json:"format"`
	Status        importer.Status   `json:"status"`
	Failure       *string           `json:"failure"`
	FailureText   *string           `json:"failure_message"`
	Validated     bool              `json:"validated"`
	TotalRows     int               `json:"total_rows"`
	ProcessedRows int               `json:"processed_rows"`
	ErrorCount    int               `json:"error_count"`
	Errors        []importErrorBody `json:"errors"`
	CreatedCount  int               `json:"created_count"`
	UpdatedCount  int               `json:"updated_count"`
	CreatedBy     string            `json:"created_by"`
	CreatedAt     time.Time         `json:"created_at"`
	UpdatedAt     time.Time         `json:"updated_at"`
	FinishedAt    *time.Time        `json:"finished_at"`
}

// failureMessages say why an import failed as a whole.
var failureMessages = map[string]text{
	importer.FailNotTable:    {"文件不是有效的 Excel（.xlsx）或 CSV 表格", "The file is not a valid Excel (.xlsx) or CSV table"},
	importer.FailTooLarge:    {"文件解压后过大，已拒绝", "The file unzips to more than the limit and was refused"},
	importer.FailTooManyRows: {fmt.Sprintf("文件超过 %d 行上限", importer.MaxRows), fmt.Sprintf("The file has more than %d rows", importer.MaxRows)},
	importer.FailEmpty:       {"文件没有数据行", "The file has no data rows"},
	importer.FailInterrupted: {"导入中断，未写入任何数据；可重新确认导入", "The import was interrupted and wrote nothing; it can be confirmed again"},
	importer.FailInternal:    {"导入失败，未写入任何数据", "The import failed and wrote nothing"},
}

func importLang(l lang) importer.Lang {
	if l == enUS {
		return importer.EnUS
	}
	return importer.ZhCN
}

func importOf(im importer.Import, l lang) importResponse {
	out := importResponse{ID: im.ID, Kind: im.Kind, Filename: im.Filename, Format: im.Format, Status: im.Status, Validated: im.Validated,
		TotalRows: im.TotalRows, ProcessedRows: im.ProcessedRows, ErrorCount: im.ErrorCount, Errors: make([]importErrorBody, len(im.Errors)),
		CreatedCount: im.CreatedCount, UpdatedCount: im.UpdatedCount, CreatedBy: im.CreatedBy, CreatedAt: im.CreatedAt, UpdatedAt: im.UpdatedAt,
		FinishedAt: timePtr(im.FinishedAt)}
	if im.Failure != "" {
		msg := failureMessages[im.Failure][l]
		out.Failure, out.FailureText = &im.Failure, &msg
	}
	for i, e := range im.Errors {
		out.Errors[i] = importErrorBody{Row: e.Row, Column: e.Column, Header: importer.ColumnLabel(im.Kind, e.Column, importLang(l)), Cell: e.Cell,
			Rule: string(e.Rule), Message: fieldMessage(apperr.FieldError{Field: e.Column, Rule: e.Rule, Params: e.Params}, l)}
	}
	return out
}

// createImport takes a multipart upload: the field `kind` and the file `file`.
func (a *api) createImport(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, importer.MaxFileBytes+1<<20)
	reader, err := c.Request.MultipartReader()
	if err != nil {
		fail(c, apperr.New(apperr.UnsupportedMediaType, ""))
		return
	}
	var kind, filename string
	var content []byte
	gotFile := false
	for {
		part, err := reader.NextPart()
		if err == io.EOF {
			break
		}
		if err == nil {
			switch part.FormName() {
			case "kind":
				var b []byte
				b, err = io.ReadAll(io.LimitReader(part, 64))
				kind = string(b)
			case "file":
				filename, gotFile = part.FileName(), true
				content, err = io.ReadAll(io.LimitReader(part, importer.MaxFileBytes+1))
			}
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				fail(c, apperr.New(apperr.PayloadTooLarge, "import_too_large"))
				return
			}
			fail(c, &apperr.Error{Code: apperr.BadRequest, Err: err})
			return
		}
	}
	if !gotFile {
		fail(c, apperr.Field("file", apperr.RuleRequired, nil))
		return
	}
	if len(content) > importer.MaxFileBytes {
		fail(c, apperr.New(apperr.PayloadTooLarge, "import_too_large"))
		return
	}
	im, err := a.Imports.Upload(c.Request.Context(), actorOf(c), importer.Kind(kind), filename, content)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusAccepted, importOf(im, langOf(c.Request)))
}

func (a *api) listImports(c *gin.Context) {
	p, err := pageRequest(c)
	if err != nil {
		fail(c, err)
		return
	}
	res, err := a.Imports.List(c.Request.Context(), actorOf(c), p)
	if err != nil {
		fail(c, err)
		return
	}
	l := langOf(c.Request)
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, p.Number, p.Size, func(im importer.Import) importResponse { return importOf(im, l) }))
}

func (a *api) getImport(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	im, err := a.Imports.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, importOf(im, langOf(c.Request)))
}

func (a *api) confirmImport(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	im, err := a.Imports.Confirm(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusAccepted, importOf(im, langOf(c.Request)))
}

func (a *api) importTemplate(c *gin.Context) {
	kind := importer.Kind(c.Param("kind"))
	l := exportLang(c)
	body, err := a.Imports.Template(c.Request.Context(), kind, importLang(l))
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="import-%s.xlsx"`, kind))
	c.Data(http.StatusOK, spreadsheet.ContentType, body)
}
