package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/report"
)

// productLine is a main product and the niche market it serves.
type productLine struct{ product, niche string }

// sector is an industry division (GB/T 4754-2017) with the words its companies' names use, its
// product lines, the revenue range of a typical company in yuan, and how common it is.
type sector struct {
	division               string
	weight                 int
	words                  []string
	lines                  []productLine
	minRevenue, maxRevenue int64
}

// sectors are the industries of the registry: mostly manufacturing, as the ladder's enterprises
// are, with software, internet and technical services beside.
var sectors = []sector{
	{"C13", 3, []string{"农产品加工", "食品"}, []productLine{{"预制菜", "潮汕风味预制菜"}, {"冷冻水产品", "冷冻水产加工品"}}, 5_000_000, 200_000_000},
	{"C14", 4, []string{"食品", "食品科技"}, []productLine{{"凉果蜜饯", "潮式凉果"}, {"调味品", "潮式酱料"}, {"休闲烘焙食品", "休闲烘焙食品"}}, 5_000_000, 150_000_000},
	{"C15", 2, []string{"茶业", "饮料"}, []productLine{{"单丛茶", "凤凰单丛茶"}, {"植物饮料", "凉茶饮料"}}, 4_000_000, 100_000_000},
	{"C17", 5, []string{"纺织", "织造"}, []productLine{{"针织面料", "功能性针织面料"}, {"功能性纱线", "再生纤维纱线"}}, 8_000_000, 200_000_000},
	{"C18", 6, []string{"服饰", "制衣"}, []productLine{{"针织内衣", "功能性针织内衣"}, {"休闲服装", "户外休闲服装"}, {"童装", "婴幼儿针织服装"}}, 5_000_000, 150_000_000},
	{"C19", 3, []string{"鞋业", "鞋材"}, []productLine{{"运动鞋", "轻量化运动鞋"}, {"鞋底材料", "功能性鞋底材料"}}, 6_000_000, 180_000_000},
	{"C21", 2, []string{"家具", "家居"}, []productLine{{"实木家具", "定制实木家具"}, {"办公家具", "智能办公家具"}}, 5_000_000, 150_000_000},
	{"C22", 2, []string{"纸业", "包装"}, []productLine{{"纸制品包装", "环保纸制品包装"}, {"特种纸", "食品级特种纸"}}, 6_000_000, 180_000_000},
	{"C24", 2, []string{"工艺品", "文体用品"}, []productLine{{"玉雕工艺品", "玉雕工艺品"}, {"健身器材配件", "家用健身器材"}}, 3_000_000, 80_000_000},
	{"C26", 5, []string{"化工", "精细化工"}, []productLine{{"水性涂料", "环保水性涂料"}, {"塑料助剂", "塑料加工助剂"}, {"日用化学品", "洗护用品"}}, 10_000_000, 380_000_000},
	{"C27", 4, []string{"制药", "生物医药", "药业"}, []productLine{{"中药配方颗粒", "中药配方颗粒"}, {"原料药", "特色原料药"}, {"医用敷料", "功能性医用敷料"}}, 10_000_000, 400_000_000},
	{"C29", 6, []string{"塑料制品", "橡塑", "新材料"}, []productLine{{"改性塑料粒子", "改性工程塑料"}, {"塑料包装制品", "食品级塑料包装"}, {"橡胶密封件", "汽车橡胶密封件"}}, 6_000_000, 200_000_000},
	{"C30", 3, []string{"陶瓷", "建材"}, []productLine{{"日用陶瓷", "高档日用陶瓷"}, {"建筑陶瓷", "仿古建筑陶瓷"}}, 6_000_000, 150_000_000},
	{"C32", 2, []string{"有色金属", "合金材料"}, []productLine{{"铝合金型材", "高性能铝合金型材"}, {"铜合金带材", "精密铜合金带材"}}, 15_000_000, 390_000_000},
	{"C33", 8, []string{"五金制品", "不锈钢制品", "金属制品"}, []productLine{{"不锈钢厨具", "不锈钢餐厨具"}, {"卫浴五金配件", "卫浴五金"}, {"精密金属结构件", "精密金属结构件"}}, 8_000_000, 300_000_000},
	{"C34", 6, []string{"机械设备", "机械"}, []productLine{{"包装机械", "全自动包装机械"}, {"食品加工机械", "食品加工成套设备"}, {"卫生级阀门", "食品医药卫生级阀门"}}, 8_000_000, 250_000_000},
	{"C35", 6, []string{"智能装备", "装备制造"}, []productLine{{"注塑机械手", "注塑机配套机械手"}, {"自动化生产线", "五金自动化生产线"}}, 10_000_000, 300_000_000},
	{"C36", 2, []string{"汽车零部件", "汽配"}, []productLine{{"汽车线束", "新能源汽车线束"}, {"汽车内饰件", "汽车内饰件"}}, 15_000_000, 390_000_000},
	{"C38", 6, []string{"电器", "电气"}, []productLine{{"小家电", "智能小家电"}, {"开关插座", "智能开关插座"}, {"低压电器", "低压配电电器"}}, 8_000_000, 300_000_000},
	{"C39", 6, []string{"电子科技", "电子"}, []productLine{{"电子元器件", "片式电子元器件"}, {"智能终端配件", "智能穿戴配件"}}, 10_000_000, 390_000_000},
	{"C40", 2, []string{"仪器仪表", "智能仪表"}, []productLine{{"智能水表", "物联网智能水表"}, {"检测仪器", "食品安全快速检测仪器"}}, 5_000_000, 150_000_000},
	{"C42", 1, []string{"再生资源", "环保科技"}, []productLine{{"再生塑料颗粒", "再生塑料"}}, 5_000_000, 150_000_000},
	{"I64", 2, []string{"网络科技", "互联网科技"}, []productLine{{"工业互联网平台", "中小企业工业互联网平台"}, {"跨境电商服务平台", "跨境电商服务"}}, 2_000_000, 80_000_000},
	{"I65", 6, []string{"信息科技", "软件", "数字科技"}, []productLine{{"制造执行系统", "中小制造企业MES"}, {"跨境电商管理系统", "跨境电商SaaS"}, {"工业数据服务", "工业设备数据采集"}}, 2_000_000, 90_000_000},
	{"M73", 2, []string{"技术研究院", "新材料研究"}, []productLine{{"高分子材料研发服务", "高分子材料研发"}}, 2_000_000, 50_000_000},
	{"M75", 2, []string{"科技服务", "技术服务"}, []productLine{{"检验检测服务", "第三方检验检测"}, {"技术转移服务", "科技成果转化"}}, 2_000_000, 60_000_000},
}

