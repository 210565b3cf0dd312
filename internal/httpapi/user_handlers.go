package httpapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/user"
)

type userResponse struct {
	ID             int64       `json:"id"`
	Username       string      `json:"username"`
	DisplayName    string      `json:"display_name"`
	Phone          *string     `json:"phone"`
	Role           access.Role `json:"role"`
	RegionCode     *string     `json:"region_code"`
	EnterpriseID   *int64      `json:"enterprise_id"`
	EnterpriseName *string     `json:"enterprise_name"`
	Status         user.Status `json:"status"`
	Version        int         `json:"version"`
	CreatedAt      time.Time   `json:"created_at"`
	UpdatedAt      time.Time   `json:"updated_at"`
	LastLoginAt    *time.Time  `json:"last_login_at"`
}

func userOfDomain(u user.User) userResponse {
	return userResponse{
		ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Phone: strPtr(u.Phone), Role: u.Role,
		RegionCode: strPtr(u.RegionCode), EnterpriseID: idPtr(u.EnterpriseID), EnterpriseName: strPtr(u.EnterpriseName),
		Status: u.Status, Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt, LastLoginAt: timePtr(u.LastLoginAt),
	}
}

type registrationEnterprise struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	CreditCode string `json:"credit_code"`
	RegionCode string `json:"region_code"`
}

type registrationResponse struct {
	ID          int64                  `json:"id"`
	Username    string                 `json:"username"`
	DisplayName string                 `json:"display_name"`
	Phone       *string                `json:"phone"`
	Status      user.Status            `json:"status"`
	CreatedAt   time.Time              `json:"created_at"`
	DecidedAt   *time.Time             `json:"decided_at"`
	DecidedBy   *string                `json:"decided_by"`
	Reason      *string                `json:"reason"`
	Enterprise  registrationEnterprise `json:"enterprise"`
}

func registrationOf(u user.User) registrationResponse {
	return registrationResponse{
		ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Phone: strPtr(u.Phone), Status: u.Status,
		CreatedAt: u.CreatedAt, DecidedAt: timePtr(u.DecidedAt), DecidedBy: strPtr(u.DecidedBy), Reason: strPtr(u.DecisionReason),
		Enterprise: registrationEnterprise{ID: u.EnterpriseID, Name: u.EnterpriseName, CreditCode: u.EnterpriseCreditCode, RegionCode: u.EnterpriseRegionCode},
	}
}

type officerResponse struct {
	ID          int64       `json:"id"`
	Username    string      `json:"username"`
	DisplayName string      `json:"display_name"`
	Role        access.Role `json:"role"`
	RegionCode  *string     `json:"region_code"`
}

func officerOf(u user.User) officerResponse {
	return officerResponse{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: u.Role, RegionCode: strPtr(u.RegionCode)}
}

func (a *api) listUsers(c *gin.Context) {
	var fs apperr.Fields
	f := user.Filter{
		Query: c.Query("q"), Role: access.Role(c.Query("role")), Status: user.Status(c.Query("status")),
		RegionCode: c.Query("region"), Page: pageOf(c, &fs),
	}
	if f.Role != "" && !f.Role.Valid() {
		fs.Add("role", apperr.RuleOneOf, map[string]any{"values": access.Roles})
	}
	if f.Status != "" && !f.Status.Valid() {
		fs.Add("status", apperr.RuleOneOf, map[string]any{"values": []user.Status{user.Active, user.Pending, user.Rejected, user.Disabled}})
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.Users.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, userOfDomain))
}

func (a *api) listOfficers(c *gin.Context) {
	page, err := pageRequest(c)
	if err != nil {
		fail(c, err)
		return
	}
	res, err := a.Users.ListOfficers(c.Request.Context(), actorOf(c), c.Query("region"), page)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, officerOf))
}

type userCreateRequest struct {
	Username     string  `json:"username" validate:"required,max=32"`
	Password     string  `json:"password" validate:"required,max=128"`
	DisplayName  string  `json:"display_name" validate:"required,max=64"`
	Phone        *string `json:"phone" validate:"omitempty,max=32"`
	Role         string  `json:"role" validate:"required"`
	RegionCode   *string `json:"region_code"`
	EnterpriseID *int64  `json:"enterprise_id"`
}

func (a *api) createUser(c *gin.Context) {
	var req userCreateRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	in := user.NewUser{
		Username: req.Username, Password: req.Password, DisplayName: req.DisplayName, Role: access.Role(req.Role),
	}
	if req.Phone != nil {
		in.Phone = *req.Phone
	}
	if req.RegionCode != nil {
		in.RegionCode = *req.RegionCode
	}
	if req.EnterpriseID != nil {
		in.EnterpriseID = *req.EnterpriseID
	}
	u, err := a.Users.Create(c.Request.Context(), actorOf(c), in)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, userOfDomain(u))
}

func (a *api) getUser(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	u, err := a.Users.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, userOfDomain(u))
}

type userPatchRequest struct {
	DisplayName  *string                `json:"display_name" validate:"omitempty,min=1,max=64"`
	Phone        optional.Value[string] `json:"phone"`
	Role         *string                `json:"role"`
	RegionCode   optional.Value[string] `json:"region_code"`
	EnterpriseID optional.Value[int64]  `json:"enterprise_id"`
	Status       *string                `json:"status"`
	Version      *int                   `json:"version" validate:"required"`
}

func (a *api) updateUser(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req userPatchRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	p := user.Patch{DisplayName: req.DisplayName, Version: *req.Version}
	if req.Phone.Set {
		p.Phone = &req.Phone.V
	}
	if req.Role != nil {
		r := access.Role(*req.Role)
		p.Role = &r
	}
	if req.RegionCode.Set {
		p.RegionCode = &req.RegionCode.V
	}
	if req.EnterpriseID.Set {
		p.EnterpriseID = &req.EnterpriseID.V
	}
	if req.Status != nil {
		s := user.Status(*req.Status)
		p.Status = &s
	}
	u, err := a.Users.Update(c.Request.Context(), actorOf(c), id, p)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, userOfDomain(u))
}

type passwordResetRequest struct {
	Password string `json:"password" validate:"required,max=128"`
}

func (a *api) resetPassword(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req passwordResetRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	if err := a.Users.ResetPassword(c.Request.Context(), actorOf(c), id, req.Password); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (a *api) listRegistrations(c *gin.Context) {
	page, err := pageRequest(c)
	if err != nil {
		fail(c, err)
		return
	}
	res, err := a.Users.ListRegistrations(c.Request.Context(), actorOf(c), user.Status(c.Query("status")), c.Query("region"), page)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, res.Page.Number, res.Page.Size, registrationOf))
}

func (a *api) approveRegistration(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	u, err := a.Users.Approve(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, registrationOf(u))
}

type rejectionRequest struct {
	Reason string `json:"reason" validate:"required,max=500"`
}

func (a *api) rejectRegistration(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var req rejectionRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	u, err := a.Users.Reject(c.Request.Context(), actorOf(c), id, req.Reason)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, registrationOf(u))
}

// pageRequest is a page parsed from the query, or the field errors of a bad one.
func pageRequest(c *gin.Context) (paging.Request, error) {
	var fs apperr.Fields
	p := pageOf(c, &fs)
	return p, fs.Err()
}
