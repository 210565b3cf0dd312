// Package criteria holds the tier rules of CRITERIA.md as pure functions: no database, no HTTP,
// nothing else of the product imported.
package criteria

// IndustryClass is the row of the SME size rules (工信部联企业〔2011〕300号) an enterprise falls in.
type IndustryClass string

// The industry classes of the size rules.
const (
	ClassIndustry IndustryClass = "industry"
	ClassSoftware IndustryClass = "software"
	ClassOther    IndustryClass = "other"
)

// Valid reports whether c is a known industry class.
func (c IndustryClass) Valid() bool {
	return c == ClassIndustry || c == ClassSoftware || c == ClassOther
}

// SizeClass is the size of an enterprise by the SME rules; Large is "not an SME".
type SizeClass string

// The size classes.
const (
	Micro  SizeClass = "micro"
	Small  SizeClass = "small"
	Medium SizeClass = "medium"
	Large  SizeClass = "large"
)

// SizeClasses lists the size classes from the smallest.
var SizeClasses = []SizeClass{Micro, Small, Medium, Large}

// Valid reports whether s is a known size class.
func (s SizeClass) Valid() bool {
	for _, v := range SizeClasses {
		if v == s {
			return true
		}
	}
	return false
}

type sizeBounds struct {
	smeEmployees, smeRevenue       int64 // SME if employees < smeEmployees or revenue < smeRevenue
	mediumEmployees, mediumRevenue int64 // medium if both reached
	smallEmployees, smallRevenue   int64 // small if both reached; micro otherwise
	usesRevenue                    bool
}

var sizeRules = map[IndustryClass]sizeBounds{
	ClassIndustry: {1000, 400_000_000, 300, 20_000_000, 20, 3_000_000, true},
	ClassSoftware: {300, 100_000_000, 100, 10_000_000, 10, 500_000, true},
	ClassOther:    {300, 0, 100, 0, 10, 0, false},
}

// ClassifySize returns the size class of an enterprise from its employees and operating revenue
// (yuan). ok is false when an input the class needs is missing (nil) or the class is unknown.
func ClassifySize(class IndustryClass, employees, revenue *int64) (size SizeClass, ok bool) {
	b, known := sizeRules[class]
	if !known || employees == nil || (b.usesRevenue && revenue == nil) {
		return "", false
	}
	e := *employees
	if !b.usesRevenue {
		switch {
		case e >= b.smeEmployees:
			return Large, true
		case e >= b.mediumEmployees:
			return Medium, true
		case e >= b.smallEmployees:
			return Small, true
		}
		return Micro, true
	}
	r := *revenue
	switch {
	case e >= b.smeEmployees && r >= b.smeRevenue:
		return Large, true
	case e >= b.mediumEmployees && r >= b.mediumRevenue:
		return Medium, true
	case e >= b.smallEmployees && r >= b.smallRevenue:
		return Small, true
	}
	return Micro, true
}
