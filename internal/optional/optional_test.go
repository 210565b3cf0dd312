package optional

import (
	"encoding/json"
	"testing"
)

func TestUnmarshal(t *testing.T) {
	var p struct {
		A Value[string] `json:"a"`
		B Value[string] `json:"b"`
		C Value[int]    `json:"c"`
	}
	if err := json.Unmarshal([]byte(`{"a": null, "c": 3}`), &p); err != nil {
		t.Fatal(err)
	}
	if !p.A.Set || !p.A.Null {
		t.Errorf("a = %+v, want set and null", p.A)
	}
	if p.B.Set {
		t.Errorf("b = %+v, want not set", p.B)
	}
	if !p.C.Set || p.C.Null || p.C.V != 3 {
		t.Errorf("c = %+v, want 3", p.C)
	}
	if err := json.Unmarshal([]byte(`{"c": "x"}`), &p); err == nil {
		t.Error("a string went into an int")
	}
}

func TestApply(t *testing.T) {
	s := "old"
	if (Value[string]{}).Apply(&s) || s != "old" {
		t.Error("unset value applied")
	}
	if !Null[string]().Apply(&s) || s != "" {
		t.Errorf("null applied = %q", s)
	}
	if !Of("new").Apply(&s) || s != "new" {
		t.Errorf("value applied = %q", s)
	}
	b, _ := json.Marshal(struct {
		X Value[int] `json:"x"`
	}{Of(5)})
	if string(b) != `{"x":5}` {
		t.Errorf("marshal = %s", b)
	}
}
