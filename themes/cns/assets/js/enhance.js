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
  function status(container) {
    var s = container.querySelector(".copy-status");
    if (!s) {
      s = document.createElement("p");
      s.className = "copy-status visually-hidden";
      s.setAttribute("role", "status");
      container.appendChild(s);
    }
    return s;
  }

  function addCopyLinks(container) {
    var label = container.getAttribute("data-copy-label") || "Copy link";
    var done = container.getAttribute("data-copied") || "Link copied";
    var failed = container.getAttribute("data-copy-failed") || "";
    var links = container.querySelectorAll("p.para > a:first-child[href^='#']");
    if (!links.length) return;
    status(container); // the live region exists before anything is announced in it
    Array.prototype.forEach.call(links, function (a) {
      var p = a.parentNode;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      var text = document.createElement("span");
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

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy-label]"), addCopyLinks);
})();
