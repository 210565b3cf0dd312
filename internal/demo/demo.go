// Package demo seeds an empty database with the demo city: its regions, about two hundred
// invented enterprises with valid credit codes and three years of plausible figures, and one
// account per role. It is for trying the product out, never for production.
package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/notice"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/user"
)

// Password is the password of every demo account; the README lists the accounts as demo only.
const Password = "demo-pass-2024"

// Store is what seeding writes through.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	// IsEmpty reports whether the database holds no account and no enterprise.
	IsEmpty(ctx context.Context) (bool, error)
	UpsertRegions(ctx context.Context, regions []region.Region, now time.Time) error
	CreateEnterprise(ctx context.Context, e *enterprise.Enterprise) error
	CreateUser(ctx context.Context, u *user.User) error
	CreateAnnualReports(ctx context.Context, reports []report.Annual) error
	CreateQualifications(ctx context.Context, qs []qualification.Qualification) error
	CreateQualificationEvents(ctx context.Context, evs []qualification.Event) error
	CreateBatch(ctx context.Context, b *batch.Batch) error
	CreateApplication(ctx context.Context, a *application.Application) error
	AddStep(ctx context.Context, s application.Step) error
	CreateNotice(ctx context.Context, n *notice.Notice) error
	// RefreshAllEligibility computes and stores every enterprise's criteria results.
	RefreshAllEligibility(ctx context.Context, now time.Time, loc *time.Location) (int, error)
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Regions are the demo city's (揭阳市) districts, counties and functional zones. The zones have
// no national division code; theirs are the bureau's own.
var Regions = []region.Region{
	{Code: "445202", Name: "榕城区", NameEn: "Rongcheng District", Kind: region.District, Order: 1},
	{Code: "445203", Name: "揭东区", NameEn: "Jiedong District", Kind: region.District, Order: 2},
	{Code: "445222", Name: "揭西县", NameEn: "Jiexi County", Kind: region.County, Order: 3},
	{Code: "445224", Name: "惠来县", NameEn: "Huilai County", Kind: region.County, Order: 4},
	{Code: "445281", Name: "普宁市", NameEn: "Puning City", Kind: region.CountyCity, Order: 5},
	{Code: "445271", Name: "揭阳高新区", NameEn: "Jieyang Hi-tech Zone", Kind: region.Zone, Order: 6},
	{Code: "445272", Name: "揭阳产业转移工业园", NameEn: "Jieyang Industrial Transfer Park", Kind: region.Zone, Order: 7},
	{Code: "445273", Name: "大南海石化工业区", NameEn: "Dananhai Petrochemical Industrial Zone", Kind: region.Zone, Order: 8},
	{Code: "445274", Name: "空港经济区", NameEn: "Airport Economic Zone", Kind: region.Zone, Order: 9},
}

// Accounts are the demo accounts; enterprise users are bound during seeding.
var Accounts = []user.User{
	{Username: "admin", DisplayName: "系统管理员", Role: access.Admin},
	{Username: "city", DisplayName: "市工信局 陈立新", Role: access.CityOfficer},
	{Username: "county", DisplayName: "榕城区工信局 林晓", Role: access.CountyOfficer, RegionCode: "445202"},
	{Username: "leader", DisplayName: "市工信局 黄局长", Role: access.Leader},
	{Username: "enterprise", DisplayName: "榕江五金 郑敏", Role: access.Enterprise},
	{Username: "enterprise2", DisplayName: "华信服饰 许佳", Role: access.Enterprise},
}

// openBatches are the batches open when the demo is seeded: one for the innovative SME and one
// for the specialised SME, from the first of this month for sixty days, so that the demo's
// enterprises can apply at once.
func openBatches(today calendar.Date, now time.Time) []batch.Batch {
	opens := calendar.NewDate(today.Year(), today.Month(), 1)
	closes := opens.AddDays(60)
	mk := func(tier criteria.Tier, name string) batch.Batch {
		return batch.Batch{Tier: tier, Kind: batch.Recognition, Year: today.Year(), Name: name, Ruleset: eligibility.RulesetOn(opens),
			OpensOn: opens, ClosesOn: closes, CreatedBy: "city", Version: 1, CreatedAt: now, UpdatedAt: now}
	}
	return []batch.Batch{
		mk(criteria.InnovativeSME, fmt.Sprintf("%d年第二批省级创新型中小企业评价", today.Year())),
		mk(criteria.SpecializedSME, fmt.Sprintf("%d年省级专精特新中小企业认定", today.Year())),
	}
}

