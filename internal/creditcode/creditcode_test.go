package creditcode

import "testing"

func TestCheck(t *testing.T) {
	tests := []struct {
		code string
		want Problem
	}{
		{"914403001922038216", OK},
		{"9144030071526726XG", OK},
		{"914403001922038217", BadCheck},
		{"9144030071526726XH", BadCheck},
		{"91440300192203821", Malformed},   // 17 characters
		{"9144030019220382166", Malformed}, // 19
		{"91440300192203821I", Malformed},  // I is not in the alphabet
		{"9144030O1922038216", Malformed},  // O in the division code
		{"91A403001922038216", Malformed},  // letter in the division code
		{"914403001922038216 ", Malformed}, // callers normalise first
		{"", Malformed},
	}
	for _, tt := range tests {
		if got := Check(tt.code); got != tt.want {
			t.Errorf("Check(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestCheckCharEveryValue(t *testing.T) {
	// Changing any one of the 17 characters changes the check character: the weights are all
	// non-zero modulo 31, a prime.
	base := "91440300192203821"
	want := CheckChar(base)
	for i := 0; i < 17; i++ {
		for _, c := range []byte(Alphabet) {
			if c == base[i] {
				continue
			}
			changed := base[:i] + string(c) + base[i+1:]
			if CheckChar(changed) == want {
				t.Fatalf("changing position %d to %c keeps check %c", i+1, c, want)
			}
		}
	}
	if CheckChar("short") != 0 || CheckChar("9144030019220382I") != 0 {
		t.Error("CheckChar accepted a bad prefix")
	}
}

func TestNormalize(t *testing.T) {
	if got := Normalize(" 9144030071526726xg\n"); got != "9144030071526726XG" {
		t.Errorf("Normalize = %q", got)
	}
}
