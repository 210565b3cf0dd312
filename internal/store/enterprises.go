package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/collate"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
)

type enterpriseRow struct {
	ID                 int64 `gorm:"primaryKey"`
	Name               string
	NameSort           string
	CreditCode         string
	CreditCodeOverride bool
	RegionCode         string
	IndustryCode       *string
	SizeClass          *string
	FoundedOn          calendar.Date
	Address            *string
	MainProducts       *string
	NicheMarket        *string
	NicheMarketSince   calendar.Date
	StrategicEmerging  *bool
	ContactPerson      *string
	ContactPhone       *string
	LiaisonOfficerID   *int64
	Tags               []string `gorm:"serializer:json"`

	AbnormalOrDishonestListed  *bool `gorm:"column:abnormal_or_dishonest_listed"`
	MajorIncidentOrViolation3y *bool `gorm:"column:major_incident_or_violation_3y"`
	FieldClass                 *string
	KeyField                   *bool
	KeyChainLink               *bool
	Honours                    []enterprise.Honour    `gorm:"serializer:json"`
	Awards                     []enterprise.Award     `gorm:"serializer:json"`
	MakersChina                []criteria.MakersPlace `gorm:"serializer:json"`

	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (enterpriseRow) TableName() string { return "enterprises" }

// enterpriseView is an enterprise read with the names shown beside it.
type enterpriseView struct {
	Row                enterpriseRow `gorm:"embedded"`
	RegionName         string
	LiaisonOfficerName *string
}

func enterpriseToRow(e enterprise.Enterprise) enterpriseRow {
	tags := e.Tags
	if tags == nil {
		tags = []string{}
	}
	return enterpriseRow{
		ID:                         e.ID,
		Name:                       e.Name,
		NameSort:                   collate.Key(e.Name),
		CreditCode:                 e.CreditCode,
		CreditCodeOverride:         e.CreditCodeOverride,
		RegionCode:                 e.RegionCode,
		IndustryCode:               strPtr(e.IndustryCode),
		SizeClass:                  strPtr(string(e.SizeClass)),
		FoundedOn:                  e.FoundedOn,
		Address:                    strPtr(e.Address),
		MainProducts:               strPtr(e.MainProducts),
		NicheMarket:                strPtr(e.NicheMarket),
		NicheMarketSince:           e.NicheMarketSince,
		StrategicEmerging:          e.StrategicEmerging,
		ContactPerson:              strPtr(e.ContactPerson),
		ContactPhone:               strPtr(e.ContactPhone),
		LiaisonOfficerID:           idPtr(e.LiaisonOfficerID),
		Tags:                       tags,
		AbnormalOrDishonestListed:  e.AbnormalOrDishonestListed,
		MajorIncidentOrViolation3y: e.MajorIncidentOrViolation3y,
		FieldClass:                 strPtr(e.FieldClass),
		KeyField:                   e.KeyField,
		KeyChainLink:               e.KeyChainLink,
		Honours:                    e.Honours,
		Awards:                     e.Awards,
		MakersChina:                e.MakersChina,
		Version:                    e.Version,
		CreatedAt:                  utc(e.CreatedAt),
		UpdatedAt:                  utc(e.UpdatedAt),
	}
}

func enterpriseFromView(v enterpriseView) enterprise.Enterprise {
	r := v.Row
	tags := r.Tags
	if tags == nil {
		tags = []string{}
	}
	return enterprise.Enterprise{
		ID:                         r.ID,
		Name:                       r.Name,
		CreditCode:                 r.CreditCode,
		CreditCodeOverride:         r.CreditCodeOverride,
		RegionCode:                 r.RegionCode,
		IndustryCode:               strOf(r.IndustryCode),
		SizeClass:                  criteria.SizeClass(strOf(r.SizeClass)),
		FoundedOn:                  r.FoundedOn,
		Address:                    strOf(r.Address),
		MainProducts:               strOf(r.MainProducts),
		NicheMarket:                strOf(r.NicheMarket),
		NicheMarketSince:           r.NicheMarketSince,
		StrategicEmerging:          r.StrategicEmerging,
		ContactPerson:              strOf(r.ContactPerson),
		ContactPhone:               strOf(r.ContactPhone),
		LiaisonOfficerID:           idOf(r.LiaisonOfficerID),
		Tags:                       tags,
		AbnormalOrDishonestListed:  r.AbnormalOrDishonestListed,
		MajorIncidentOrViolation3y: r.MajorIncidentOrViolation3y,
		FieldClass:                 strOf(r.FieldClass),
		KeyField:                   r.KeyField,
		KeyChainLink:               r.KeyChainLink,
		Honours:                    r.Honours,
		Awards:                     r.Awards,
		MakersChina:                r.MakersChina,
		Version:                    r.Version,
		CreatedAt:                  r.CreatedAt.UTC(),
		UpdatedAt:                  r.UpdatedAt.UTC(),
		RegionName:                 v.RegionName,
		LiaisonOfficerName:         strOf(v.LiaisonOfficerName),
	}
}

// enterprisesIn selects enterprises with their display names, limited to a scope.
func (c conn) enterprisesIn(ctx context.Context, scope access.Scope) *gorm.DB {
	q := c.ctx(ctx).Table("enterprises AS e").
		Select("e.*, r.name AS region_name, u.display_name AS liaison_officer_name").
		Joins("JOIN regions r ON r.code = e.region_code").
		Joins("LEFT JOIN users u ON u.id = e.liaison_officer_id")
	return scopeEnterprises(q, scope, "e")
}

// scopeEnterprises limits a query over enterprises (aliased alias) to a scope.
func scopeEnterprises(q *gorm.DB, scope access.Scope, alias string) *gorm.DB {
	switch {
	case scope.None:
		return q.Where("1 = 0")
	case scope.EnterpriseID != 0:
		return q.Where(alias+".id = ?", scope.EnterpriseID)
	case scope.RegionCode != "":
		return q.Where(alias+".region_code = ?", scope.RegionCode)
	}
	return q
}

// GetEnterprise returns an enterprise within scope, or not_found.
func (c conn) GetEnterprise(ctx context.Context, scope access.Scope, id int64) (enterprise.Enterprise, error) {
	var v enterpriseView
	err := c.enterprisesIn(ctx, scope).Where("e.id = ?", id).Take(&v).Error
	if err != nil {
		return enterprise.Enterprise{}, notFoundOr(err, "get enterprise")
	}
	return enterpriseFromView(v), nil
}

// FindByCreditCode returns the enterprise of a credit code, or not_found.
func (c conn) FindByCreditCode(ctx context.Context, code string) (enterprise.Enterprise, error) {
	var v enterpriseView
	err := c.enterprisesIn(ctx, access.Scope{}).Where("e.credit_code = ?", code).Take(&v).Error
	if err != nil {
		return enterprise.Enterprise{}, notFoundOr(err, "find enterprise")
	}
	return enterpriseFromView(v), nil
}

var enterpriseSorts = map[enterprise.Sort]string{
	"name": "e.name_sort, e.id", "-name": "e.name_sort DESC, e.id DESC",
	"credit_code": "e.credit_code", "-credit_code": "e.credit_code DESC",
	"created_at": "e.created_at, e.id", "-created_at": "e.created_at DESC, e.id DESC",
	"updated_at": "e.updated_at, e.id", "-updated_at": "e.updated_at DESC, e.id DESC",
}

// ListEnterprises returns a page of enterprises matching f and their number.
func (c conn) ListEnterprises(ctx context.Context, f enterprise.Filter) ([]enterprise.Enterprise, int64, error) {
	q := c.enterprisesIn(ctx, f.Scope)
	if s := strings.TrimSpace(f.Query); s != "" {
		q = q.Where(`(LOWER(e.name) LIKE ? ESCAPE '\' OR e.credit_code LIKE ? ESCAPE '\')`,
			likePattern(strings.ToLower(s)), likePattern(strings.ToUpper(s)))
	}
	if f.RegionCode != "" {
		q = q.Where("e.region_code = ?", f.RegionCode)
	}
	if ind := strings.ToUpper(strings.TrimSpace(f.Industry)); ind != "" {
		if len(ind) == 1 {
			q = q.Where("e.industry_code LIKE ?", ind+"%")
		} else {
			q = q.Where("e.industry_code = ?", ind)
		}
	}
	if f.SizeClass != "" {
		q = q.Where("e.size_class = ?", string(f.SizeClass))
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count enterprises")
	}
	order, ok := enterpriseSorts[f.Sort]
	if !ok {
		order = enterpriseSorts["name"]
	}
	var views []enterpriseView
	err := page(q.Order(order), f.Page).Find(&views).Error
	if err != nil {
		return nil, 0, wrap(err, "list enterprises")
	}
	out := make([]enterprise.Enterprise, len(views))
	for i, v := range views {
		out[i] = enterpriseFromView(v)
	}
	return out, total, nil
}

// CreateEnterprise stores e and sets its ID.
func (c conn) CreateEnterprise(ctx context.Context, e *enterprise.Enterprise) error {
	row := enterpriseToRow(*e)
	row.ID = 0
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return duplicateOr(err, "credit_code", "create enterprise")
	}
	e.ID = row.ID
	return nil
}

