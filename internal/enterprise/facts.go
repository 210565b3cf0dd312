package enterprise

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/optional"
)

// Limits of the criteria's lists on a profile.
const (
	MaxListItems = 50
	MaxAwardName = 200
)

// listValue turns a patch of a list into the stored form: null is "not known" (nil), [] is "none".
func listValue[T any](v optional.Value[[]T]) []T {
	if v.Null {
		return nil
	}
	if v.V == nil {
		return []T{}
	}
	return v.V
}

func checkHonours(v optional.Value[[]Honour], fs *apperr.Fields) []Honour {
	hs := listValue(v)
	if len(hs) > MaxListItems {
		fs.Add("honours", apperr.RuleTooLarge, map[string]any{"max": MaxListItems})
		return hs
	}
	for i, h := range hs {
		p := "honours[" + strconv.Itoa(i) + "]."
		if !slices.Contains(criteria.Honours, h.Code) {
			fs.Add(p+"code", apperr.RuleOneOf, map[string]any{"values": criteria.Honours})
		}
		if h.ValidFrom.IsZero() {
			fs.Add(p+"valid_from", apperr.RuleRequired, nil)
		}
		if !h.ValidUntil.IsZero() && h.ValidUntil.Before(h.ValidFrom) {
			fs.Add(p+"valid_until", apperr.RuleTooSmall, map[string]any{"min": h.ValidFrom.String()})
		}
		hs[i].CertificateNo = strings.TrimSpace(h.CertificateNo)
		if utf8.RuneCountInString(hs[i].CertificateNo) > 100 {
			fs.Add(p+"certificate_no", apperr.RuleTooLong, map[string]any{"max": 100})
		}
	}
	return hs
}

func checkYear(field string, y int, today calendar.Date, fs *apperr.Fields) {
	if y < criteria.MinYear {
		fs.Add(field, apperr.RuleTooSmall, map[string]any{"min": criteria.MinYear})
	} else if y > today.Year() {
		fs.Add(field, apperr.RuleTooLarge, map[string]any{"max": today.Year()})
	}
}

func checkAwards(v optional.Value[[]Award], today calendar.Date, fs *apperr.Fields) []Award {
	as := listValue(v)
	if len(as) > MaxListItems {
		fs.Add("awards", apperr.RuleTooLarge, map[string]any{"max": MaxListItems})
		return as
	}
	for i, a := range as {
		p := "awards[" + strconv.Itoa(i) + "]."
		checkYear(p+"year", a.Year, today, fs)
		if a.Level != criteria.LevelNational && a.Level != criteria.LevelProvincial {
			fs.Add(p+"level", apperr.RuleOneOf, map[string]any{"values": []string{criteria.LevelNational, criteria.LevelProvincial}})
		}
		if a.Rank < 1 {
			fs.Add(p+"rank", apperr.RuleTooSmall, map[string]any{"min": 1})
		}
		as[i].Name = strings.TrimSpace(a.Name)
		if utf8.RuneCountInString(as[i].Name) > MaxAwardName {
			fs.Add(p+"name", apperr.RuleTooLong, map[string]any{"max": MaxAwardName})
		}
	}
	return as
}

func checkMakers(v optional.Value[[]criteria.MakersPlace], today calendar.Date, fs *apperr.Fields) []criteria.MakersPlace {
	ms := listValue(v)
	if len(ms) > MaxListItems {
		fs.Add("makers_china", apperr.RuleTooLarge, map[string]any{"max": MaxListItems})
		return ms
	}
	for i, m := range ms {
		p := "makers_china[" + strconv.Itoa(i) + "]."
		checkYear(p+"year", m.Year, today, fs)
		if m.Top != 50 && m.Top != 500 {
			fs.Add(p+"top", apperr.RuleOneOf, map[string]any{"values": []int{50, 500}})
		}
	}
	return ms
}

// CriteriaAwards returns the awards as the criteria read them; nil when not known.
func (e Enterprise) CriteriaAwards() []criteria.Award {
	if e.Awards == nil {
		return nil
	}
	out := make([]criteria.Award, len(e.Awards))
	for i, a := range e.Awards {
		out[i] = criteria.Award{Year: a.Year, Level: a.Level, Rank: a.Rank}
	}
	return out
}
