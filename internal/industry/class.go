package industry

import "github.com/tiertracker/tiertracker/internal/criteria"

// ClassOf returns the row of the SME size rules for a division code: sections B, C and D (mining,
// manufacturing, utilities) are 工业, division I65 is software and IT services, the rest "other".
// ok is false for a code that is not a division of the classification.
func ClassOf(divisionCode string) (class criteria.IndustryClass, ok bool) {
	section, division, found := Lookup(divisionCode)
	if !found || division.Code == "" {
		return "", false
	}
	switch {
	case section.Code == "B" || section.Code == "C" || section.Code == "D":
		return criteria.ClassIndustry, true
	case division.Code == "I65":
		return criteria.ClassSoftware, true
	}
	return criteria.ClassOther, true
}
