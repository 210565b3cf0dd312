package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/logging"
	"github.com/tiertracker/tiertracker/internal/user"
)

const (
	requestIDHeader = "X-Request-ID"
	actorKey        = "actor"
	userKey         = "user"
	tokenKey        = "session_token"
)

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

func newRequestID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// requestID gives every request an ID (the caller's, when it is sane), echoes it in the response,
// and carries it, with the caller's address, in the request's context for logs and audit events.
func (a *api) requestID(c *gin.Context) {
	id := c.GetHeader(requestIDHeader)
	if !requestIDPattern.MatchString(id) {
		id = newRequestID()
	}
	c.Header(requestIDHeader, id)
	ctx := logging.WithRequestID(c.Request.Context(), id)
	ctx = audit.WithOrigin(ctx, audit.Origin{IP: c.ClientIP(), UserAgent: c.Request.UserAgent(), RequestID: id})
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}

// accessLog writes one line per request.
func (a *api) accessLog(c *gin.Context) {
	start := time.Now()
	c.Next()
	took := time.Since(start)
	route := c.FullPath()
	if route == "" {
		route = "(none)"
	}
	if a.Requests != nil {
		a.Requests.ObserveRequest(route, c.Request.Method, c.Writer.Status(), took)
	}
	attrs := []any{
		"method", c.Request.Method, "route", route, "status", c.Writer.Status(),
		"duration_ms", float64(took.Microseconds()) / 1000, "bytes", c.Writer.Size(),
	}
	if v, ok := c.Get(actorKey); ok {
		attrs = append(attrs, "user", v.(access.Actor).Username)
	}
	level := slog.LevelInfo
	if c.Writer.Status() >= http.StatusInternalServerError {
		level = slog.LevelError
	}
	a.Logger.Log(c.Request.Context(), level, "request", attrs...)
}

// recoverer turns a panic into a logged 500 with the envelope.
func (a *api) recoverer(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			a.Logger.ErrorContext(c.Request.Context(), "panic", "value", fmt.Sprint(v), "stack", string(debug.Stack()))
			fail(c, apperr.New(apperr.Internal, ""))
		}
	}()
	c.Next()
}

// authenticate resolves the session cookie to the caller, or answers 401.
func (a *api) authenticate(c *gin.Context) {
	token := sessionToken(c.Request)
	u, _, err := a.Auth.Authenticate(c.Request.Context(), token)
	if err != nil {
		if apperr.Is(err, apperr.Unauthenticated) {
			a.clearSessionCookie(c)
		}
		fail(c, err)
		return
	}
	c.Set(actorKey, u.Actor())
	c.Set(userKey, u)
	c.Set(tokenKey, token)
	c.Next()
}

// requireRole answers 403 to a caller whose role may not use the route.
func requireRole(roles []access.Role) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !slices.Contains(roles, actorOf(c).Role) {
			fail(c, apperr.New(apperr.Forbidden, ""))
			return
		}
		c.Next()
	}
}

func actorOf(c *gin.Context) access.Actor {
	v, _ := c.Get(actorKey)
	actor, _ := v.(access.Actor)
	return actor
}

func userOf(c *gin.Context) user.User {
	v, _ := c.Get(userKey)
	u, _ := v.(user.User)
	return u
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
