package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/auth"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/cultivation"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/filestore"
	"github.com/tiertracker/tiertracker/internal/importer"
	"github.com/tiertracker/tiertracker/internal/notice"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/ratelimit"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
	"github.com/tiertracker/tiertracker/internal/user"
)

const specPath = "../../api/openapi.yaml"

var (
	specOnce      sync.Once
	specBytes     []byte
	specValidator validator.Validator
	specErr       error
)

// contract returns the validator of api/openapi.yaml, which every test response must satisfy.
func contract(t testing.TB) validator.Validator {
	t.Helper()
	specOnce.Do(func() {
		specBytes, specErr = os.ReadFile(specPath)
		if specErr != nil {
			return
		}
		doc, err := libopenapi.NewDocument(specBytes)
		if err != nil {
			specErr = err
			return
		}
		v, errs := validator.NewValidator(doc, config.WithoutSecurityValidation(), config.WithFormatAssertions())
		if len(errs) > 0 {
			specErr = fmt.Errorf("build validator: %v", errs)
			return
		}
		if ok, verrs := v.ValidateDocument(); !ok {
			specErr = fmt.Errorf("openapi.yaml is not a valid OpenAPI document: %s", describe(verrs))
			return
		}
		specValidator = v
	})
	if specErr != nil {
		t.Fatalf("contract: %v", specErr)
	}
	return specValidator
}

func describe[E interface{ Error() string }](errs []E) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString("\n  - " + e.Error())
	}
	return b.String()
}

// testEnv is the real router over a throwaway database and a clock the test moves.
type testEnv struct {
	t       *testing.T
	db      *gorm.DB
	now     time.Time
	handler http.Handler
	hasher  user.Hasher
	seq     int
	files   string // where attachments are kept
	imports importer.Service
	updates annualupdate.Service
	// noticeDays is the public notice's period; 0 (the tests' default) leaves the step out.
	noticeDays int
}

var testLocation = time.FixedZone("CST", 8*3600)

func newEnv(t *testing.T) *testEnv {
	t.Helper()
	contract(t)
	e := &testEnv{t: t, db: storetest.New(t), now: time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC), hasher: user.Hasher{Cost: bcrypt.MinCost}, files: t.TempDir()}
	e.handler = e.build(t.TempDir())
	if err := store.NewSeeder(e.db).UpsertRegions(context.Background(), demo.Regions, e.now); err != nil {
		t.Fatal(err)
	}
	return e
}

// build returns the router over e's database and clock, serving the SPA built in staticDir.
func (e *testEnv) build(staticDir string) http.Handler {
	t := e.t
	clock := func() time.Time { return e.now }
	authService, err := auth.New(store.NewSessions(e.db), e.hasher, clock, []byte("test-secret-test-secret-test-secret"), auth.DefaultPolicy)
	if err != nil {
		t.Fatal(err)
	}
	jobs, cancelJobs := context.WithCancel(context.Background())
	e.imports = importer.NewService(jobs, store.NewImports(e.db), qualification.Service{Store: store.NewQualifications(e.db), Now: clock, Location: testLocation},
		clock, testLocation, slog.New(slog.NewTextHandler(io.Discard, nil)))
	imports := e.imports
	applications := application.Service{Store: store.NewApplications(e.db), Files: filestore.Dir{Root: e.files}, Now: clock, Location: testLocation,
		Updates: annualupdate.DefaultRules, NoticeDays: e.noticeDays}
	// A page of one qualification, so that the daily job's paging is walked in every test.
	e.updates = annualupdate.Service{Store: store.NewAnnualUpdates(e.db), Rules: annualupdate.DefaultRules,
		Qualifications: qualification.Service{Store: store.NewQualifications(e.db), Now: clock, Location: testLocation}, Now: clock, Location: testLocation,
		PageSize: 1}
	t.Cleanup(func() { cancelJobs(); imports.Wait() })
	return New(Deps{
		Logger:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		Ready:          func(ctx context.Context) error { return store.Ping(ctx, e.db) },
		Auth:           authService,
		Users:          user.Service{Store: store.NewUsers(e.db), Hasher: e.hasher, Now: clock, Location: testLocation},
		Enterprises:    enterprise.Service{Store: store.NewEnterprises(e.db), Now: clock, Location: testLocation},
		Reports:        report.Service{Store: store.NewReports(e.db), Now: clock, Location: testLocation},
		Eligibility:    eligibility.Service{Store: store.NewEligibility(e.db), Now: clock, Location: testLocation},
		Cultivation:    cultivation.Service{Store: store.NewCultivation(e.db), Now: clock, Location: testLocation},
		Batches:        batch.Service{Store: store.NewBatches(e.db), Now: clock, Location: testLocation},
		Applications:   applications,
		Qualifications: qualification.Service{Store: store.NewQualifications(e.db), Now: clock, Location: testLocation},
		Notifications:  notification.Service{Store: store.NewNotifications(e.db), Now: clock},
		Stats:          stats.Service{Store: store.NewStats(e.db), Now: clock, Location: testLocation},
		Imports:        e.imports,
		AnnualUpdates:  e.updates,
		Now:            clock,
		Audit:          audit.Service{Store: store.NewReader(e.db)},
		Regions:        store.NewReader(e.db),
		RegionAdmin:    region.Service{Store: store.NewRegions(e.db), Now: clock},
		Registrations:  ratelimit.Limiter{Store: store.NewRateLimits(e.db), Now: clock, Limit: 10, Window: time.Hour},
		Notices: notice.Service{Store: store.NewNotices(e.db), Files: filestore.Dir{Root: e.files}, Applications: applications,
			Days: e.noticeDays, Now: clock, Location: testLocation},
		Objections: ratelimit.Limiter{Store: store.NewRateLimits(e.db), Now: clock, Limit: 5, Window: time.Hour},
		OpenAPI:    specBytes,
		StaticDir:  staticDir,
		Location:   testLocation,
	})
}

