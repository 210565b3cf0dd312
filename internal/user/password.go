package user

import (
	"errors"
	"unicode"

	"golang.org/x/crypto/bcrypt"
)

// Password length bounds. bcrypt reads at most 72 bytes, so longer passwords are refused rather
// than silently cut.
const (
	MinPasswordLength = 8
	MaxPasswordBytes  = 72
)

// PasswordStrongEnough reports whether a password meets the policy: at least 8 characters, at
// most 72 bytes, with at least one letter and one digit.
func PasswordStrongEnough(pw string) bool {
	if len([]rune(pw)) < MinPasswordLength || len(pw) > MaxPasswordBytes {
		return false
	}
	var letter, digit bool
	for _, r := range pw {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return letter && digit
}

// Hasher hashes and checks passwords with bcrypt at a fixed cost (tests use the minimum).
type Hasher struct {
	Cost int
}

// Hash returns the bcrypt hash of pw.
func (h Hasher) Hash(pw string) (string, error) {
	cost := h.Cost
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	b, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	return string(b), err
}

// Matches reports whether pw is the password of hash.
func (h Hasher) Matches(hash, pw string) bool {
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw))
	return err == nil && !errors.Is(err, bcrypt.ErrMismatchedHashAndPassword)
}
