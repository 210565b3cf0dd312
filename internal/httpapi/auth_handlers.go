package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/user"
)

// The session cookie: __Host- prefixed and Secure behind TLS, plain on http://localhost.
const (
	cookieName       = "tt_session"
	secureCookieName = "__Host-tt_session"
)

func sessionToken(r *http.Request) string {
	for _, name := range []string{secureCookieName, cookieName} {
		if ck, err := r.Cookie(name); err == nil && ck.Value != "" {
			return ck.Value
		}
	}
	return ""
}

func (a *api) secure(r *http.Request) bool {
	return a.SecureCookies || r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}

func (a *api) setSessionCookie(c *gin.Context, token string) {
	name := cookieName
	if a.secure(c.Request) {
		name = secureCookieName
	}
	http.SetCookie(c.Writer, &http.Cookie{
		Name: name, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: name == secureCookieName,
	})
}

func (a *api) clearSessionCookie(c *gin.Context) {
	for _, name := range []string{cookieName, secureCookieName} {
		if _, err := c.Request.Cookie(name); err != nil {
			continue
		}
		http.SetCookie(c.Writer, &http.Cookie{
			Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: name == secureCookieName,
		})
	}
}

type meResponse struct {
	ID           int64       `json:"id"`
	Username     string      `json:"username"`
	DisplayName  string      `json:"display_name"`
	Role         access.Role `json:"role"`
	RegionCode   *string     `json:"region_code"`
	EnterpriseID *int64      `json:"enterprise_id"`
}

func meOf(u user.User) meResponse {
	return meResponse{
		ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: u.Role,
		RegionCode: strPtr(u.RegionCode), EnterpriseID: idPtr(u.EnterpriseID),
	}
}

type loginRequest struct {
	Username string `json:"username" validate:"required,max=64"`
	Password string `json:"password" validate:"required,max=128"`
}

func (a *api) login(c *gin.Context) {
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	token, u, err := a.Auth.Login(c.Request.Context(), req.Username, req.Password)
	if err != nil {
		fail(c, err)
		return
	}
	a.setSessionCookie(c, token)
	c.JSON(http.StatusOK, meOf(u))
}

func (a *api) logout(c *gin.Context) {
	if err := a.Auth.Logout(c.Request.Context(), actorOf(c), sessionToken(c.Request)); err != nil {
		fail(c, err)
		return
	}
	a.clearSessionCookie(c)
	c.Status(http.StatusNoContent)
}

func (a *api) me(c *gin.Context) {
	c.JSON(http.StatusOK, meOf(userOf(c)))
}

type passwordChangeRequest struct {
	CurrentPassword string `json:"current_password" validate:"required,max=128"`
	NewPassword     string `json:"new_password" validate:"required,max=128"`
}

func (a *api) changePassword(c *gin.Context) {
	var req passwordChangeRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	err := a.Auth.ChangePassword(c.Request.Context(), actorOf(c), sessionToken(c.Request), req.CurrentPassword, req.NewPassword)
	if err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type registrationRequest struct {
	Username       string `json:"username" validate:"required,max=32"`
	Password       string `json:"password" validate:"required,max=128"`
	DisplayName    string `json:"display_name" validate:"required,max=64"`
	Phone          string `json:"phone" validate:"max=32"`
	EnterpriseName string `json:"enterprise_name" validate:"required,max=200"`
	CreditCode     string `json:"credit_code" validate:"required"`
	RegionCode     string `json:"region_code" validate:"required"`
	IndustryCode   string `json:"industry_code"`
}

func (a *api) register(c *gin.Context) {
	var req registrationRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	if err := a.Registrations.Allow(c.Request.Context(), "register:"+c.ClientIP()); err != nil {
		fail(c, err)
		return
	}
	u, err := a.Users.Register(c.Request.Context(), user.Registration{
		Username: req.Username, Password: req.Password, DisplayName: req.DisplayName, Phone: req.Phone,
		EnterpriseName: req.EnterpriseName, CreditCode: req.CreditCode, RegionCode: req.RegionCode,
		IndustryCode: req.IndustryCode,
	})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, registrationOf(u))
}
