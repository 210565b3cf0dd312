// Package optional tells a field left out of a JSON patch from a field set to null, which
// encoding/json alone cannot: PATCH {"founded_on": null} clears a date, {} leaves it alone.
package optional

import (
	"bytes"
	"encoding/json"
)

// Value is a patch field: Set when the key was present, Null when it was null.
type Value[T any] struct {
	Set  bool
	Null bool
	V    T
}

// Of returns a set, non-null value.
func Of[T any](v T) Value[T] { return Value[T]{Set: true, V: v} }

// Null returns a set, null value.
func Null[T any]() Value[T] { return Value[T]{Set: true, Null: true} }

// UnmarshalJSON records that the key was present, and whether it was null.
func (o *Value[T]) UnmarshalJSON(b []byte) error {
	o.Set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		o.Null = true
		var zero T
		o.V = zero
		return nil
	}
	o.Null = false
	return json.Unmarshal(b, &o.V)
}

// MarshalJSON writes the value, or null.
func (o Value[T]) MarshalJSON() ([]byte, error) {
	if !o.Set || o.Null {
		return []byte("null"), nil
	}
	return json.Marshal(o.V)
}

// Apply sets *dst to the value (or to zero for null) when the field was given, and reports
// whether it was.
func (o Value[T]) Apply(dst *T) bool {
	if !o.Set {
		return false
	}
	*dst = o.V
	return true
}
