package calendar

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want string
	}{
		{"2024-02-29", true, "2024-02-29"},
		{"2023-02-29", false, ""},
		{"2024-1-2", false, ""},
		{"2024-01-02T00:00:00Z", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("Parse(%q) error = %v, want ok %v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && d.String() != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, d, tt.want)
		}
	}
}

func TestAddYears(t *testing.T) {
	tests := []struct{ from, want string }{
		{"2023-06-30", "2026-06-30"},
		{"2024-02-29", "2027-02-28"},
		{"2025-02-28", "2028-02-28"},
	}
	for _, tt := range tests {
		d, _ := Parse(tt.from)
		if got := d.AddYears(3).String(); got != tt.want {
			t.Errorf("%s + 3 years = %s, want %s", tt.from, got, tt.want)
		}
	}
}

func TestOnUsesTheLocation(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	instant := time.Date(2024, 12, 31, 17, 0, 0, 0, time.UTC) // 01:00 on 1 January in Shanghai
	if got := On(instant, shanghai).String(); got != "2025-01-01" {
		t.Errorf("On = %s, want 2025-01-01", got)
	}
	if got := On(instant, time.UTC).String(); got != "2024-12-31" {
		t.Errorf("On UTC = %s, want 2024-12-31", got)
	}
}

func TestJSONAndScan(t *testing.T) {
	var v struct {
		D Date `json:"d"`
	}
	if err := json.Unmarshal([]byte(`{"d":"2022-01-02"}`), &v); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"d":"2022-01-02"}` {
		t.Errorf("round trip = %s", b)
	}
	if err := json.Unmarshal([]byte(`{"d":"2022-13-02"}`), &v); err == nil {
		t.Error("month 13 accepted")
	}
	var zero Date
	b, _ = json.Marshal(struct {
		D Date `json:"d"`
	}{zero})
	if string(b) != `{"d":null}` {
		t.Errorf("zero date = %s", b)
	}
	for _, src := range []any{"2021-12-31", []byte("2021-12-31"), time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC), "2021-12-31 00:00:00+00:00"} {
		var d Date
		if err := d.Scan(src); err != nil || d.String() != "2021-12-31" {
			t.Errorf("Scan(%v) = %s, %v", src, d, err)
		}
	}
}
