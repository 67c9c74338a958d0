package searchkey_test

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		node atlas.Node
		want []searchkey.Key
	}{
		{"name, Chinese name and its pinyin, tone-marked alias folded into the name",
			&atlas.Person{Name: "Xi Jinping", NameZh: "习近平", Aliases: []atlas.Alias{{Name: "Xí Jìnpíng"}, {Name: "XI-JINPING"}}},
			[]searchkey.Key{{Key: "xijinping", Name: "Xi Jinping"}, {Key: "习近平", Name: "习近平"}}},
		{"abbreviation and a Chinese alias",
			&atlas.Group{Name: "Central Foreign Affairs Commission", Aliases: []atlas.Alias{{Name: "CFAC"}, {Name: "中央外事工作委员会"}}},
			[]searchkey.Key{{Key: "centralforeignaffairscommission", Name: "Central Foreign Affairs Commission"}, {Key: "cfac", Name: "CFAC"},
				{Key: "中央外事工作委员会", Name: "中央外事工作委员会"}, {Key: "zhongyangwaishigongzuoweiyuanhui", Name: "中央外事工作委员会"}}},
		{"positions use their titles", &atlas.Position{Title: "Premier", TitleZh: "总理"},
			[]searchkey.Key{{Key: "premier", Name: "Premier"}, {Key: "总理", Name: "总理"}, {Key: "zongli", Name: "总理"}}},
		{"punctuation-only names give no key", &atlas.Person{Name: "Wang Yi", Aliases: []atlas.Alias{{Name: " - "}}},
			[]searchkey.Key{{Key: "wangyi", Name: "Wang Yi"}}},
	} {
		if got := searchkey.Of(tc.node); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestQueryFoldsLikeKeys(t *testing.T) {
	for in, want := range map[string]string{"Xí Jìnpíng": "xijinping", "xi jinping": "xijinping", "习近平": "习近平", "F.A.L.S.G.": "falsg", "  ": ""} {
		if got := searchkey.Query(in); got != want {
			t.Errorf("Query(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameContainsMatchesInsideWordsAndPinyin(t *testing.T) {
	keys := searchkey.Of(&atlas.Person{Name: "Xi Jinping", NameZh: "习近平"})
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Xi Jinping", true},
		{"jinp", true},        // inside a word
		{"近平", true},          // inside the Chinese name
		{"jinping xi", false}, // a substring, not words in any order
		{"Hu", false},
	} {
		if got := searchkey.NameContains(keys, searchkey.Query(tc.text)); got != tc.want {
			t.Errorf("NameContains(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
