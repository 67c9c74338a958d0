package gqlhttp

import (
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
)

// marshalResponse gives the bytes json.Marshal(resp) gives, without running the answer
// through encoding/json a second time. The executor has already written the data as
// compact JSON; json.Marshal would scan every byte of it again (compacting and
// HTML-escaping a RawMessage), which for a large answer is a good part of the cost of
// writing it. The common response (data, perhaps extensions, nothing else) is assembled
// around the data as it is; anything else, and data holding a character json.Marshal
// would escape (<, >, &, U+2028, U+2029), goes through json.Marshal, so the bytes never
// differ.
func marshalResponse(resp *graphql.Response) ([]byte, error) {
	if len(resp.Errors) > 0 || resp.Label != "" || resp.Path != nil || resp.HasNext != nil ||
		len(resp.Data) == 0 || needsEscape(resp.Data) {
		return json.Marshal(resp)
	}
	var ext []byte
	if len(resp.Extensions) > 0 {
		var err error
		if ext, err = json.Marshal(resp.Extensions); err != nil {
			return nil, err
		}
	}
	out := make([]byte, 0, len(`{"data":,"extensions":}`)+len(resp.Data)+len(ext))
	out = append(out, `{"data":`...)
	out = append(out, resp.Data...)
	if ext != nil {
		out = append(out, `,"extensions":`...)
		out = append(out, ext...)
	}
	return append(out, '}'), nil
}

// escapeStart marks the bytes that begin something json.Marshal escapes in a
// RawMessage: '<', '>', '&', and 0xE2, the first byte of U+2028 and U+2029.
var escapeStart = [256]bool{'<': true, '>': true, '&': true, 0xE2: true}

// needsEscape reports whether data holds a byte sequence json.Marshal would escape. One
// pass with a table: bytes.ContainsAny with a non-ASCII set looks every byte up in the
// set again, which was 4.6% of an executed two-level query's CPU.
func needsEscape(data []byte) bool {
	for i, c := range data {
		if !escapeStart[c] {
			continue
		}
		if c != 0xE2 {
			return true
		}
		// U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other characters start with E2 too.
		if i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
			return true
		}
	}
	return false
}
