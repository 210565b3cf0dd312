// Package access holds the roles of the product and the scope rules of DESIGN.md: an enterprise
// user sees its own enterprise only, a county officer its own region only, a leader changes nothing.
// Every list, record and export asks these rules; the HTTP routes only add a coarse role check.
package access

// Role is what a user does in the bureau's process.
type Role string

// The roles of DESIGN.md.
const (
	Admin         Role = "admin"
	CityOfficer   Role = "city_officer"
	CountyOfficer Role = "county_officer"
	Leader        Role = "leader"
	Enterprise    Role = "enterprise"
)

// Roles lists every role, in the order menus and tables show them.
var Roles = []Role{Admin, CityOfficer, CountyOfficer, Leader, Enterprise}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if v == r {
			return true
		}
	}
	return false
}

// Officers are the roles that keep the registry: admin, city and county officers.
var Officers = []Role{Admin, CityOfficer, CountyOfficer}

// Readers are the roles that may read registry lists beyond their own enterprise.
var Readers = []Role{Admin, CityOfficer, CountyOfficer, Leader}

// Everyone is every signed-in role.
var Everyone = Roles

// Actor is the signed-in caller, as sessions describe it.
type Actor struct {
	UserID       int64
	Username     string
	Role         Role
	RegionCode   string // county officers only
	EnterpriseID int64  // enterprise users only
}

// Is reports whether the actor's role is one of roles.
func (a Actor) Is(roles ...Role) bool {
	for _, r := range roles {
		if a.Role == r {
			return true
		}
	}
	return false
}

// Scope is the part of the registry an actor may see.
type Scope struct {
	// RegionCode, when set, limits the scope to enterprises of that region.
	RegionCode string
	// EnterpriseID, when set, limits the scope to that enterprise.
	EnterpriseID int64
	// None is true for an actor that may see no enterprise at all (an unbound account).
	None bool
}

// All reports whether the scope is the whole registry.
func (s Scope) All() bool { return !s.None && s.RegionCode == "" && s.EnterpriseID == 0 }

// Contains reports whether an enterprise of the region lies within the scope.
func (s Scope) Contains(enterpriseID int64, regionCode string) bool {
	switch {
	case s.None:
		return false
	case s.EnterpriseID != 0:
		return enterpriseID == s.EnterpriseID
	case s.RegionCode != "":
		return regionCode == s.RegionCode
	}
	return true
}

// ContainsRegion reports whether the whole of a region lies within the scope.
func (s Scope) ContainsRegion(regionCode string) bool {
	return !s.None && s.EnterpriseID == 0 && (s.RegionCode == "" || s.RegionCode == regionCode)
}

// Scope returns the part of the registry the actor may see.
func (a Actor) Scope() Scope {
	switch a.Role {
	case Admin, CityOfficer, Leader:
		return Scope{}
	case CountyOfficer:
		if a.RegionCode == "" {
			return Scope{None: true}
		}
		return Scope{RegionCode: a.RegionCode}
	case Enterprise:
		if a.EnterpriseID == 0 {
			return Scope{None: true}
		}
		return Scope{EnterpriseID: a.EnterpriseID}
	}
	return Scope{None: true}
}

// CanEditRegistry reports whether the actor may create and change enterprises of its scope
// (enterprise users change their own profile, within the limits of EnterpriseOwnFields).
func (a Actor) CanEditRegistry() bool { return a.Is(Admin, CityOfficer, CountyOfficer) }

// IsOfficer reports whether the actor works for the bureau and keeps records (not a leader).
func (a Actor) IsOfficer() bool { return a.Is(Admin, CityOfficer, CountyOfficer) }
