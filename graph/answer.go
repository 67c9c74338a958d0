package graph

import (
	"bytes"
	"sync"

	"github.com/99designs/gqlgen/graphql"
)

// answerBuffers hold the buffers queries' answers are written into (writeAnswer).
var answerBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledAnswer is the largest buffer put back in the pool: an export-sized answer's
// buffer is left to the collector rather than kept for requests that need a tenth of it.
const maxPooledAnswer = 1 << 20

// writeAnswer writes a query's answer (tools/inorder puts it in the generated executor
// in place of a buffer grown from nothing for every answer): into a pooled buffer that
// has grown once to the size answers have, then into one slice of the answer's size,
// which the response keeps.
func writeAnswer(data graphql.Marshaler) []byte {
	buf := answerBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	data.MarshalGQL(buf)
	answer := bytes.Clone(buf.Bytes())
	if buf.Cap() <= maxPooledAnswer {
		answerBuffers.Put(buf)
	}
	return answer
}
