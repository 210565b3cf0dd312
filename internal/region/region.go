// Package region holds the city's counties, districts and functional zones: the unit a county
// officer is bound to and an enterprise belongs to.
package region

import "context"

// Kind is the administrative kind of a region.
type Kind string

// The kinds of region of a prefecture-level city.
const (
	District   Kind = "district"    // 市辖区
	County     Kind = "county"      // 县
	CountyCity Kind = "county_city" // 县级市
	Zone       Kind = "zone"        // 功能区 (high-tech zone, industrial park ...)
)

// Region is a county, district or functional zone of the city.
type Region struct {
	Code   string `json:"code"` // the administrative division code, or the bureau's code for a zone
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
	Kind   Kind   `json:"kind"`
	Order  int    `json:"order"` // position in lists and charts
}

// Store keeps regions.
type Store interface {
	ListRegions(ctx context.Context) ([]Region, error)
}
