package httpapi

import (
	"context"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
)

type healthResponse struct {
	Status string `json:"status"`
}

func (a *api) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, healthResponse{Status: "ok"})
}

func (a *api) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := a.Ready(ctx); err != nil {
		fail(c, &apperr.Error{Code: apperr.Unavailable, Err: err})
		return
	}
	c.JSON(http.StatusOK, healthResponse{Status: "ok"})
}

func (a *api) openapi(c *gin.Context) {
	c.Data(http.StatusOK, "application/yaml; charset=utf-8", a.OpenAPI)
}

// spa serves the built single-page app: a file of the build when there is one, index.html for
// every other path the client router owns, and 404 envelopes under /api/.
func (a *api) spa(c *gin.Context) {
	p := c.Request.URL.Path
	if strings.HasPrefix(p, "/api/") || p == "/api" || (c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead) {
		fail(c, &apperr.Error{Code: apperr.NotFound, Reason: "no_route"})
		return
	}
	index := filepath.Join(a.StaticDir, "index.html")
	if _, err := os.Stat(index); err != nil {
		c.Data(http.StatusNotFound, "text/plain; charset=utf-8",
			[]byte("The web app is not built: run `make build` (or `npm run build` in frontend/), then reload.\n"))
		return
	}
	clean := path.Clean("/" + p)
	file := filepath.Join(a.StaticDir, filepath.FromSlash(clean))
	if info, err := os.Stat(file); err == nil && !info.IsDir() {
		if strings.HasPrefix(clean, "/assets/") {
			c.Header("Cache-Control", "public, max-age=31536000, immutable")
		}
		c.File(file)
		return
	}
	if strings.HasPrefix(clean, "/assets/") {
		c.Data(http.StatusNotFound, "text/plain; charset=utf-8", []byte("not found\n"))
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.File(index)
}
