package atlas_test

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"lsgatlas/atlas"
)

// FuzzParseDate: any text is either a valid date that prints back as itself, or an
// EINVALID error; never a panic or a coerced date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2018", "2018-03", "2018-02-28", "2018-02-30", "2018-13", "20xx", "", "0000", "9999-12-31", "2018-3-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := atlas.ParseDate(s)
		if err != nil {
			if atlas.ErrorCode(err) != atlas.EINVALID {
				t.Fatalf("ParseDate(%q): %v is not EINVALID", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) prints as %q", s, d.String())
		}
	})
}

// FuzzKindOfID: an id is accepted only with a known prefix and a lowercase slug.
func FuzzKindOfID(f *testing.F) {
	for _, s := range []string{"person/xi-jinping", "group/a", "Xi Jinping", "group/", "group/-a", "count/2018", "source/ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		k, err := atlas.KindOfID(id)
		if err != nil {
			if atlas.ErrorCode(err) != atlas.EINVALID {
				t.Fatalf("KindOfID(%q): %v", id, err)
			}
			return
		}
		if len(id) <= len(k.IDPrefix()) || id[:len(k.IDPrefix())] != k.IDPrefix() {
			t.Fatalf("KindOfID(%q) = %s", id, k)
		}
	})
}

// FuzzDecodeCursor: a cursor decodes only if it is one EncodeCursor could make, and
// then encodes back to one that decodes the same.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(atlas.EncodeCursor(atlas.Cursor{Key: "a", ID: "group/a", Order: "NAME"}))
	for _, s := range []string{"", "nope", "e30", "eyJpZCI6IngifQ", "////"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := atlas.DecodeCursor(s)
		if err != nil {
			if atlas.ErrorCode(err) != atlas.EINVALID {
				t.Fatalf("DecodeCursor(%q): %v", s, err)
			}
			return
		}
		again, err := atlas.DecodeCursor(atlas.EncodeCursor(c))
		if err != nil || again != c {
			t.Fatalf("cursor %+v does not survive a round trip: %+v %v", c, again, err)
		}
	})
}

// FuzzEncodeCursor: a cursor is the base64 of json.Marshal's bytes, whatever its
// strings hold (EncodeCursor writes the usual ones itself).
func FuzzEncodeCursor(f *testing.F) {
	f.Add("6c65616465", "group/a", "NAME")
	f.Add("a<b>&c", "group/\"x\\", "ESTABLISHED DESC")
	f.Add("领导\u2028小组", "\x00\x7f\xff", "")
	f.Fuzz(func(t *testing.T, key, id, order string) {
		c := atlas.Cursor{Key: key, ID: id, Order: order}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := atlas.EncodeCursor(c), base64.RawURLEncoding.EncodeToString(b); got != want {
			t.Fatalf("EncodeCursor(%+v) = %s, want %s", c, got, want)
		}
	})
}
