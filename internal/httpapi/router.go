// Package httpapi is the HTTP adapter of the product: Gin routes under /api/v1, each with the
// roles that may call it, thin handlers that turn requests into domain calls and domain answers
// into the JSON of api/openapi.yaml, and the built SPA with its fallback.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/auth"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/cultivation"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/importer"
	"github.com/tiertracker/tiertracker/internal/notice"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/ratelimit"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/user"
)

// Deps are what the HTTP layer is built over; main wires them.
type Deps struct {
	Logger         *slog.Logger
	Ready          func(context.Context) error // nil when the database answers
	Auth           *auth.Service
	Users          user.Service
	Enterprises    enterprise.Service
	Reports        report.Service
	Eligibility    eligibility.Service
	Cultivation    cultivation.Service
	Batches        batch.Service
	Applications   application.Service
	Qualifications qualification.Service
	Notifications  notification.Service
	Stats          stats.Service
	Imports        importer.Service
	AnnualUpdates  annualupdate.Service
	Notices        notice.Service
	// Objections bounds public objections per client address.
	Objections  ratelimit.Limiter
	Now         func() time.Time
	Audit       audit.Service
	Regions     region.Store
	RegionAdmin region.Service
	// Registrations bounds self-registrations per client address.
	Registrations ratelimit.Limiter
	OpenAPI       []byte
	StaticDir     string // the built SPA; may not exist
	Location      *time.Location
	// TrustedProxies are the addresses whose X-Forwarded-For names the client; none by default.
	TrustedProxies []string
	// SecureCookies forces Secure cookies with the __Host- prefix; otherwise they are used when
	// the request came over TLS (directly or as X-Forwarded-Proto says).
	SecureCookies bool
	// Requests records each answered request's duration by route and status; nil records none.
	Requests RequestObserver
}

// RequestObserver records answered requests (the metrics).
type RequestObserver interface {
	ObserveRequest(route, method string, status int, took time.Duration)
}

type api struct {
	Deps
}

// route is one endpoint and the roles that may call it; nil roles means no sign-in is needed.
type route struct {
	method  string
	path    string
	roles   []access.Role
	handler gin.HandlerFunc
}

// public marks a route that needs no session.
var public []access.Role