// regionShares spread the enterprises over the demo city's regions roughly as its industry is
// spread, each with the place name its companies are registered under and the division code of
// the authority that registers them (the city's, for a functional zone).
var regionShares = []struct {
	code     string
	weight   int
	place    string
	division string
}{
	{"445202", 20, "揭阳市", "445202"}, {"445203", 16, "揭阳市", "445203"}, {"445222", 9, "揭西县", "445222"},
	{"445224", 7, "惠来县", "445224"}, {"445281", 22, "普宁市", "445281"},
	{"445271", 10, "揭阳", "445200"}, {"445272", 8, "揭阳", "445200"}, {"445273", 4, "揭阳", "445200"}, {"445274", 4, "揭阳", "445200"},
}

// brandChars make the two-character trade names (字号) of the companies.
const brandChars = "恒达宏泰粤兴榕江金瑞华信创美顺鑫锦程联德嘉利永盛新航海纳鸿基润荣昌凯精工汇智博远众诚丰佳东升南潮明辉天正安广源立卓越万隆宝科艺景星河绿亿中和长福临豪俊宇通力威腾飞扬光启晟祥骏逸峰岚"

var brandRunes = []rune(brandChars)

var suffixes = []string{"有限公司", "有限公司", "有限公司", "股份有限公司", "实业有限公司", "科技有限公司"}

