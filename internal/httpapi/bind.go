package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// MaxBodyBytes bounds every JSON body.
const MaxBodyBytes = 1 << 20

var validate = newValidator()

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	return v
}

// bindJSON reads a JSON body into dst: application/json only, at most 1 MiB, no unknown fields,
// then checks dst's validate tags. Every failure is an apperr naming the field where there is one.
func bindJSON(c *gin.Context, dst any) error {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || mt != "application/json" {
		return apperr.New(apperr.UnsupportedMediaType, "")
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return apperr.New(apperr.PayloadTooLarge, "")
		}
		return &apperr.Error{Code: apperr.BadRequest, Err: err}
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return apperr.New(apperr.BadRequest, "empty_body")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return apperr.New(apperr.BadRequest, "malformed_json")
	}
	return validateStruct(dst)
}

// decodeError names the field of a JSON decoding failure where encoding/json tells it.
func decodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return &apperr.Error{Code: apperr.BadRequest, Reason: "malformed_json", Err: err}
		}
		return apperr.Field(field, apperr.RuleWrongType, map[string]any{"type": jsonType(typeErr.Type)})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return &apperr.Error{Code: apperr.BadRequest, Reason: "malformed_json", Err: err}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return apperr.Field(field, apperr.RuleUnknownField, nil)
	}
	return &apperr.Error{Code: apperr.BadRequest, Reason: "malformed_json", Err: err}
}

func jsonType(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return t.String()
}

// validateStruct checks validate tags, naming fields by their JSON names.
func validateStruct(dst any) error {
	err := validate.Struct(dst)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return apperr.Wrap(err, "validate")
	}
	var fs apperr.Fields
	for _, fe := range verrs {
		field := fe.Field()
		if fs.Has(field) {
			continue
		}
		switch fe.Tag() {
		case "required":
			fs.Add(field, apperr.RuleRequired, nil)
		case "max":
			if fe.Kind() == reflect.String {
				fs.Add(field, apperr.RuleTooLong, map[string]any{"max": fe.Param()})
			} else {
				fs.Add(field, apperr.RuleTooLarge, map[string]any{"max": fe.Param()})
			}
		case "min":
			if fe.Kind() == reflect.String {
				fs.Add(field, apperr.RuleTooShort, map[string]any{"min": fe.Param()})
			} else {
				fs.Add(field, apperr.RuleTooSmall, map[string]any{"min": fe.Param()})
			}
		case "oneof":
			fs.Add(field, apperr.RuleOneOf, map[string]any{"values": strings.Fields(fe.Param())})
		default:
			fs.Add(field, apperr.RuleInvalid, nil)
		}
	}
	return fs.Err()
}

// queryInt reads an optional integer query parameter; 0 when absent.
func queryInt(c *gin.Context, name string, fs *apperr.Fields) int {
	s := c.Query(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		fs.Add(name, apperr.RuleWrongType, map[string]any{"type": "integer"})
	}
	return n
}

// pageOf reads page and page_size.
func pageOf(c *gin.Context, fs *apperr.Fields) paging.Request {
	number, size := queryInt(c, "page", fs), queryInt(c, "page_size", fs)
	if fs.Has("page") || fs.Has("page_size") {
		return paging.Request{}
	}
	p, err := paging.New(number, size)
	if err != nil {
		var e *apperr.Error
		if errors.As(err, &e) {
			*fs = append(*fs, e.Fields...)
		}
	}
	return p
}

// queryDate reads an optional YYYY-MM-DD query parameter.
func queryDate(c *gin.Context, name string, fs *apperr.Fields) calendar.Date {
	s := c.Query(name)
	if s == "" {
		return calendar.Date{}
	}
	d, err := calendar.Parse(s)
	if err != nil {
		fs.Add(name, apperr.RuleDate, nil)
	}
	return d
}

// pathID reads the {id} path parameter; a malformed one names no record, so it is 404.
func pathID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, apperr.New(apperr.NotFound, "")
	}
	return id, nil
}

// dateField converts an optional date string of a body to a date, naming the field on error.
func dateField(field string, v optional.Value[string], fs *apperr.Fields) optional.Value[calendar.Date] {
	if !v.Set {
		return optional.Value[calendar.Date]{}
	}
	if v.Null || v.V == "" {
		return optional.Null[calendar.Date]()
	}
	d, err := calendar.Parse(v.V)
	if err != nil {
		fs.Add(field, apperr.RuleDate, nil)
		return optional.Value[calendar.Date]{}
	}
	return optional.Of(d)
}