// CreateEnterprises stores new enterprises in batched statements and sets their IDs.
func (c conn) CreateEnterprises(ctx context.Context, es []enterprise.Enterprise) error {
	if len(es) == 0 {
		return nil
	}
	rows := make([]enterpriseRow, len(es))
	for i, e := range es {
		rows[i] = enterpriseToRow(e)
		rows[i].ID = 0
	}
	if err := c.ctx(ctx).CreateInBatches(&rows, batchRows(34)).Error; err != nil {
		return duplicateOr(err, "credit_code", "create enterprises")
	}
	for i := range rows {
		es[i].ID = rows[i].ID
	}
	return nil
}

// UpdateEnterprise stores e if its stored version is readVersion, and increments e.Version.
func (c conn) UpdateEnterprise(ctx context.Context, e *enterprise.Enterprise, readVersion int) error {
	row := enterpriseToRow(*e)
	row.Version = readVersion + 1
	// The region and the industry place the enterprise's counts in the statistics' cohorts.
	err := c.recounted(ctx, []int64{e.ID}, placeFacet, func(tx conn) error { return tx.updateVersioned(ctx, &row, e.ID, readVersion) })
	if err != nil {
		return duplicateOr(err, "credit_code", "update enterprise")
	}
	e.Version = row.Version
	return nil
}

