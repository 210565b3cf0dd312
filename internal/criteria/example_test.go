package criteria

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func loadFacts(t testing.TB, name string) Facts {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var f Facts
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestWorkedExample is CRITERIA.md's worked example: eligible by score, 68 points.
func TestWorkedExample(t *testing.T) {
	res, problems := Evaluate(loadFacts(t, "worked_example.json"))
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	// The values shown marshal as plain JSON numbers.
	raw, _ := json.Marshal(res)
	if !strings.Contains(string(raw), `"value":0.88`) {
		t.Errorf("json %s", raw)
	}
	if !res.Eligible || res.Route == nil || *res.Route != RouteScore || res.Score == nil || *res.Score != 68 {
		t.Fatalf("eligible %v route %v score %v", res.Eligible, res.Route, res.Score)
	}
	if res.SizeClass == nil || *res.SizeClass != Small || len(res.Missing) != 0 {
		t.Errorf("size %v missing %v", res.SizeClass, res.Missing)
	}
	want := map[string]int{"Z1": 5, "Z2": 10, "Z3": 2, "Z4": 0, "J1": 5, "J2": 5, "J3": 8, "J4": 3, "T1": 9, "N1": 8, "N2": 4, "N3": 5, "N4": 4}
	var codes []string
	for _, c := range res.Criteria {
		codes = append(codes, c.Code)
		if p, scored := want[c.Code]; scored {
			if c.Points == nil || *c.Points != p {
				t.Errorf("%s: points %v, want %d", c.Code, c.Points, p)
			}
			continue
		}
		if c.Status != Met {
			t.Errorf("%s: %s", c.Code, c.Status)
		}
	}
	order := []string{"P", "G", "C1", "C2", "C3", "C4", "Z1", "Z2", "Z3", "Z4", "J1", "J2", "J3", "J4", "T1", "N1", "N2", "N3", "N4"}
	if len(codes) != len(order) {
		t.Fatalf("codes %v", codes)
	}
	for i := range order {
		if codes[i] != order[i] {
			t.Fatalf("codes %v, want %v", codes, order)
		}
	}
	c1, _ := res.Find("C1")
	z1, _ := res.Find("Z1")
	share, _ := z1.Value.(*float64)
	if c1.Value != 5 || share == nil || *share != 0.88 || z1.Requirement != ">= 80%: 5" || *z1.MaxPoints != 5 {
		t.Errorf("C1 %+v, Z1 %+v", c1, z1)
	}
}
