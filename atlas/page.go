package atlas

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"hash"
	"slices"
	"strings"
)

// Sealed cursors. A cursor the API hands out names a position in one list: the list (the
// field and the node it belongs to), its filter and its order, written as one canonical
// string by the caller. SealCursor signs the position together with that string, so a
// cursor altered or made up by a client, or taken from another list, filter or order, is
// refused by OpenCursor instead of paging from wherever it points.

// sealedCursor is what a sealed cursor carries in the clear: the position and a short
// digest of the list it belongs to (so the error can say which mistake was made).
type sealedCursor struct {
	Pos  string `json:"p"`
	List string `json:"l"`
}

// SealCursor returns the cursor of position pos in list, signed with key (HMAC-SHA256).
// To seal many positions of one list, use a CursorSealer: same cursors, less work.
func SealCursor(key []byte, list, pos string) string {
	return NewCursorSealer(key, list).Seal(pos)
}

// CursorSealer seals positions of one list with one key. A page seals a cursor per item,
// all of the same list: the sealer digests the list once and reuses its keyed MAC, so
// each cursor costs one MAC and one allocation. Its cursors are byte for byte those of
// SealCursor. Not safe for concurrent use.
type CursorSealer struct {
	digest string // listDigest(list)
	mac    hash.Hash
	msg    []byte // what the MAC covers: list, 0, then the position
	head   int    // len(list)+1
	buf    []byte // scratch: the clear part, the MAC, then the cursor
}

// NewCursorSealer returns a sealer for the cursors of list, signed with key.
func NewCursorSealer(key []byte, list string) *CursorSealer {
	msg := append([]byte(list), 0)
	return &CursorSealer{digest: listDigest(list), mac: hmac.New(sha256.New, key), msg: msg, head: len(msg)}
}

// Seal returns the cursor of position pos in the sealer's list.
func (s *CursorSealer) Seal(pos string) string {
	s.buf = appendCursorBody(s.buf[:0], pos, s.digest)
	bodyLen := len(s.buf)
	s.buf = s.sum(s.buf, pos)
	macEnd := len(s.buf)
	enc := base64.RawURLEncoding
	s.buf = enc.AppendEncode(s.buf, s.buf[:bodyLen])
	s.buf = append(s.buf, '.')
	s.buf = enc.AppendEncode(s.buf, s.buf[bodyLen:macEnd])
	return string(s.buf[macEnd:])
}

// sum appends to b the cursor MAC of pos in the sealer's list: HMAC-SHA256 of the list,
// a zero byte and the position, cut to cursorMACSize.
func (s *CursorSealer) sum(b []byte, pos string) []byte {
	s.msg = append(s.msg[:s.head], pos...)
	s.mac.Reset()
	s.mac.Write(s.msg)
	return s.mac.Sum(b)[:len(b)+cursorMACSize]
}

// cursorMACSize is how much of the HMAC-SHA256 a cursor carries.
const cursorMACSize = 18

// appendCursorBody appends the clear part of a cursor, sealedCursor{pos, digest} as
// encoding/json writes it. Positions that JSON writes verbatim (printable ASCII but for
// the characters it escapes) are written directly; any other goes through encoding/json,
// so the bytes are its bytes whatever the position holds.
func appendCursorBody(b []byte, pos, digest string) []byte {
	for i := 0; i < len(pos); i++ {
		if c := pos[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			j, _ := json.Marshal(sealedCursor{Pos: pos, List: digest})
			return append(b, j...)
		}
	}
	b = append(b, `{"p":"`...)
	b = append(b, pos...)
	b = append(b, `","l":"`...)
	b = append(b, digest...) // base64url: never escaped
	return append(b, `"}`...)
}

// OpenCursor returns the position c names in list. A cursor not sealed with key for this
// very list, filter and order is EINVALID.
func OpenCursor(key []byte, list, c string) (string, error) {
	body, mac, ok := strings.Cut(c, ".")
	var sc sealedCursor
	b, err := base64.RawURLEncoding.DecodeString(body)
	if !ok || err != nil || json.Unmarshal(b, &sc) != nil {
		return "", Errorf(EINVALID, "invalid cursor %q: use a cursor from a previous page of this list", c)
	}
	s := NewCursorSealer(key, list)
	if sc.List != s.digest {
		return "", Errorf(EINVALID, "cursor %q belongs to another list, filter or order: use cursors with the list, arguments and order they came from", c)
	}
	got, err := base64.RawURLEncoding.DecodeString(mac)
	if err != nil || !hmac.Equal(got, s.sum(nil, sc.Pos)) {
		return "", Errorf(EINVALID, "cursor %q was not issued by this service (altered, forged, or signed with another key)", c)
	}
	return sc.Pos, nil
}

