package criteria

// spec describes a criterion: its code, group, Chinese label (the SPA translates by code), its
// requirement as text, and for a scored indicator its maximum points.
type spec struct {
	code        string
	names       names
	requirement string
	max         int
}

// band is one row of a scoring table: values at or above the threshold p/q earn points.
type band struct {
	p, q   int64
	points int
	text   string
}

// score returns the points and the row's text of the first band a ratio reaches.
func scoreFrac(f frac, bands []band) (int, string) {
	for _, b := range bands {
		if f.atLeast(b.p, b.q) {
			return b.points, b.text
		}
	}
	last := bands[len(bands)-1]
	return 0, last.text
}

// The prerequisite and the general conditions, shared by every tier.
var (
	specPrereqNone = spec{"P", names{"prerequisite", "前置梯度资质"}, "none", 0}
	specPrereqISME = spec{"P", names{"prerequisite", "持有有效的创新型中小企业资质"}, "holds a valid innovative_sme", 0}
	specPrereqSSME = spec{"P", names{"prerequisite", "持有有效的专精特新中小企业资质"}, "holds a valid specialized_sme", 0}
	specGeneral    = spec{"G", names{"general", "基本条件：中小企业，未列入经营异常名录或严重失信主体名单，近三年无重大安全、质量、环境事故和偷漏税等违法违规行为"},
		"SME by size; not listed; no major incident or violation in 3 years", 0}
)

// The innovative SME (创新型中小企业).
var (
	specD1 = spec{"D1", names{"direct", "近三年内获得国家级、省级科技奖励"}, "a national or provincial S&T award in Y-2..Y", 0}
	specD2 = spec{"D2", names{"direct", "获得高新技术企业、国家级技术创新示范企业、知识产权优势企业和知识产权示范企业等荣誉（有效期内）"}, "a valid honour", 0}
	specD3 = spec{"D3", names{"direct", "拥有经认定的省部级以上研发机构"}, "R&D institution provincial or above", 0}
	specD4 = spec{"D4", names{"direct", "近三年新增股权融资总额（合格机构投资者的实缴额）500万元以上"}, "equity financing Y-2..Y >= 5,000,000", 0}

	specI1 = spec{"I1", names{"innovation", "与企业主导产品相关的有效知识产权数量"}, "high-value Class I >= 1: 20", 20}
	specI2 = spec{"I2", names{"innovation", "上年度研发费用总额占营业收入总额比重"}, ">= 5%: 20", 20}
	specG1 = spec{"G1", names{"growth", "上年度主营业务收入增长率"}, ">= 15%: 20", 20}
	specG2 = spec{"G2", names{"growth", "上年度资产负债率"}, "< 55%: 10", 10}
	specS1 = spec{"S1", names{"specialisation", "主导产品所属领域情况（属于《战略性新兴产业分类》）"}, "in the catalogue: 10", 10}
	specS2 = spec{"S2", names{"specialisation", "上年度主营业务收入总额占营业收入总额比重"}, ">= 70%: 20", 20}
)

var (
	bandsI2 = []band{{5, 100, 20, ">= 5%: 20"}, {3, 100, 15, "3–5%: 15"}, {2, 100, 10, "2–3%: 10"}, {1, 100, 5, "1–2%: 5"}, {-1 << 62, 1, 0, "< 1%: 0"}}
	bandsG1 = []band{{15, 100, 20, ">= 15%: 20"}, {10, 100, 15, "10–15%: 15"}, {5, 100, 10, "5–10%: 10"}, {0, 1, 5, "0–5%: 5"}, {-1 << 62, 1, 0, "< 0: 0"}}
	bandsS2 = []band{{70, 100, 20, ">= 70%: 20"}, {60, 100, 15, "60–70%: 15"}, {55, 100, 10, "55–60%: 10"}, {50, 100, 5, "50–55%: 5"}, {-1 << 62, 1, 0, "< 50%: 0"}}
)

