package industry

import (
	"fmt"
	"strings"
	"testing"
)

func TestSectionsShape(t *testing.T) {
	all := Sections()
	if len(all) != 20 {
		t.Fatalf("got %d sections, want 20", len(all))
	}
	next := 1
	total := 0
	for i, s := range all {
		if want := string(rune('A' + i)); s.Code != want {
			t.Errorf("section %d has code %q, want %q", i, s.Code, want)
		}
		if s.Name == "" || s.NameEn == "" {
			t.Errorf("section %s has an empty name", s.Code)
		}
		if len(s.Divisions) == 0 {
			t.Errorf("section %s has no divisions", s.Code)
		}
		for _, d := range s.Divisions {
			total++
			if !strings.HasPrefix(d.Code, s.Code) {
				t.Errorf("division %s is not under its section letter %s", d.Code, s.Code)
			}
			if want := fmt.Sprintf("%s%02d", s.Code, next); d.Code != want {
				t.Errorf("division code %q, want %q", d.Code, want)
			}
			next++
			if d.Name == "" || d.NameEn == "" {
				t.Errorf("division %s has an empty name", d.Code)
			}
		}
	}
	if total != 97 {
		t.Errorf("got %d divisions, want 97", total)
	}
}

func TestDivisionNumbersUnique(t *testing.T) {
	seen := map[string]string{}
	for _, s := range Sections() {
		for _, d := range s.Divisions {
			num := d.Code[1:]
			if prev, dup := seen[num]; dup {
				t.Errorf("division number %s used by %s and %s", num, prev, d.Code)
			}
			seen[num] = d.Code
		}
	}
	for n := 1; n <= 97; n++ {
		if _, ok := seen[fmt.Sprintf("%02d", n)]; !ok {
			t.Errorf("division number %02d missing", n)
		}
	}
}

func TestSpotChecks(t *testing.T) {
	tests := []struct {
		code, section, name string
	}{
		{"A01", "A", "农业"},
		{"A05", "A", "农、林、牧、渔专业及辅助性活动"},
		{"B06", "B", "煤炭开采和洗选业"},
		{"C13", "C", "农副食品加工业"},
		{"C34", "C", "通用设备制造业"},
		{"C39", "C", "计算机、通信和其他电子设备制造业"},
		{"C43", "C", "金属制品、机械和设备修理业"},
		{"D44", "D", "电力、热力生产和供应业"},
		{"E47", "E", "房屋建筑业"},
		{"G58", "G", "多式联运和运输代理业"},
		{"I65", "I", "软件和信息技术服务业"},
		{"M73", "M", "研究和试验发展"},
		{"N79", "N", "土地管理业"},
		{"T97", "T", "国际组织"},
	}
	for _, tt := range tests {
		s, d, ok := Lookup(tt.code)
		if !ok || s.Code != tt.section || d.Code != tt.code || d.Name != tt.name {
			t.Errorf("Lookup(%q) = %s, %s %s, %v; want %s, %s %s, true",
				tt.code, s.Code, d.Code, d.Name, ok, tt.section, tt.code, tt.name)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code        string
		section     string
		sectionName string
		division    string
		ok          bool
	}{
		{"C34", "C", "制造业", "C34", true},
		{"C", "C", "制造业", "", true},
		{"A", "A", "农、林、牧、渔业", "", true},
		{"T", "T", "国际组织", "", true},
		{"S96", "S", "公共管理、社会保障和社会组织", "S96", true},
		{"c34", "", "", "", false},
		{"c", "", "", "", false},
		{"C99", "", "", "", false},
		{"C3", "", "", "", false},
		{"C034", "", "", "", false},
		{"D34", "", "", "", false},
		{"34", "", "", "", false},
		{"", "", "", "", false},
		{"Z", "", "", "", false},
		{"Z01", "", "", "", false},
		{" C34", "", "", "", false},
		{"中", "", "", "", false},
	}
	for _, tt := range tests {
		s, d, ok := Lookup(tt.code)
		if ok != tt.ok || s.Code != tt.section || s.Name != tt.sectionName || d.Code != tt.division {
			t.Errorf("Lookup(%q) = %q %q, %q, %v; want %q %q, %q, %v",
				tt.code, s.Code, s.Name, d.Code, ok, tt.section, tt.sectionName, tt.division, tt.ok)
		}
		if !ok && (d != Division{} || s.Divisions != nil) {
			t.Errorf("Lookup(%q) not ok but returned non-zero values", tt.code)
		}
		if ok && tt.division == "" && d != (Division{}) {
			t.Errorf("Lookup(%q) returned division %+v, want zero", tt.code, d)
		}
	}
}

func TestSectionOf(t *testing.T) {
	tests := []struct{ code, want string }{
		{"C34", "C"},
		{"C", "C"},
		{"A01", "A"},
		{"T97", "T"},
		{"I65", "I"},
		{"c34", ""},
		{"C99", ""},
		{"C3", ""},
		{"", ""},
		{"Z", ""},
		{"B13", ""},
	}
	for _, tt := range tests {
		if got := SectionOf(tt.code); got != tt.want {
			t.Errorf("SectionOf(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestSectionsIsACopy(t *testing.T) {
	first := Sections()
	first[2].Name = "changed"
	first[2].Divisions[0].Name = "changed"
	first[2].Divisions = first[2].Divisions[:1]
	first[0] = Section{}

	second := Sections()
	if second[0].Code != "A" {
		t.Errorf("section A changed to %+v", second[0])
	}
	if second[2].Name != "制造业" {
		t.Errorf("section C name changed to %q", second[2].Name)
	}
	if len(second[2].Divisions) != 31 || second[2].Divisions[0].Name != "农副食品加工业" {
		t.Errorf("section C divisions changed: %d, first %q", len(second[2].Divisions), second[2].Divisions[0].Name)
	}

	s, _, _ := Lookup("C")
	s.Divisions[0].Name = "changed"
	if _, d, _ := Lookup("C13"); d.Name != "农副食品加工业" {
		t.Errorf("Lookup result shares the table: C13 is now %q", d.Name)
	}
}