// seedDemo fills the database with the demo city and its accounts.
func (e *testEnv) seedDemo() {
	e.t.Helper()
	if _, err := demo.Seed(context.Background(), store.NewSeeder(e.db), e.hasher, e.now, testLocation); err != nil {
		e.t.Fatal(err)
	}
}

func (e *testEnv) advance(d time.Duration) { e.now = e.now.Add(d) }

// validCode returns a fresh, valid credit code of a region.
func (e *testEnv) validCode(region string) string {
	e.seq++
	first := "91" + region + fmt.Sprintf("%09d", 100000+e.seq)
	return first + string(creditcode.CheckChar(first))
}

// badCheck returns a well-formed code whose check character is wrong.
func badCheck(code string) string {
	last := code[17]
	for _, c := range []byte(creditcode.Alphabet) {
		if c != last {
			return code[:17] + string(c)
		}
	}
	panic("unreachable")
}

// addEnterprise stores an enterprise of a region.
func (e *testEnv) addEnterprise(region, name string) enterprise.Enterprise {
	e.t.Helper()
	ent := enterprise.Enterprise{
		Name: name, CreditCode: e.validCode(region), RegionCode: region, IndustryCode: "C34",
		Tags: []string{}, Version: 1, CreatedAt: e.now, UpdatedAt: e.now,
	}
	if err := store.NewEnterprises(e.db).CreateEnterprise(context.Background(), &ent); err != nil {
		e.t.Fatal(err)
	}
	return ent
}

const testPassword = "test-pass-2026"

// addUser stores an active account with testPassword.
func (e *testEnv) addUser(username string, role access.Role, region string, enterpriseID int64) user.User {
	e.t.Helper()
	hash, err := e.hasher.Hash(testPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	u := user.User{
		Username: username, DisplayName: "测试 " + username, Role: role, RegionCode: region, EnterpriseID: enterpriseID,
		Status: user.Active, PasswordHash: hash, Version: 1, CreatedAt: e.now, UpdatedAt: e.now,
	}
	if err := store.NewUsers(e.db).CreateUser(context.Background(), &u); err != nil {
		e.t.Fatal(err)
	}
	return u
}

// client is a browser or script talking to the router, keeping its cookies.
type client struct {
	e       *testEnv
	cookies map[string]string
	lang    string
}

func (e *testEnv) client() *client { return &client{e: e, cookies: map[string]string{}} }

// login returns a client signed in as username with password.
func (e *testEnv) login(username, password string) *client {
	e.t.Helper()
	c := e.client()
	r := c.do("POST", "/api/v1/auth/login", map[string]string{"username": username, "password": password})
	if r.status != http.StatusOK {
		e.t.Fatalf("login %s: %d %s", username, r.status, r.body)
	}
	return c
}

type response struct {
	t      *testing.T
	status int
	header http.Header
	body   []byte
}

func (r response) decode(v any) {
	r.t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		r.t.Fatalf("decode %s: %v", r.body, err)
	}
}

