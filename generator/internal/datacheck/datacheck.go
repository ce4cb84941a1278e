// Package datacheck validates the site's open data with the validators
// researchers use (issue 22): every JSON file against its JSON Schema with
// python-jsonschema, and datapackage.json, with the data of its CSVs against
// their Table Schemas, with the Frictionless npm library datapackage; and
// reads the feeds and the calendar as readers' software does, with
// feedparser and icalendar (Feeds).
//
// # What it needs
//
// Debian's python3-jsonschema (python3 of /usr/bin, or $JSONSCHEMA_PYTHON),
// python3-feedparser and python3-icalendar (FeedPython),
// and Node.js with the npm package datapackage, release DatapackageVersion,
// which .ci/run installs into the git-ignored build area
// (.build/npm-datapackage; $DATAPACKAGE_JS names another copy of the
// package's folder). It has a folder of its own because npm removes from a
// folder what an install does not name: the browser tests' packages in
// .build/npm and this one are installed without touching each other.
// The tests skip with a message saying so when one is missing, and fail
// under CI (CI=true).
//
// # One run
//
// JSON and Packages each start one process for any number of files, since
// starting Python or Node costs more than checking a file.
package datacheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// DatapackageVersion is the release of the npm package datapackage
// (frictionlessdata/datapackage-js, Data Package v1) that .ci/run installs.
// It is the library's last release; it runs on Node.js 20.
const DatapackageVersion = "1.1.10"

// Python is a Python that imports jsonschema: $JSONSCHEMA_PYTHON, else
// Debian's /usr/bin/python3 (a python3 earlier on PATH may be another
// installation without Debian's modules); "" when there is none.
func Python() string { return pythonWith("JSONSCHEMA_PYTHON", "jsonschema") }

// pythonWith is the Python named by the environment variable env, else
// Debian's /usr/bin/python3, that imports modules; "" when neither does.
func pythonWith(env, modules string) string {
	for _, p := range []string{os.Getenv(env), "/usr/bin/python3"} {
		if p != "" && exec.Command(p, "-c", "import "+modules).Run() == nil {
			return p
		}
	}
	return ""
}

// Node is node on PATH; "" when there is none.
func Node() string {
	p, _ := exec.LookPath("node")
	return p
}

// DatapackageDir is the folder of the npm package datapackage:
// $DATAPACKAGE_JS, else the copy .ci/run installs under repo; "" when
// neither holds the package.
func DatapackageDir(repo string) string {
	p := os.Getenv("DATAPACKAGE_JS")
	if p == "" {
		p = filepath.Join(repo, ".build", "npm-datapackage", "node_modules", "datapackage")
	}
	if _, err := os.Stat(filepath.Join(p, "package.json")); err != nil {
		return ""
	}
	abs, _ := filepath.Abs(p)
	return abs
}

// Case is a JSON file and the JSON Schema it must match.
type Case struct {
	Schema   string `json:"schema"`
	Instance string `json:"instance"`
}

// jsonScript checks each schema against the meta-schema of its draft
// (2020-12), once for each schema of the same text, then the file against the schema, formats ("date",
// "date-time") included, and prints the errors of each case, in order.
const jsonScript = `
import json, sys
from jsonschema import Draft202012Validator as V
out = []
validators = {}
for case in json.load(sys.stdin):
    errors = []
    try:
        with open(case["schema"], encoding="utf-8") as f:
            text = f.read()
        with open(case["instance"], encoding="utf-8") as f:
            instance = json.load(f)
        v = validators.get(text)
        if v is None:
            schema = json.loads(text)
            if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
                raise ValueError("the schema is not of draft 2020-12: %r" % schema.get("$schema"))
            V.check_schema(schema)
            v = validators[text] = V(schema, format_checker=V.FORMAT_CHECKER)
        for e in sorted(v.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            errors.append("%s: %s" % ("/" + "/".join(str(p) for p in e.absolute_path), e.message[:300]))
            if len(errors) >= 20:
                break
    except Exception as e:
        errors.append("%s: %s" % (type(e).__name__, e))
    out.append(errors)
json.dump(out, sys.stdout)
`

// JSON validates each case's file against its schema in one Python process
// and returns each case's errors (none: valid). An error means the
// validator did not run, not that a file is invalid.
func JSON(ctx context.Context, python string, cases []Case) ([][]string, error) {
	var out [][]string
	err := run(ctx, python, []string{"-c", jsonScript}, cases, &out, len(cases))
	return out, err
}

// packageScript loads each folder's datapackage.json, validates it against
// its profile (Data Package v1), reads every tabular resource's rows,
// cast to its Table Schema (types, formats, constraints, unique keys), and
// prints the errors of each folder, in order.
const packageScript = `
const path = require('path');
const {Package} = require(process.argv[1]);
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', async () => {
  const out = [];
  for (const dir of JSON.parse(input)) {
    const errors = [];
    try {
      const p = await Package.load(path.join(dir, 'datapackage.json'), {basePath: dir});
      for (const e of p.errors) errors.push('datapackage.json: ' + e.message);
      for (const r of p.resources) {
        if (!r.valid) for (const e of r.errors) errors.push(r.name + ': ' + e.message);
        if (!r.tabular) continue;
        try {
          await r.read({forceCast: false});
        } catch (e) {
          errors.push(r.name + ': ' + e.message);
          for (const x of (e.errors || []).slice(0, 20)) errors.push(r.name + ': ' + x.message);
        }
      }
    } catch (e) {
      errors.push(String(e && e.message || e));
    }
    out.push(errors);
  }
  process.stdout.write(JSON.stringify(out));
});
`

