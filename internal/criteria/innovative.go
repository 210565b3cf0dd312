package criteria

// evaluateInnovative applies 创新型中小企业评价标准: the general conditions and either the score
// (60, with innovation ≥ 20, growth ≥ 15, specialisation ≥ 15) or one direct condition.
func evaluateInnovative(f *Facts, ruleset string, buf []Criterion) Result {
	ev := newEvaluation(f, 12, buf)
	e := &ev
	p := e.prerequisite()
	g := e.general()

	// Direct conditions.
	award, awardKnown := e.hasAward("", 0)
	d1 := e.condition(&specD1, award, status(award, awardKnown))
	var held []string
	if f.Honours == nil {
		e.miss("honours")
	} else {
		held = make([]string, 0, len(f.Honours))
		for _, h := range f.Honours {
			for _, known := range Honours {
				if h == known {
					held = append(held, h)
				}
			}
		}
	}
	d2 := e.condition(&specD2, held, status(len(held) > 0, f.Honours != nil))
	inst, instKnown := e.institution()
	d3 := e.condition(&specD3, nilIfEmpty(inst), status(inst == InstitutionProvincial || inst == InstitutionNational, instKnown))
	financing, d4 := e.sumAtLeast([]int{e.y - 2, e.y - 1, e.y}, "equity_financing", equityFinancing, 5_000_000)
	e.condition(&specD4, financing, d4)
	direct := anyOf(d1, d2, d3, d4)

	// Score.
	level, i1, i1ok := e.ipLevel([5]int{20, 15, 10, 5, 0})
	e.scored(&specI1, nilIfEmpty(level), i1, i1Text[level], i1ok)
	rd, rdok := e.rdRatio(e.y)
	i2, i2text := scoreFrac(rd, bandsI2)
	e.scored(&specI2, e.number(rd.float(), rdok), i2, i2text, rdok)
	gr, grok := e.mainGrowth(e.y)
	g1, g1text := scoreFrac(gr, bandsG1)
	e.scored(&specG1, e.number(gr.float(), grok), g1, g1text, grok)
	debt, debtok := e.debtRatio()
	g2, g2text := debtPoints(debt, bandsG2)
	e.scored(&specG2, e.number(debt.float(), debtok), g2, g2text, debtok)
	var mp MainProduct
	if f.MainProduct != nil {
		mp = *f.MainProduct
	}
	se, seok := e.flag("main_product.strategic_emerging", mp.StrategicEmerging)
	s1, s1text := 5, "no: 5"
	if se {
		s1, s1text = 10, "yes: 10"
	}
	e.scored(&specS1, valueIf(se, seok), s1, s1text, seok)
	share, shareok := e.mainShare()
	s2, s2text := scoreFrac(share, bandsS2)
	e.scored(&specS2, e.number(share.float(), shareok), s2, s2text, shareok)

	var score *int
	byScore := Missing
	if i1ok && rdok && grok && debtok && seok && shareok {
		total := i1 + i2 + g1 + g2 + s1 + s2
		score = e.keep(total)
		byScore = status(total >= 60 && i1+i2 >= 20 && g1+g2 >= 15 && s1+s2 >= 15, true)
	}
	qualifies := anyOf(direct, byScore)
	eligible := all(p, g, qualifies) == Met
	route := RouteScore
	if direct == Met {
		route = RouteDirect
	}
	return e.result(ruleset, eligible, route, score)
}

var i1Text = map[string]string{
	"class1_high_value": "high-value Class I >= 1: 20", "class1_self_developed": "self-developed Class I >= 1: 15",
	"class1": "Class I >= 1: 10", "class2": "Class II >= 1: 5", "none": "none: 0",
}

// bandsG2 scores the asset-liability ratio, where lower is better: < 55%: 10, 55–75%: 5, ≥ 75%: 0.
var bandsG2 = []band{{55, 100, 10, "< 55%: 10"}, {75, 100, 5, "55–75%: 5"}, {1 << 62, 1, 0, ">= 75%: 0"}}

// debtPoints scores a ratio where lower is better: the first band whose bound it is below.
func debtPoints(f frac, bands []band) (int, string) {
	for _, b := range bands {
		if f.below(b.p, b.q) {
			return b.points, b.text
		}
	}
	last := bands[len(bands)-1]
	return last.points, last.text
}

// nilIfEmpty shows a string of a known set (IP levels, institutions) through a shared pointer,
// which marshals as the string without an allocation; "" shows as null.
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	if p, ok := namePointers[s]; ok {
		return p
	}
	return s
}

var namePointers = func() map[string]*string {
	m := map[string]*string{}
	for _, s := range append([]string{"class1_high_value", "class1_self_developed", "class1", "class2", "none"}, Institutions...) {
		m[s] = &s
	}
	return m
}()

func valueIf(v any, known bool) any {
	if !known {
		return nil
	}
	return v
}
