package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// problemsError turns the criteria engine's problems into a validation failure naming each field.
func problemsError(ps []criteria.Problem) error {
	var fs apperr.Fields
	for _, p := range ps {
		switch p.Rule {
		case "required":
			fs.Add(p.Field, apperr.RuleRequired, nil)
		case "one_of":
			fs.Add(p.Field, apperr.RuleOneOf, map[string]any{"values": p.Limit})
		case "too_small":
			fs.Add(p.Field, apperr.RuleTooSmall, map[string]any{"min": p.Limit})
		case "too_large":
			fs.Add(p.Field, apperr.RuleTooLarge, map[string]any{"max": p.Limit})
		case "date":
			fs.Add(p.Field, apperr.RuleDate, nil)
		case "no_report":
			fs.Add(p.Field, apperr.RuleNoReport, nil)
		case "duplicate":
			fs.Add(p.Field, apperr.RuleDuplicate, nil)
		default:
			fs.Add(p.Field, apperr.RuleInvalid, nil)
		}
	}
	return fs.Err()
}

func (a *api) evaluateEligibility(c *gin.Context) {
	var facts criteria.Facts
	if err := bindJSON(c, &facts); err != nil {
		fail(c, err)
		return
	}
	res, problems := criteria.Evaluate(facts)
	if len(problems) > 0 {
		fail(c, problemsError(problems))
		return
	}
	c.JSON(http.StatusOK, res)
}
