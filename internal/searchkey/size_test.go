package searchkey

import (
	"testing"
	"unsafe"

	"lsgatlas/atlas"
)

// TestKeptAnalysisIsCompact: the store keeps every record's analysis (tokens and
// postings) for scoring, and at 100x of the bundled dataset that is most of its heap
// (README, Performance, at scale), so their offsets are int32: a token is 32 bytes, a
// posting 24, not 40 and 32.
func TestKeptAnalysisIsCompact(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"token", unsafe.Sizeof(token{}), 32},
		{"posting", unsafe.Sizeof(posting{}), 24},
	} {
		if c.got != c.want {
			t.Errorf("%s is %d bytes, want %d", c.name, c.got, c.want)
		}
	}
}

// TestTokensShareTheCompactText: a kept field holds one string for its tokens, compact;
// every token's text and every term made of adjacent tokens is a slice of it, not a
// string of its own.
func TestTokensShareTheCompactText(t *testing.T) {
	within := func(s, of string) bool {
		if len(s) == 0 {
			return true
		}
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(of)))
		return p >= lo && p+uintptr(len(s)) <= lo+uintptr(len(of))
	}
	for _, text := range []string{
		"Central Leading Small Group for Foreign Affairs",
		"中央外事工作领导小组",
		"Xi Jinping 习近平 (2013–)",
	} {
		f := newField(atlas.SearchField{Field: "name", Text: text, Name: true}, text, weightName)
		for _, tok := range f.tokens {
			if !within(tok.text, f.compact) {
				t.Errorf("%q: token %q is a string of its own", text, tok.text)
			}
		}
		pairs := 0
		for _, p := range f.postings {
			if p.end-p.start == 2 {
				pairs++
				if !within(p.term, f.compact) {
					t.Errorf("%q: term %q is a string of its own", text, p.term)
				}
			}
		}
		if hasHan(text) && pairs == 0 {
			t.Errorf("%q: no term of two adjacent characters to check", text)
		}
	}
}
