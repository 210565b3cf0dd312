package criteria

import "time"

// Tier is a rung of the ladder.
type Tier string

// The tiers, from the bottom.
const (
	InnovativeSME  Tier = "innovative_sme"
	SpecializedSME Tier = "specialized_sme"
	LittleGiant    Tier = "little_giant"
)

// Tiers lists the tiers from the bottom of the ladder.
var Tiers = []Tier{InnovativeSME, SpecializedSME, LittleGiant}

// Valid reports whether t is one of Tiers.
func (t Tier) Valid() bool { return t == InnovativeSME || t == SpecializedSME || t == LittleGiant }

// Below returns the tier a tier requires to be held, and false for the bottom tier.
func (t Tier) Below() (Tier, bool) {
	switch t {
	case SpecializedSME:
		return InnovativeSME, true
	case LittleGiant:
		return SpecializedSME, true
	}
	return "", false
}

// The codes of the valid honours an enterprise may hold at the end of the report year.
const (
	HonourHighTech       = "high_tech_enterprise"
	HonourInnovationDemo = "innovation_demo"
	HonourIPAdvantage    = "ip_advantage"
	HonourIPDemo         = "ip_demo"
)

// Honours lists the honour codes.
var Honours = []string{HonourHighTech, HonourInnovationDemo, HonourIPAdvantage, HonourIPDemo}

// Field classes of the main product (Z4).
const (
	FieldGapFilling     = "gap_filling"
	FieldSixFoundations = "six_foundations"
	FieldOther          = "other"
)

// FieldClasses lists the field classes.
var FieldClasses = []string{FieldGapFilling, FieldSixFoundations, FieldOther}

// R&D institution levels, own or joint.
const (
	InstitutionNone       = "none"
	InstitutionBelowCity  = "below_city"
	InstitutionCity       = "city"
	InstitutionProvincial = "provincial"
	InstitutionNational   = "national"
)

// Institutions lists the R&D institution levels from the lowest.
var Institutions = []string{InstitutionNone, InstitutionBelowCity, InstitutionCity, InstitutionProvincial, InstitutionNational}

// Award levels.
const (
	LevelNational   = "national"
	LevelProvincial = "provincial"
)

// Facts are everything an evaluation reads: the evaluation contract's request of CRITERIA.md.
// A field left out (nil) is missing, never zero.
type Facts struct {
	// vals holds the compound values an evaluation explains (set by EvaluateAll for its tiers).
	vals *valueArena

	Tier          Tier          `json:"tier"`
	Ruleset       string        `json:"ruleset"`
	ReportYear    int           `json:"report_year"`
	IndustryClass IndustryClass `json:"industry_class"`
	General       *General      `json:"general"`
	// HeldTiers are the tiers whose qualification is valid (nil: unknown).
	HeldTiers        []Tier        `json:"held_tiers"`
	NicheMarketSince *string       `json:"niche_market_since"` // YYYY-MM-DD
	MainProduct      *MainProduct  `json:"main_product"`
	Honours          []string      `json:"honours"`
	Awards           []Award       `json:"awards"`
	MakersChina      []MakersPlace `json:"makers_china"`
	Reports          []Report      `json:"reports"`

	// niche is NicheMarketSince parsed, by Validate, once for every tier.
	niche       time.Time
	nicheParsed bool
}

// General are the general conditions' facts.
type General struct {
	AbnormalOrDishonestListed  *bool `json:"abnormal_or_dishonest_listed"`
	MajorIncidentOrViolation3y *bool `json:"major_incident_or_violation_3y"`
}

// MainProduct are the facts of the main product.
type MainProduct struct {
	StrategicEmerging *bool   `json:"strategic_emerging"`
	FieldClass        *string `json:"field_class"`
	KeyField          *bool   `json:"key_field"`
	KeyChainLink      *bool   `json:"key_chain_link"`
}

// Award is a science and technology award: its year, level and the enterprise's rank among the
// winning units.
type Award struct {
	Year  int    `json:"year"`
	Level string `json:"level"`
	Rank  int    `json:"rank"`
}

// MakersPlace is a place in the 创客中国 SME innovation contest: top 50 or top 500.
type MakersPlace struct {
	Year int `json:"year"`
	Top  int `json:"top"`
}

// Report is one year's figures. Money is integer yuan; shares are decimals.
type Report struct {
	Year                   int      `json:"year"`
	Employees              *int64   `json:"employees"`
	RDStaff                *int64   `json:"rd_staff"`
	OperatingRevenue       *int64   `json:"operating_revenue"`
	MainBusinessRevenue    *int64   `json:"main_business_revenue"`
	RDExpense              *int64   `json:"rd_expense"`
	NetProfit              *int64   `json:"net_profit"`
	TotalAssets            *int64   `json:"total_assets"`
	TotalLiabilities       *int64   `json:"total_liabilities"`
	EquityFinancing        *int64   `json:"equity_financing"`
	IP                     *IP      `json:"ip"`
	RDInstitution          *string  `json:"rd_institution"`
	DigitalLevel           *int     `json:"digital_level"`
	Quality                *Quality `json:"quality"`
	InfoSystemCoreBusiness *bool    `json:"info_system_core_business"`
	ManagementCertified    *bool    `json:"management_certified"`
	NationalMarketShare    *float64 `json:"national_market_share"`
	LocalScore             *int     `json:"local_score"`
	// The facts of ruleset miit-2026.
	QualityScore          *float64 `json:"quality_score"`
	MarketPositionLeading *bool    `json:"market_position_leading"`
	DomesticRank          *int     `json:"domestic_rank"`
}

// IP counts the intellectual property related to the main product.
type IP struct {
	Class1              *int `json:"class1"`
	Class1SelfDeveloped *int `json:"class1_self_developed"`
	Class1HighValue     *int `json:"class1_high_value"`
	Class2              *int `json:"class2"`
	Class1Applied       *int `json:"class1_applied"`
}

// Quality are the quality-management facts of J2.
type Quality struct {
	Award     *bool `json:"award"`
	Certified *bool `json:"certified"`
	OwnBrand  *bool `json:"own_brand"`
	Standards *bool `json:"standards"`
}
