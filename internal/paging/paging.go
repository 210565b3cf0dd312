// Package paging holds the list conventions of DESIGN.md: page from 1, page_size at most 200.
package paging

import "github.com/tiertracker/tiertracker/internal/apperr"

// The page sizes of every list.
const (
	DefaultSize = 20
	MaxSize     = 200
)

// Request is a page of a list.
type Request struct {
	Number int // from 1
	Size   int // 1..MaxSize
}

// Offset returns how many rows come before the page.
func (r Request) Offset() int { return (r.Number - 1) * r.Size }

// New checks a page request, taking 0 for "not given"; a page out of bounds names its field.
func New(number, size int) (Request, error) {
	if number == 0 {
		number = 1
	}
	if size == 0 {
		size = DefaultSize
	}
	var fs apperr.Fields
	if number < 1 {
		fs.Add("page", apperr.RuleTooSmall, map[string]any{"min": 1})
	}
	if size < 1 {
		fs.Add("page_size", apperr.RuleTooSmall, map[string]any{"min": 1})
	}
	if size > MaxSize {
		fs.Add("page_size", apperr.RuleTooLarge, map[string]any{"max": MaxSize})
	}
	if err := fs.Err(); err != nil {
		return Request{}, err
	}
	return Request{Number: number, Size: size}, nil
}

// Result is one page of a list and the number of rows in the whole list.
type Result[T any] struct {
	Items []T
	Total int64
	Page  Request
}