var surnames = []string{"陈", "林", "黄", "郑", "许", "吴", "蔡", "杨", "李", "张", "王", "刘", "谢", "洪", "詹", "方"}

var titles = []string{"先生", "女士", "经理", "主任", "总监"}

var streets = []string{"工业大道", "环市路", "科技路", "新兴路", "站前路", "临江路", "产业园路", "创业大道"}

// dice is an enterprise's own random source.
type dice struct{ *rand.Rand }

func (d dice) pick(n int) int                 { return d.IntN(n) }
func (d dice) chance(p float64) bool          { return d.Float64() < p }
func (d dice) between(lo, hi float64) float64 { return lo + (hi-lo)*d.Float64() }

// weighted returns an index drawn by weight.
func (d dice) weighted(n int, weight func(int) int) int {
	total := 0
	for i := range n {
		total += weight(i)
	}
	x := d.pick(total)
	for i := range n {
		if x < weight(i) {
			return i
		}
		x -= weight(i)
	}
	return n - 1
}

// orgCode spreads enterprise ids over the nine digits of the organisation code, one to one (an
// affine map modulo 10⁹ with a multiplier prime to 10), so that codes are unique without a set of
// those already made.
func orgCode(id int64) string {
	const m = 1_000_000_000
	return fmt.Sprintf("%09d", (id*387_420_489+123_456_789)%m)
}

// creditCode returns the valid credit code of an enterprise registered by the authority of a
// division.
func creditCode(id int64, division string) string {
	body := "91" + division + orgCode(id)
	return body + string(creditcode.CheckChar(body))
}

// profile makes an enterprise's registry record and its three years of figures. strength (0–1)
// makes a company's facts better or worse together, so that the registry has leaders, laggards
// and many in between.
func (g *Generator) profile(d dice, id int64) (enterprise.Enterprise, []report.Annual, float64) {
	today := g.cfg.Today
	ri := d.weighted(len(regionShares), func(i int) int { return regionShares[i].weight })
	region := regionShares[ri]
	s := sectors[d.weighted(len(sectors), func(i int) int { return sectors[i].weight })]
	brand := string(brandRunes[d.pick(len(brandRunes))]) + string(brandRunes[d.pick(len(brandRunes))])
	word, suffix := s.words[d.pick(len(s.words))], suffixes[d.pick(len(suffixes))]
	if strings.HasSuffix(word, "科技") && strings.HasPrefix(suffix, "科技") {
		suffix = strings.TrimPrefix(suffix, "科技")
	}
	name := region.place + brand + word + suffix
	founded := calendar.NewDate(today.Year()-4-d.pick(28), time.Month(1+d.pick(12)), 1+d.pick(28))
	niche := founded.AddDays(d.pick(4 * 365))
	if !niche.Before(today) {
		niche = founded
	}
	line := s.lines[d.pick(len(s.lines))]
	strength := d.Float64()
	strategic := d.chance(0.15 + 0.25*strength)
	e := enterprise.Enterprise{
		ID:                id,
		Name:              name,
		CreditCode:        creditCode(id, region.division),
		RegionCode:        region.code,
		IndustryCode:      s.division,
		FoundedOn:         founded,
		Address:           region.place + streets[d.pick(len(streets))] + fmt.Sprintf("%d号", 1+d.pick(400)),
		MainProducts:      line.product,
		NicheMarket:       line.niche,
		NicheMarketSince:  niche,
		StrategicEmerging: &strategic,
		ContactPerson:     surnames[d.pick(len(surnames))] + titles[d.pick(len(titles))],
		ContactPhone:      fmt.Sprintf("0663-8%07d", d.pick(10_000_000)),
		Tags:              []string{},
		Version:           1,
	}
	if d.chance(0.04 + 0.12*strength) {
		e.Tags = []string{"上市后备"}
	}
	g.profileFacts(d, &e, strength)
	reports := g.figures(d, id, s, strength)
	latest := reports[0]
	e.SizeClass = enterprise.ComputeSizeClass(e.IndustryCode, enterprise.Figures{Employees: latest.Employees, OperatingRevenue: latest.OperatingRevenue})
	return e, reports, strength
}