// EnterpriseCount is how many enterprises the demo city has.
const EnterpriseCount = 200

// Seed fills an empty database with the demo city; a database with any account or enterprise is
// left alone (seeded reports false). now is the seeding time; the figures are for the three
// complete years before it.
func Seed(ctx context.Context, st Store, hasher user.Hasher, now time.Time, loc *time.Location) (seeded bool, err error) {
	empty, err := st.IsEmpty(ctx)
	if err != nil || !empty {
		return false, err
	}
	hash, err := hasher.Hash(Password)
	if err != nil {
		return false, err
	}
	g := newGenerator(calendar.On(now, loc))
	companies := g.enterprises(EnterpriseCount)
	seeded = true
	err = st.Tx(ctx, func(st Store) error {
		// Another server may have seeded it meanwhile (replicas started together).
		if empty, err := st.IsEmpty(ctx); err != nil || !empty {
			seeded = false
			return err
		}
		if err := st.UpsertRegions(ctx, Regions, now); err != nil {
			return err
		}
		accounts := map[string]*user.User{}
		create := func(a user.User) error {
			u := a
			u.PasswordHash, u.Status, u.Version = hash, user.Active, 1
			u.CreatedAt, u.UpdatedAt = now, now
			if err := st.CreateUser(ctx, &u); err != nil {
				return fmt.Errorf("demo account %s: %w", u.Username, err)
			}
			accounts[u.Username] = &u
			return nil
		}
		// Officers first, so that they can be the enterprises' liaison officers.
		for _, a := range Accounts {
			if a.Role != access.Enterprise {
				if err := create(a); err != nil {
					return err
				}
			}
		}
		var reports []report.Annual
		for i := range companies {
			c := &companies[i]
			c.e.CreatedAt, c.e.UpdatedAt = now, now
			switch {
			case c.e.RegionCode == "445202" && i%2 == 0:
				c.e.LiaisonOfficerID = accounts["county"].ID
			case i%5 == 0:
				c.e.LiaisonOfficerID = accounts["city"].ID
			}
			if err := st.CreateEnterprise(ctx, &c.e); err != nil {
				return fmt.Errorf("demo enterprise %s: %w", c.e.Name, err)
			}
			for _, r := range c.reports {
				filed := filedAt(i, r.Year, now, loc)
				r.EnterpriseID, r.CreatedAt, r.UpdatedAt, r.Version = c.e.ID, filed, filed, 1
				reports = append(reports, r)
			}
		}
		if err := st.CreateAnnualReports(ctx, reports); err != nil {
			return err
		}
		records := qualificationHistory(companies, now)
		quals := make([]qualification.Qualification, len(records))
		for i, r := range records {
			quals[i] = r.q
		}
		if err := st.CreateQualifications(ctx, quals); err != nil {
			return err
		}
		var events []qualification.Event
		for i, r := range records {
			for _, ev := range r.events {
				ev.QualificationID = quals[i].ID
				events = append(events, ev)
			}
		}
		if err := st.CreateQualificationEvents(ctx, events); err != nil {
			return err
		}
		// enterprise is the first company (榕城区), enterprise2 the second (普宁市).
		bound := map[string]int64{"enterprise": companies[0].e.ID, "enterprise2": companies[1].e.ID}
		for _, a := range Accounts {
			if a.Role == access.Enterprise {
				a.EnterpriseID = bound[a.Username]
				if err := create(a); err != nil {
					return err
				}
			}
		}
		if err := createPastBatches(ctx, st, pastBatches(companies, records, now, loc), quals); err != nil {
			return err
		}
		open := openBatches(calendar.On(now, loc), now)
		for i := range open {
			if err := st.CreateBatch(ctx, &open[i]); err != nil {
				return err
			}
		}
		if err := createWorkUnderWay(ctx, st, companies, open[0], now, loc); err != nil {
			return err
		}
		if _, err := st.RefreshAllEligibility(ctx, now, loc); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, access.Actor{Username: "system"}, "demo.seed", "", "",
			nil, map[string]any{"regions": len(Regions), "enterprises": len(companies), "accounts": len(Accounts), "qualifications": len(quals)}))
	})
	return seeded && err == nil, err
}

