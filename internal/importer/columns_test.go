package importer

import (
	"reflect"
	"testing"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

func cell(v string) *row { return &row{num: 7, cells: []string{v}, idx: map[string]int{"x": 0}} }

func TestWan(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{"420.5", 4_205_000, false},
		{"8,500.1234", 85_001_234, false},
		{"0.00004", 0, false}, // finer than the yuan rounds to it
		{"0.00005", 1, false},
		{"-12", -120_000, false},
		{"1e3", 0, true},
		{"1/3", 0, true},
		{"十万", 0, true},
	} {
		r := cell(c.in)
		got := r.wan("x")
		if c.bad {
			if got != nil || len(r.errs) != 1 || r.errs[0].Rule != apperr.RuleWrongType || r.errs[0].Cell != "A7" {
				t.Errorf("%q: %v, %+v", c.in, got, r.errs)
			}
			continue
		}
		if got == nil || *got != c.want || len(r.errs) > 0 {
			t.Errorf("%q: %v, %+v; want %d", c.in, got, r.errs, c.want)
		}
	}
	if cell("").wan("x") != nil {
		t.Error("an empty cell is no figure")
	}
}

func TestShareBoolDate(t *testing.T) {
	if v := cell("12%").share("x"); v == nil || *v != 0.12 {
		t.Errorf("12%%: %v", v)
	}
	if v := cell("0.35").share("x"); v == nil || *v != 0.35 {
		t.Errorf("0.35: %v", v)
	}
	for in, want := range map[string]bool{"是": true, "否": false, "Yes": true, "no": false, "1": true, "0": false} {
		if v := cell(in).bool("x"); v == nil || *v != want {
			t.Errorf("%q: %v", in, v)
		}
	}
	if r := cell("也许"); r.bool("x") != nil || len(r.errs) != 1 {
		t.Error("a bool of neither yes nor no")
	}
	want := calendar.NewDate(2023, 6, 15)
	for _, in := range []string{"2023-06-15", "2023/6/15", "2023年6月15日", "06-15-23", "45092"} {
		if got := cell(in).date("x"); got != want {
			t.Errorf("%q: %v", in, got)
		}
	}
	if r := cell("15/6/2023x"); !r.date("x").IsZero() || r.errs[0].Rule != apperr.RuleDate {
		t.Error("a date of no known layout")
	}
	if got := cell(`专精特新"小巨人"企业`).tier("x"); got != criteria.LittleGiant {
		t.Errorf("tier by its Chinese name: %s", got)
	}
}

func TestHeader(t *testing.T) {
	idx, errs := header(Enterprises, []string{"企业名称", "Credit code", "region_code", "", "颜色", "企业名称"})
	if !reflect.DeepEqual(idx, map[string]int{"name": 0, "credit_code": 1, "region_code": 2}) {
		t.Errorf("index %v", idx)
	}
	want := []RowError{
		{Row: 1, Column: "颜色", Cell: "E1", Rule: apperr.RuleUnknownField},
		{Row: 1, Column: "name", Cell: "F1", Rule: apperr.RuleDuplicate},
	}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors %+v", errs)
	}
	if _, errs := header(AnnualReports, []string{"年度"}); len(errs) != 1 || errs[0].Column != "credit_code" || errs[0].Rule != apperr.RuleRequired {
		t.Errorf("a missing required column: %+v", errs)
	}
}
