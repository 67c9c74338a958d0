package atlas

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// PartialDate is a date known to the year, the month or the day: "2018", "2018-03",
// "2018-03-21". It stands for the whole interval it covers, so "2018" runs from
// 2018-01-01 to 2018-12-31, and two partial dates are compared as intervals.
type PartialDate struct {
	Year  int
	Month int // 0 when only the year is known
	Day   int // 0 when only the year and month are known
}

// ParseDate parses YYYY, YYYY-MM or YYYY-MM-DD. Anything else, including calendar
// impossibilities like "2018-02-30", is an EINVALID error: dates are never coerced.
func ParseDate(s string) (PartialDate, error) {
	bad := func(why string) (PartialDate, error) {
		return PartialDate{}, Errorf(EINVALID, "invalid date %q: %s (want YYYY, YYYY-MM or YYYY-MM-DD)", s, why)
	}
	var d PartialDate
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad("wrong length")
	}
	num := func(part string) (int, bool) {
		for _, r := range part {
			if r < '0' || r > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var ok bool
	if d.Year, ok = num(s[0:4]); !ok || d.Year < 1 {
		return bad("year must be four digits from 0001")
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return bad("expected '-' after the year")
		}
		if d.Month, ok = num(s[5:7]); !ok || d.Month < 1 || d.Month > 12 {
			return bad("month must be 01 to 12")
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return bad("expected '-' after the month")
		}
		if d.Day, ok = num(s[8:10]); !ok || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return bad(fmt.Sprintf("day must be 01 to %02d", daysIn(d.Year, d.Month)))
		}
	}
	return d, nil
}

// MustDate parses s and panics on error; for tests and literals only.
func MustDate(s string) PartialDate {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DatePtr parses s into a pointer, or returns nil for "".
func DatePtr(s string) *PartialDate {
	if s == "" {
		return nil
	}
	d := MustDate(s)
	return &d
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String formats the date with the precision it has.
func (d PartialDate) String() string {
	switch {
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
}

// IsZero reports whether d is the zero value (no date).
func (d PartialDate) IsZero() bool { return d.Year == 0 }

// Earliest is the first day d covers, as the ordinal YYYYMMDD. Ordinals compare like the
// days they name, which is what lets a database index answer interval questions.
func (d PartialDate) Earliest() int {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return d.Year*10000 + m*100 + day
}

// Latest is the last day d covers, as the ordinal YYYYMMDD.
func (d PartialDate) Latest() int {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 12
	}
	if day == 0 {
		day = daysIn(d.Year, m)
	}
	return d.Year*10000 + m*100 + day
}

// Before reports whether d certainly ends before e begins.
func (d PartialDate) Before(e PartialDate) bool { return d.Latest() < e.Earliest() }

// Contains reports whether every day e may be lies within d: "2018" contains "2018-03".
func (d PartialDate) Contains(e PartialDate) bool {
	return d.Earliest() <= e.Earliest() && e.Latest() <= d.Latest()
}

// MarshalJSON writes the date as its string form.
func (d PartialDate) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a date string, rejecting invalid ones.
func (d *PartialDate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return Errorf(EINVALID, "a date must be a string like \"2018-03\"")
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalGQL writes the date as a GraphQL string. (The method set is what gqlgen looks
// for; implementing it with io only keeps this package free of gqlgen.)
func (d PartialDate) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(d.String())) }

// shortValue writes a value a client sent for a message: the value itself (not its Go
// type), cut to 40 bytes.
func shortValue(v any) string {
	s := fmt.Sprint(v)
	if v == nil {
		s = "null"
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}

// UnmarshalGQL reads a date from a GraphQL input value.
func (d *PartialDate) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return Errorf(EINVALID, "a date must be a string like \"2018\", \"2018-03\" or \"2018-03-21\", got %s", shortValue(v))
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
