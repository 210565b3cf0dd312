package criteria

// slots keep a few values of one kind for an evaluation, so that a criterion's value can point
// into them: a pointer fits in an interface without an allocation, a struct does not.
type slots[T any] struct {
	items [3]T
	n     int
}

// put keeps v and returns a pointer to it, or v itself (boxed) when the slots are full.
func put[T any](s *slots[T], v T) any {
	if s.n == len(s.items) {
		return v
	}
	s.items[s.n] = v
	s.n++
	return &s.items[s.n-1]
}

// valueArena holds the compound values of the criteria of one evaluation of every tier: one
// allocation for them all.
type valueArena struct {
	general  slots[generalValue]
	rdInput  slots[rdInputValue]
	revFin   slots[revenueFinancingValue]
	scoreAlt slots[scoreAlternativeValue]
	l1       slots[l1Value]
	l2       slots[l2Value]
	l3       slots[l3Value]
	l4       slots[l4Value]
	a2       slots[a2Value]
	b2       slots[b2Value]
	b5       slots[b5Value]
	// numbers holds the fractional values shown, so that a criterion's value points into it
	// instead of boxing a float each.
	numbers [numbersPerEvaluation]float64
	nn      int
}

// numbersPerEvaluation is room for the fractional values of all tiers of any ruleset.
const numbersPerEvaluation = 32

// number keeps f and returns a pointer to it, or f itself (boxed) when the room is used up.
func (a *valueArena) number(f float64) any {
	if a.nn == len(a.numbers) {
		return f
	}
	a.numbers[a.nn] = f
	a.nn++
	return &a.numbers[a.nn-1]
}