// updateVersioned writes row (whose Version is readVersion+1) over the record id if the stored
// version is still readVersion: optimistic locking, one statement. The record gone is not_found, a
// moved version stale_version; a database error comes back as it is. omit names the columns,
// besides id and created_at, that an update never changes.
func (c conn) updateVersioned(ctx context.Context, row any, id int64, readVersion int, omit ...string) error {
	res := c.ctx(ctx).Model(row).Where("id = ? AND version = ?", id, readVersion).
		Select("*").Omit(append([]string{"id", "created_at"}, omit...)...).Updates(row)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected > 0 {
		return nil
	}
	var n int64
	if err := c.ctx(ctx).Model(row).Where("id = ?", id).Count(&n).Error; err != nil {
		return wrap(err, "check version")
	}
	if n == 0 {
		return apperr.New(apperr.NotFound, "")
	}
	return apperr.New(apperr.StaleVersion, "")
}

// GetOfficer returns a user as a possible liaison officer, or not_found.
func (c conn) GetOfficer(ctx context.Context, id int64) (enterprise.Officer, error) {
	var row userRow
	if err := c.ctx(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return enterprise.Officer{}, notFoundOr(err, "get officer")
	}
	return enterprise.Officer{ID: row.ID, Role: access.Role(row.Role), RegionCode: strOf(row.RegionCode), Active: row.Status == "active"}, nil
}

type annualFiguresRow struct {
	Employees        *int64
	OperatingRevenue *int64
}

// LatestFigures returns the employees and revenue of an enterprise's latest annual report.
func (c conn) LatestFigures(ctx context.Context, enterpriseID int64) (enterprise.Figures, error) {
	var rows []annualFiguresRow
	err := c.ctx(ctx).Table("annual_reports").Select("employees, operating_revenue").
		Where("enterprise_id = ?", enterpriseID).Order("year DESC").Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return enterprise.Figures{}, wrap(err, "latest figures")
	}
	return enterprise.Figures{Employees: rows[0].Employees, OperatingRevenue: rows[0].OperatingRevenue}, nil
}
