package gqlhttp

import (
	"bytes"
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
		len(resp.Data) == 0 || bytes.ContainsAny(resp.Data, "<>&\u2028\u2029") {
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
