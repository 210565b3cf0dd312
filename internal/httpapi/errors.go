package httpapi

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/logging"
)

// statusOf maps each error code to its HTTP status: the one place this is decided.
var statusOf = map[apperr.Code]int{
	apperr.BadRequest:           http.StatusBadRequest,
	apperr.Unauthenticated:      http.StatusUnauthorized,
	apperr.InvalidCredentials:   http.StatusUnauthorized,
	apperr.Forbidden:            http.StatusForbidden,
	apperr.AccountPending:       http.StatusForbidden,
	apperr.AccountDisabled:      http.StatusForbidden,
	apperr.NotFound:             http.StatusNotFound,
	apperr.Conflict:             http.StatusConflict,
	apperr.Duplicate:            http.StatusConflict,
	apperr.StaleVersion:         http.StatusConflict,
	apperr.InvalidTransition:    http.StatusConflict,
	apperr.PayloadTooLarge:      http.StatusRequestEntityTooLarge,
	apperr.UnsupportedMediaType: http.StatusUnsupportedMediaType,
	apperr.ValidationFailed:     http.StatusUnprocessableEntity,
	apperr.Locked:               http.StatusTooManyRequests,
	apperr.RateLimited:          http.StatusTooManyRequests,
	apperr.Unavailable:          http.StatusServiceUnavailable,
	apperr.Internal:             http.StatusInternalServerError,
}

type fieldErrorBody struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

type errorBody struct {
	Code      apperr.Code      `json:"code"`
	Message   string           `json:"message"`
	RequestID string           `json:"request_id,omitempty"`
	Fields    []fieldErrorBody `json:"fields,omitempty"`
}

type errorEnvelope struct {
	Error errorBody `json:"error"`
}

// envelopeOf turns any error into the envelope and status of DESIGN.md, in the caller's language.
func envelopeOf(r *http.Request, err error) (int, errorEnvelope) {
	var e *apperr.Error
	if !errors.As(err, &e) {
		e = &apperr.Error{Code: apperr.Internal, Err: err}
	}
	status, ok := statusOf[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	l := langOf(r)
	body := errorBody{Code: e.Code, Message: messageOf(e, l), RequestID: logging.RequestID(r.Context())}
	if status == http.StatusInternalServerError {
		body.Code = apperr.Internal
		body.Message = codeMessages[apperr.Internal][l]
	}
	for _, f := range e.Fields {
		body.Fields = append(body.Fields, fieldErrorBody{Field: f.Field, Message: fieldMessage(f, l)})
	}
	return status, errorEnvelope{Error: body}
}

// fail writes err as the error envelope and stops the request. Internal errors are logged with
// the request ID; their text never reaches the client.
func fail(c *gin.Context, err error) {
	status, env := envelopeOf(c.Request, err)
	if status >= http.StatusInternalServerError {
		slog.ErrorContext(c.Request.Context(), "request failed", "error", err.Error(), "path", c.FullPath())
	}
	var e *apperr.Error
	if errors.As(err, &e) && e.RetryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(int(e.RetryAfter.Seconds()+0.999)))
	}
	c.AbortWithStatusJSON(status, env)
}
