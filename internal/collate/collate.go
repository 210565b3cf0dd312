// Package collate orders Chinese names as people expect: by pinyin, syllable by syllable, the way
// a spreadsheet sorts them, whichever database stores them (neither SQLite nor a default
// PostgreSQL collation does).
package collate

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

var args = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	a.Fallback = func(r rune, _ pinyin.Args) []string { return nil }
	return a
}()

// Key returns the sort key of a name: each Han character as its toneless pinyin followed by a
// space (so that "a" sorts before "an"), other characters lower-cased as they are.
func Key(name string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(name) {
		if unicode.Is(unicode.Han, r) {
			if p := pinyin.SinglePinyin(r, args); len(p) > 0 {
				b.WriteString(p[0])
				b.WriteByte(' ')
				continue
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
