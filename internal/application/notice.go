package application

import (
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
)

// NoticeStanding is where an application stands with the public notice (see package notice).
type NoticeStanding struct {
	Noticed        bool          // it is on a notice
	EndsOn         calendar.Date // the latest of its notices' last days
	OpenObjections int
}

// NoticeProblems say why an application may not be recommended yet as far as the public notice
// goes: it must have been on a notice whose period is over, with no objection unresolved. None when
// the bureau has the step off (days 0).
func NoticeProblems(days int, st NoticeStanding, today calendar.Date) apperr.Fields {
	if days == 0 {
		return nil
	}
	var fs apperr.Fields
	switch {
	case !st.Noticed:
		fs.Add("public_notice", apperr.RuleNoticeRequired, nil)
	case !today.After(st.EndsOn):
		fs.Add("public_notice", apperr.RuleNoticeRunning, map[string]any{"ends_on": st.EndsOn.String()})
	}
	if st.OpenObjections > 0 {
		fs.Add("public_notice", apperr.RuleObjectionOpen, map[string]any{"count": st.OpenObjections})
	}
	return fs
}