// filedAt is when the demo's i-th company filed its figures of a year: in the annual update window
// of the next year (March), except that every 23rd company filed its latest figures late, and every
// 61st its last two; never after now.
func filedAt(i, year int, now time.Time, loc *time.Location) time.Time {
	latest := calendar.On(now, loc).Year() - 1
	at := time.Date(year+1, time.March, 1+i%28, 10, 0, 0, 0, loc)
	if (i%23 == 22 && year == latest) || (i%61 == 60 && year >= latest-1) {
		at = time.Date(year+1, time.June, 1+i%28, 10, 0, 0, 0, loc)
	}
	if at.After(now) {
		return now
	}
	return at.UTC()
}

// createPastBatches stores the batches of history, their applications, each linked to the
// qualification it granted, and their steps.
func createPastBatches(ctx context.Context, st Store, batches []pastBatch, quals []qualification.Qualification) error {
	for _, pb := range batches {
		if err := st.CreateBatch(ctx, &pb.b); err != nil {
			return fmt.Errorf("demo batch %s: %w", pb.b.Name, err)
		}
		for _, pa := range pb.apps {
			a := pa.a
			a.BatchID = pb.b.ID
			if pa.record >= 0 {
				a.QualificationID = quals[pa.record].ID
			}
			if err := st.CreateApplication(ctx, &a); err != nil {
				return fmt.Errorf("demo application to %s: %w", pb.b.Name, err)
			}
			for _, s := range pa.steps {
				s.ApplicationID = a.ID
				if err := st.AddStep(ctx, s); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// productLine is a main product and the niche market it serves.
type productLine struct{ product, niche string }

type company struct {
	e        enterprise.Enterprise
	reports  []report.Annual
	strength float64
}

// sector is an industry division typical of the demo city, with words for company names.
type sector struct {
	division string
	words    []string
	lines    []productLine
	// revenue range of a typical company, in yuan
	minRevenue, maxRevenue int64
}

var sectors = []sector{
	{"C33", []string{"五金制品", "不锈钢制品", "金属制品"}, []productLine{{"不锈钢厨具", "不锈钢餐厨具"}, {"卫浴五金配件", "卫浴五金"}, {"精密金属结构件", "精密金属结构件"}}, 8_000_000, 300_000_000},
	{"C29", []string{"塑料制品", "橡塑", "新材料"}, []productLine{{"改性塑料粒子", "改性工程塑料"}, {"塑料包装制品", "食品级塑料包装"}, {"橡胶密封件", "汽车橡胶密封件"}}, 6_000_000, 200_000_000},
	{"C18", []string{"服饰", "制衣"}, []productLine{{"针织内衣", "功能性针织内衣"}, {"休闲服装", "户外休闲服装"}, {"童装", "婴幼儿针织服装"}}, 5_000_000, 150_000_000},
	{"C17", []string{"纺织", "织造"}, []productLine{{"针织面料", "功能性针织面料"}, {"功能性纱线", "再生纤维纱线"}}, 8_000_000, 200_000_000},
	{"C19", []string{"鞋业", "鞋材"}, []productLine{{"运动鞋", "轻量化运动鞋"}, {"鞋底材料", "功能性鞋底材料"}}, 6_000_000, 180_000_000},
	{"C27", []string{"制药", "生物医药", "药业"}, []productLine{{"中药配方颗粒", "中药配方颗粒"}, {"原料药", "特色原料药"}, {"医用敷料", "功能性医用敷料"}}, 10_000_000, 400_000_000},
	{"C34", []string{"机械设备", "机械"}, []productLine{{"包装机械", "全自动包装机械"}, {"食品加工机械", "食品加工成套设备"}, {"卫生级阀门", "食品医药卫生级阀门"}}, 8_000_000, 250_000_000},
	{"C35", []string{"智能装备", "装备制造"}, []productLine{{"注塑机械手", "注塑机配套机械手"}, {"自动化生产线", "五金自动化生产线"}}, 10_000_000, 300_000_000},
	{"C38", []string{"电器", "电气"}, []productLine{{"小家电", "智能小家电"}, {"开关插座", "智能开关插座"}, {"低压电器", "低压配电电器"}}, 8_000_000, 300_000_000},
	{"C39", []string{"电子科技", "电子"}, []productLine{{"电子元器件", "片式电子元器件"}, {"智能终端配件", "智能穿戴配件"}}, 10_000_000, 400_000_000},
	{"C14", []string{"食品", "食品科技"}, []productLine{{"凉果蜜饯", "潮式凉果"}, {"调味品", "潮式酱料"}}, 5_000_000, 120_000_000},
	{"C15", []string{"茶业", "饮料"}, []productLine{{"单丛茶", "凤凰单丛茶"}, {"植物饮料", "凉茶饮料"}}, 4_000_000, 100_000_000},
	{"C26", []string{"化工", "精细化工"}, []productLine{{"水性涂料", "环保水性涂料"}, {"塑料助剂", "塑料加工助剂"}, {"日用化学品", "洗护用品"}}, 10_000_000, 380_000_000},
	{"C30", []string{"陶瓷", "建材"}, []productLine{{"日用陶瓷", "高档日用陶瓷"}, {"建筑陶瓷", "仿古建筑陶瓷"}}, 6_000_000, 150_000_000},
	{"I65", []string{"信息科技", "软件", "数字科技"}, []productLine{{"制造执行系统", "中小制造企业MES"}, {"跨境电商管理系统", "跨境电商SaaS"}, {"工业数据服务", "工业设备数据采集"}}, 2_000_000, 80_000_000},
}

var brands = []string{
	"恒达", "宏泰", "粤兴", "榕江", "金瑞", "华信", "创美", "顺鑫", "锦程", "联德", "嘉利", "永盛", "新航", "海纳",
	"鸿基", "德润", "荣昌", "凯盛", "精工", "汇智", "博远", "众诚", "利丰", "佳美", "东升", "南粤", "潮汇", "明辉",
	"天润", "正邦", "信达", "安泰", "广源", "立德", "卓越", "万盛", "兴隆", "宝丰", "科艺", "景华", "瑞丰", "远航",
	"百川", "鼎盛", "中和", "长兴", "福临", "美联", "亿达", "星河", "绿源", "恒信", "泰和", "盈科", "达利", "嘉华",
}

var prefixes = map[string]string{
	"445202": "揭阳市", "445203": "揭阳市", "445222": "揭西县", "445224": "惠来县", "445281": "普宁市",
	"445271": "揭阳", "445272": "揭阳", "445273": "揭阳", "445274": "揭阳",
}

var suffixes = []string{"有限公司", "有限公司", "有限公司", "股份有限公司", "科技有限公司"}

// regionWeights spreads the companies roughly as the city's industry is spread.
var regionWeights = []struct {
	code   string
	weight int
}{
	{"445202", 20}, {"445203", 16}, {"445222", 9}, {"445224", 7}, {"445281", 22},
	{"445271", 10}, {"445272", 8}, {"445273", 4}, {"445274", 4},
}

type generator struct {
	rnd    *rand.Rand
	today  calendar.Date
	names  map[string]bool
	codes  map[string]bool
	sector map[string]sector
}

func newGenerator(today calendar.Date) *generator {
	g := &generator{rnd: rand.New(rand.NewPCG(2024, 445200)), today: today, names: map[string]bool{}, codes: map[string]bool{}, sector: map[string]sector{}}
	for _, s := range sectors {
		g.sector[s.division] = s
	}
	return g
}

func (g *generator) pick(n int) int { return g.rnd.IntN(n) }

func (g *generator) region() string {
	total := 0
	for _, w := range regionWeights {
		total += w.weight
	}
	n := g.pick(total)
	for _, w := range regionWeights {
		if n < w.weight {
			return w.code
		}
		n -= w.weight
	}
	return regionWeights[0].code
}

// creditCode returns a fresh, valid code registered in the region (the city's code for a zone).
func (g *generator) creditCode(regionCode string) string {
	division := regionCode
	if regionCode >= "445270" {
		division = "445200"
	}
	for {
		org := make([]byte, 9)
		for i := range org {
			org[i] = creditcode.Alphabet[g.pick(10)]
		}
		org[8] = creditcode.Alphabet[g.pick(len(creditcode.Alphabet))]
		first := "91" + division + string(org)
		code := first + string(creditcode.CheckChar(first))
		if !g.codes[code] {
			g.codes[code] = true
			return code
		}
	}
}

func (g *generator) enterprises(n int) []company {
	out := make([]company, 0, n)
	// The two companies of the demo enterprise accounts come first, with fixed names.
	out = append(out, g.company("445202", g.sector["C33"], "揭阳市榕江五金制品有限公司"))
	out = append(out, g.company("445281", g.sector["C18"], "普宁市华信服饰有限公司"))
	for len(out) < n {
		s := sectors[g.pick(len(sectors))]
		r := g.region()
		name := prefixes[r] + brands[g.pick(len(brands))] + s.words[g.pick(len(s.words))] + suffixes[g.pick(len(suffixes))]
		if g.names[name] {
			continue
		}
		out = append(out, g.company(r, s, name))
	}
	return out
}

func ptr(v int64) *int64 { return &v }

func intPtr(v int) *int { return &v }

func boolPtr(v bool) *bool { return &v }

func strPtr(v string) *string { return &v }

// chance returns true with probability p.
func (g *generator) chance(p float64) bool { return g.rnd.Float64() < p }

// profileFacts fills the facts the criteria read from the profile.
func (g *generator) profileFacts(e *enterprise.Enterprise, strength float64) {
	e.AbnormalOrDishonestListed = boolPtr(g.chance(0.02))
	e.MajorIncidentOrViolation3y = boolPtr(g.chance(0.02))
	switch {
	case strength > 0.8 && g.chance(0.6):
		e.FieldClass = criteria.FieldGapFilling
	case strength > 0.5 && g.chance(0.5):
		e.FieldClass = criteria.FieldSixFoundations
	default:
		e.FieldClass = criteria.FieldOther
	}
	e.KeyField = boolPtr(strength > 0.7 && g.chance(0.7))
	e.KeyChainLink = boolPtr(strength > 0.85 && g.chance(0.6))
	e.Honours = []enterprise.Honour{}
	if g.chance(0.15 + strength*0.3) {
		from := calendar.NewDate(g.today.Year()-1-g.pick(3), time.Month(10+g.pick(3)), 1+g.pick(28))
		e.Honours = append(e.Honours, enterprise.Honour{Code: criteria.HonourHighTech, ValidFrom: from, ValidUntil: from.AddYears(3).AddDays(-1),
			CertificateNo: fmt.Sprintf("GR%d44%06d", from.Year(), g.pick(1_000_000))})
	}
	e.Awards = []enterprise.Award{}
	if strength > 0.75 && g.chance(0.3) {
		e.Awards = append(e.Awards, enterprise.Award{Year: g.today.Year() - 1 - g.pick(3), Level: criteria.LevelProvincial, Rank: 1 + g.pick(8), Name: "广东省科学技术奖"})
	}
	e.MakersChina = []criteria.MakersPlace{}
	if strength > 0.6 && g.chance(0.15) {
		top := 500
		if g.chance(0.2) {
			top = 50
		}
		e.MakersChina = append(e.MakersChina, criteria.MakersPlace{Year: g.today.Year() - 1 - g.pick(3), Top: top})
	}
}

var institutions = []string{criteria.InstitutionNone, criteria.InstitutionBelowCity, criteria.InstitutionCity, criteria.InstitutionProvincial, criteria.InstitutionNational}

// yearFacts fills a year's facts beyond the money: IP, R&D institution, digitalisation, quality,
// certification, market share, the province's local score.
func (g *generator) yearFacts(r *criteria.Report, strength float64) {
	class1 := int(strength*8) + g.pick(3) - 1
	class1 = max(class1, 0)
	self := min(class1, int(float64(class1)*g.rnd.Float64()*1.2))
	highValue := 0
	if class1 > 3 && g.chance(strength) {
		highValue = 1 + g.pick(2)
	}
	applied := min(class1, int(float64(class1)*(0.3+g.rnd.Float64()*0.6)))
	r.IP = &criteria.IP{Class1: intPtr(class1), Class1SelfDeveloped: intPtr(self), Class1HighValue: intPtr(highValue),
		Class2: intPtr(g.pick(12)), Class1Applied: intPtr(applied)}
	r.RDInstitution = strPtr(institutions[min(max(int(strength*4.4)+g.pick(2)-1, 0), 4)])
	r.DigitalLevel = intPtr(min(max(1+int(strength*3)+g.pick(2)-g.pick(2), 1), 4))
	r.Quality = &criteria.Quality{Award: boolPtr(strength > 0.8 && g.chance(0.4)), Certified: boolPtr(g.chance(0.4 + strength*0.5)),
		OwnBrand: boolPtr(g.chance(0.3 + strength*0.6)), Standards: boolPtr(strength > 0.5 && g.chance(0.4))}
	r.InfoSystemCoreBusiness = boolPtr(g.chance(0.3 + strength*0.6))
	r.ManagementCertified = boolPtr(g.chance(0.3 + strength*0.6))
	share := math.Round((0.005+strength*strength*0.2*g.rnd.Float64())*10000) / 10000
	r.NationalMarketShare = &share
	r.LocalScore = intPtr(min(int(strength*12)+g.pick(4), 15))
	miit2026Facts(r, strength)
}

// miit2026Facts fills the facts the 2026 measures added: the quality evaluation's score, the
// officers' view of the niche-market position, and the domestic rank. They come from their own
// random source, so that the rest of the demo city stays as it was before they existed.
func miit2026Facts(r *criteria.Report, strength float64) {
	rnd := rand.New(rand.NewPCG(uint64(r.Year), math.Float64bits(strength)))
	score := math.Round((25+strength*60+rnd.Float64()*15)*10) / 10
	r.QualityScore = &score
	r.MarketPositionLeading = boolPtr(strength > 0.55 && rnd.Float64() < 0.8)
	r.DomesticRank = intPtr(1 + int((1-strength)*30) + rnd.IntN(5))
}

func (g *generator) company(regionCode string, s sector, name string) company {
	g.names[name] = true
	founded := calendar.NewDate(1995+g.pick(25), time.Month(1+g.pick(12)), 1+g.pick(28))
	niche := founded.AddDays(g.pick(3 * 365))
	if niche.After(g.today) {
		niche = founded
	}
	strategic := g.pick(4) == 0
	line := s.lines[g.pick(len(s.lines))]
	e := enterprise.Enterprise{
		Name:              name,
		CreditCode:        g.creditCode(regionCode),
		RegionCode:        regionCode,
		IndustryCode:      s.division,
		FoundedOn:         founded,
		MainProducts:      line.product,
		NicheMarket:       line.niche,
		NicheMarketSince:  niche,
		StrategicEmerging: &strategic,
		ContactPerson:     []string{"陈", "林", "黄", "郑", "许", "吴", "蔡", "杨"}[g.pick(8)] + []string{"先生", "女士", "经理", "主任"}[g.pick(4)],
		ContactPhone:      fmt.Sprintf("0663-8%07d", g.pick(10_000_000)),
		Address:           prefixes[regionCode] + []string{"工业大道", "环市路", "科技路", "新兴路", "站前路"}[g.pick(5)] + fmt.Sprintf("%d号", 1+g.pick(300)),
		Tags:              []string{},
		Version:           1,
	}
	if g.pick(10) == 0 {
		e.Tags = []string{"上市后备"}
	}
	// strength, 0–1, makes a company's facts better or worse together, so that the city has
	// leaders, laggards and many in between.
	strength := g.rnd.Float64()
	g.profileFacts(&e, strength)
	// Three complete years of figures, growing (or shrinking) year on year.
	revenue := s.minRevenue + g.rnd.Int64N(s.maxRevenue-s.minRevenue)
	employees := int64(12 + g.pick(40) + int(revenue/1_500_000))
	growth := -0.05 + g.rnd.Float64()*0.3
	lastYear := g.today.Year() - 1
	var reports []report.Annual
	for y := lastYear - 2; y <= lastYear; y++ {
		back := float64(lastYear - y)
		rev := int64(float64(revenue) / math.Pow(1+growth, back))
		emp := max(int64(float64(employees)/math.Pow(1+growth/2, back)), 5)
		mainShare := min(0.55+g.rnd.Float64()*0.25+strength*0.2, 1)
		rdRatio := 0.005 + g.rnd.Float64()*0.04 + strength*0.04
		assets := int64(float64(rev) * (0.6 + g.rnd.Float64()))
		reports = append(reports, report.Annual{Report: criteria.Report{
			Year:                y,
			Employees:           ptr(emp),
			RDStaff:             ptr(int64(float64(emp) * (0.03 + g.rnd.Float64()*0.25))),
			OperatingRevenue:    ptr(rev),
			MainBusinessRevenue: ptr(int64(float64(rev) * mainShare)),
			RDExpense:           ptr(int64(float64(rev) * rdRatio)),
			NetProfit:           ptr(int64(float64(rev) * (-0.02 + g.rnd.Float64()*0.15))),
			TotalAssets:         ptr(assets),
			TotalLiabilities:    ptr(int64(float64(assets) * (0.2 + g.rnd.Float64()*0.6))),
			EquityFinancing:     ptr(0),
		}})
		g.yearFacts(&reports[len(reports)-1].Report, strength)
	}
	latest := reports[len(reports)-1]
	e.SizeClass = enterprise.ComputeSizeClass(e.IndustryCode, enterprise.Figures{Employees: latest.Employees, OperatingRevenue: latest.OperatingRevenue})
	return company{e: e, reports: reports, strength: strength}
}
