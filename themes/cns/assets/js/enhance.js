// Progressive enhancement for the cns theme: sortable tables and a
// copy-link button on every numbered paragraph of a report. Without this
// script every table is already in a useful order and every paragraph number
// is a link to itself; nothing here is needed to read the site.
(function () {
  "use strict";

  // Sortable tables: <table class="sortable" data-sort-label="…">. Each
  // column header becomes a button; a cell sorts by its data-sort attribute,
  // else by its text. Numbers compare as numbers, text by the page's language.
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
      var c = compare(key(r1.cells[index]), key(r2.cells[index]));
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

  // The ledger on a past day (/documents/?on=YYYY-MM-DD). Each row carries
  // what the public record tells of its past in data-past: the state before
  // its first change, then "YYYY-MM-DD:state" for each change (see
  // disclosure.Past). The rows on this page, their sort keys and the counts
  // are recomputed for that day. Days are compared as YYYY-MM-DD strings:
  // they are days in the rules' time zone, and the reader's own time zone
  // plays no part (no Date object is made).
  function datedLedger(form) {
    var table = document.querySelector("table.ledger");
    var tpl = document.getElementById("ledger-templates");
    var note = document.querySelector(".ledger-day-note");
    if (!table || !tpl || !note) return;
    form.hidden = false;
    var asOf = form.getAttribute("data-as-of");
    // The page's language's long date, one pattern per month ({d} the day,
    // {y} the year), as the templates write dates.
    var patterns = JSON.parse(form.getAttribute("data-dates") || "[]");
    var lang = document.documentElement.lang || undefined;
    // Numbers in the digits the templates write (Hugo's: Latin digits in
    // every language of the site).
    var numbers = new Intl.NumberFormat(lang, { numberingSystem: "latn" });
    var on = new URLSearchParams(location.search).get("on");
    if (on === null || on === "") return;

    function longDate(d) {
      var p = patterns[Number(d.slice(5, 7)) - 1];
      if (!p) return d;
      return p.replace("{d}", String(Number(d.slice(8, 10)))).replace("{y}", d.slice(0, 4));
    }
    // A copy of a template part with its slots filled: a slot marked
    // data-date becomes a <time> of that day (the template holds a neutral
    // span, since an empty <time> is not valid HTML), any other slot gets
    // the value as text.
    function fill(selector, values) {
      var part = tpl.content.querySelector(selector).cloneNode(true);
      Array.prototype.forEach.call(part.querySelectorAll("[data-slot]"), function (e) {
        var v = values[e.getAttribute("data-slot")] || "";
        if (e.hasAttribute("data-date")) {
          var t = document.createElement("time");
          t.setAttribute("datetime", v);
          t.textContent = longDate(v);
          e.replaceWith(t);
        } else {
          e.textContent = v;
          e.removeAttribute("data-slot");
        }
      });
      return part;
    }
    function say(part) {
      note.replaceChildren.apply(note, Array.prototype.slice.call(part.childNodes));
      note.hidden = false;
    }

    var valid = /^\d{4}-\d{2}-\d{2}$/.test(on) && Number(on.slice(5, 7)) >= 1 && Number(on.slice(5, 7)) <= 12 && Number(on.slice(8, 10)) >= 1 && Number(on.slice(8, 10)) <= 31;
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

    var counts = {};
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var past = (row.getAttribute("data-past") || "not_public").split(" ");
      var state = past[0];
      for (var i = 1; i < past.length; i++) {
        var c = past[i].split(":");
        if (c[0] <= on) state = c[1];
      }
      var badge = tpl.content.querySelector('[data-state="' + state + '"]') ? state : "not_public";
      var from = row.getAttribute("data-from") || "", until = row.getAttribute("data-until") || "";
      counts[badge] = (counts[badge] || 0) + 1;
      row.className = "row-" + badge;
      var stateCell = row.querySelector(".state-cell"), dateCell = row.querySelector(".date-cell");
      var shown = fill('[data-state="' + badge + '"]', {});
      stateCell.replaceChildren(shown);
      stateCell.setAttribute("data-sort", shown.getAttribute("data-order"));
      var phrase = tpl.content.querySelector('[data-phrase="' + badge + '"]') && from ? fill('[data-phrase="' + badge + '"]', { from: from, until: until }) : null;
      dateCell.replaceChildren.apply(dateCell, phrase ? Array.prototype.slice.call(phrase.childNodes) : []);
      dateCell.setAttribute("data-sort", badge === "withdrawn" ? until : phrase ? from : "");
    });

    // The counts: every state in the site's order, as the page shows them.
    var list = document.querySelector(".ledger-counts ul.counts");
    if (list) {
      var items = Array.prototype.slice.call(tpl.content.querySelectorAll("[data-state]"))
        .filter(function (t) { var s = t.getAttribute("data-state"); return s !== "not_public" || counts[s]; })
        .sort(function (a, b) { return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); })
        .map(function (t) {
          var s = t.getAttribute("data-state");
          var li = document.createElement("li");
          var n = document.createElement("span");
          n.className = "count";
          n.textContent = numbers.format(counts[s] || 0);
          li.appendChild(fill('[data-state="' + s + '"]', {}).firstElementChild);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(n);
          return li;
        });
      list.replaceChildren.apply(list, items);
    }
    var intro = document.querySelector(".ledger-intro time");
    if (intro) {
      intro.setAttribute("datetime", on);
      intro.textContent = longDate(on);
    }
    say(fill('[data-note="past"]', { on: on }));
    // The other pages of the ledger show the same day.
    Array.prototype.forEach.call(document.querySelectorAll(".pager a[href]"), function (a) {
      var u = new URL(a.getAttribute("href"), location.href);
      u.searchParams.set("on", on);
      a.setAttribute("href", u.pathname + u.search + u.hash);
    });
    if (location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.ledger-day"), datedLedger);
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy-label]"), addCopyLinks);
})();
