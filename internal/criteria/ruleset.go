package criteria

import "sort"

// Evaluator evaluates the facts of one tier under a ruleset, explaining its criteria into buf
// when buf has room (nil: it allocates).
type Evaluator func(f *Facts, ruleset string, buf []Criterion) Result

// Ruleset is a named, versioned set of rules: one evaluator per tier. A later revision is added
// beside the earlier ones, never over them, so that every past result stays reproducible.
type Ruleset struct {
	Name  string
	Tiers map[Tier]Evaluator
	// Labels renames tiers under this ruleset (miit-2026 calls the bottom tier 科技和创新型中小企业).
	Labels map[Tier]string
}

var rulesets = map[string]Ruleset{}

// Register adds a ruleset; registering a name twice panics, since a ruleset never changes.
func Register(r Ruleset) {
	if _, dup := rulesets[r.Name]; dup {
		panic("criteria: ruleset " + r.Name + " registered twice")
	}
	rulesets[r.Name] = r
}

// Rulesets returns the names of the registered rulesets, sorted.
func Rulesets() []string {
	names := make([]string, 0, len(rulesets))
	for n := range rulesets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// criteriaPerEvaluation is room for the criteria of all tiers of a ruleset (12 + 19 + 8 in
// miit-2022); a ruleset with more merely allocates again.
const criteriaPerEvaluation = 39

// DefaultRuleset is the ruleset of a request that names none.
const DefaultRuleset = Ruleset2022

func init() {
	Register(Ruleset{Name: Ruleset2022, Tiers: map[Tier]Evaluator{
		InnovativeSME:  evaluateInnovative,
		SpecializedSME: evaluateSpecialized,
		LittleGiant:    evaluateLittleGiant,
	}, Labels: map[Tier]string{
		InnovativeSME: "创新型中小企业", SpecializedSME: "专精特新中小企业", LittleGiant: "专精特新\"小巨人\"企业",
	}})
}

// Evaluate checks the facts and evaluates the tier they name under their ruleset (the default
// when they name none). Invalid facts answer the problems found, each naming its field.
func Evaluate(f Facts) (Result, []Problem) {
	if f.Ruleset == "" {
		f.Ruleset = DefaultRuleset
	}
	if problems := f.Validate(); len(problems) > 0 {
		return Result{}, problems
	}
	return rulesets[f.Ruleset].Tiers[f.Tier](&f, f.Ruleset, nil), nil
}

// EvaluateAll evaluates every tier on the same facts (f.Tier is ignored), bottom tier first.
func EvaluateAll(f Facts) ([]Result, []Problem) {
	if f.Ruleset == "" {
		f.Ruleset = DefaultRuleset
	}
	f.Tier = InnovativeSME
	if problems := f.Validate(); len(problems) > 0 {
		return nil, problems
	}
	rs := rulesets[f.Ruleset]
	f.vals = new(valueArena)
	out := make([]Result, 0, len(Tiers))
	// One allocation holds the criteria of every tier; each result gets its own part.
	buf := make([]Criterion, 0, criteriaPerEvaluation)
	for _, t := range Tiers {
		f.Tier = t
		r := rs.Tiers[t](&f, f.Ruleset, buf[len(buf):])
		buf = buf[:len(buf)+len(r.Criteria)]
		out = append(out, r)
	}
	return out, nil
}

// TierLabel returns the name of a tier under a ruleset.
func TierLabel(ruleset string, t Tier) string {
	if r, ok := rulesets[ruleset]; ok {
		if l, ok := r.Labels[t]; ok {
			return l
		}
	}
	return string(t)
}

// KnownRuleset reports whether a ruleset is registered.
func KnownRuleset(name string) bool {
	_, ok := rulesets[name]
	return ok
}
