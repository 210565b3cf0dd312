package eligibility

import "github.com/tiertracker/tiertracker/internal/criteria"

// passScore is the score the score routes need.
const passScore = 60

// alternative reports whether a criterion is one way among others (a direct condition), whose
// being unmet blocks nothing by itself.
func alternative(code string) bool {
	return code == "D1" || code == "D2" || code == "D3" || code == "D4"
}

// Gaps returns what stands between a result and eligibility: the conditions not met (unmet or
// missing), scored indicators aside since the score gap speaks for them. An eligible result has
// none.
func Gaps(r criteria.Result) []criteria.Criterion {
	if r.Eligible {
		return nil
	}
	var out []criteria.Criterion
	for _, c := range r.Criteria {
		if c.Status == criteria.Met || c.MaxPoints != nil || alternative(c.Code) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// Blocking counts the gaps of a result, for ranking.
func Blocking(r criteria.Result) int { return len(Gaps(r)) }

// innovativeMinimums are the innovative SME's category minimums (CRITERIA.md §1).
var innovativeMinimums = map[string]int{"innovation": 20, "growth": 15, "specialisation": 15}

// ScoreGap returns the points a scored tier still lacks (0 when none, or for a tier without a
// score), and false when the score is unknown for a scored tier. For the innovative SME it counts
// what each category lacks of its minimum as well, when that is more than the total lacks.
func ScoreGap(r criteria.Result) (int, bool) {
	if r.Tier == criteria.LittleGiant || r.Eligible {
		return 0, true
	}
	if r.Score == nil {
		return 0, false
	}
	gap := max(passScore-*r.Score, 0)
	if r.Tier == criteria.InnovativeSME {
		sums := map[string]int{}
		for _, c := range r.Criteria {
			if c.Points != nil {
				sums[c.Group()] += *c.Points
			}
		}
		short := 0
		for group, minimum := range innovativeMinimums {
			short += max(minimum-sums[group], 0)
		}
		gap = max(gap, short)
	}
	return gap, true
}
