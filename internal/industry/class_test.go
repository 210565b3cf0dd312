package industry

import (
	"testing"

	"github.com/tiertracker/tiertracker/internal/criteria"
)

func TestClassOf(t *testing.T) {
	tests := []struct {
		code string
		want criteria.IndustryClass
		ok   bool
	}{
		{"B06", criteria.ClassIndustry, true},
		{"C34", criteria.ClassIndustry, true},
		{"D44", criteria.ClassIndustry, true},
		{"I65", criteria.ClassSoftware, true},
		{"I64", criteria.ClassOther, true},
		{"E47", criteria.ClassOther, true},
		{"M73", criteria.ClassOther, true},
		{"C", "", false},
		{"C99", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := ClassOf(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ClassOf(%q) = %s, %v; want %s, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}