func listDigest(list string) string {
	sum := sha256.Sum256([]byte(list))
	return base64.RawURLEncoding.EncodeToString(sum[:6])
}

// PageArgs are a Relay connection's paging arguments: first/after pages forward,
// last/before backward; giving both first and last is EINVALID.
type PageArgs struct {
	First, Last   *int
	After, Before string
}

// CheckRange is the error every bounded integer argument gives: EINVALID naming the
// argument, its bounds and the value given.
func CheckRange(name string, got, lo, hi int) error {
	if got < lo || got > hi {
		return Errorf(EINVALID, "%s must be between %d and %d, got %d", name, lo, hi, got)
	}
	return nil
}

// CheckPageSize holds a page size (first, last, limit) to 0..MaxPageSize: the one page
// size rule of lists, connections, search and supports.
func CheckPageSize(name string, n int) error { return CheckRange(name, n, 0, MaxPageSize) }

// pageSizeOrDefault checks n and reads 0 as DefaultPageSize, as the store's queries do.
func pageSizeOrDefault(name string, n int) (int, error) {
	if err := CheckPageSize(name, n); err != nil {
		return 0, err
	}
	if n == 0 {
		return DefaultPageSize, nil
	}
	return n, nil
}

// Window is the part of a list of n items a connection returns: items [Start, End), and
// whether items lie beyond either end.
type Window struct {
	Start, End                   int
	HasNextPage, HasPreviousPage bool
}

// PageWindow applies args to a list of n items whose positions are pos(i), with cursors
// opened by open. Without first or last, the page is the first DefaultPageSize items.
// A page size below 0 or above MaxPageSize, both first and last, or a cursor that open
// refuses or whose position is no longer in the list is EINVALID.
func PageWindow(n int, pos func(i int) string, open func(cursor string) (string, error), args PageArgs) (Window, error) {
	if args.First != nil && args.Last != nil {
		return Window{}, Errorf(EINVALID, "give first or last, not both")
	}
	for name, v := range map[string]*int{"first": args.First, "last": args.Last} {
		if v != nil {
			if err := CheckPageSize(name, *v); err != nil {
				return Window{}, err
			}
		}
	}
	find := func(c string) (int, error) {
		p, err := open(c)
		if err != nil {
			return 0, err
		}
		for i := range n {
			if pos(i) == p {
				return i, nil
			}
		}
		return 0, Errorf(EINVALID, "cursor %q points at an item no longer in the list: start again from the first page", c)
	}
	w := Window{Start: 0, End: n}
	if args.After != "" {
		i, err := find(args.After)
		if err != nil {
			return Window{}, err
		}
		w.Start = i + 1
	}
	if args.Before != "" {
		i, err := find(args.Before)
		if err != nil {
			return Window{}, err
		}
		w.End = i
	}
	if w.End < w.Start {
		w.End = w.Start
	}
	switch {
	case args.Last != nil:
		w.Start = max(w.Start, w.End-*args.Last)
	case args.First != nil:
		w.End = min(w.End, w.Start+*args.First)
	default:
		w.End = min(w.End, w.Start+DefaultPageSize)
	}
	w.HasPreviousPage, w.HasNextPage = w.Start > 0, w.End < n
	return w, nil
}

// EdgeOrderField is what a relationship connection can be ordered by.
type EdgeOrderField string

const (
	EdgeOrderStart EdgeOrderField = "START" // unknown starts first
	EdgeOrderEnd   EdgeOrderField = "END"   // open ends last
	EdgeOrderID    EdgeOrderField = "ID"
)

// SortEdges orders es by field, ascending or descending; ties keep their order (the
// field's own), so the order is total whenever the list's was.
func SortEdges(es []Edge, field EdgeOrderField, desc bool) {
	key := func(e *Edge) int {
		switch field {
		case EdgeOrderStart:
			if e.Start == nil {
				return MinOrdinal
			}
			return e.Start.Earliest()
		case EdgeOrderEnd:
			if e.End == nil {
				return MaxOrdinal
			}
			return e.End.Latest()
		}
		return 0
	}
	slices.SortStableFunc(es, func(a, b Edge) int {
		c := cmp.Compare(key(&a), key(&b))
		if field == EdgeOrderID {
			c = strings.Compare(a.ID, b.ID)
		}
		if desc {
			return -c
		}
		return c
	})
}
