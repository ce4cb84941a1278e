// Progressive enhancement for the cns theme: sortable tables and a
// copy-link button on every numbered paragraph of a report. Without this
// script every table is already in a useful order and every paragraph number
// is a link to itself; nothing here is needed to read the site.
(function () {
  "use strict";

  // Sortable tables: <table class="sortable" data-sort-label="…">. Each
  // column header becomes a button; a cell sorts by its data-sort attribute,
  // else by its text. Numbers compare as numbers, text by the page's language;
  // a cell with nothing to sort by (a document with no date) comes last
  // whichever way the column is sorted, as a spreadsheet puts blanks.
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });

  function key(cell) {
    if (!cell) return "";
    var k = cell.getAttribute("data-sort");
    return k !== null ? k : cell.textContent.trim();
  }

  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== "" && b !== "" && !isNaN(na) && !isNaN(nb)) return na - nb;
    return collator.compare(a, b);
  }

  function sortBy(table, index, dir) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { if (!row.hasAttribute("data-order")) row.setAttribute("data-order", i); });
    rows.sort(function (r1, r2) {
      var k1 = key(r1.cells[index]), k2 = key(r2.cells[index]);
      if ((k1 === "") !== (k2 === "")) return k1 === "" ? 1 : -1;
      var c = compare(k1, k2);
      if (c === 0) c = Number(r1.getAttribute("data-order")) - Number(r2.getAttribute("data-order"));
      else if (dir === "descending") c = -c;
      return c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length) return;
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      if (th.hasAttribute("data-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        sortBy(table, index, dir);
      });
    });
    var hint = table.getAttribute("data-sort-hint");
    if (hint && table.caption) {
      var span = document.createElement("span");
      span.className = "visually-hidden";
      span.textContent = " " + hint;
      table.caption.appendChild(span);
    }
  }

  // Copy-link: a button after each numbered paragraph copies the address of
  // its anchor. Where the clipboard is not available the button follows the
  // anchor, so the address bar holds the link to copy.
  //
  // The report may be in another language than the page (lang="en" on a
  // French page): what the script says is in the page's language, and
  // marked so.
  function inPageLanguage(e) {
    var root = document.documentElement;
    if (root.lang) e.setAttribute("lang", root.lang);
    if (root.dir) e.setAttribute("dir", root.dir);
    return e;
  }

  function status(container) {
    var s = container.querySelector(".copy-status");
    if (!s) {
      s = inPageLanguage(document.createElement("p"));
      s.className = "copy-status visually-hidden";
      s.setAttribute("role", "status");
      container.appendChild(s);
    }
    return s;
  }

  // Every word the buttons say comes from the page (data-copy-label,
  // data-copied, data-copy-failed: the theme's strings in the page's
  // language); without them no button is added.
  function addCopyLinks(container) {
    var label = container.getAttribute("data-copy-label");
    var done = container.getAttribute("data-copied");
    var failed = container.getAttribute("data-copy-failed");
    if (!label || !done || !failed) return;
    var links = container.querySelectorAll("p.para > a:first-child[href^='#']");
    if (!links.length) return;
    status(container); // the live region exists before anything is announced in it
    Array.prototype.forEach.call(links, function (a) {
      var p = a.parentNode;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      var text = inPageLanguage(document.createElement("span"));
      text.className = "visually-hidden";
      text.textContent = label.replace("{n}", a.textContent.replace(/\.$/, ""));
      button.innerHTML = '<svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M6.5 9.5l3-3"/><path d="M7 4.5l1.3-1.3a2.8 2.8 0 0 1 4 4L11 8.5"/><path d="M9 11.5l-1.3 1.3a2.8 2.8 0 0 1-4-4L5 7.5"/></svg>';
      button.appendChild(text);
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0] + a.getAttribute("href");
        var say = function (msg) { status(container).textContent = msg; button.setAttribute("data-copied", ""); setTimeout(function () { button.removeAttribute("data-copied"); }, 2000); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(function () { say(done); }, function () { location.hash = a.getAttribute("href"); say(failed); });
        } else {
          location.hash = a.getAttribute("href");
          say(failed);
        }
      });
      p.appendChild(document.createTextNode(" "));
      p.appendChild(button);
    });
  }

  // Any page on a past day (?on=YYYY-MM-DD): the ledger, meeting pages,
  // country pages (partial pastday.html). Every element that shows a
  // document's state carries what the public record tells of its past in
  // data-past (partial pastattrs.html: the state before its first change,
  // then "YYYY-MM-DD:state" for each change; see disclosure.Past). The
  // script knows no rule: it finds each element's state on the day from
  // its past, and shows it with the page's own template parts
  // (#past-templates). Days are compared as YYYY-MM-DD strings: they are
  // days in the rules' time zone, and the reader's own time zone plays no
  // part (no Date object is made).
  //
  // On each [data-past] element (any element, a map's shape too) it sets
  // data-state to the day's state and, with data-state-class="prefix-",
  // the class prefix + state; inside it, it replaces the .state badge and,
  // on a day whose state shows no title of its own, the [data-past-title]
  // with its template[data-title-then] (partial titlethen.html),
  // fills [data-past-date] ("phrase": "public since D"…, "day": the day a
  // scheduled document is due; "not yet set" on a day before data-fixed,
  // when its meeting had not adjourned) and sets the sort keys of [data-past-sort]
  // ("state", "state-from", "date"). Then every [data-past-counts] list
  // counts the page's documents (by data-doc, each once) by the day's state
  // ("all": every state, else those with any), each world map follows its
  // table's rows (pastMap), each chart of a kind's states is counted again
  // (pastChart), [data-past-only] shows and [data-past-hide] hides,
  // [data-past-day] writes the day, [data-past-from] and [data-past-before]
  // show from or before a day (a document left out is not counted), a citation's a[data-cite-day] cites
  // the page on the day, links marked data-keep-day and the pager's keep
  // it, and a "pastday" event
  // (detail.on) tells any other script on the page.
  function pastDay(form) {
    var tpl = document.getElementById("past-templates");
    var note = document.querySelector(".day-note");
    if (!tpl || !note) return;
    // The state a document shows when the page has no badge for its state
    // on the day (the template's data-fallback: "not public").
    var fallbackBadge = tpl.content.querySelector("[data-fallback]");
    var fallback = fallbackBadge ? fallbackBadge.getAttribute("data-state") : "";
    var asOf = form.getAttribute("data-as-of");
    // The page's language's long date, one pattern per month ({d} the day,
    // {y} the year), as the templates write dates.
    var patterns = JSON.parse(form.getAttribute("data-dates") || "[]");
    // The first of a month as the language writes it ("1er" in French).
    var dayOne = form.getAttribute("data-day-one") || "1";
    var lang = document.documentElement.lang || undefined;
    // Numbers in the digits the templates write (Hugo's: Latin digits in
    // every language of the site).
    var numbers = new Intl.NumberFormat(lang, { numberingSystem: "latn" });
    var on = new URLSearchParams(location.search).get("on");
    if (on === null || on === "") return;

    function longDate(d) {
      var p = patterns[Number(d.slice(5, 7)) - 1];
      if (!p) return d;
      var day = Number(d.slice(8, 10));
      return p.replace("{d}", day === 1 ? dayOne : String(day)).replace("{y}", d.slice(0, 4));
    }
    // A copy of a template part with its slots filled: a slot marked
    // data-date becomes a <time> of that day (the template holds a neutral
    // span, since an empty <time> is not valid HTML), any other slot gets
    // the value as text.
    function fill(selector, values, source) {
      var part = (source || tpl).content.querySelector(selector).cloneNode(true);
      Array.prototype.forEach.call(part.querySelectorAll("[data-slot]"), function (e) {
        var v = values[e.getAttribute("data-slot")] || "";
        if (e.hasAttribute("data-date")) {
          var t = document.createElement("time");
          t.setAttribute("datetime", v);
          t.textContent = longDate(v);
          e.replaceWith(t);
        } else if (Array.isArray(v)) {
          // Nodes (a heading's own, with their language marks): moved in.
          e.replaceWith.apply(e, v);
        } else {
          e.textContent = v;
          e.removeAttribute("data-slot");
        }
      });
      return part;
    }
    function children(part) { return Array.prototype.slice.call(part.childNodes); }
    // unsetOn: whether the day's phrase for an element is its state's
    // "-unset" one: scheduled on the day before its public day was known
    // (data-fixed, pastattrs.html: its meeting had not adjourned, or no
    // rule set the day), so due on a day not yet set; or not submitted
    // before a later change of state (notYet), so not yet in existence:
    // "not yet submitted", not a report that never was.
    function unsetOn(e, state, notYet) {
      // Never submitted, on a day before its meeting's review cycle began
      // (data-cycle): it did not exist yet either.
      if (state === "not_submitted") return notYet || on < (e.getAttribute("data-cycle") || "");
      var fixed = e.getAttribute("data-fixed") || "";
      return state === "scheduled" && fixed !== "" && on < fixed;
    }
    // beforeLatest: whether the day is before the one by which a document
    // was public at the latest (data-latest: its public day is the last it
    // can be) while its state then was another: it may have been public
    // already, which its phrase says. Not for one not yet submitted, nor,
    // "not public" then, on a day before the record shows it existed
    // (data-existed: its submission, else its meeting's opening), when no
    // record says that it could have been public (a reader found a 9th
    // National Report "may already have been public" in 2017, another a
    // 3rd one "not public" on the eve of the day this catalog read it
    // public, with nothing more said).
    function beforeLatest(e, state, from) {
      if (!e.hasAttribute("data-latest") || from === "" || on >= from || state === "public" || state === "not_submitted") return false;
      var existed = e.getAttribute("data-existed") || "";
      return state !== "not_public" || (existed !== "" && existed <= on);
    }
    function say(part) {
      note.replaceChildren.apply(note, children(part));
      note.hidden = false;
    }
    // The element itself and those inside it that match.
    function within(e, selector) {
      var all = Array.prototype.slice.call(e.querySelectorAll(selector));
      if (e.matches(selector)) all.unshift(e);
      return all;
    }

    // A day of the calendar: 31 February is none.
    var y = Number(on.slice(0, 4)), mo = Number(on.slice(5, 7)), da = Number(on.slice(8, 10));
    var leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    var valid = /^\d{4}-\d{2}-\d{2}$/.test(on) && mo >= 1 && mo <= 12 && da >= 1 && da <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    if (!valid) {
      say(fill('[data-note="invalid"]', { value: on, on: asOf }));
      return;
    }
    form.elements.on.value = on > asOf ? asOf : on;
    if (on > asOf) {
      say(fill('[data-note="after"]', { on: asOf }));
      return;
    }
    if (on === asOf) return;

    // mayHaveBeen: the documents counted that may already have been
    // public on the day (beforeLatest), which the note then says.
    var counts = {}, counted = {}, mayHaveBeen = {}, notYetCount = 0;
    Array.prototype.forEach.call(document.querySelectorAll("[data-past]"), function (e) {
      var past = e.getAttribute("data-past").split(" ");
      var state = past[0], changed = false;
      // A document public twice (again from the day its party lifted the
      // objection at which it was withdrawn): its days are the period's
      // of the day, not its last (data-from, data-until).
      var publics = [], lastPublic = "", nextPublic = "", lastWithdrawn = "";
      for (var i = 1; i < past.length; i++) {
        var c = past[i].split(":");
        if (c[1] === "public") publics.push(c[0]);
        if (c[0] <= on) {
          state = c[1]; changed = true;
          if (c[1] === "public") lastPublic = c[0];
          if (c[1] === "withdrawn") lastWithdrawn = c[0];
        } else if (c[1] === "public" && nextPublic === "") nextPublic = c[0];
      }
      var badge = tpl.content.querySelector('[data-state="' + state + '"]') ? state : fallback;
      var id = e.getAttribute("data-doc");
      var from = e.getAttribute("data-from") || "", until = e.getAttribute("data-until") || "";
      if (publics.length > 1) {
        // Before the first period (scheduled, not public), that period's
        // day; after it, the last period begun by the day.
        from = lastPublic || nextPublic || from;
        until = (state === "withdrawn" ? lastWithdrawn : "") || until;
        // The day's, for what reads them after (a map's row, pastMap).
        e.setAttribute("data-from", from);
        e.setAttribute("data-until", until);
        // And the marks of the period's day: on a day of the first, its
        // own (data-earlier-marks), for those of the last.
        if (e.hasAttribute("data-earlier-marks") && from === publics[0]) {
          var marks = e.getAttribute("data-earlier-marks").split(" ");
          [["latest", "data-latest"], ["read", "data-latest-read"], ["assumed", "data-assumed"]].forEach(function (m) {
            if (marks.indexOf(m[0]) >= 0) e.setAttribute(m[1], "");
            else e.removeAttribute(m[1]);
          });
        }
      }
      var perhaps = beforeLatest(e, badge, from);
      // Not counted where it is left out on the day (data-past-from: a
      // ledger row before its meeting's review cycle began).
      var cycle = e.closest("[data-past-from]");
      var left = cycle && on < cycle.getAttribute("data-past-from");
      var countedNow = false;
      if (id && !counted[id] && !left) {
        counted[id] = true;
        counts[badge] = (counts[badge] || 0) + 1;
        countedNow = true;
      }
      if (id && !left && perhaps) mayHaveBeen[id] = true;
      e.setAttribute("data-state", badge);
      var prefix = e.getAttribute("data-state-class");
      if (prefix) {
        var kept = e.getAttribute("class").split(/\s+/).filter(function (c) { return c && c.indexOf(prefix) !== 0; });
        e.setAttribute("class", kept.concat(prefix + badge).join(" "));
      }
      var shown = fill('[data-state="' + badge + '"]', {});
      var order = shown.getAttribute("data-order");
      Array.prototype.forEach.call(e.querySelectorAll(".state"), function (s) { s.replaceWith(shown.firstElementChild.cloneNode(true)); });
      // A title of its own only in the states that show it (data-titled);
      // on other days the title made of kind, party and meeting.
      var then = e.querySelector("template[data-title-then]"), title = e.querySelector("[data-past-title]");
      if (then && title && !shown.hasAttribute("data-titled")) {
        title.replaceChildren(then.content.cloneNode(true));
        // What is said under a title of its own (data-own-title-only: its
        // kind, or the title made of kind, party and meeting) the made
        // title says already.
        within(e, "[data-own-title-only]").forEach(function (m) { m.remove(); });
      }
      var unset = !perhaps && unsetOn(e, badge, !changed && past.length > 1);
      // Not submitted then because it did not exist yet: counted apart
      // from those never submitted (a journalist read 7 "not submitted"
      // on a day when one party had submitted nothing).
      var notYet = badge === "not_submitted" && unset;
      if (countedNow && notYet) notYetCount++;
      if (notYet) e.setAttribute("data-not-yet", "");
      else e.removeAttribute("data-not-yet");
      var dated = (perhaps || tpl.content.querySelector('[data-phrase="' + badge + '"]')) && from !== "" && !unset;
      within(e, "[data-past-date]").forEach(function (d) {
        var set = d.getAttribute("data-past-date");
        // Public from its day at the latest (data-latest): "by D at the
        // latest", where the set has such a phrase; before that day, that
        // it may have been public already.
        var suffix = unset ? "-unset" : "";
        // Its day the one this catalog read its party's page
        // (data-latest-read): the phrases that say so, where the set has them.
        var read = e.hasAttribute("data-latest-read") ? "-read" : "";
        if (!unset && badge === "public" && e.hasAttribute("data-latest") && tpl.content.querySelector("[data-" + set + '="public-latest"]')) suffix = "-latest";
        if (suffix === "-latest" && read && tpl.content.querySelector("[data-" + set + '="public-latest-read"]')) suffix += read;
        // Its day from a rule no source states for its meeting
        // (data-assumed): "since D, if the rule applied".
        if (suffix === "" && !perhaps && e.hasAttribute("data-assumed") && tpl.content.querySelector("[data-" + set + '="' + badge + '-assumed"]')) suffix = "-assumed";
        var sel = "[data-" + set + '="' + badge + suffix + '"]';
        if (perhaps && tpl.content.querySelector("[data-" + set + '="before-latest"]')) sel = "[data-" + set + '="before-latest"]';
        if (perhaps && read && tpl.content.querySelector("[data-" + set + '="before-latest-read"]')) sel = "[data-" + set + '="before-latest-read"]';
        // Not yet in existence, of a kind made at the meeting itself
        // (data-at-meeting): not yet made there, not "not yet submitted".
        if (unset && badge === "not_submitted" && e.hasAttribute("data-at-meeting") && tpl.content.querySelector("[data-" + set + '="not_submitted-unset-meeting"]')) sel = "[data-" + set + '="not_submitted-unset-meeting"]';
        // An "-unset" phrase names no day ("not yet submitted", "day not
        // yet set"): shown for a document with no public day too.
        var part = (from || unset) && tpl.content.querySelector(sel) ? fill(sel, { from: from, until: until }) : null;
        d.replaceChildren.apply(d, part ? children(part) : []);
      });
      within(e, "[data-past-sort]").forEach(function (d) {
        // The day a row sorts by: the one its state names (data-sort-by:
        // a withdrawn document's last day), else the day it became public.
        var key = { state: order, "state-from": order + " " + (dated ? from : ""), date: shown.getAttribute("data-sort-by") === "until" ? until : dated ? from : "" };
        d.setAttribute("data-sort", key[d.getAttribute("data-past-sort")] || "");
      });
    });

    // A meeting's world map (partial worldmap.html): each row of its table
    // carries its party's report's past, and has the day's state from the
    // loop above (a row without it, a party without a report, keeps its
    // state). The party's shape or point, or its link in the box beside
    // the map, takes that state's pattern and class and an accessible name
    // saying it; the row says it; the legend counts the rows by state; all
    // in the words of the map's own template (template.wm-past), which the
    // same partials as the map's wrote. A party with no record at a
    // meeting that had not opened on the day (the figure's data-opens) has
    // nothing recorded yet, as the grid's cells say.
    function pastMap(fig) {
      var parts = fig.querySelector("template.wm-past");
      if (!parts) return;
      var counts = {};
      var opens = fig.getAttribute("data-opens") || "";
      Array.prototype.forEach.call(fig.querySelectorAll(".wm-table tr[data-party]"), function (tr) {
        var state = tr.getAttribute("data-state");
        var yet = state === "no_record" && opens !== "" && on < opens && !tr.hasAttribute("data-past");
        if (yet) {
          state = "no_record_yet";
          tr.setAttribute("data-state", state);
        }
        // Not submitted because it did not exist yet (data-not-yet, set
        // above): counted apart in the legend, as the page's counts do.
        var notYet = state === "not_submitted" && tr.hasAttribute("data-not-yet");
        var key = notYet ? "not_yet_submitted" : state;
        counts[key] = (counts[key] || 0) + 1;
        if (!tr.hasAttribute("data-past") && !yet) return;
        var perhaps = beforeLatest(tr, state, tr.getAttribute("data-from") || "");
        var unset = !perhaps && unsetOn(tr, state, notYet);
        var from = unset ? "" : tr.getAttribute("data-from") || "";
        var sel = '[data-map-phrase="' + state + '"]';
        // Due on a day not yet set: said, as the grid says it.
        if (unset && parts.content.querySelector('[data-map-phrase="' + state + '-unset"]')) sel = '[data-map-phrase="' + state + '-unset"]';
        // Public from its day at the latest: "by D at the latest"; before
        // that day, that it may have been public already.
        if (from !== "" && state === "public" && tr.hasAttribute("data-latest") && parts.content.querySelector('[data-map-phrase="public-latest"]')) sel = '[data-map-phrase="public-latest"]';
        if (perhaps && parts.content.querySelector('[data-map-phrase="' + state + '-before-latest"]')) sel = '[data-map-phrase="' + state + '-before-latest"]';
        // Its day from a rule no source states for its meeting.
        if (from !== "" && !perhaps && !unset && sel === '[data-map-phrase="' + state + '"]' && tr.hasAttribute("data-assumed") && parts.content.querySelector('[data-map-phrase="' + state + '-assumed"]')) sel = '[data-map-phrase="' + state + '-assumed"]';
        // Its day the one this catalog read its party's page: said so.
        if (tr.hasAttribute("data-latest-read") && /latest"]$/.test(sel) && parts.content.querySelector(sel.replace(/"]$/, '-read"]'))) sel = sel.replace(/"]$/, '-read"]');
        sel += from !== "" && parts.content.querySelector(sel + "[data-dated]") ? "[data-dated]" : ":not([data-dated])";
        var text = fill(sel, { from: from, report: tr.getAttribute("data-map-report") || "" }, parts).textContent;
        tr.querySelector("td").textContent = text;
        var name = tr.querySelector("th").textContent.replace(/\s+/g, " ").trim();
        Array.prototype.forEach.call(fig.querySelectorAll('a.wm-party[data-party="' + tr.getAttribute("data-party") + '"]'), function (a) {
          a.setAttribute("data-state", state);
          var kept = a.getAttribute("class").split(/\s+/).filter(function (c) { return c && (c === "wm-party" || c.indexOf("wm-") !== 0); });
          a.setAttribute("class", kept.concat("wm-" + state).join(" "));
          Array.prototype.forEach.call(a.querySelectorAll("[fill^='url(#']"), function (f) { f.setAttribute("fill", "url(#" + fig.id + "-" + state + ")"); });
          if (a.hasAttribute("aria-label")) a.setAttribute("aria-label", fill("[data-map-label]", { name: name, text: text }, parts).textContent);
          var words = a.querySelector("[data-map-text]");
          if (words) words.textContent = text;
        });
      });
      var legend = fig.querySelector(".wm-legend ul");
      var land = legend.querySelector("li:not([data-state])");
      var items = Array.prototype.filter.call(parts.content.querySelectorAll("li[data-state]"), function (li) { return counts[li.getAttribute("data-state")]; })
        .map(function (li) {
          var item = li.cloneNode(true);
          item.querySelector(".wm-count").textContent = numbers.format(counts[li.getAttribute("data-state")]);
          return item;
        });
      legend.replaceChildren.apply(legend, land ? items.concat(land) : items);
      var desc = fig.querySelector("svg > desc");
      if (desc) desc.textContent = fill("[data-map-desc]", { on: on }, parts).textContent;
    }
    Array.prototype.forEach.call(document.querySelectorAll("figure.worldmap"), pastMap);

    // A chart that counts the states of a kind of document (partial
    // figure.html: the section's data-past-kind, a meeting's National
    // Reports by state) is counted again from the page's elements of that
    // kind (data-kind, each document once), by the day's state set above,
    // and drawn in the frame its template holds (template.chart-past: the
    // chart's series and "not public", written by the same partials as
    // the chart): each segment as wide as chartsvg.html makes it
    // (data-geometry: the width, the bars' length, a segment's least
    // width), its number written where it fits, the total after the bar,
    // the table, and the description dated.
    function pastChart(sec) {
      var parts = sec.querySelector("template.chart-past");
      if (!parts) return;
      var kind = sec.getAttribute("data-past-kind");
      var counts = {}, seen = {};
      Array.prototype.forEach.call(document.querySelectorAll("[data-past][data-kind]"), function (e) {
        var id = e.getAttribute("data-doc");
        if (e.getAttribute("data-kind") !== kind || !id || seen[id]) return;
        seen[id] = true;
        var s = e.getAttribute("data-state");
        counts[s] = (counts[s] || 0) + 1;
      });
      var chart = parts.content.cloneNode(true);
      var svg = chart.querySelector("svg");
      var g = svg.getAttribute("data-geometry").split(" ").map(Number);
      var W = g[0], L = g[1], minW = g[2];
      var rtl = svg.getAttribute("direction") === "rtl";
      var bars = Array.prototype.slice.call(svg.querySelectorAll("[data-row] rect[data-series]"));
      // A state the chart has no bar for is counted in the fallback's
      // (not public), so that no document drops out of the total.
      var drawn = bars.map(function (r) { return r.getAttribute("data-series"); });
      Object.keys(counts).forEach(function (s) {
        if (drawn.indexOf(s) >= 0 || s === fallback) return;
        counts[fallback] = (counts[fallback] || 0) + counts[s];
        delete counts[s];
      });
      var total = 0, segs = 0;
      bars.forEach(function (r) {
        var n = counts[r.getAttribute("data-series")] || 0;
        total += n;
        if (n > 0) segs++;
      });
      var scale = (L - minW * segs) / Math.max(total, 1), x = 0;
      bars.forEach(function (r) {
        var s = r.getAttribute("data-series"), n = counts[s] || 0;
        var label = svg.querySelector('[data-for="' + s + '"]');
        if (n === 0) {
          r.remove();
          if (label) label.remove();
          return;
        }
        var w = Math.max(n * scale, minW), bx = rtl ? W - (x + w) : x, txt = numbers.format(n);
        r.setAttribute("x", bx.toFixed(1));
        r.setAttribute("width", w.toFixed(1));
        r.setAttribute("data-value", String(n));
        if (label && w >= 8 + 7 * txt.length) {
          label.setAttribute("x", (bx + w / 2).toFixed(1));
          label.textContent = txt;
        } else if (label) {
          label.remove();
        }
        x += w;
      });
      var end = svg.querySelector("[data-total]");
      if (end) {
        end.setAttribute("x", (rtl ? W - (x + 4) : x + 4).toFixed(1));
        end.setAttribute("data-total", String(total));
        end.textContent = numbers.format(total);
      }
      Array.prototype.forEach.call(chart.querySelectorAll("table [data-row] td[data-series]"), function (td) {
        var s = td.getAttribute("data-series"), n = s === "total" ? total : counts[s] || 0;
        td.setAttribute("data-value", String(n));
        td.textContent = numbers.format(n);
      });
      var desc = svg.querySelector("desc");
      if (desc) desc.textContent = fill("[data-chart-desc]", { on: on }, parts).textContent;
      sec.querySelector(".chart-svg").replaceWith(chart.querySelector(".chart-svg"));
      sec.querySelector(".table-scroll").replaceWith(chart.querySelector(".table-scroll"));
    }
    Array.prototype.forEach.call(document.querySelectorAll("section.figure[data-past-kind]"), pastChart);
    // What only a past day shows (a note that the files to download are
    // the build day's, or why a chart is not shown) and what it hides
    // (a chart not worked out for another day).
    Array.prototype.forEach.call(document.querySelectorAll("[data-past-only]"), function (e) { e.hidden = false; });
    Array.prototype.forEach.call(document.querySelectorAll("[data-past-hide]"), function (e) { e.hidden = true; });
    // What holds from a day on (data-past-from: the figures page's map of
    // a meeting whose review cycle had not begun before it) hides on an
    // earlier day, and what stands for it then (data-past-before) shows.
    Array.prototype.forEach.call(document.querySelectorAll("[data-past-from]"), function (e) { e.hidden = on < e.getAttribute("data-past-from"); });
    // An element marked with both shows from the one day until the other
    // (a meeting of no record, on a country's page, while it had nothing
    // recorded yet: from its cycle's start until it opened).
    Array.prototype.forEach.call(document.querySelectorAll("[data-past-before]"), function (e) {
      var from = e.getAttribute("data-past-from");
      e.hidden = !(on < e.getAttribute("data-past-before")) || (from !== null && on < from);
    });
    // A list of such (data-past-list) shows while any of its items does.
    Array.prototype.forEach.call(document.querySelectorAll("[data-past-list]"), function (e) {
      e.hidden = Array.prototype.every.call(e.querySelectorAll("li"), function (li) { return li.hidden; });
    });
    // A run of meetings on a country's page that shows one of them on the
    // day says so in the singular (data-run-one), else in the plural.
    Array.prototype.forEach.call(document.querySelectorAll("section.country-run"), function (sec) {
      var one = Array.prototype.filter.call(sec.querySelectorAll(".run-meetings > li"), function (li) { return !li.hidden; }).length === 1;
      Array.prototype.forEach.call(sec.querySelectorAll("[data-run-one]"), function (e) { e.hidden = !one; });
      Array.prototype.forEach.call(sec.querySelectorAll("[data-run-many]"), function (e) { e.hidden = one; });
    });
    // A table all of whose rows are left out on the day (the ledger on a
    // day before any of its meetings' review cycles began) is hidden with
    // its scrolling box: the note (data-past-before) says why, and no
    // empty table stands under it.
    Array.prototype.forEach.call(document.querySelectorAll("table"), function (table) {
      var rows = table.tBodies.length ? table.tBodies[0].rows : [];
      if (!rows.length || !table.querySelector("tbody > tr[data-past-from]")) return;
      var box = table.closest(".table-scroll") || table;
      box.hidden = Array.prototype.every.call(rows, function (r) { return r.hidden; });
    });
    // A meeting's timeline shows the steps taken by the day (data-tl-day),
    // and a step to come whose day was known by then (data-tl-known: the
    // National Reports' day, once the meeting had adjourned), which says
    // it is to come (its data-past-before words).
    Array.prototype.forEach.call(document.querySelectorAll("ol.timeline li[data-tl-day]"), function (li) {
      var known = li.getAttribute("data-tl-known");
      li.hidden = li.getAttribute("data-tl-day") > on && !(known !== null && known <= on);
    });
    // A timeline none of whose steps had been taken says so (data-tl-none)
    // rather than show an empty list.
    Array.prototype.forEach.call(document.querySelectorAll("ol.timeline"), function (ol) {
      var none = ol.parentNode.querySelector("[data-tl-none]");
      if (none) none.hidden = Array.prototype.some.call(ol.children, function (li) { return !li.hidden; });
    });
    // A citation of what follows the day cites the page on that day.
    Array.prototype.forEach.call(document.querySelectorAll("a[data-cite-day][href]"), function (a) {
      var u = new URL(a.getAttribute("href"), location.href);
      u.searchParams.set("on", on);
      a.setAttribute("href", u.href);
      a.textContent = u.href;
    });

    // One item of the counts: a state's badge, its number, and its place
    // in the site's order of states (data-order).
    function countItem(badge, n, order) {
      var li = document.createElement("li");
      var count = document.createElement("span");
      count.className = "count";
      count.textContent = numbers.format(n);
      li.appendChild(badge);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(count);
      li.setAttribute("data-order", order);
      return li;
    }

    // The counts: states in the site's order, as the page shows them. A
    // list of every state's count (the ledger's) lists at 0 those a
    // document can be in on a past day (data-past-shown: "Not public"
    // too), not withheld and restricted, which no past day shows.
    Array.prototype.forEach.call(document.querySelectorAll("[data-past-counts] ul.counts"), function (list) {
      var all = list.closest("[data-past-counts]").getAttribute("data-past-counts") === "all";
      var items = Array.prototype.slice.call(tpl.content.querySelectorAll("[data-state]"))
        .filter(function (t) { var s = t.getAttribute("data-state"); return counts[s] || (all && t.hasAttribute("data-past-shown")); })
        .sort(function (a, b) { return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); })
        .map(function (t) {
          var s = t.getAttribute("data-state");
          return countItem(fill('[data-state="' + s + '"]', {}).firstElementChild, (counts[s] || 0) - (s === "not_submitted" ? notYetCount : 0), t.getAttribute("data-order"));
        });
      // Those not yet in existence, beside those never submitted, with the
      // same badge and their own word; none never submitted: not listed.
      var word = tpl.content.querySelector('[data-note="not-yet"]');
      if (notYetCount && word) {
        items = items.filter(function (li) { return !li.querySelector(".state-not_submitted") || counts.not_submitted > notYetCount || all; });
        var badge = fill('[data-state="not_submitted"]', {}).firstElementChild;
        var w = badge.querySelector(".state-word");
        if (w) w.textContent = word.textContent;
        // Where not_submitted's place is, after it where it is listed.
        var ns = tpl.content.querySelector('[data-state="not_submitted"]');
        var li = countItem(badge, notYetCount, String(Number(ns ? ns.getAttribute("data-order") : 0) + 0.5));
        li.setAttribute("data-not-yet", "");
        items.push(li);
        items.sort(function (a, b) { return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); });
      }
      // Nothing to count on the day (no document of the page's existed
      // yet): said, as a page with no document says it, not an empty list.
      if (!items.length && tpl.content.querySelector('[data-note="counts-none"]')) {
        var none = document.createElement("p");
        none.className = "counts-none";
        none.textContent = fill('[data-note="counts-none"]', {}).textContent;
        list.replaceWith(none);
        return;
      }
      list.replaceChildren.apply(list, items);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-past-day] time"), function (t) {
      t.setAttribute("datetime", on);
      t.textContent = longDate(on);
    });
    say(fill('[data-note="past"]', { on: on }));
    // The window's title names the day too, as a tab, a bookmark and the
    // history list show it: the page's own title, before the site's name
    // (baseof.html: "Title · Site"; the home page has the site's alone).
    if (tpl.content.querySelector('[data-title="past"]')) {
      var cut = document.title.lastIndexOf(" · ");
      var own = cut < 0 ? document.title : document.title.slice(0, cut);
      document.title = fill('[data-title="past"]', { title: own, on: on }).textContent + (cut < 0 ? "" : document.title.slice(cut));
      // The page's heading too: a reader who comes back to the tab, or
      // reads the page printed, sees the day where the page begins. Its
      // own words keep their marks (a title in its language).
      var h1 = document.querySelector("main h1");
      if (h1 && !h1.hasAttribute("data-on")) {
        h1.setAttribute("data-on", on);
        h1.replaceChildren.apply(h1, children(fill('[data-title="past"]', { title: children(h1), on: on })));
      }
    }
    // The counts put a document that may already have been public under
    // its state then; the note says that some may have been.
    // Before the link back: the sentence brings what follows it.
    var back = note.querySelector("a");
    if (Object.keys(mayHaveBeen).length && back && tpl.content.querySelector('[data-note="perhaps"]')) {
      back.before.apply(back, children(fill('[data-note="perhaps"]', {})));
    }
    // Other pages of the ledger, and the pages a grid or a country's
    // meetings lead to, show the same day.
    Array.prototype.forEach.call(document.querySelectorAll(".pager a[href], a[data-keep-day][href]"), function (a) {
      var u = new URL(a.getAttribute("href"), location.href);
      u.searchParams.set("on", on);
      a.setAttribute("href", u.pathname + u.search + u.hash);
    });
    document.dispatchEvent(new CustomEvent("pastday", { detail: { on: on } }));
    if (location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }

  // The page's past-day parts were kept hidden until now (pastday.html,
  // "past-pending"): shown once the day is applied, whatever happened.
  try {
    Array.prototype.forEach.call(document.querySelectorAll("form.day-form"), pastDay);
  } finally {
    document.documentElement.classList.remove("past-pending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy-label]"), addCopyLinks);

  // A map's focused party: its outline drawn again last, over the whole
  // map (g.wm-ring), with the focus bands of main.css. Drawn in place, the
  // bands outside its edge lie under every neighbour that comes after it
  // in the document. The copy is a picture only: hidden from assistive
  // technology, and never a link. The listeners are on the map's HTML
  // parent: Chromium makes an SVG element with focus listeners a Tab stop.
  //
  // The party focused, or under the pointer, is named in words in a corner
  // of the map (p.wm-caption, place): its name and state, as its accessible
  // name says them, which a sighted reader could not otherwise read; the
  // words are hidden from assistive technology, which has the link's name.
  Array.prototype.forEach.call(document.querySelectorAll("svg.wm-svg"), function (svg) {
    var ring = null, caption = null, focused = null;
    function clear() {
      if (ring) ring.remove();
      ring = null;
    }
    function say(a) {
      if (!caption) {
        caption = document.createElement("p");
        caption.className = "wm-caption";
        caption.setAttribute("aria-hidden", "true");
        svg.parentNode.appendChild(caption);
      }
      caption.textContent = a ? a.getAttribute("aria-label") || "" : "";
      caption.hidden = !caption.textContent;
      if (!caption.hidden) place(a);
    }
    // place puts the words in a corner of the map that meets none of the
    // party's shape: a bottom one first, the open sea, the page's start
    // first; where every corner meets it, or the words would fill half
    // the map (a phone's), under the map, over what follows it while
    // they show.
    function place(a) {
      var box = svg.parentNode.getBoundingClientRect(), m = svg.getBoundingClientRect(), p = a.getBoundingClientRect();
      var w = caption.offsetWidth, h = caption.offsetHeight;
      var rtl = getComputedStyle(svg.parentNode).direction === "rtl";
      var start = rtl ? m.right - w : m.left, end = rtl ? m.left : m.right - w;
      var spots = [[start, m.bottom - h], [end, m.bottom - h], [start, m.top], [end, m.top]];
      var at = null;
      for (var i = 0; i < spots.length && !at && h * 2 <= m.height; i++) {
        var x = spots[i][0], y = spots[i][1];
        if (x + w <= p.left || p.right <= x || y + h <= p.top || p.bottom <= y) at = spots[i];
      }
      if (!at) at = [start, m.bottom];
      caption.style.left = at[0] - box.left + "px";
      caption.style.top = at[1] - box.top + "px";
    }
    function partyOf(e) {
      var a = e.target.closest ? e.target.closest("a.wm-party") : null;
      return a && svg.contains(a) ? a : null;
    }
    svg.parentNode.addEventListener("focusout", function () {
      clear();
      focused = null;
      say(null);
    });
    svg.parentNode.addEventListener("focusin", function (e) {
      clear();
      var a = partyOf(e);
      focused = a;
      say(a);
      if (!a || !a.matches(":focus-visible")) return;
      ring = document.createElementNS(svg.namespaceURI, "g");
      ring.setAttribute("class", "wm-ring");
      ring.setAttribute("aria-hidden", "true");
      Array.prototype.forEach.call(a.children, function (c) {
        ring.appendChild(c.cloneNode(false));
      });
      svg.appendChild(ring);
    });
    svg.parentNode.addEventListener("mouseover", function (e) { say(partyOf(e) || focused); });
    svg.parentNode.addEventListener("mouseleave", function () { say(focused); });
  });
})();
