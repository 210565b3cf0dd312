package paging

import (
	"testing"

	"github.com/tiertracker/tiertracker/internal/apperr"
)

func TestNew(t *testing.T) {
	tests := []struct {
		number, size int
		want         Request
		badField     string
	}{
		{0, 0, Request{1, 20}, ""},
		{3, 200, Request{3, 200}, ""},
		{1, 201, Request{}, "page_size"},
		{-1, 10, Request{}, "page"},
		{1, -5, Request{}, "page_size"},
	}
	for _, tt := range tests {
		got, err := New(tt.number, tt.size)
		if tt.badField != "" {
			var e *apperr.Error
			if !apperr.Is(err, apperr.ValidationFailed) {
				t.Errorf("New(%d, %d) error = %v, want validation_failed", tt.number, tt.size, err)
				continue
			}
			e = err.(*apperr.Error)
			if e.Fields[0].Field != tt.badField {
				t.Errorf("New(%d, %d) names %s, want %s", tt.number, tt.size, e.Fields[0].Field, tt.badField)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("New(%d, %d) = %v, %v; want %v", tt.number, tt.size, got, err, tt.want)
		}
	}
	if off := (Request{3, 20}).Offset(); off != 40 {
		t.Errorf("Offset = %d, want 40", off)
	}
}
