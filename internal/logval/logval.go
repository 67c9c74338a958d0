// Package logval bounds what a client chose (operation names, paths, methods, error
// texts that may quote them) before it is logged, so no request can make a log line
// longer than a few kilobytes however large the values it sends.
package logval

import (
	"strconv"
	"unicode/utf8"
)

// MaxLen is the most bytes of one client value a log line holds.
const MaxLen = 200

// MaxItems is the most client values of one list (operation names) a log line holds.
const MaxItems = 8

// Clip returns s cut to MaxLen bytes at a character boundary, saying how much was cut.
func Clip(s string) string {
	if len(s) <= MaxLen {
		return s
	}
	cut := MaxLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…(" + strconv.Itoa(len(s)-cut) + " more bytes)"
}

// ClipAll clips each of the first MaxItems values and says how many more there were.
func ClipAll(values []string) []string {
	out := make([]string, 0, min(len(values), MaxItems+1))
	for i, v := range values {
		if i == MaxItems {
			out = append(out, "…("+strconv.Itoa(len(values)-MaxItems)+" more)")
			break
		}
		out = append(out, Clip(v))
	}
	return out
}