// Packages validates the data package in each folder (its datapackage.json
// and the files it lists) in one Node.js process, with the npm package
// datapackage in module, and returns each folder's errors.
func Packages(ctx context.Context, node, module string, dirs []string) ([][]string, error) {
	var out [][]string
	err := run(ctx, node, []string{"-e", packageScript, module}, dirs, &out, len(dirs))
	return out, err
}

func run(ctx context.Context, prog string, args []string, in any, out *[][]string, n int) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, prog, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(b), &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w\n%s", filepath.Base(prog), err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		return fmt.Errorf("%s's report: %w\n%s%s", filepath.Base(prog), err, stdout.String(), stderr.String())
	}
	if got := len(*out); got != n {
		return fmt.Errorf("%s reported on %d of %d", filepath.Base(prog), got, n)
	}
	return nil
}

// FeedPython is a Python that imports feedparser and icalendar:
// $FEEDS_PYTHON, else Debian's /usr/bin/python3; "" when there is none.
func FeedPython() string { return pythonWith("FEEDS_PYTHON", "feedparser, icalendar") }

// feedScript reads each file as a feed reader or a calendar does: an Atom
// feed (.atom) with feedparser, which must find it well formed Atom 1.0,
// with a title, an id, a link and a day of update, and the same in each
// entry; a calendar (.ics) with icalendar, which must find a VCALENDAR of
// version 2.0 with a PRODID and at least one component, and each VEVENT
// with a UID of its own, a DTSTAMP, a SUMMARY and a DTSTART that is a day,
// and each VTIMEZONE giving, from its first onset on, the offsets, names
// and summer time that Python's own time zone database (zoneinfo) gives
// its TZID. What icalendar forgives, strict clients (Outlook) refuse, so the
// script checks the lines itself too: each ends in CRLF and is at most 75
// octets long (RFC 5545, 3.1). It prints the errors of each file, in order.
const feedScript = `
import json, sys, datetime, zoneinfo
import feedparser, icalendar
out = []
for path in json.load(sys.stdin):
    errors = []
    try:
        if path.endswith(".atom"):
            d = feedparser.parse(path)
            if d.bozo:
                errors.append("not well formed: %s" % d.bozo_exception)
            if d.version != "atom10":
                errors.append("not Atom 1.0: %r" % d.version)
            f = d.feed
            for key in ("title", "id", "link", "updated_parsed"):
                if not f.get(key):
                    errors.append("the feed has no %s" % key)
            for i, e in enumerate(d.entries):
                for key in ("title", "id", "link", "updated_parsed"):
                    if not e.get(key):
                        errors.append("entry %d has no %s" % (i, key))
                if len(errors) >= 20:
                    break
        elif path.endswith(".ics"):
            with open(path, "rb") as f:
                raw = f.read()
            lines = raw.split(b"\r\n")
            if lines[-1] != b"":
                errors.append("the last line does not end in CRLF")
            for i, line in enumerate(lines[:-1]):
                if b"\r" in line or b"\n" in line or len(line) > 75:
                    errors.append("line %d does not end in CRLF or is longer than 75 octets: %r" % (i + 1, line[:80]))
                    break
            cal = icalendar.Calendar.from_ical(raw)
            if cal.name != "VCALENDAR" or str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
                errors.append("not an iCalendar 2.0 calendar with a PRODID")
            if not cal.subcomponents:
                errors.append("a calendar without any component")
            for tz in cal.walk("VTIMEZONE"):
                zone = zoneinfo.ZoneInfo(str(tz["TZID"]))
                onsets = sorted((o.decoded("DTSTART") - o.decoded("TZOFFSETFROM"), o.decoded("TZOFFSETTO"), o.name == "DAYLIGHT", str(o["TZNAME"])) for o in tz.subcomponents)
                t, hour = onsets[0][0], datetime.timedelta(hours=1)
                while t <= onsets[-1][0] + 400 * hour and len(errors) < 20:
                    _, offset, summer, name = [o for o in onsets if o[0] <= t][-1]
                    real = t.replace(tzinfo=datetime.timezone.utc).astimezone(zone)
                    if (real.utcoffset(), bool(real.dst()), real.tzname()) != (offset, summer, name):
                        errors.append("time zone %s at %s UTC: %s, %s, summer time %s; zoneinfo: %s, %s, %s" % (tz["TZID"], t, offset, name, summer, real.utcoffset(), real.tzname(), bool(real.dst())))
                    t += hour
            uids = set()
            for ev in cal.walk("VEVENT"):
                uid = str(ev.get("UID", ""))
                if not uid or uid in uids:
                    errors.append("an event without a UID of its own: %r" % uid)
                uids.add(uid)
                for key in ("DTSTAMP", "SUMMARY", "DTSTART"):
                    if ev.get(key) is None:
                        errors.append("event %s has no %s" % (uid, key))
                start = ev.decoded("DTSTART", None)
                if start is not None and (not isinstance(start, datetime.date) or isinstance(start, datetime.datetime)):
                    errors.append("event %s starts at %r, not on a day" % (uid, start))
                if len(errors) >= 20:
                    break
        else:
            errors.append("neither a feed nor a calendar")
    except Exception as e:
        errors.append("%s: %s" % (type(e).__name__, e))
    out.append(errors)
json.dump(out, sys.stdout)
`

// Feeds reads each Atom feed (.atom) and calendar (.ics) in one Python
// process with feedparser and icalendar, and returns each file's errors
// (none: read as it should be). An error means the readers did not run.
func Feeds(ctx context.Context, python string, files []string) ([][]string, error) {
	var out [][]string
	err := run(ctx, python, []string{"-c", feedScript}, files, &out, len(files))
	return out, err
}