// profileFacts fills the facts the criteria read from the profile.
func (g *Generator) profileFacts(d dice, e *enterprise.Enterprise, strength float64) {
	today := g.cfg.Today
	e.AbnormalOrDishonestListed = ptr(d.chance(0.015))
	e.MajorIncidentOrViolation3y = ptr(d.chance(0.01))
	switch {
	case strength > 0.8 && d.chance(0.6):
		e.FieldClass = criteria.FieldGapFilling
	case strength > 0.5 && d.chance(0.5):
		e.FieldClass = criteria.FieldSixFoundations
	default:
		e.FieldClass = criteria.FieldOther
	}
	e.KeyField = ptr(strength > 0.7 && d.chance(0.7))
	e.KeyChainLink = ptr(strength > 0.8 && d.chance(0.6))
	e.Honours = []enterprise.Honour{}
	if d.chance(0.05 + strength*0.3) {
		from := calendar.NewDate(today.Year()-1-d.pick(3), time.Month(10+d.pick(3)), 1+d.pick(28))
		e.Honours = append(e.Honours, enterprise.Honour{Code: criteria.HonourHighTech, ValidFrom: from, ValidUntil: from.AddYears(3).AddDays(-1),
			CertificateNo: fmt.Sprintf("GR%d44%06d", from.Year(), d.pick(1_000_000))})
	}
	if strength > 0.85 && d.chance(0.15) {
		from := calendar.NewDate(today.Year()-1-d.pick(2), time.Month(1+d.pick(12)), 1)
		e.Honours = append(e.Honours, enterprise.Honour{Code: criteria.HonourIPAdvantage, ValidFrom: from, ValidUntil: from.AddYears(3).AddDays(-1)})
	}
	e.Awards = []enterprise.Award{}
	if strength > 0.75 && d.chance(0.25) {
		e.Awards = append(e.Awards, enterprise.Award{Year: today.Year() - 1 - d.pick(3), Level: criteria.LevelProvincial, Rank: 1 + d.pick(8), Name: "广东省科学技术奖"})
	}
	if strength > 0.95 && d.chance(0.2) {
		e.Awards = append(e.Awards, enterprise.Award{Year: today.Year() - 1 - d.pick(3), Level: criteria.LevelNational, Rank: 1 + d.pick(6), Name: "国家科学技术进步奖"})
	}
	e.MakersChina = []criteria.MakersPlace{}
	if strength > 0.6 && d.chance(0.12) {
		top := 500
		if d.chance(0.2) {
			top = 50
		}
		e.MakersChina = append(e.MakersChina, criteria.MakersPlace{Year: today.Year() - 1 - d.pick(3), Top: top})
	}
}

// revenuePerEmployee is the typical operating revenue per employee of an industry's companies.
func revenuePerEmployee(division string) int64 {
	switch division[0] {
	case 'I':
		return 400_000
	case 'M':
		return 300_000
	}
	return 700_000
}

