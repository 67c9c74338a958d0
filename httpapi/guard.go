package httpapi

import (
	"strings"
)

// maxRequestIDLen bounds a caller's X-Request-Id; longer or unprintable ids are replaced.
const maxRequestIDLen = 64

// validRequestID accepts short ids of letters, digits and the punctuation of UUIDs,
// trace ids and base64 (-_.:/+=), so an id can be logged and echoed without letting a
// caller forge log lines or headers.
func validRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-_.:/+=", c) >= 0:
		default:
			return false
		}
	}
	return true
}
