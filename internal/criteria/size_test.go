package criteria

import "testing"

func n(v int64) *int64 { return &v }

func TestClassifySize(t *testing.T) {
	tests := []struct {
		class     IndustryClass
		employees *int64
		revenue   *int64
		want      SizeClass
		ok        bool
	}{
		// industry: SME if E < 1000 or R < 400M
		{ClassIndustry, n(1000), n(400_000_000), Large, true},
		{ClassIndustry, n(999), n(400_000_000), Medium, true},
		{ClassIndustry, n(1000), n(399_999_999), Medium, true},
		{ClassIndustry, n(5000), n(10_000_000), Small, true},
		// medium: E >= 300 and R >= 20M
		{ClassIndustry, n(300), n(20_000_000), Medium, true},
		{ClassIndustry, n(299), n(20_000_000), Small, true},
		{ClassIndustry, n(300), n(19_999_999), Small, true},
		// small: E >= 20 and R >= 3M
		{ClassIndustry, n(20), n(3_000_000), Small, true},
		{ClassIndustry, n(19), n(3_000_000), Micro, true},
		{ClassIndustry, n(20), n(2_999_999), Micro, true},
		{ClassIndustry, n(0), n(0), Micro, true},
		// software: SME if E < 300 or R < 100M
		{ClassSoftware, n(300), n(100_000_000), Large, true},
		{ClassSoftware, n(299), n(100_000_000), Medium, true},
		{ClassSoftware, n(100), n(10_000_000), Medium, true},
		{ClassSoftware, n(99), n(10_000_000), Small, true},
		{ClassSoftware, n(100), n(9_999_999), Small, true},
		{ClassSoftware, n(10), n(500_000), Small, true},
		{ClassSoftware, n(9), n(500_000), Micro, true},
		{ClassSoftware, n(10), n(499_999), Micro, true},
		// other: by employees only
		{ClassOther, n(300), nil, Large, true},
		{ClassOther, n(299), nil, Medium, true},
		{ClassOther, n(100), n(1), Medium, true},
		{ClassOther, n(99), nil, Small, true},
		{ClassOther, n(10), nil, Small, true},
		{ClassOther, n(9), nil, Micro, true},
		// missing inputs are never zero
		{ClassIndustry, nil, n(1), "", false},
		{ClassIndustry, n(1), nil, "", false},
		{ClassSoftware, n(1), nil, "", false},
		{ClassOther, nil, n(1), "", false},
		{IndustryClass("farm"), n(1), n(1), "", false},
	}
	for _, tt := range tests {
		got, ok := ClassifySize(tt.class, tt.employees, tt.revenue)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ClassifySize(%s, %v, %v) = %s, %v; want %s, %v", tt.class, deref(tt.employees), deref(tt.revenue), got, ok, tt.want, tt.ok)
		}
	}
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}
