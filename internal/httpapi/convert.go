package httpapi

import (
	"net/url"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
)

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func idPtr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func datePtr(d calendar.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// listResponse is the shape of every list.
type listResponse[T any] struct {
	Items    []T   `json:"items"`
	Total    int64 `json:"total"`
	Page     int   `json:"page"`
	PageSize int   `json:"page_size"`
}

func listOf[S, T any](items []S, total int64, page, size int, convert func(S) T) listResponse[T] {
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = convert(it)
	}
	return listResponse[T]{Items: out, Total: total, Page: page, PageSize: size}
}

// urlPathEscape escapes a file name for Content-Disposition's filename*.
func urlPathEscape(s string) string { return url.PathEscape(s) }
