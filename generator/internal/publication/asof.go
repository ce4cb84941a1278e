package publication

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
)

// AsOf is the moment a build decides for. A date alone means the start of
// that day in the rules' time zone, which is known only once the catalog is
// loaded; hence the two forms.
type AsOf struct {
	Time time.Time    // an exact moment, or zero
	Date catalog.Date // a day in the rules' time zone, or zero
	// Today: Time stands for its day in the rules' time zone, whose start
	// is the moment (Today). Every state turns at a day's start, so a
	// build at any hour of one day decides the same; and it writes the
	// same bytes, which the exact second would not (documents.json's
	// as_of, the calendar's stamps, SHA256SUMS).
	Today bool
}

// Now is the moment a command decides for when neither --as-of nor
// SOURCE_DATE_EPOCH gives one: the start of now's day in the rules' time
// zone.
func Now(now time.Time) AsOf { return AsOf{Time: now, Today: true} }

// ParseAsOf reads a YYYY-MM-DD date or an RFC 3339 time.
func ParseAsOf(s string) (AsOf, error) {
	s = strings.TrimSpace(s)
	if d, err := catalog.ParseDate(s); err == nil {
		return AsOf{Date: d}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return AsOf{}, fmt.Errorf("--as-of %q: want a date (2017-07-06) or an RFC 3339 time (2017-07-06T00:00:00+02:00)", s)
	}
	return AsOf{Time: t}, nil
}

// AsOfFromEpoch reads SOURCE_DATE_EPOCH (seconds since 1970, UTC).
func AsOfFromEpoch(s string) (AsOf, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return AsOf{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
	}
	return AsOf{Time: time.Unix(n, 0).UTC()}, nil
}

// Resolve gives the moment, reading a date in loc.
func (a AsOf) Resolve(loc *time.Location) time.Time {
	if !a.Date.IsZero() && loc != nil {
		return a.Date.Start(loc)
	}
	if a.Today && loc != nil {
		return catalog.DateOf(a.Time.In(loc)).Start(loc)
	}
	return a.Time
}
