package searchkey

import (
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // tokens joined by "|", CJK tokens that follow each other without a gap joined by "+"
	}{
		{"Xí Jìnpíng", "xi|jinping"},
		{"Yan'an and Yan’an", "yanan|and|yanan"},
		{"states' rights", "states|rights"},
		{"Party-State dual track", "party|state|dual|track"},
		{"ＣＦＡＣ ２０１８", "cfac|2018"},
		{"Xi\u0301 Ji\u0300nping", "xi|jinping"},
		{"中央外事 工作", "中+央+外+事|工+作"},
		{"B站视频", "b|站+视+频"},
		{" -- ", ""},
	} {
		toks := tokenize(tc.in)
		var b strings.Builder
		for i, tk := range toks {
			if i > 0 {
				if adjacent(toks[i-1], tk) {
					b.WriteString("+")
				} else {
					b.WriteString("|")
				}
			}
			b.WriteString(tk.text)
		}
		if b.String() != tc.want {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, b.String(), tc.want)
		}
		for _, tk := range toks { // offsets point at the original text
			if got := atlas.NormalizeName(tc.in[tk.start:tk.end]); got != tk.text {
				t.Errorf("tokenize(%q): token %q written as %q", tc.in, tk.text, tc.in[tk.start:tk.end])
			}
		}
	}
}

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		name, query, text string
		isName            bool
		score             int    // 0: no match
		matched           string // for a text field: the words marked
	}{
		{"exact name, spaces ignored", "xijinping", "Xi Jinping", true, atlas.ScoreExactName, ""},
		{"exact name with a synonym written otherwise", "Energy LSG", "Energy Leading Small Group", true, atlas.ScoreExactName, ""},
		{"exact name, & is and", "Hong Kong & Macao", "Hong Kong and Macau", true, atlas.ScoreExactName, ""},
		{"exact name, traditional characters", "周恩來", "周恩来", true, atlas.ScoreExactName, ""},
		{"prefix at a word boundary", "foreign affairs", "Foreign Affairs Commission", true, atlas.ScoreNamePrefix, ""},
		{"prefix through a synonym", "LSG for", "Leading Small Group for Tibet", true, atlas.ScoreNamePrefix, ""},
		{"no prefix inside a word", "tibet", "Tibetan Studies Panel", true, 0, ""},
		{"no prefix inside a word, spaces ignored", "xijin", "Xi Jinping", true, 0, ""},
		{"word inside a name", "affairs", "Ministry of Foreign Affairs", true, atlas.ScoreNameWord, ""},
		{"words of a name in any order", "tibet LSG", "Leading Small Group for Tibet", true, atlas.ScoreNameWord, ""},
		{"one word of two", "tibet xinjiang", "Leading Small Group for Tibet", true, atlas.ScoreNameWord, ""},
		{"no word inside a word", "fairs", "Ministry of Foreign Affairs", true, 0, ""},
		{"a typo in a long word", "Minstry", "Ministry of Foreign Affairs", true, atlas.ScoreNameWord, ""},
		{"no typo in a short word", "Mao", "Mai Zedong", true, 0, ""},
		{"no two typos", "Minsty", "Ministry of Foreign Affairs", true, 0, ""},
		{"Chinese prefix", "中央", "中央外事工作委员会", true, atlas.ScoreNamePrefix, ""},
		{"Chinese word inside a name", "外事", "中央外事工作委员会", true, atlas.ScoreNameWord, ""},
		{"Chinese synonym", "委员会", "Central Foreign Affairs Commission", true, atlas.ScoreNameWord, ""},
		{"one Chinese character inside a name", "外", "中央外事工作委员会", true, 0, ""},
		{"one Chinese character standing alone", "组", "Foreign Affairs 组", true, atlas.ScoreNameWord, ""},
		{"words in order", "belt and road", "The Belt and Road initiative", false, atlas.ScoreOtherField, "Belt and Road"},
		{"words out of order", "road and belt", "The Belt and Road initiative", false, atlas.ScoreOtherField, "Belt and Road"},
		{"words must be whole", "roa", "The Belt and Road initiative", false, 0, ""},
		{"text fields need the spaces", "beltandroad", "The Belt and Road initiative", false, 0, ""},
		{"apostrophe", "yanan", "in the Yan'an period", false, atlas.ScoreOtherField, "Yan'an"},
		{"word boundary in a text", "tibet", "the Tibetan question", false, 0, ""},
		{"Chinese word in a text", "治理", "coordinated 边疆治理 work", false, atlas.ScoreOtherField, "治理"},
		{"Chinese characters apart do not make a word", "边疆", "边 疆", false, 0, ""},
		{"one Chinese character inside a word in a text", "疆", "coordinated 边疆治理 work", false, 0, ""},
		{"one Chinese character alone in a text", "组", "the 组 of it", false, atlas.ScoreOtherField, "组"},
		{"stop words alone do not match a text", "the", "the Tibetan question", false, 0, ""},
		{"stop words are left out of a longer query", "question of the", "the question of the day", false, atlas.ScoreOtherField, "question"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := &atlas.Person{ID: "person/x", Name: "Placeholder"}
			if tc.isName {
				n.Aliases = []atlas.Alias{{Name: tc.text}}
			} else {
				n.Description = tc.text
			}
			h, ok := Hit(ParseQuery(tc.query), n, nil)
			if tc.score == 0 {
				if ok {
					t.Fatalf("matched %+v, want no match", h)
				}
				return
			}
			if !ok || h.Score != tc.score {
				t.Fatalf("got %+v (%v), want score %d", h, ok, tc.score)
			}
			if tc.isName && h.Matched != tc.text {
				t.Errorf("matched %q, want %q", h.Matched, tc.text)
			}
			if !tc.isName && (h.Matched != tc.matched || !strings.Contains(h.Snippet, MarkStart+tc.matched+MarkEnd)) {
				t.Errorf("matched %q in %q, want %q", h.Matched, h.Snippet, tc.matched)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("alpha ", 20) + "MATCH" + strings.Repeat(" omega", 20)
	at := strings.Index(long, "MATCH")
	for _, tc := range []struct {
		text     string
		from, to int
		want     string
	}{
		{"short text", 6, 10, "short «text»"},
		{long, at, at + 5, "…alpha alpha alpha alpha alpha alpha «MATCH» omega omega omega omega omega omega omega omega omega omega…"},
		{"中央外事工作委员会", 6, 12, "中央«外事»工作委员会"},
	} {
		if got := snippet(tc.text, tc.from, tc.to); got != tc.want {
			t.Errorf("snippet(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// What the stores index and send must agree with what Hit matches.
func TestIndexForms(t *testing.T) {
	fs := []atlas.SearchField{
		{Field: "name", Text: "Xi Jinping", Name: true},
		{Field: "nameZh", Text: "習近平", Name: true},
		{Field: "description", Text: "Led the Yan'an-era 边疆 leading small group"},
		{Field: "note", Text: "外"},
	}
	if got, want := TermText(fs), "xi jinping 习近 近平 jin ping led the yanan era 边疆 leading small group lsg 外"; got != want {
		t.Errorf("TermText = %q, want %q", got, want)
	}
	if got, want := Analyse(fs).NameKeys(), []string{"jinping", "xijinping", "平", "近平", "习近平", "ping", "jinping", "xijinping"}; !reflect.DeepEqual(got, want) {
		t.Errorf("NameKeys = %q, want %q", got, want)
	}
	st := NewStats(NewAnalysed([]atlas.Node{&atlas.Person{ID: "person/x", Name: "Placeholder", Description: "Ministry of Foreign Affairs, Ministries"}}, nil))
	for _, tc := range []struct {
		query, key, lucene string
	}{
		{"Yan'an-era", "yananera", "yanan era"},
		{"边疆治理", "边疆治理", "边疆 疆治 治理"},
		{"中央財經領導小組", "中央财经领导小组", "中央 央财 财经 lsg"},
		{"HK & M LSG", "hkandmlsg", "hk m lsg"},
		{"Macao", "macao", "macau"},
		{"the of", "theof", ""},
		{"Minstry", "minstry", "minstry ministry"},
		{`a "quoted" (query) OR *`, "aquotedqueryor", "quoted query"},
	} {
		q := ParseQuery(tc.query)
		if q.Key() != tc.key || q.Lucene(st) != tc.lucene {
			t.Errorf("ParseQuery(%q): key %q, Lucene %q; want %q, %q", tc.query, q.Key(), q.Lucene(st), tc.key, tc.lucene)
		}
	}
}
