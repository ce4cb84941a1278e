package opendata

import (
	"bytes"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// FeedEntries is how many of the newest changes a feed holds.
const FeedEntries = 200

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID       string   `xml:"id"`
	Title    string   `xml:"title"`
	Updated  string   `xml:"updated"`
	Link     atomLink `xml:"link"`
	Category struct {
		Term string `xml:"term,attr"`
	} `xml:"category"`
	Summary atomText `xml:"summary"`
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Base    string   `xml:"xml:base,attr,omitempty"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	// Subtitle says how many changes a feed holds at most (FeedEntries).
	Subtitle string `xml:"subtitle"`
	Updated  string `xml:"updated"`
	Author   struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// stableID is a URN that names the same thing in every build, whatever the
// site's address or the day of the build. Feed readers tell entries apart
// by id, and show one whose id they have not seen as new: were the scheme
// to change, every reader would show every change again. So it never
// changes (TestFeedIDsArePinned pins it, data/README.md documents it):
//
//	urn:uuid: and the first 16 bytes of SHA-1("cns-site/" + parts joined by "/"),
//	written as a UUID, with the version nibble set to 5 and the variant to RFC 4122's
//
// with parts
//
//	an entry (EntryID)    document id, change kind, day: rm07-nr-albania, public, 2017-07-06
//	a feed                "feed", then "site", "meeting/<id>" or "country/<id>"
//	a calendar event      "calendar", day (its UID adds "@cns-site")
//
// It is shaped as a version-5 UUID but hashes no namespace UUID before the
// name, as RFC 9562 would: a tool that makes name-based UUIDs makes other
// ids. A title, text or address is no part of an id, so editing one shows
// no entry again; nor is a document's, meeting's or party's id once it
// has been renamed: its first id stands in the parts (firstID), so its
// changes keep their entries. A corrected date makes another change.
func stableID(parts ...string) string {
	h := sha1.Sum([]byte("cns-site/" + strings.Join(parts, "/")))
	h[6] = h[6]&0x0f | 0x50 // version 5
	h[8] = h[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// EntryID is the Atom id of a change: stableID of its document's first
// id (firstID of its id and former ids), its kind and its day.
func EntryID(c disclosure.Change, formerIDs []string) string {
	return stableID(firstID(c.Doc.ID, formerIDs), c.Kind, c.Date.String())
}

// firstID is the id a document, meeting or party had first: the last of
// its former ids, which list the newest first (data/README.md), or its id
// when it was never renamed.
func firstID(id string, formerIDs []string) string {
	if len(formerIDs) > 0 {
		return formerIDs[len(formerIDs)-1]
	}
	return id
}

// dayTime is the start of a day in the rules' time zone, as Atom writes it.
func (w *writer) dayTime(d catalog.Date) string {
	return d.Start(w.v.Input().Catalog.Rules.Location).Format(time.RFC3339)
}

// docName is what the feeds and the calendar call a document: the title
// made of its party, kind and meeting, which says whose it is and of which
// meeting whatever its own title says, then its own title, in quotes,
// where its state shows one ("Argentina: National Report, 10th
// Review Meeting, “Décimo Informe Nacional de Seguridad Nuclear”"). Feeds and
// the calendar are one file for every language, in English, as the
// catalog's labels and names are.
func docName(r disclosure.DocRef) string {
	made := disclosure.DefaultTitle(disclosure.ReportLabel(r.KindLabel, r.Report), r.PartyName, r.MeetingTitle)
	if !r.OwnTitle || r.Title == made {
		return made
	}
	return made + ", “" + r.Title + "”"
}

// nameOn is what a feed's entry of a change on day calls the document:
// its own title only from the day it first became public, when its state
// first showed it. An entry of an earlier change (scheduled, submitted)
// names it as it was named that day, so that no entry's words change
// after its day (a feed reader offers a changed entry as news again).
func nameOn(r disclosure.DocRef, day catalog.Date) string {
	if r.OwnTitle && (r.FirstPublic.IsZero() || day.Before(r.FirstPublic)) {
		r.OwnTitle = false
	}
	return docName(r)
}

// entrySummary is the change's sentence, and for a withdrawal why, as the
// document's page says it.
func entrySummary(c disclosure.Change) string {
	if c.Reason == "" {
		return c.Text
	}
	reason := c.Reason
	if !strings.HasSuffix(reason, ".") && !strings.HasSuffix(reason, "?") && !strings.HasSuffix(reason, "!") {
		reason += "."
	}
	return c.Text + " " + reason
}

// entryTitle is the document and the change: "…: public"; where the day
// is the latest by which it was public ("…: public by this day at the
// latest"), which may be long after it became public (a reader's review
// read a 1999 report's entry as news).
func (w *writer) entryTitle(c disclosure.Change) string {
	name := nameOn(c.Doc, c.Date)
	if c.Read && c.Kind == string(publication.Public) {
		return name + ": " + readWords
	}
	if c.Latest && c.Assumed && c.Kind == string(publication.Public) {
		return name + ": " + latestWords + " (" + assumedDay + ")"
	}
	if c.Latest && c.Kind == string(publication.Public) {
		return name + ": " + latestWords
	}
	if c.Assumed && c.Kind == string(publication.Public) {
		return name + ": public " + assumedWords
	}
	return name + ": " + c.Kind
}

// feed writes one Atom feed of the given changes (newest first), updated
// at quiet when it has none.
func (w *writer) feed(path, id, title, pageURL string, changes []disclosure.Change, quiet string) error {
	f := atomFeed{ID: stableID("feed", id), Title: title, Subtitle: fmt.Sprintf("The %d newest changes, newest first; each document's page gives its whole history.", FeedEntries)}
	f.Author.Name = w.v.Input().SiteTitle
	if f.Author.Name == "" {
		f.Author.Name = "CNS transparency site"
	}
	f.Links = []atomLink{
		{Rel: "self", Type: "application/atom+xml", Href: w.url("/" + path)},
		{Rel: "alternate", Type: "text/html", Href: w.url(pageURL)},
	}
	// A feed's time is its newest change, not the build's, so that the
	// same catalog gives the same feed on any day until something changes.
	f.Updated = quiet
	if len(changes) > 0 {
		f.Updated = w.dayTime(changes[0].Date)
	}
	for _, c := range changes[:min(len(changes), FeedEntries)] {
		e := atomEntry{
			ID:      EntryID(c, w.formerIDs[c.Doc.ID]),
			Title:   w.entryTitle(c),
			Updated: w.dayTime(c.Date),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: w.abs(c.Doc.URL)},
			Summary: atomText{Type: "text", Body: entrySummary(c)},
		}
		e.Category.Term = c.Kind
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	buf.WriteString("\n")
	return w.file(path, buf.Bytes())
}

func (w *writer) feeds([]Record) error {
	in := w.v.Input()
	changes := w.v.Changes()
	// A feed with no entry (a country none of whose documents has
	// changed) has not changed since the record as a whole last did: it is
	// dated by the site's newest change, or, before any change at all, by
	// a fixed moment (the Unix epoch), never by the build, whose time would
	// make it new to feed readers, and its bytes different, every day.
	quiet := time.Unix(0, 0).UTC().Format(time.RFC3339)
	if len(changes) > 0 {
		quiet = w.dayTime(changes[0].Date)
	}
	w.formerIDs = map[string][]string{}
	for _, d := range in.Catalog.Documents {
		w.formerIDs[d.ID] = d.FormerIDs
	}
	if err := w.feed(SiteFeed, "site", "Publication changes", "/", changes, quiet); err != nil {
		return err
	}
	byMeeting := map[string][]disclosure.Change{}
	byParty := map[string][]disclosure.Change{}
	for _, c := range changes {
		byMeeting[c.Doc.Meeting] = append(byMeeting[c.Doc.Meeting], c)
		if c.Doc.Party != "" {
			byParty[c.Doc.Party] = append(byParty[c.Doc.Party], c)
		}
	}
	for _, m := range in.Catalog.Meetings {
		if err := w.feed(MeetingFeed(m.ID), "meeting/"+firstID(m.ID, m.FormerIDs), "Publication changes: "+m.Title, disclosure.MeetingURL(m.ID), byMeeting[m.ID], quiet); err != nil {
			return err
		}
	}
	for _, p := range in.Catalog.Parties {
		if err := w.feed(CountryFeed(p.ID), "country/"+firstID(p.ID, p.FormerIDs), "Publication changes: "+p.Name, disclosure.CountryURL(p.ID), byParty[p.ID], quiet); err != nil {
			return err
		}
	}
	return nil
}

// calendarNames is how many documents an event's description names.
const calendarNames = 40

// latestWords say that a document was public by an event's day at the
// latest, and may have been earlier (Record.PublicFromLatest).
const latestWords = "public by this day at the latest"

// assumedDay says that an event's day is one a rule the catalog assumes for
// the meeting sets, no source stating that rule for it
// (Record.PublicFromAssumed); assumedWords after a verb.
const (
	assumedDay   = "the day set by a rule that no source states for its meeting"
	assumedWords = "on " + assumedDay
	// assumedDayMany is assumedDay of several documents.
	assumedDayMany = "the day set by a rule that no source states for their meeting"
)

// readWords say that an event's day, by which a document was public, is
// the day this catalog read the page showing it published
// (Record.PublicFromRead), which may be long after it was.
const readWords = latestWords + ", the day this catalog read its party's page"

// readWordsMany is readWords of several documents.
const readWordsMany = latestWords + ", the day this catalog read their parties' pages"

// calendar writes an all-day event on each day on which documents became
// public (public or withdrawn since) or, unless their Contracting Party
// objects, become public (scheduled).
//
// Past days stay in the calendar: a subscribed calendar replaces its
// events with the file's at each refresh, so an event dropped the day after
// it happened would vanish from the subscriber's calendar, and the record
// of what became public when is what the site is for. An event keeps its
// UID (the day's) from the first build that lists it, so the day it passes
// changes its words ("became public"), not its identity.
//
// RFC 5545 requires a calendar to hold at least one component, and strict
// clients refuse one with none: a catalog in which nothing has ever become
// public or been scheduled (a new one) gets the rules' time zone as a
// VTIMEZONE (timezone), the zone in which the publication days turn.
func (w *writer) calendar(records []Record) error {
	in := w.v.Input()
	today := catalog.DateOf(in.AsOf.In(in.Catalog.Rules.Location)).String()
	names := map[string]string{}
	for _, d := range in.Catalog.Documents {
		names[d.ID] = docName(w.v.Ref(d))
	}
	byDay := map[string][]Record{}
	var days []string
	for _, r := range records {
		var day string
		switch {
		case r.State == string(publication.Scheduled):
			day = r.NextChange
		case r.State == string(publication.Public) || r.State == string(publication.Withdrawn):
			day = r.PublicFrom
		}
		if day == "" {
			continue
		}
		if byDay[day] == nil {
			days = append(days, day)
		}
		byDay[day] = append(byDay[day], r)
		// Public again after its party lifted an objection: its first
		// period's day too, as its history and the feed keep it.
		if r.EarlierPublicFrom != "" {
			first := Record{ID: r.ID, State: string(publication.Withdrawn), PublicFrom: r.EarlierPublicFrom, WithdrawnOn: r.EarlierWithdrawnOn, PublicFromLatest: r.EarlierPublicFromLatest, PublicFromAssumed: r.EarlierPublicFromAssumed, PublicFromRead: r.EarlierPublicFromRead}
			if byDay[first.PublicFrom] == nil {
				days = append(days, first.PublicFrom)
			}
			byDay[first.PublicFrom] = append(byDay[first.PublicFrom], first)
		}
	}
	slices.Sort(days)
	cal := ics.NewCalendar()
	cal.SetProductId("-//CNS transparency site//Publication dates//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("Publication dates")
	cal.SetXWRCalName("Publication dates")
	cal.SetDescription("Days on which documents of the review process became public (or, where that day is not known, by which they were public at the latest), and days on which they become public unless a Contracting Party objects.")
	cal.SetRefreshInterval("P1D")
	cal.SetXPublishedTTL("P1D")
	stamp := in.AsOf.UTC()
	for _, day := range days {
		d, err := catalog.ParseDate(day)
		if err != nil {
			return fmt.Errorf("calendar: the day %q of %s: %w", day, byDay[day][0].ID, err)
		}
		docs := byDay[day]
		past := day <= today
		e := cal.AddEvent(stableID("calendar", day) + "@cns-site")
		e.SetDtStampTime(stamp)
		e.SetAllDayStartAt(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC))
		next := d.AddDays(1)
		e.SetAllDayEndAt(time.Date(next.Year, next.Month, next.Day, 0, 0, 0, 0, time.UTC))
		verb := map[bool]string{false: "becomes public", true: "became public"}[past]
		// A document public from this day at the latest (its party
		// published it on a day not recorded) says so.
		latest, read, assumed := 0, 0, 0
		for _, r := range docs {
			if r.PublicFromLatest {
				latest++
			}
			if r.PublicFromRead {
				read++
			}
			if r.PublicFromAssumed {
				assumed++
			}
		}
		switch {
		case len(docs) == 1 && past && docs[0].PublicFromRead:
			e.SetSummary(names[docs[0].ID] + " " + readWords)
		case len(docs) == 1 && past && docs[0].PublicFromLatest && docs[0].PublicFromAssumed:
			e.SetSummary(names[docs[0].ID] + " " + latestWords + " (" + assumedDay + ")")
		case len(docs) == 1 && past && docs[0].PublicFromLatest:
			e.SetSummary(names[docs[0].ID] + " " + latestWords)
		case len(docs) == 1 && docs[0].PublicFromAssumed:
			e.SetSummary(names[docs[0].ID] + " " + verb + " " + assumedWords)
		case len(docs) == 1:
			e.SetSummary(names[docs[0].ID] + " " + verb)
		case past && read == len(docs):
			e.SetSummary(fmt.Sprintf("%d documents %s", len(docs), readWordsMany))
		case past && latest == len(docs):
			e.SetSummary(fmt.Sprintf("%d documents %s", len(docs), latestWords))
		case past && latest > 0:
			// Some by this day at the latest: the count says how many.
			e.SetSummary(fmt.Sprintf("%d documents became public (%d of them: %s)", len(docs), latest, latestWords))
		case past:
			e.SetSummary(fmt.Sprintf("%d documents became public", len(docs)))
		default:
			e.SetSummary(fmt.Sprintf("%d documents become public", len(docs)))
		}
		// Several documents on a day an assumed rule sets: the summary
		// says so, as one document's does (a calendar shows the summary
		// alone), for all of them or for how many.
		if len(docs) > 1 && assumed > 0 {
			summary := e.GetProperty(ics.ComponentPropertySummary).Value
			if assumed == len(docs) {
				e.SetSummary(summary + " (" + assumedDayMany + ")")
			} else {
				e.SetSummary(fmt.Sprintf("%s (%d of them on %s)", summary, assumed, assumedDayMany))
			}
		}
		var desc strings.Builder
		for i, r := range docs {
			if i == calendarNames {
				fmt.Fprintf(&desc, "… and %d more.\n", len(docs)-i)
				break
			}
			desc.WriteString(names[r.ID])
			if r.PublicFromRead {
				desc.WriteString(" (" + readWords + ")")
			} else if r.PublicFromLatest {
				desc.WriteString(" (" + latestWords + ")")
			}
			if r.PublicFromAssumed {
				desc.WriteString(" (" + assumedWords + ")")
			}
			// Public from its party's lift of an objection, as its page
			// says (a journalist read a republication as a first one).
			if r.Basis == string(publication.BasisObjectionLifted) && r.PublicFrom == day {
				desc.WriteString(" (" + publication.BasisWords(publication.BasisObjectionLifted, 0) + ")")
			}
			if down, err := catalog.ParseDate(r.WithdrawnOn); err == nil {
				desc.WriteString(" (withdrawn on " + down.Long() + ")")
			}
			desc.WriteString("\n")
		}
		// An event of one document leads to its page; of several, to the
		// ledger as it stood on the day (past; a journalist's review found
		// today's), or the upcoming publications.
		link := map[bool]string{true: "/documents/?on=" + day, false: "/upcoming/"}[past]
		if len(docs) == 1 {
			link = disclosure.DocumentURL(docs[0].ID)
		}
		e.SetURL(w.url(link))
		if past {
			e.SetDescription(strings.TrimSuffix(desc.String(), "\n"))
		} else {
			desc.WriteString("Unless the Contracting Party objects.")
			e.SetDescription(desc.String())
		}
	}
	if len(days) == 0 {
		timezone(cal, in.Catalog.Rules.Timezone, in.Catalog.Rules.Location, in.AsOf)
	}
	// RFC 5545 (3.1) ends every line with CRLF and folds it at 75 octets;
	// the library folds, at a character's boundary, but ends lines with
	// LF unless told, which strict clients (Outlook) refuse.
	return w.file(Calendar, []byte(cal.Serialize(ics.WithNewLineWindows)))
}

// timezone adds to cal a VTIMEZONE of loc, named tzid, with the offsets Go's
// time zone database gives it from the start of the year of at to the end
// of the next: the observance in force when that span begins, then one for
// each change of offset in it, each from the moment it begins (without
// rules for other years, which nothing in the calendar refers to).
func timezone(cal *ics.Calendar, tzid string, loc *time.Location, at time.Time) {
	tz := cal.AddTimezone(tzid)
	offset := func(t time.Time) string {
		_, s := t.Zone()
		sign := '+'
		if s < 0 {
			sign, s = '-', -s
		}
		return fmt.Sprintf("%c%02d%02d", sign, s/3600, s/60%60)
	}
	end := time.Date(at.In(loc).Year()+2, 1, 1, 0, 0, 0, 0, loc)
	t := time.Date(at.In(loc).Year(), 1, 1, 0, 0, 0, 0, loc)
	for {
		name, _ := t.Zone()
		start, until := t.ZoneBounds()
		// Its onset, in the local time of the zone before it, as RFC 5545
		// writes it; 1970 for a zone that has always been in force.
		onset, before := "19700101T000000", offset(t)
		if !start.IsZero() {
			prev := start.Add(-time.Second)
			before = offset(prev)
			_, s := prev.Zone()
			onset = start.In(time.FixedZone("", s)).Format("20060102T150405")
		}
		var o *ics.ComponentBase
		if t.IsDST() {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			o = &d.ComponentBase
		} else {
			o = &tz.AddStandard().ComponentBase
		}
		o.SetProperty(ics.ComponentProperty(ics.PropertyDtstart), onset)
		o.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), before)
		o.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(t))
		o.SetProperty(ics.ComponentProperty(ics.PropertyTzname), name)
		if until.IsZero() || !until.Before(end) {
			return
		}
		t = until
	}
}
