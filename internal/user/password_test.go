package user

import (
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestPasswordStrongEnough(t *testing.T) {
	tests := []struct {
		pw   string
		want bool
	}{
		{"demo-pass-2024", true},
		{"abcdefg1", true},
		{"abcdef1", false},               // 7 characters
		{"abcdefgh", false},              // no digit
		{"12345678", false},              // no letter
		{"密码密码密码密码1", true},              // letters need not be Latin
		{strings.Repeat("a1", 36), true}, // 72 bytes
		{strings.Repeat("a1", 36) + "b", false},
	}
	for _, tt := range tests {
		if got := PasswordStrongEnough(tt.pw); got != tt.want {
			t.Errorf("PasswordStrongEnough(%q) = %v, want %v", tt.pw, got, tt.want)
		}
	}
}

func TestHasher(t *testing.T) {
	h := Hasher{Cost: bcrypt.MinCost}
	hash, err := h.Hash("demo-pass-2024")
	if err != nil {
		t.Fatal(err)
	}
	if !h.Matches(hash, "demo-pass-2024") {
		t.Error("right password refused")
	}
	if h.Matches(hash, "demo-pass-2025") {
		t.Error("wrong password accepted")
	}
	if h.Matches("not a hash", "demo-pass-2024") {
		t.Error("garbage hash accepted")
	}
}
