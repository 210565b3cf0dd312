// Package creditcode checks the unified social credit code (统一社会信用代码) of GB 32100-2015:
// 18 characters from a 31-character alphabet, the last a check character over the first 17.
package creditcode

import "strings"

// Alphabet holds the characters of a code in value order (no I, O, S, V, Z).
const Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var weights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// Problem says what is wrong with a code.
type Problem int

// The problems a code can have.
const (
	OK Problem = iota
	// Malformed: not 18 characters of the alphabet, or a division code that is not digits.
	Malformed
	// BadCheck: well formed, but the 18th character is not the check character of the first 17.
	BadCheck
)

// Normalize trims spaces and upper-cases letters, as people type codes.
func Normalize(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// Check reports the problem of a normalised code, OK when it is valid.
func Check(code string) Problem {
	if len(code) != 18 {
		return Malformed
	}
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(Alphabet, code[i])
		if v < 0 {
			return Malformed
		}
		if i >= 2 && i < 8 && v > 9 {
			return Malformed // positions 3–8: the registering authority's division code
		}
	}
	if CheckChar(code[:17]) != code[17] {
		return BadCheck
	}
	return OK
}

// CheckChar returns the check character of the first 17 characters of a code; 0 when they are
// not 17 characters of the alphabet.
func CheckChar(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(Alphabet, first17[i])
		if v < 0 {
			return 0
		}
		sum += v * weights[i]
	}
	return Alphabet[(31-sum%31)%31]
}