type envelope struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Fields  []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"fields"`
	} `json:"error"`
}

func (r response) envelope() envelope {
	r.t.Helper()
	var env envelope
	r.decode(&env)
	if env.Error.Code == "" || env.Error.Message == "" {
		r.t.Fatalf("not an error envelope: %d %s", r.status, r.body)
	}
	return env
}

// expectError checks the status and code of an error, and that it names the fields given.
func (r response) expectError(status int, code string, fields ...string) envelope {
	r.t.Helper()
	if r.status != status {
		r.t.Fatalf("status = %d, want %d: %s", r.status, status, r.body)
	}
	env := r.envelope()
	if env.Error.Code != code {
		r.t.Fatalf("code = %s, want %s: %s", env.Error.Code, code, r.body)
	}
	for _, f := range fields {
		found := false
		for _, got := range env.Error.Fields {
			if got.Field == f && got.Message != "" {
				found = true
			}
		}
		if !found {
			r.t.Fatalf("field %s not named: %s", f, r.body)
		}
	}
	return env
}

func (r response) expectStatus(status int) response {
	r.t.Helper()
	if r.status != status {
		r.t.Fatalf("status = %d, want %d: %s", r.status, status, r.body)
	}
	return r
}

// do sends a JSON request that the contract allows and checks the request and the response
// against the contract.
func (c *client) do(method, path string, body any) response {
	c.e.t.Helper()
	var raw []byte
	if body != nil {
		var err error
		if raw, err = json.Marshal(body); err != nil {
			c.e.t.Fatal(err)
		}
	}
	return c.send(method, path, "application/json", raw, true, nil)
}

// doUnchecked sends a JSON request that breaks the contract on purpose; the response is still
// checked against the contract.
func (c *client) doUnchecked(method, path string, body any) response {
	c.e.t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		c.e.t.Fatal(err)
	}
	return c.send(method, path, "application/json", raw, false, nil)
}

// sendQuiet sends a JSON request from many goroutines at once, checking nothing (testing.T is
// not for concurrent Fatal); it answers the status.
func (c *client) sendQuiet(method, path string, body []byte) int {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for name, value := range c.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	rec := httptest.NewRecorder()
	c.e.handler.ServeHTTP(rec, req)
	return rec.Code
}

// raw sends a request as given (perhaps against the contract on purpose); the response is still
// checked against the contract.
func (c *client) raw(method, path, contentType string, body []byte, header http.Header) response {
	c.e.t.Helper()
	return c.send(method, path, contentType, body, false, header)
}

func (c *client) send(method, path, contentType string, body []byte, checkRequest bool, header http.Header) response {
	t := c.e.t
	t.Helper()
	newReq := func() *http.Request {
		req := httptest.NewRequest(method, path, bytes.NewReader(body))
		if body != nil {
			req.Header.Set("Content-Type", contentType)
		}
		if c.lang != "" {
			req.Header.Set("Accept-Language", c.lang)
		}
		for k, v := range header {
			req.Header[k] = v
		}
		for name, value := range c.cookies {
			req.AddCookie(&http.Cookie{Name: name, Value: value})
		}
		return req
	}
	v := contract(t)
	if checkRequest {
		if ok, errs := v.ValidateHttpRequestSync(newReq()); !ok {
			t.Fatalf("request %s %s breaks the contract:%s", method, path, describe(errs))
		}
	}
	rec := httptest.NewRecorder()
	c.e.handler.ServeHTTP(rec, newReq())
	res := rec.Result()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	out := response{t: t, status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
	checkResponse(t, v, newReq(), rec)
	return out
}

// checkResponse fails the test when a response breaks the contract, or is a 500.
func checkResponse(t *testing.T, v validator.Validator, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	res := rec.Result()
	res.Body = io.NopCloser(bytes.NewReader(rec.Body.Bytes()))
	if ok, errs := v.ValidateHttpResponse(req, res); !ok {
		t.Fatalf("response %d to %s %s breaks the contract:%s\nbody: %s", rec.Code, req.Method, req.URL, describe(errs), rec.Body.String())
	}
	if rec.Code >= 500 && rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("%s %s answered %d: %s", req.Method, req.URL, rec.Code, rec.Body.String())
	}
}

// count returns the number of rows of a table, to show that nothing was written.
func (e *testEnv) count(table string) int64 {
	e.t.Helper()
	var n int64
	if err := e.db.Table(table).Count(&n).Error; err != nil {
		e.t.Fatal(err)
	}
	return n
}

func urlQuery(s string) string { return url.QueryEscape(s) }
