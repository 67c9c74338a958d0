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
		score             int // 0: no match
		matched           string
	}{
		{"exact name, spaces ignored", "xijinping", "Xi Jinping", true, atlas.ScoreExactName, "Xi Jinping"},
		{"prefix at a word boundary", "foreign affairs", "Foreign Affairs Commission", true, atlas.ScoreNamePrefix, "Foreign Affairs"},
		{"no prefix inside a word", "tibet", "Tibetan Studies Panel", true, 0, ""},
		{"no prefix inside a word, spaces ignored", "xijin", "Xi Jinping", true, 0, ""},
		{"word inside a name", "affairs", "Ministry of Foreign Affairs", true, atlas.ScoreNameWord, "Affairs"},
		{"no word inside a word", "fairs", "Ministry of Foreign Affairs", true, 0, ""},
		{"Chinese prefix", "中央", "中央外事工作委员会", true, atlas.ScoreNamePrefix, "中央"},
		{"Chinese word inside a name", "外事", "中央外事工作委员会", true, atlas.ScoreNameWord, "外事"},
		{"one Chinese character inside a name", "外", "中央外事工作委员会", true, 0, ""},
		{"one Chinese character standing alone", "组", "Foreign Affairs 组", true, atlas.ScoreNameWord, "组"},
		{"words in order", "belt and road", "The Belt and Road initiative", false, atlas.ScoreOtherField, "Belt and Road"},
		{"words out of order", "road and belt", "The Belt and Road initiative", false, 0, ""},
		{"words must be whole", "belt and roa", "The Belt and Road initiative", false, 0, ""},
		{"text fields need the spaces", "beltandroad", "The Belt and Road initiative", false, 0, ""},
		{"apostrophe", "yanan", "in the Yan'an period", false, atlas.ScoreOtherField, "Yan'an"},
		{"word boundary in a text", "tibet", "the Tibetan question", false, 0, ""},
		{"Chinese word in a text", "治理", "coordinated 边疆治理 work", false, atlas.ScoreOtherField, "治理"},
		{"Chinese characters apart do not make a word", "边疆", "边 疆", false, 0, ""},
		{"one Chinese character inside a word in a text", "疆", "coordinated 边疆治理 work", false, 0, ""},
		{"one Chinese character alone in a text", "组", "the 组 of it", false, atlas.ScoreOtherField, "组"},
		{"stop words alone do not match a text", "the", "the Tibetan question", false, 0, ""},
		{"stop words inside a phrase do", "question of the", "the question of the day", false, atlas.ScoreOtherField, "question of the"},
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
			if want := tc.text; !tc.isName {
				want = tc.matched
				if h.Matched != want {
					t.Errorf("matched %q, want %q", h.Matched, want)
				}
			}
			if !strings.Contains(h.Snippet, MarkStart+tc.matched+MarkEnd) {
				t.Errorf("snippet %q does not mark %q", h.Snippet, tc.matched)
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
		{Field: "nameZh", Text: "习近平", Name: true},
		{Field: "description", Text: "Led the Yan'an-era 边疆 work"},
		{Field: "note", Text: "外"},
	}
	if got, want := Body(fs), "led the yanan era 边疆 work\n外"; got != want {
		t.Errorf("Body = %q, want %q", got, want)
	}
	if got, want := Terms(fs), []string{"led", "the", "yanan", "era", "边疆", "work", "外"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	if got, want := NameKeys(fs), []string{"jinping", "xijinping", "平", "近平", "习近平", "ping", "jinping", "xijinping"}; !reflect.DeepEqual(got, want) {
		t.Errorf("NameKeys = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		query, key, lucene string
		terms              []string
	}{
		{"Yan'an-era", "yananera", `"yanan era"`, []string{"yanan", "era"}},
		{"边疆治理", "边疆治理", `"边疆治理"`, []string{"边疆", "疆治", "治理"}},
		{"the of", "theof", "", nil},
		{`a "quoted" (query) OR *`, "aquotedqueryor", `"a quoted query or"`, []string{"a", "quoted", "query", "or"}},
	} {
		q := ParseQuery(tc.query)
		if q.Key() != tc.key || q.Lucene() != tc.lucene || !reflect.DeepEqual(q.Terms(), tc.terms) {
			t.Errorf("ParseQuery(%q): key %q, Lucene %q, terms %q; want %q, %q, %q", tc.query, q.Key(), q.Lucene(), q.Terms(), tc.key, tc.lucene, tc.terms)
		}
	}
}
