package collate

import (
	"slices"
	"testing"
)

func TestKey(t *testing.T) {
	if got := Key("揭阳市恒达"); got != "jie yang shi heng da " {
		t.Errorf("Key = %q", got)
	}
	if got := Key(" ABC五金 "); got != "abcwu jin " {
		t.Errorf("Key = %q", got)
	}
}

func TestPinyinOrder(t *testing.T) {
	names := []string{"普宁市华信服饰有限公司", "揭阳市榕江五金制品有限公司", "广东东升茶业科技有限公司", "阿能公司", "安达公司", "惠来县宏泰化工有限公司"}
	slices.SortFunc(names, func(a, b string) int {
		switch ka, kb := Key(a), Key(b); {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	want := []string{"阿能公司", "安达公司", "广东东升茶业科技有限公司", "惠来县宏泰化工有限公司", "揭阳市榕江五金制品有限公司", "普宁市华信服饰有限公司"}
	if !slices.Equal(names, want) {
		t.Errorf("order = %v", names)
	}
}
