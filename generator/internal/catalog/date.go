package catalog

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Date is a calendar day with no time zone. It becomes a moment only with the
// rules' time zone: Start gives the first instant of the day there.
// The zero Date means "not recorded".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a YYYY-MM-DD date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		// time says which part is out of range: 2029-13-01, 2029-02-30.
		if pe := (*time.ParseError)(nil); errors.As(err, &pe) && strings.HasSuffix(pe.Message, "out of range") {
			return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD): %s", s, strings.TrimPrefix(pe.Message, ": "))
		}
		return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// IsZero reports whether the date was not recorded.
func (d Date) IsZero() bool { return d == Date{} }

// Start is the first instant of the day in loc.
func (d Date) Start(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the date n calendar days later.
func (d Date) AddDays(n int) Date {
	t := time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day()}
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool {
	return d.Year < e.Year || d.Year == e.Year && (d.Month < e.Month || d.Month == e.Month && d.Day < e.Day)
}

// String is YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MarshalJSON writes the date as "YYYY-MM-DD" ("" for the zero Date; a
// field tagged omitzero leaves it out).
func (d Date) MarshalJSON() ([]byte, error) {
	return []byte(`"` + d.String() + `"`), nil
}

// Long is the date as readers write it: "6 July 2017".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// DateOf is the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	return Date{t.Year(), t.Month(), t.Day()}
}

// UnmarshalYAML accepts a plain YYYY-MM-DD scalar. A key written with no
// date is an error, not "no date": "objection:" left empty must not read as
// "no objection". Leave the key out when there is no date.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want a date YYYY-MM-DD")
	}
	if n.Tag == "!!null" {
		return fmt.Errorf("no date given: write YYYY-MM-DD, or leave the field out")
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