// figures returns three complete years of figures, latest first, growing (or shrinking) year on
// year; their ids follow the enterprise's place in the registry, three to an enterprise.
func (g *Generator) figures(d dice, id int64, s sector, strength float64) []report.Annual {
	lastYear := g.cfg.Today.Year() - 1
	// Revenue spread evenly over the orders of magnitude of the sector's range, the stronger higher.
	pos := 0.55*d.Float64() + 0.45*strength
	revenue := int64(math.Exp(math.Log(float64(s.minRevenue)) + pos*(math.Log(float64(s.maxRevenue))-math.Log(float64(s.minRevenue)))))
	employees := int64(5+d.pick(40)) + revenue/revenuePerEmployee(s.division)
	growth := -0.08 + 0.22*d.Float64() + 0.14*strength
	firstReport := g.first.AnnualReport + (id-g.first.Enterprise-1)*3
	out := make([]report.Annual, 0, 3)
	for back := range 3 {
		y := lastYear - back
		rev := max(int64(float64(revenue)/math.Pow(1+growth, float64(back))*d.between(0.97, 1.03)), 100_000)
		emp := max(int64(float64(employees)/math.Pow(1+growth/2, float64(back))), 5)
		mainShare := min(0.5+d.Float64()*0.25+strength*0.25, 1)
		rdRatio := 0.003 + d.Float64()*0.025 + strength*0.06
		assets := int64(float64(rev) * d.between(0.6, 1.6))
		equity := int64(0)
		if strength > 0.6 && d.chance(0.1) {
			equity = int64(d.between(3, 60)) * 1_000_000
		}
		r := criteria.Report{
			Year:                y,
			Employees:           ptr(emp),
			RDStaff:             ptr(int64(float64(emp) * (0.04 + d.Float64()*0.15 + strength*0.12))),
			OperatingRevenue:    ptr(rev),
			MainBusinessRevenue: ptr(int64(float64(rev) * mainShare)),
			RDExpense:           ptr(int64(float64(rev) * rdRatio)),
			NetProfit:           ptr(int64(float64(rev) * (-0.03 + d.Float64()*0.12 + strength*0.05))),
			TotalAssets:         ptr(assets),
			TotalLiabilities:    ptr(int64(float64(assets) * max(0.25+d.Float64()*0.55-strength*0.1, 0.05))),
			EquityFinancing:     ptr(equity),
		}
		yearFacts(d, &r, strength)
		filed := g.at(calendar.NewDate(y+1, time.March, 1).AddDays(d.pick(55)), 9+d.pick(9))
		if filed.After(g.now) {
			filed = g.now
		}
		out = append(out, report.Annual{ID: firstReport + int64(3-back), EnterpriseID: id, Version: 1, CreatedAt: filed, UpdatedAt: filed, Report: r})
	}
	return out
}

// yearFacts fills a year's facts beyond the money: IP, R&D institution, digitalisation, quality,
// certification, market position, the province's local score, and the 2026 measures' facts.
func yearFacts(d dice, r *criteria.Report, strength float64) {
	class1 := max(int(strength*8)+d.pick(3)-1, 0)
	self := min(class1, int(float64(class1)*d.Float64()*1.2))
	highValue := 0
	if class1 > 3 && d.chance(strength) {
		highValue = 1 + d.pick(2)
	}
	applied := min(class1, int(float64(class1)*(0.3+d.Float64()*0.6)))
	r.IP = &criteria.IP{Class1: ptr(class1), Class1SelfDeveloped: ptr(self), Class1HighValue: ptr(highValue), Class2: ptr(d.pick(12)), Class1Applied: ptr(applied)}
	r.RDInstitution = ptr(criteria.Institutions[min(max(int(strength*4.2)+d.pick(2)-1, 0), 4)])
	r.DigitalLevel = ptr(min(max(1+int(strength*3)+d.pick(2)-d.pick(2), 1), 4))
	r.Quality = &criteria.Quality{Award: ptr(strength > 0.8 && d.chance(0.4)), Certified: ptr(d.chance(0.4 + strength*0.5)),
		OwnBrand: ptr(d.chance(0.3 + strength*0.6)), Standards: ptr(strength > 0.5 && d.chance(0.4))}
	r.InfoSystemCoreBusiness = ptr(d.chance(0.3 + strength*0.6))
	r.ManagementCertified = ptr(d.chance(0.3 + strength*0.6))
	r.NationalMarketShare = ptr(math.Round((0.002+strength*strength*0.2*d.Float64())*10000) / 10000)
	r.LocalScore = ptr(min(int(strength*12)+d.pick(4), 15))
	r.QualityScore = ptr(math.Round((25+strength*60+d.Float64()*15)*10) / 10)
	r.MarketPositionLeading = ptr(strength > 0.55 && d.chance(0.8))
	r.DomesticRank = ptr(1 + int((1-strength)*30) + d.pick(5))
}

func ptr[T any](v T) *T { return &v }