// routes is the one table of endpoints and their roles; the authorization test walks it.
func (a *api) routes() []route {
	officers, everyone := access.Officers, access.Everyone
	adminOnly := []access.Role{access.Admin}
	auditors := []access.Role{access.Admin, access.CityOfficer}
	cityLevel := []access.Role{access.Admin, access.CityOfficer}
	// editors change an enterprise's records: officers within scope, an enterprise user its own.
	editors := []access.Role{access.Admin, access.CityOfficer, access.CountyOfficer, access.Enterprise}
	return []route{
		{"GET", "/healthz", public, a.healthz},
		{"GET", "/readyz", public, a.readyz},
		{"GET", "/api/v1/openapi.yaml", public, a.openapi},

		{"POST", "/api/v1/auth/login", public, a.login},
		{"POST", "/api/v1/auth/logout", everyone, a.logout},
		{"GET", "/api/v1/auth/me", everyone, a.me},
		{"POST", "/api/v1/auth/password", everyone, a.changePassword},
		{"POST", "/api/v1/auth/register", public, a.register},

		{"GET", "/api/v1/registrations", officers, a.listRegistrations},
		{"POST", "/api/v1/registrations/:id/approve", officers, a.approveRegistration},
		{"POST", "/api/v1/registrations/:id/reject", officers, a.rejectRegistration},

		{"GET", "/api/v1/users", adminOnly, a.listUsers},
		{"POST", "/api/v1/users", adminOnly, a.createUser},
		{"GET", "/api/v1/users/:id", adminOnly, a.getUser},
		{"PATCH", "/api/v1/users/:id", adminOnly, a.updateUser},
		{"POST", "/api/v1/users/:id/password", adminOnly, a.resetPassword},
		{"GET", "/api/v1/officers", officers, a.listOfficers},

		{"GET", "/api/v1/regions", public, a.listRegions},
		{"POST", "/api/v1/regions", adminOnly, a.createRegion},
		{"PATCH", "/api/v1/regions/:code", adminOnly, a.updateRegion},
		{"GET", "/api/v1/industries", public, a.listIndustries},

		{"GET", "/api/v1/enterprises", everyone, a.listEnterprises},
		{"POST", "/api/v1/enterprises", officers, a.createEnterprise},
		{"GET", "/api/v1/enterprises/:id", everyone, a.getEnterprise},
		{"PATCH", "/api/v1/enterprises/:id", editors, a.updateEnterprise},
		{"GET", "/api/v1/enterprises/:id/annual-reports", everyone, a.listAnnualReports},
		{"PUT", "/api/v1/enterprises/:id/annual-reports/:year", editors, a.putAnnualReport},
		{"GET", "/api/v1/enterprises/:id/eligibility", everyone, a.getEligibility},

		{"POST", "/api/v1/eligibility/evaluate", everyone, a.evaluateEligibility},
		{"GET", "/api/v1/cultivation", access.Readers, a.listCultivation},
		{"POST", "/api/v1/cultivation/entries", officers, a.createCultivationEntry},
		{"PATCH", "/api/v1/cultivation/entries/:id", officers, a.updateCultivationEntry},
		{"DELETE", "/api/v1/cultivation/entries/:id", officers, a.deleteCultivationEntry},

		{"GET", "/api/v1/batches", everyone, a.listBatches},
		{"POST", "/api/v1/batches", cityLevel, a.createBatch},
		{"GET", "/api/v1/batches/:id", everyone, a.getBatch},
		{"PATCH", "/api/v1/batches/:id", cityLevel, a.updateBatch},
		{"POST", "/api/v1/batches/:id/results", cityLevel, a.recordBatchResults},

		{"GET", "/api/v1/applications", everyone, a.listApplications},
		{"POST", "/api/v1/applications", editors, a.createApplication},
		{"POST", "/api/v1/applications/bulk-transitions", officers, a.bulkTransition},
		{"GET", "/api/v1/applications/:id", everyone, a.getApplication},
		{"PATCH", "/api/v1/applications/:id", editors, a.updateApplication},
		{"POST", "/api/v1/applications/:id/transitions", editors, a.transitionApplication},
		{"GET", "/api/v1/applications/:id/attachments", everyone, a.listAttachments},
		{"POST", "/api/v1/applications/:id/attachments", editors, a.uploadAttachment},
		{"GET", "/api/v1/applications/:id/attachments/:attachment_id", everyone, a.downloadAttachment},
		{"DELETE", "/api/v1/applications/:id/attachments/:attachment_id", editors, a.deleteAttachment},

		{"GET", "/api/v1/qualifications", everyone, a.listQualifications},
		{"POST", "/api/v1/qualifications", cityLevel, a.recordQualification},
		{"GET", "/api/v1/qualifications/:id", everyone, a.getQualification},
		{"POST", "/api/v1/qualifications/:id/revoke", cityLevel, a.revokeQualification},
		{"GET", "/api/v1/enterprises/:id/qualifications", everyone, a.listEnterpriseQualifications},

		{"GET", "/api/v1/notifications", everyone, a.listNotifications},
		{"POST", "/api/v1/notifications/:id/read", everyone, a.readNotification},

		{"POST", "/api/v1/batches/:id/notices", cityLevel, a.publishNotice},
		{"GET", "/api/v1/batches/:id/notices", access.Readers, a.batchNotices},
		{"GET", "/api/v1/public/notices", public, a.publicNotices},
		{"GET", "/api/v1/public/notices/:id", public, a.publicNotice},
		{"POST", "/api/v1/public/notices/:id/objections", public, a.lodgeObjection},
		{"GET", "/api/v1/applications/:id/objections", officers, a.listObjections},
		{"POST", "/api/v1/objections/:id/resolve", cityLevel, a.resolveObjection},
		{"GET", "/api/v1/objections/:id/files/:file_id", officers, a.downloadObjectionFile},
		{"GET", "/api/v1/annual-updates", access.Readers, a.listAnnualUpdates},
		{"GET", "/api/v1/cancellation-proposals", access.Readers, a.listCancellationProposals},
		{"POST", "/api/v1/cancellation-proposals/:id/confirm", cityLevel, a.decideCancellation(true)},
		{"POST", "/api/v1/cancellation-proposals/:id/dismiss", cityLevel, a.decideCancellation(false)},
		{"GET", "/api/v1/imports", officers, a.listImports},
		{"POST", "/api/v1/imports", officers, a.createImport},
		{"GET", "/api/v1/imports/templates/:kind", officers, a.importTemplate},
		{"GET", "/api/v1/imports/:id", officers, a.getImport},
		{"POST", "/api/v1/imports/:id/confirm", officers, a.confirmImport},
		{"GET", "/api/v1/stats/summary", access.Readers, a.statsSummary},
		{"GET", "/api/v1/stats/by-region", access.Readers, a.statsByRegion},
		{"GET", "/api/v1/stats/by-industry", access.Readers, a.statsByIndustry},
		{"GET", "/api/v1/stats/trend", access.Readers, a.statsTrend},
		{"GET", "/api/v1/stats/pipeline", access.Readers, a.statsPipeline},

		{"GET", "/api/v1/audit-events", auditors, a.listAuditEvents},
	}
}

// New returns the whole HTTP handler: the API, the SPA, and the refusal of cross-origin
// state-changing requests in front of both.
func New(d Deps) http.Handler {
	a := &api{Deps: d}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	if err := r.SetTrustedProxies(d.TrustedProxies); err != nil {
		d.Logger.Warn("ignoring TRUSTED_PROXIES", "error", err)
		_ = r.SetTrustedProxies(nil)
	}
	r.Use(a.recoverer, a.requestID, a.accessLog)
	for _, rt := range a.routes() {
		handlers := []gin.HandlerFunc{}
		if rt.roles != nil {
			handlers = append(handlers, a.authenticate, requireRole(rt.roles))
		}
		handlers = append(handlers, rt.handler)
		r.Handle(rt.method, rt.path, handlers...)
	}
	r.NoRoute(a.spa)
	r.NoMethod(func(c *gin.Context) {
		fail(c, &apperr.Error{Code: apperr.NotFound, Reason: "no_route"})
	})

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		status, env := envelopeOf(req, &apperr.Error{Code: apperr.Forbidden, Reason: "cross_origin"})
		writeJSON(w, status, env)
	}))
	return cop.Handler(r)
}