// The provincial specialised SME (专精特新中小企业).
var (
	specC1 = spec{"C1", names{"conditions", "从事特定细分市场时间达到2年以上"}, ">= 2 years", 0}
	specC2 = spec{"C2", names{"conditions", "上年度研发费用总额不低于100万元，且占营业收入总额比重不低于3%"}, "R&D expense >= 1,000,000 and R&D ratio >= 3%", 0}
	specC3 = spec{"C3", names{"conditions", "上年度营业收入总额在1000万元以上，或上年度营业收入总额在1000万元以下但近2年新增股权融资总额达到2000万元以上"},
		"revenue >= 10,000,000, or equity financing Y-1..Y >= 20,000,000", 0}
	specC4 = spec{"C4", names{"conditions", "评价指标得分达到60分以上或满足特定条件之一"}, "score >= 60, or one of the alternatives", 0}

	specZ1 = spec{"Z1", names{"specialisation", "上年度主营业务收入总额占营业收入总额比重"}, ">= 80%: 5", 5}
	specZ2 = spec{"Z2", names{"specialisation", "近2年主营业务收入平均增长率"}, ">= 10%: 10", 10}
	specZ3 = spec{"Z3", names{"specialisation", "从事特定细分市场年限"}, "1 point per full 2 years, at most 5", 5}
	specZ4 = spec{"Z4", names{"specialisation", "主导产品所属领域情况"}, "gap filling: 5", 5}
	specJ1 = spec{"J1", names{"refinement", "数字化水平"}, "level 3 or above: 5", 5}
	specJ2 = spec{"J2", names{"refinement", "质量管理水平"}, "3 each, at most 5", 5}
	specJ3 = spec{"J3", names{"refinement", "上年度净利润率"}, ">= 10%: 10", 10}
	specJ4 = spec{"J4", names{"refinement", "上年度资产负债率"}, "< 50%: 5", 5}
	specT1 = spec{"T1", names{"distinctiveness", "地方特色指标"}, "0–15, as assessed by the province", 15}
	specN1 = spec{"N1", names{"innovation", "与企业主导产品相关的有效知识产权数量"}, "high-value Class I >= 1: 10", 10}
	specN2 = spec{"N2", names{"innovation", "上年度研发费用投入"}, ">= 5,000,000 or >= 10%: 10", 10}
	specN3 = spec{"N3", names{"innovation", "上年度研发人员占比"}, ">= 20%: 5", 5}
	specN4 = spec{"N4", names{"innovation", "建立研发机构级别"}, "national: 10", 10}
)

var (
	bandsZ1       = []band{{80, 100, 5, ">= 80%: 5"}, {70, 100, 3, "70–80%: 3"}, {60, 100, 1, "60–70%: 1"}, {-1 << 62, 1, 0, "< 60%: 0"}}
	bandsZ2       = []band{{10, 100, 10, ">= 10%: 10"}, {8, 100, 8, "8–10%: 8"}, {6, 100, 6, "6–8%: 6"}, {4, 100, 4, "4–6%: 4"}, {0, 1, 2, "0–4%: 2"}, {-1 << 62, 1, 0, "< 0: 0"}}
	bandsJ3       = []band{{10, 100, 10, ">= 10%: 10"}, {8, 100, 8, "8–10%: 8"}, {6, 100, 6, "6–8%: 6"}, {4, 100, 4, "4–6%: 4"}, {2, 100, 2, "2–4%: 2"}, {-1 << 62, 1, 0, "< 2%: 0"}}
	bandsN2Ratio  = []band{{10, 100, 10, ">= 10%: 10"}, {8, 100, 8, "8–10%: 8"}, {6, 100, 6, "6–8%: 6"}, {4, 100, 4, "4–6%: 4"}, {3, 100, 2, "3–4%: 2"}, {-1 << 62, 1, 0, "otherwise: 0"}}
	bandsN2Amount = []band{{5_000_000, 1, 10, ">= 5,000,000: 10"}, {4_000_000, 1, 8, "4–5M: 8"}, {3_000_000, 1, 6, "3–4M: 6"}, {2_000_000, 1, 4, "2–3M: 4"}, {1_000_000, 1, 2, "1–2M: 2"}, {-1 << 62, 1, 0, "otherwise: 0"}}
	bandsN3       = []band{{20, 100, 5, ">= 20%: 5"}, {10, 100, 3, "10–20%: 3"}, {5, 100, 1, "5–10%: 1"}, {-1 << 62, 1, 0, "< 5%: 0"}}
)

// The national little giant (专精特新"小巨人"企业).
var (
	specL1 = spec{"L1", names{"specialisation", "专业化：从事特定细分市场时间达到3年以上，主营业务收入总额占营业收入总额比重不低于70%，近2年主营业务收入平均增长率不低于5%"},
		">= 3 years; main-business share >= 70%; mean growth Y-1..Y >= 5%", 0}
	specL2 = spec{"L2", names{"refinement", "精细化：资产负债率不高于70%，至少1项核心业务采用信息系统支撑，取得相关管理体系认证或产品通过发达国家和地区产品认证"},
		"liabilities/assets <= 70%; a core business on an information system; management-system or developed-market certification", 0}
	specL3 = spec{"L3", names{"distinctiveness", "特色化：主导产品在全国细分市场占有率达到10%以上，且享有较高知名度和影响力，拥有自主品牌"},
		"national market share >= 10%; own brand", 0}
	specL4 = spec{"L4", names{"innovation", "创新能力：研发投入、研发机构、Ⅰ类知识产权满足要求，或符合直通条件"},
		"by revenue: R&D ratio >= 3% (>= 100M) or >= 6% (50–100M) in Y-1 and Y, or (< 50M) financing >= 80M, R&D >= 30M and R&D staff >= 50%; an R&D institution; >= 2 applied Class I IP — or a direct condition", 0}
	specL5 = spec{"L5", names{"industrial_chain", "产业链配套：位于产业链关键环节，围绕重点产业链实现关键基础技术和产品的产业化应用，发挥补短板、锻长板、填空白等重要作用"},
		"at a key link of a key industrial chain", 0}
	specL6 = spec{"L6", names{"field", "主导产品所属领域：属于工业\"六基\"、制造强国战略十大重点产业领域或网络强国建设相关领域"}, "a key field", 0}
)
