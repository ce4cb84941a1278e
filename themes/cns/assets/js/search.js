/* Search in the browser, over the index the generator writes
   (generator/internal/searchindex: its package comment describes the format).

   Two places use it: the search page (a root element with data-search-page:
   results as you type, facets, the query in the address), and the search box
   in the header of other pages (a form with data-search-index: the first
   results under the box, loaded by search-loader.js when the reader starts
   to search). Everything shown is written as text, never as HTML. */
(function () {
  'use strict';
  if (window.cnsSearch) return;

  /* Folding and terms: the rules are data the index carries (spelling:
     searchindex.Spelling, one per language); this script only applies
     them, as searchindex's Fold, Words, Term and Forms do: lower case,
     decomposed (NFD, or NFKD), marks removed, the spelling's letters spelt
     out; runs of letters and digits, those of the paired scripts (bigrams)
     as pairs of letters; then a word's variant, else each step in order;
     and the forms without a prefix, and the word as typed (IndexForms).
     Lengths count code points, as Go counts runes. TestSearchScriptKeepsTheIndexContract and
     TestSearchInEveryLanguage check the two agree. */
  var MARKS = /\p{M}+/gu;
  var WORD = /[\p{L}\p{N}]+/gu;
  var RAW_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
  // A number and its ordinal letters ("7.ª", "7-е") make one word, as in Go.
  var ORDINAL = /(\p{N})[.-](\p{L}{1,2})($|[^\p{L}\p{N}])/gu;
  var SPELLING = { letters: {}, variants: {}, steps: [] }, SPECIAL = null, PAIRED = null, PAIR = null;

  function useSpelling(sp) {
    SPELLING = sp || SPELLING;
    var keys = Object.keys(SPELLING.letters).map(function (c) { return c.replace(/[\\\]^-]/g, '\\$&'); });
    SPECIAL = keys.length ? new RegExp('[' + keys.join('') + ']', 'gu') : null;
    // A run of letters of the paired scripts, captured, to split on.
    var scripts = (SPELLING.bigrams || []).map(function (s) { return '\\p{Script=' + s + '}'; });
    PAIRED = scripts.length ? new RegExp('([' + scripts.join('') + ']+)', 'u') : null;
    // A word that is a pair of letters of the paired scripts.
    PAIR = scripts.length ? new RegExp('^[' + scripts.join('') + ']{2}$', 'u') : null;
  }
  function fold(s) {
    s = s.toLowerCase();
    // A compatibility character may stand for a capital ("Ａ").
    s = SPELLING.form === 'NFKD' ? s.normalize('NFKD').toLowerCase() : s.normalize('NFD');
    s = s.replace(MARKS, '');
    return SPECIAL ? s.replace(SPECIAL, function (c) { return SPELLING.letters[c]; }) : s;
  }
  function words(s) {
    var runs = fold(s).replace(ORDINAL, '$1$2$3').match(WORD) || [];
    if (!PAIRED) return runs;
    var out = [];
    for (var i = 0; i < runs.length; i++) {
      // Odd parts are runs of the paired scripts.
      var parts = runs[i].split(PAIRED);
      for (var j = 0; j < parts.length; j++) {
        if (!parts[j]) continue;
        var cs = Array.from(parts[j]);
        if (j % 2 === 0 || cs.length === 1) { out.push(parts[j]); continue; }
        for (var k = 0; k + 1 < cs.length; k++) out.push(cs[k] + cs[k + 1]);
      }
    }
    return out;
  }

  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  function step(st, w) {
    var i;
    if (st.stems) {
      for (i = 0; i < st.stems.length; i++) {
        var head = st.stems[i] + st.from;
        if (w.lastIndexOf(head, 0) !== 0) continue;
        var rest = w.slice(head.length);
        return st.ends.indexOf(rest) >= 0 ? st.stems[i] + (st.to || '') + rest : w;
      }
      return w;
    }
    if (Array.from(w).length < (st.min || 0) || (st.except && st.except.indexOf(w) >= 0)) return w;
    // The first ending the word has after at least stem_min letters.
    for (i = 0; i < st.endings.length; i++) {
      var e = st.endings[i];
      if (!ends(w, e[0])) continue;
      var base = w.slice(0, w.length - e[0].length);
      if (!st.stem_min || Array.from(base).length >= st.stem_min) return base + e[1];
    }
    return w;
  }
  function term(w) {
    if (has(SPELLING.variants, w)) return SPELLING.variants[w];
    for (var i = 0; i < SPELLING.steps.length; i++) w = step(SPELLING.steps[i], w);
    return w;
  }
  /* forms are the terms the index holds for a term: itself, and itself
     without the first prefix it begins with, when enough letters are left. */
  function forms(t) {
    var p = SPELLING.prefixes || [];
    for (var i = 0; i < p.length; i++) {
      if (t.lastIndexOf(p[i], 0) !== 0) continue;
      var rest = t.slice(p[i].length);
      return Array.from(rest).length >= (SPELLING.prefix_min || 0) ? [t, rest] : [t];
    }
    return [t];
  }
  /* termOf is what the index holds for a word of its text: its term, or
     a list of forms when the spelling has prefixes (the term's forms) or
     indexes words as typed (then also the word's own forms, each once);
     begins says whether it (any form) begins with q. */
  function termOf(w) {
    var t = term(w);
    if (!SPELLING.typed) return SPELLING.prefixes && SPELLING.prefixes.length ? forms(t) : t;
    var out = forms(t), own = forms(w);
    for (var i = 0; i < own.length; i++) if (out.indexOf(own[i]) < 0) out.push(own[i]);
    return out;
  }
  /* bare is a query word's term without the first prefix it begins with,
     when enough letters are left (else the term): what finds the word
     written with or without the article ("الاجتماع" finds "اجتماع"),
     since the index holds every prefixed word's form without it. */
  function bare(q) {
    var f = forms(q);
    return f[f.length - 1];
  }
  function indexForms(w) {
    var x = termOf(w);
    return typeof x === 'string' ? [x] : x;
  }
  function begins(x, q) {
    if (typeof x === 'string') return x.lastIndexOf(q, 0) === 0;
    for (var i = 0; i < x.length; i++) if (x[i].lastIndexOf(q, 0) === 0) return true;
    return false;
  }

  /* Weights: how much a query word matching a field counts, per kind of
     record ([name, other names, text]; a meeting's text is its officers
     and place). A document also matches through its party, meeting (its
     name and other words, not its officers or place) and kind (at CONTEXT
     of their weight); a
     paragraph through its report's meeting and kind, at PARA_CONTEXT. A
     word found only without its prefix (bare) counts at CUT. A meeting
     or party whose name the query is counts EXACT_NAME times, one whose
     name begins with it NAME_START times. */
  var MEETING = 0, PARTY = 1, KIND = 2, DOC = 3, PARA = 4;
  var WEIGHTS = [[8, 3, 3], [10, 9, 0], [6, 0, 0], [6, 5, 2], [5, 0, 2]];
  var CONTEXT = 0.5, PARA_CONTEXT = 0.3, PREFIX = 0.7, CUT = 0.8, EXACT_NAME = 2, NAME_START = 1.3, MEETING_OWN = 2, PHRASE = 1.5, NEAR = 1.25;
  var FACETS = ['meeting', 'country', 'kind', 'state'];
  var PAGE = 30, POPUP = 8, FIRST = 10;

  /* whenIdle runs f when the browser has nothing more urgent to do (after
     the next frame is painted), within a fifth of a second. */
  function whenIdle(f) {
    if (window.requestIdleCallback) return { idle: requestIdleCallback(f, { timeout: 200 }) };
    return { timer: setTimeout(f, 50) };
  }
  function cancelIdle(h) {
    if (!h) return;
    if (h.idle) cancelIdleCallback(h.idle); else clearTimeout(h.timer);
  }

  /* ---- the index ---- */

  /* decodeTerms undoes searchindex.EncodeTerms: each word is how many
     UTF-16 code units it shares with the one before ('0' + n), then the
     rest. A browser test checks it against the Go side. */
  function decodeTerms(s) {
    var parts = s ? s.split(' ') : [], terms = new Array(parts.length), prev = '';
    for (var i = 0; i < parts.length; i++) {
      prev = prev.slice(0, parts[i].charCodeAt(0) - 48) + parts[i].slice(1);
      terms[i] = prev;
    }
    return terms;
  }

  function Index(ix) {
    var i, b = this.base = [0];
    this.ix = ix;
    useSpelling(ix.spelling);
    this.terms = decodeTerms(ix.terms);
    this.decoded = new Array(this.terms.length);
    b[PARTY] = ix.meetings.length;
    b[KIND] = b[PARTY] + ix.parties.length;
    b[DOC] = b[KIND] + ix.kinds.length;
    b[PARA] = b[DOC] + ix.docs.length;
    this.size = b[PARA] + ix.paras.length;
    this.tokens = new Map();
    this.cache = new Map();
    // Facet values of documents and paragraphs (meeting, party, kind,
    // state), and the order of records among equal scores: countries,
    // meetings, then public documents before others, newer meetings first.
    var n = ix.docs.length + ix.paras.length, f = this.facet = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    var order = new Float64Array(this.size);
    for (i = 0; i < n; i++) {
      var doc = ix.docs[i < ix.docs.length ? i : ix.paras[i - ix.docs.length][0]];
      f[0][i] = doc[0]; f[1][i] = doc[2]; f[2][i] = doc[1]; f[3][i] = doc[3];
    }
    for (var rec = 0; rec < this.size; rec++) {
      var type = this.type(rec), d = rec - b[DOC];
      order[rec] = type === PARTY ? 0 : type === MEETING ? 1 : type === KIND ? 9 :
        2 + (f[3][d] === 0 ? 0 : 4) + 1 - f[0][d] / ix.meetings.length;
    }
    // rank: each record's place in that order (ties by record number).
    var recs = new Int32Array(this.size);
    for (rec = 0; rec < this.size; rec++) recs[rec] = rec;
    recs.sort(function (x, y) { return order[x] - order[y] || x - y; });
    this.rank = new Int32Array(this.size);
    for (i = 0; i < recs.length; i++) this.rank[recs[i]] = i;
    this.byRank = recs;
  }

  Index.prototype.type = function (rec) {
    var b = this.base;
    return rec >= b[PARA] ? PARA : rec >= b[DOC] ? DOC : rec >= b[KIND] ? KIND : rec >= b[PARTY] ? PARTY : MEETING;
  };

  Index.prototype.postings = function (t) {
    var p = this.decoded[t];
    if (!p) {
      var d = this.ix.postings[t], sum = 0;
      p = new Int32Array(d.length);
      for (var i = 0; i < d.length; i++) p[i] = sum += d[i];
      this.decoded[t] = p;
    }
    return p;
  };

  /* scores gives, for one query word, each record's best weight and the
     fields it matched in (bit per field). */
  /* known: whether some term of the index begins with the term w. */
  Index.prototype.known = function (w) {
    var terms = this.terms, lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < w) lo = mid + 1; else hi = mid; }
    return lo < terms.length && terms[lo].lastIndexOf(w, 0) === 0;
  };

  /* collect raises each record's score to the best weight (times by) of
     the terms beginning with w, and marks the fields they are in. */
  Index.prototype.collect = function (w, by, score, fields) {
    var terms = this.terms, lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < w) lo = mid + 1; else hi = mid; }
    for (var t = lo; t < terms.length && terms[t].lastIndexOf(w, 0) === 0; t++) {
      var q = (terms[t].length === w.length ? 1 : PREFIX) * by, p = this.postings(t);
      for (var i = 0; i < p.length; i++) {
        var rec = p[i] >> 2, f = p[i] & 3, s = WEIGHTS[this.type(rec)][f] * q;
        if (s > score[rec]) score[rec] = s;
        fields[rec] |= 1 << f;
      }
    }
  };

  Index.prototype.scores = function (w) {
    var hit = this.cache.get(w);
    if (hit) return hit;
    if (this.cache.size > 64) this.cache.clear();
    var score = new Float32Array(this.size), fields = new Uint8Array(this.size);
    this.collect(w, 1, score, fields);
    // Without its prefix the word also finds the word written without it
    // ("الاجتماع": "اجتماع"), at less weight than as typed.
    var b = bare(w);
    if (b !== w) this.collect(b, CUT, score, fields);
    hit = { score: score, fields: fields };
    this.cache.set(w, hit);
    return hit;
  };

  /* text of a record's field, as shown. */
  Index.prototype.text = function (rec, f) {
    var ix = this.ix, type = this.type(rec), r = rec - this.base[type];
    switch (type) {
      case MEETING:
        var local = (ix.meeting_names || [])[r] || ['', ''];
        return f === 0 ? [ix.meetings[r][1], local[0]].join(' ') : ix.meetings[r].slice(2).concat(local[1]).join(' ');
      case PARTY: return f === 0 ? ix.parties[r][1] : ix.parties[r][2].join(', ');
      case DOC: return f === 0 ? this.docTitle(r) : f === 1 ? ix.docs[r][8] || '' : ix.docs[r][7] || '';
      case PARA: return f === 0 ? ix.paras[r][2] : ix.paras[r][3];
    }
    return '';
  };

  Index.prototype.foldedWords = function (rec, f) {
    var key = rec * 4 + f, w = this.tokens.get(key);
    if (!w) { w = words(this.text(rec, f)).map(termOf); this.tokens.set(key, w); }
    return w;
  };

  /* proximity: PHRASE when the query words stand one after another in a
     field, NEAR when they are within a few words, else 1. */
  Index.prototype.proximity = function (rec, mask, qw) {
    var best = 1;
    for (var f = 0; f < 3; f++) {
      if (!(mask & (1 << f))) continue;
      var ws = this.foldedWords(rec, f);
      for (var i = 0; i < ws.length; i++) {
        if (!begins(ws[i], bare(qw[0]))) continue;
        var at = i, ok = true, span = 0;
        for (var k = 1; k < qw.length && ok; k++) {
          ok = false;
          for (var j = at + 1; j < ws.length && j <= at + 4; j++) {
            if (begins(ws[j], bare(qw[k]))) { span += j - at - 1; at = j; ok = true; break; }
          }
        }
        if (ok) {
          if (span === 0) return PHRASE;
          best = NEAR;
        }
      }
    }
    return best;
  };

  /* fill puts parts in a pattern's {name} placeholders: parts are
     [text, lang] pairs, lang '' for the page's; the pattern's own words
     are the page's. Neighbours in one language are joined. */
  function fill(pattern, vars) {
    var out = [], re = /\{(\w+)\}/g, last = 0, m;
    var push = function (p) {
      if (!p[0]) return;
      var n = out.length;
      if (n && out[n - 1][1] === p[1]) out[n - 1] = [out[n - 1][0] + p[0], p[1]];
      else out.push(p);
    };
    while ((m = re.exec(pattern))) {
      push([pattern.slice(last, m.index), '']);
      (vars[m[1]] || [[m[0], '']]).forEach(push);
      last = re.lastIndex;
    }
    push([pattern.slice(last), '']);
    return out;
  }

  /* kindName is a kind's label in the page's language where the index has
     one (kind_names), else the catalog's: [text, lang]. */
  Index.prototype.kindName = function (k) {
    var local = (this.ix.kind_names || [])[k];
    return local ? [local, ''] : [this.ix.kinds[k][2], this.ix.text_lang || ''];
  };

  /* meetingName is a meeting's title in the page's language where the
     index has one (meeting_names), else the catalog's: [text, lang]. */
  Index.prototype.meetingName = function (m) {
    var local = ((this.ix.meeting_names || [])[m] || [''])[0];
    return local ? [local, ''] : [this.ix.meetings[m][1], this.ix.text_lang || ''];
  };

  /* titleParts is the title of a document without one of its own, made as
     its page makes it (doctitle.html) from the page's patterns (formats,
     set by the page's strings) and the names of its kind, report, party
     and meeting in the page's language: [text, lang] parts, lang naming
     the catalog's language for a name that has no translation. */
  Index.prototype.titleParts = function (d) {
    var ix = this.ix, doc = ix.docs[d], fm = this.formats, p = ix.parties[doc[2]];
    var kind = [this.kindName(doc[1])];
    // After a party's name and a colon, a label in the page's language as
    // a common noun mid-sentence, where the language writes it so
    // (label_after_colon, as doctitle.html).
    if (doc[2] >= 0 && fm.lower && !kind[0][1]) kind = [[kind[0][0].charAt(0).toLowerCase() + kind[0][0].slice(1), '']];
    if (doc[11]) kind = fill(fm.numbered, { kind: kind, number: [[this.numbers[doc[11] - 1] || String(doc[11]), '']] });
    var vars = { kind: kind, meeting: [this.meetingName(doc[0])] };
    if (doc[2] >= 0) vars.party = [[p[1], ix.text_lang && !p[3] ? ix.text_lang : '']];
    return fill(doc[2] < 0 ? fm.meeting : fm.party, vars);
  };

  /* docTitle is a document's title as its page shows it: its own, or the
     one made of its parts (titleParts). */
  Index.prototype.docTitle = function (d) {
    var doc = this.ix.docs[d];
    if (doc[6]) return doc[6];
    return this.titleParts(d).map(function (p) { return p[0]; }).join('');
  };

  Index.prototype.docID = function (d) {
    var ix = this.ix, doc = ix.docs[d];
    return doc[5] || ix.id_format.replace('{meeting}', ix.meetings[doc[0]][0]).replace('{kind}', ix.kinds[doc[1]][1]).replace('{party}', ix.parties[doc[2]][0]);
  };

  Index.prototype.url = function (rec) {
    var ix = this.ix, type = this.type(rec), r = rec - this.base[type];
    switch (type) {
      case MEETING: return ix.urls.meeting.replace('{id}', ix.meetings[r][0]);
      case PARTY: return ix.urls.country.replace('{id}', ix.parties[r][0]);
      case DOC: return ix.urls.document.replace('{id}', this.docID(r));
      case PARA: return ix.urls.document.replace('{id}', this.docID(ix.paras[r][0])) + '#para-' + ix.paras[r][1];
    }
  };

  /* stateIn finds a state's name among the query's words: the states it
     names (one, or every state but public for "not public") and the words
     without the name, or states null. Of names that overlap, the longest
     counts: "made public" is one name of "public", not "public" and a
     word "made"; 已公开 is not 公开 after 已; "not public" is not
     "public" after "not". A word that is no state's name though it
     reads as one once its accents are left out, typed as it is (French
     «programme», a programme, beside «programmé»: not_state_words), names
     no state; nor does one of a party's name typed in it (Arabic «سري
     لانكا», Sri Lanka, begins with a word for "secret"). */
  Index.prototype.stateIn = function (all, query) {
    var entries = this.stateNames || [], best = { states: null, rest: all }, len = 0;
    var named = this.namedSpans(all);
    var not = {}, notState = this.notStateWords || [];
    (query.toLowerCase().normalize('NFC').match(RAW_WORD) || []).forEach(function (r) {
      if (notState.indexOf(r) >= 0) words(r).forEach(function (w) { not[term(w)] = true; });
    });
    for (var e = 0; e < entries.length; e++) {
      for (var v = 0; v < entries[e].names.length; v++) {
        var name = entries[e].names[v];
        if (!name.length || name.length <= len) continue;
        for (var i = 0; i + name.length <= all.length; i++) {
          var k = 0;
          while (k < name.length && all[i + k] === name[k] && !has(not, name[k]) && !named[i + k]) k++;
          if (k === name.length) {
            best = { states: entries[e].states, rest: all.slice(0, i).concat(all.slice(i + name.length)) };
            len = name.length;
            break;
          }
        }
      }
    }
    return best;
  };

  /* namedSpans marks the query's terms (all) that belong to a party's
     name of two words or more, typed whole, as the index shows it or
     among its other names. */
  Index.prototype.namedSpans = function (all) {
    var marks = [], ix = this.ix;
    if (!this.partyNames) {
      var names = [];
      ix.parties.forEach(function (p) {
        [p[1]].concat(p[2] || []).forEach(function (n) {
          var ts = words(n).map(term);
          if (ts.length > 1) names.push(ts);
        });
      });
      this.partyNames = names;
    }
    this.partyNames.forEach(function (ts) {
      for (var i = 0; i + ts.length <= all.length; i++) {
        var k = 0;
        while (k < ts.length && all[i + k] === ts[k]) k++;
        if (k === ts.length) for (k = 0; k < ts.length; k++) marks[i + k] = true;
      }
    });
    return marks;
  };

  /* search finds every record that matches all query words: their record
     numbers, best first. A state's name in the query keeps the documents
     in the states it names; alone, it lists them. */
  Index.prototype.search = function (query) {
    var found = this.stateIn(words(query).map(term), query);
    var res = this.match(query, found.rest), states = found.states;
    if (!res.recs.length) res = this.bridged(query, found.rest) || res;
    if (!states) return res;
    var f3 = this.facet[3], bd = this.base[DOC], out = [], i;
    if (!found.rest.length) {
      for (i = 0; i < this.byRank.length; i++) {
        var r = this.byRank[i];
        if (r >= bd && r < this.base[PARA] && states.indexOf(f3[r - bd]) >= 0) out.push(r);
      }
    } else {
      for (i = 0; i < res.recs.length; i++) if (res.recs[i] >= bd && states.indexOf(f3[res.recs[i] - bd]) >= 0) out.push(res.recs[i]);
    }
    return { words: res.words, recs: Int32Array.from(out), states: states };
  };

  /* bridged is what a query in a script written without spaces finds
     when its pairs of letters find nothing together: the pair that joins
     two words the texts write apart is left out, the first whose leaving
     out finds something (第八次审议会议 is 第八次 and 审议会议, as
     «第八次和第九次联合审议会议» writes them; its pair 次审 is another
     meeting's). Null when that finds nothing either, or the query has
     fewer than three pairs. */
  Index.prototype.bridged = function (query, qws) {
    if (!PAIR) return null;
    var pairs = [];
    qws.forEach(function (w, i) { if (PAIR.test(w)) pairs.push(i); });
    if (pairs.length < 3) return null;
    for (var p = 0; p < pairs.length; p++) {
      var res = this.match(query, qws.filter(function (w, i) { return i !== pairs[p]; }));
      if (res.recs.length) return res;
    }
    return null;
  };

  /* match finds every record that matches all words qws (terms of the
     query): their record numbers, best first. */
  Index.prototype.match = function (query, qws) {
    var qw = [], seen = {};
    qws.forEach(function (w) { if (!seen[w] && qw.length < 8) { seen[w] = 1; qw.push(w); } });
    // A pair of letters of a script written without spaces that begins no
    // term of the index spans two words ("国国" of "德国国家报告"): left
    // out, so that words typed together find what they find apart; unless
    // every word is such a pair (nothing is found then).
    if (PAIR) {
      var kept = qw.filter(function (w) { return !PAIR.test(w) || this.known(w); }, this);
      if (kept.length) qw = kept;
    }
    if (!qw.length) return { words: qw, recs: new Int32Array(0) };
    var per = qw.map(this.scores, this), ix = this.ix, b = this.base;
    // bonus: the factor of a meeting or party the query names; top: a
    // named meeting's score, which none of its documents passes.
    var recs = [], scores = [], masks = [], bonus = {}, top = {};
    var i, k, s, total, mask, own, rec;
    var whole = words(query).join(' ');
    // Meetings and parties.
    for (rec = 0; rec < b[KIND]; rec++) {
      total = 0; mask = 7;
      for (k = 0; k < per.length && total >= 0; k++) {
        s = per[k].score[rec];
        if (!s) total = -1; else { total += s; mask &= per[k].fields[rec]; }
      }
      if (total > 0) {
        var named = this.isName(rec, whole);
        if (named) total *= bonus[rec] = named === 2 ? EXACT_NAME : NAME_START;
        if (named && rec < b[PARTY]) top[rec] = total;
        recs.push(rec); scores.push(total); masks.push(mask);
      }
    }
    // Documents: their own fields, or their party, meeting or kind.
    var f = this.facet, fm = f[0], fp = f[1], fk = f[2], nd = ix.docs.length;
    var bp = b[PARTY], bk = b[KIND], bd = b[DOC];
    for (i = 0; i < nd; i++) {
      var pr = fp[i] < 0 ? -1 : bp + fp[i], mr = fm[i], kr = bk + fk[i];
      rec = bd + i; total = 0; mask = 7;
      for (k = 0; k < per.length; k++) {
        // A meeting's officers and place (its text field) find the
        // meeting, not its documents: only its name and other words are
        // their context.
        var sc = per[k].score, c = per[k].fields[mr] & 3 ? sc[mr] : 0;
        if (pr >= 0 && sc[pr] > c) c = sc[pr];
        if (sc[kr] > c) c = sc[kr];
        c *= CONTEXT;
        // Of a meeting the query names, the meeting's words count whole:
        // a report is of that meeting as much as its title says so.
        if (bonus[mr] && per[k].fields[mr] & 3 && sc[mr] > c) c = sc[mr];
        s = sc[rec];
        if (s) mask &= per[k].fields[rec]; else mask = 0;
        if (c > s) s = c;
        if (!s) { total = -1; break; }
        total += s;
      }
      // A party's documents share its name's rank: 俄罗斯 finds the
      // Russian Federation's report before Belarus's (白俄罗斯).
      if (total > 0 && pr >= 0 && bonus[pr]) total *= bonus[pr];
      // A meeting's own documents (a Summary Report: no party) come
      // first of those of a meeting the query names, then its parties'
      // reports (above: they take the meeting's words at full weight),
      // however their titles hold some of the query's words:
      // "séptima reunión de examen" found eight National Reports, one
      // for an English "Revision" of its title, before the 7th
      // meeting's Summary Report.
      if (total > 0 && bonus[mr] && pr < 0) total = Math.min(total * MEETING_OWN, top[mr] * 0.99);
      if (total > 0) { recs.push(rec); scores.push(total); masks.push(mask); }
    }
    // Paragraphs: at least one word of their own, the others may match the
    // report's meeting or kind.
    for (i = 0; i < ix.paras.length; i++) {
      var j = nd + i;
      rec = b[PARA] + i; total = 0; own = false; mask = 7;
      for (k = 0; k < per.length; k++) {
        var ps = per[k].score;
        s = ps[rec];
        if (s) { own = true; mask &= per[k].fields[rec]; } else { mask = 0; s = PARA_CONTEXT * Math.max(per[k].fields[fm[j]] & 3 ? ps[fm[j]] : 0, ps[bk + fk[j]]); }
        if (!s) { total = -1; break; }
        total += s;
      }
      if (total > 0 && own) { recs.push(rec); scores.push(total); masks.push(mask); }
    }
    // Words close together in one field rank higher.
    if (qw.length > 1) {
      for (i = 0; i < recs.length; i++) if (masks[i]) scores[i] *= this.proximity(recs[i], masks[i], qw);
    }
    // Best score first, then the records' order: sorted as numbers, which
    // is much faster than with a comparison function.
    var n = this.size, keys = new Float64Array(recs.length), out = new Int32Array(recs.length);
    for (i = 0; i < recs.length; i++) keys[i] = Math.round((1e4 - scores[i]) * 1e3) * n + this.rank[recs[i]];
    keys.sort();
    for (i = 0; i < keys.length; i++) out[i] = this.byRank[keys[i] % n];
    return { words: qw, recs: out };
  };

  /* isName: 2 when the query's words (whole) are all the words of one of
     the record's names, 1 when they are its first words ("俄罗斯" of
     "俄罗斯联邦", which "白俄罗斯" only holds), else 0. */
  Index.prototype.isName = function (rec, whole) {
    var type = this.type(rec), ix = this.ix, names;
    if (type === PARTY) names = [this.text(rec, 0)].concat(ix.parties[rec - this.base[PARTY]][2]);
    // A meeting's titles, each alone: the catalog's, the language's, and
    // both with their numbers in words (meeting_spoken).
    else if (type === MEETING) names = [ix.meetings[rec][1], ((ix.meeting_names || [])[rec] || [''])[0]].concat((ix.meeting_spoken || [])[rec] || []);
    else names = [this.text(rec, 0)];
    var found = 0;
    for (var i = 0; i < names.length && whole; i++) {
      var ws = words(names[i]).join(' ');
      if (ws === whole) return 2;
      if (ws.lastIndexOf(whole + ' ', 0) === 0) found = 1;
    }
    return found;
  };

  /* ---- showing results ---- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* matches: a word of the text (a run of letters as written) is found by
     a query word, as the index finds it. */
  function matches(word, qw) {
    var ws = words(word);
    for (var j = 0; j < ws.length; j++) {
      var f = termOf(ws[j]);
      for (var i = 0; i < qw.length; i++) if (begins(f, bare(qw[i]))) return true;
    }
    return false;
  }

  /* hits are the parts of a word of the text that the query finds, as
     [start, end] offsets: the whole word, or in a run of a paired script
     (which holds many words) each stretch of letters that a query's letter
     or pair of letters is. */
  function hits(word, qw) {
    if (!PAIRED || !PAIRED.test(word)) return matches(word, qw) ? [[0, word.length]] : [];
    var out = [], at = 0, parts = word.split(PAIRED);
    for (var j = 0; j < parts.length; at += parts[j].length, j++) {
      if (!parts[j]) continue;
      if (j % 2 === 0) {
        if (matches(parts[j], qw)) out.push([at, at + parts[j].length]);
        continue;
      }
      var cs = Array.from(parts[j]), fc = cs.map(fold), on = new Uint8Array(cs.length), k, i;
      for (i = 0; i < qw.length; i++) {
        var q = Array.from(qw[i]);
        if (q.length > 2) continue;
        for (k = 0; k + q.length <= cs.length; k++) {
          if (fc[k] === q[0] && (q.length === 1 || fc[k + 1] === q[1])) { on[k] = 1; on[k + q.length - 1] = 1; }
        }
      }
      for (k = 0, i = at; k < cs.length; i += cs[k].length, k++) {
        if (!on[k]) continue;
        if (out.length && out[out.length - 1][1] === i) out[out.length - 1][1] += cs[k].length;
        else out.push([i, i + cs[k].length]);
      }
    }
    return out;
  }

  /* marked appends text to parent with the query's words in <mark>; in
     another language than the page's (lang), inside an element that says so. */
  function marked(parent, text, qw, lang) {
    if (lang) {
      var span = el('span');
      span.lang = lang;
      parent.appendChild(span);
      parent = span;
    }
    var last = 0, m;
    RAW_WORD.lastIndex = 0;
    while ((m = RAW_WORD.exec(text))) {
      var hs = hits(m[0], qw);
      for (var i = 0; i < hs.length; i++) {
        var from = m.index + hs[i][0], to = m.index + hs[i][1];
        if (from > last) parent.appendChild(document.createTextNode(text.slice(last, from)));
        parent.appendChild(el('mark', null, text.slice(from, to)));
        last = to;
      }
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  /* excerpt is about `size` words of text around its densest run of query words. */
  function excerpt(text, qw, size) {
    var toks = [], m;
    RAW_WORD.lastIndex = 0;
    while ((m = RAW_WORD.exec(text))) toks.push([m.index, m.index + m[0].length, hits(m[0], qw).length > 0]);
    if (toks.length <= size) return text;
    var best = 0, bestAt = 0, count = 0, i;
    for (i = 0; i < toks.length; i++) {
      if (toks[i][2]) count++;
      if (i >= size && toks[i - size][2]) count--;
      if (count > best) { best = count; bestAt = Math.max(0, i - size + 1); }
    }
    // Start a few words before the first match of the window.
    var first = bestAt;
    while (first < toks.length && !toks[first][2]) first++;
    var start = Math.max(0, Math.min(first - 6, toks.length - size));
    var end = Math.min(toks.length - 1, start + size - 1);
    return (start > 0 ? '… ' : '') + text.slice(toks[start][0], toks[end][1]) + (end < toks.length - 1 ? ' …' : '');
  }

  function Search(root, strings, index, mode) {
    this.root = root;
    this.s = strings;
    this.index = index;
    this.mode = mode; // 'page' or 'popup'
    // The language of the catalog's words in an index of another language
    // (titles, kinds, meetings, text, English names), to mark them with.
    this.en = index.ix.text_lang || '';
    // The patterns a document's title is made with, in the page's words.
    index.formats = { party: this.t('doc_title_party'), meeting: this.t('doc_title'), numbered: this.t('report_numbered'), lower: this.s.label_after_colon === 'lower' };
    // A report's number in the page's words where they are not digits.
    index.numbers = this.s.report_numbers || [];
    // A state's name in the page's language, or its id in words, selects
    // the state ("withheld", "not submitted"); "not public" (its name in
    // the language, state_not_public) every state but public.
    // A state also by the other words a reader types for it, where the
    // language has them (state_<state>_words: "published", «опубликован»,
    // 已公开 for public).
    var self = this, states = index.ix.states;
    var entry = function (st, ids) {
      var names = [words(self.t('state_' + st)).map(term), words(st.replace(/_/g, ' ')).map(term)];
      (self.s['state_' + st + '_words'] || '').split('|').forEach(function (w) { if (w) names.push(words(w).map(term)); });
      return { states: ids, names: names };
    };
    index.stateNames = states.map(function (st, i) { return entry(st, [i]); });
    // The states' one-word names as the strings write them, by term: a
    // misspelling of one is offered the name (suggest).
    index.stateWords = new Map();
    states.concat('not_public').forEach(function (st) {
      var key = st === 'not_public' ? 'state_not_public' : 'state_' + st;
      [self.s[key] || ''].concat((self.s[key + '_words'] || '').split('|')).forEach(function (w) {
        var ws = words(w);
        if (ws.length === 1 && !index.stateWords.has(term(ws[0]))) index.stateWords.set(term(ws[0]), w.toLowerCase());
      });
    });
    index.notStateWords = (this.s.not_state_words || '').toLowerCase().normalize('NFC').split('|').filter(Boolean);
    index.stateNames.push(entry('not_public', states.map(function (st, i) { return i; }).filter(function (i) { return states[i] !== 'public'; })));
  }

  /* between is what a string of the page's ("{state} {when}") puts
     between the state and what follows it, or fallback's. */
  Search.prototype.between = function (key, fallback) {
    var f = this.s[key] || fallback;
    return (f.split('{state}')[1] || '').split('{when}')[0];
  };

  Search.prototype.t = function (key, vars) {
    var v = this.s[key] || key;
    for (var k in vars) v = v.split('{' + k + '}').join(vars[k]);
    return v;
  };

  /* officers writes a meeting's officers as its page lists them, in the
     page's language: a role that has a code (and a string of the page's)
     and the party's name in the language; the person's name, any other
     role and a country that names no party as the catalog has them. */
  Search.prototype.officers = function (meta, list, qw) {
    if (!list.length) return;
    var self = this, en = this.en;
    if (!this.partyNames) {
      this.partyNames = {};
      this.index.ix.parties.forEach(function (p) { self.partyNames[p[0]] = p[1]; });
    }
    meta.appendChild(document.createTextNode(' · '));
    list.forEach(function (o, i) {
      if (i) meta.appendChild(document.createTextNode(self.t('officer_separator')));
      var role = o[0] && self.s['officer_' + o[0]], party = o[3] && self.partyNames[o[3]];
      // The person's title in the page's language around the name (o[5]).
      var honorific = o[5] && self.s['honorific_' + o[5]];
      var parts = {
        Role: role ? [role, ''] : [o[1], en],
        Name: [o[2], en],
        Country: party ? [party, ''] : [o[4], en]
      };
      self.t(o[4] ? 'officer_country' : 'officer').split(/\{(Role|Name|Country)\}/).forEach(function (piece, j) {
        if (j % 2 && piece === 'Name' && honorific) {
          honorific.split('{Name}').forEach(function (t, k) {
            if (k) marked(meta, o[2], qw, en);
            if (t) meta.appendChild(document.createTextNode(t));
          });
        } else if (j % 2) marked(meta, parts[piece][0], qw, parts[piece][1]);
        else if (piece) meta.appendChild(document.createTextNode(piece));
      });
    });
  };

  /* date is a day as <time>, written as the page's templates write it:
     dates holds the pattern of each month, with {d} and {y}; with the
     query's words qw, those it finds are marked. */
  Search.prototype.date = function (ymd, qw) {
    var p = ymd.split('-'), f = (this.s.dates || [])[+p[1] - 1];
    var day = +p[2] === 1 ? this.s.day_one || '1' : String(+p[2]);
    var text = f ? f.replace('{y}', p[0]).replace('{d}', day) : ymd, t = el('time');
    if (qw) marked(t, text, qw); else t.textContent = text;
    t.dateTime = ymd;
    return t;
  };

  /* heldDays writes when a meeting was held from its days (an index of
     another language: meeting_days), as its pages write them
     (meetingdates.html): two days of one month in the month's pattern,
     joined by day_range where the day goes; two of one year without the
     year (year_part), joined by held_days, the year where the pattern
     has it; else both long dates joined so; or the one day. False when
     it has none (the catalog's wording is written then). */
  Search.prototype.heldDays = function (meta, days, qw) {
    if (!days.length) return false;
    var self = this, a = days[0], b = days[1];
    meta.appendChild(document.createTextNode(' · '));
    if (!b || b === a) { meta.appendChild(this.date(a, qw)); return true; }
    var pa = (this.s.dates || [])[+a.slice(5, 7) - 1] || '', pb = (this.s.dates || [])[+b.slice(5, 7) - 1] || '';
    var year = this.t('year_part'), y = year.replace('{y}', a.slice(0, 4));
    var day = function (ymd) { return +ymd.slice(8) === 1 ? self.s.day_one || '1' : String(+ymd.slice(8)); };
    // put appends text, the query's words marked as this.date marks them.
    var put = function (parent, text) { if (qw) marked(parent, text, qw); else parent.appendChild(document.createTextNode(text)); };
    // time is a <time> of the day, with the text given.
    var time = function (ymd, text) { var t = el('time'); t.dateTime = ymd; put(t, text); return t; };
    // joined appends key's pattern with the two <time>s in its places.
    var joined = function (key, ta, tb) {
      self.t(key).split(/\{(Opening|Adjournment)\}/).forEach(function (piece, j) {
        if (j % 2) meta.appendChild(piece === 'Opening' ? ta : tb);
        else if (piece) put(meta, piece);
      });
    };
    if (a.slice(0, 4) !== b.slice(0, 4) || pa.indexOf(year) < 0 || pb.indexOf(year) < 0) {
      joined('held_days', this.date(a, qw), this.date(b, qw));
    } else if (a.slice(5, 7) === b.slice(5, 7)) {
      var parts = pa.replace(year, y).split('{d}');
      if (parts[0]) put(meta, parts[0]);
      joined('day_range', time(a, day(a)), time(b, day(b)));
      if (parts[1]) put(meta, parts[1]);
    } else {
      var first = pa.indexOf(year) === 0;
      if (first) put(meta, y);
      joined('held_days', time(a, pa.replace(year, '').replace('{d}', day(a))), time(b, pb.replace(year, '').replace('{d}', day(b))));
      if (!first) put(meta, y);
    }
    return true;
  };

  /* partyLang is the language to mark a party's name with: the catalog's
     when the index has no name of its own for it (no title name). */
  Search.prototype.partyLang = function (p) { return this.en && !p[3] ? this.en : ''; };

  /* around appends a string with one placeholder, the element made by fill
     standing in its place. */
  Search.prototype.around = function (parent, key, name, fill) {
    var parts = this.t(key).split('{' + name + '}');
    if (parts[0]) parent.appendChild(document.createTextNode(parts[0]));
    fill(parent);
    if (parts.length > 1 && parts[1]) parent.appendChild(document.createTextNode(parts.slice(1).join('{' + name + '}')));
  };

  /* title appends a document's title to parent as its page shows it
     (doctitle.html): its own, marked with its language where that is not
     the page's (English unless title_lang says otherwise), or the one made
     of its parts in the page's language (titleParts). */
  Search.prototype.title = function (parent, d, qw) {
    var ix = this.index.ix, doc = ix.docs[d];
    if (doc[6]) {
      var own = doc[10] || this.en || 'en';
      marked(parent, doc[6], qw, own === (ix.lang || 'en') ? '' : own);
      return;
    }
    this.index.titleParts(d).forEach(function (p) { marked(parent, p[0], qw, p[1]); });
  };

  /* item makes one result. */
  Search.prototype.item = function (rec, qw, n) {
    var index = this.index, ix = index.ix, type = index.type(rec), r = rec - index.base[type];
    var li = el('li', 'search-hit search-hit-' + ['meeting', 'country', 'kind', 'document', 'paragraph'][type]);
    var a = el('a', 'search-hit-link');
    a.href = this.rootURL + index.url(rec);
    a.id = this.idPrefix + n;
    var title = el('span', 'search-hit-title');
    var meta = el('p', 'search-hit-meta'), text = null;
    var en = this.en;
    if (type === PARTY) {
      var party = ix.parties[r];
      marked(title, party[1], qw, this.partyLang(party));
      meta.appendChild(el('span', 'search-hit-type', this.t('type_country')));
      if (party[2].length) {
        meta.appendChild(document.createTextNode(' · '));
        this.around(meta, 'other_names', 'names', function (m) { marked(m, party[2].join(', '), qw, en); });
      }
    } else if (type === MEETING) {
      // The title and place in the page's language where the index has
      // them (meeting_names), else the catalog's, marked as such.
      var mt = ix.meetings[r], local = (ix.meeting_names || [])[r] || ['', ''], name = index.meetingName(r);
      marked(title, name[0], qw, name[1]);
      meta.appendChild(el('span', 'search-hit-type', this.t('type_meeting')));
      for (var k = 2; k < 5; k++) {
        if (k === 4 && ix.meeting_officers) {
          this.officers(meta, ix.meeting_officers[r] || [], qw);
          continue;
        }
        if (k === 2 && this.heldDays(meta, (ix.meeting_days || [])[r] || [], qw)) continue;
        var part = k === 3 && local[1] ? local[1] : mt[k];
        if (!part) continue;
        meta.appendChild(document.createTextNode(' · '));
        marked(meta, part, qw, k === 3 && local[1] ? '' : en);
      }
    } else if (type === DOC) {
      var doc = ix.docs[r];
      // A title of its own in a language other than English (doc[10]) is
      // marked with that language, unless it is the page's.
      this.title(title, r, qw);
      // Its kind; for a title of its own, which may name neither its party
      // nor its meeting, the title its kind, party and meeting make.
      var kind = meta.appendChild(el('span', 'search-hit-type'));
      if (doc[6]) index.titleParts(r).forEach(function (p) { marked(kind, p[0], [], p[1]); });
      else {
        var kn = index.kindName(doc[1]);
        kind.textContent = kn[0];
        if (kn[1]) kind.lang = kn[1];
      }
      meta.appendChild(document.createTextNode(' · '));
      var st = ix.states[doc[3]], badge = el('span', 'state state-' + st, this.t('state_' + st));
      meta.appendChild(badge);
      // doc[12]: public from that day at the latest ("by {date} at the
      // latest"); 2: that day is the one this catalog read its party's
      // page, which the lists say too (public_by_read). doc[14]: the day
      // follows from a rule no source states for the meeting ("…, if the
      // rule applied"), as the lists say it.
      var when = st === 'withdrawn' ? doc[9] : doc[4], key = { public: doc[12] === 2 ? 'public_by_read' : doc[12] ? 'public_by_date' : doc[14] ? 'public_since_assumed' : 'public_since', scheduled: doc[14] ? 'public_on_assumed' : 'public_on', withdrawn: 'withdrawn_on' }[st];
      if (when && key) {
        // The day in the words the pages' date cells use (public_since:
        // "since {date}", "自{date}起").
        // Between the state and its day, what the language puts there
        // (state_when: "{state} {when}"; Chinese a comma, as its map does).
        var self = this, sep = this.between('state_when', '{state} {when}');
        meta.appendChild(document.createTextNode(sep));
        this.t(key).split('{date}').forEach(function (piece, j) {
          if (j) meta.appendChild(self.date(when, qw));
          if (piece) meta.appendChild(document.createTextNode(piece));
        });
      }
      // doc[13]: why a restricted document is (its cause), in the words
      // the lists write beside the state (restrictedwhy.html).
      if (st === 'restricted' && doc[13]) {
        var why = this.s['why_' + doc[13]] || this.s.why_rules;
        // Between the state and the words, what the language puts there
        // as the map says them (map_label_when: "{state}, {when}").
        if (why) meta.appendChild(document.createTextNode(this.between('why_when', '{state}, {when}') + why));
      }
      if (doc[8]) { meta.appendChild(document.createTextNode(' · ')); marked(meta, doc[8], qw, en); }
      if (doc[7]) text = marked(el('p', 'search-hit-text'), doc[7], qw, en);
    } else if (type === PARA) {
      var p = ix.paras[r];
      title.appendChild(document.createTextNode(this.t('paragraph', { n: p[1] }) + (p[2] ? ' · ' : '')));
      if (p[2]) marked(title, p[2], qw, en);
      // The report it is of: by its own title where that is in the
      // page's language, else by the title made of its kind and meeting
      // in the page's («Rapport de synthèse, 7e réunion d'examen»), as a
      // document's result says them under its own title.
      var of = meta.appendChild(el('span', 'search-hit-type')), pd = ix.docs[p[0]];
      if (pd[6] && (pd[10] || en || 'en') !== (ix.lang || 'en')) index.titleParts(p[0]).forEach(function (q) { marked(of, q[0], [], q[1]); });
      else this.title(of, p[0], []);
      text = marked(el('p', 'search-hit-text'), excerpt(p[3], qw, this.mode === 'page' ? 40 : 20), qw, en);
    }
    a.appendChild(title);
    li.appendChild(a);
    li.appendChild(meta);
    if (text) li.appendChild(text);
    return li;
  };

  /* ---- the search page and the header box ---- */

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  Search.prototype.init = function (els) {
    var self = this;
    this.els = els;
    this.rootURL = this.root.getAttribute('data-search-root') || '/';
    this.idPrefix = this.mode === 'page' ? 'search-hit-' : 'search-pop-';
    this.shown = PAGE;
    this.selected = {};
    var input = els.input;
    input.addEventListener('input', function () {
      self.shown = PAGE;
      self.run();
      self.rememberSoon();
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { if (self.move(0)) e.preventDefault(); }
      else if (e.key === 'Escape' && self.mode === 'popup') self.close();
    });
    els.list.addEventListener('keydown', function (e) { self.listKey(e); });
    // Before the reader leaves for a result, the address holds the query.
    els.list.addEventListener('focusin', function () { self.rememberNow(); });
    els.list.addEventListener('mousedown', function () { self.rememberNow(); });
    window.addEventListener('pagehide', function () { self.rememberNow(); });
    if (this.mode === 'page') {
      els.form.addEventListener('submit', function (e) { e.preventDefault(); self.remember(true); });
      els.facets.addEventListener('change', function (e) {
        var name = e.target.name;
        if (FACETS.indexOf(name) < 0) return;
        self.selected[name] = e.target.value;
        self.shown = PAGE;
        self.run();
        self.remember(true);
      });
      els.more.addEventListener('click', function () {
        var from = self.shown;
        self.shown += PAGE;
        self.run(true);
        var next = document.getElementById(self.idPrefix + from);
        if (next) next.focus();
      });
      window.addEventListener('popstate', function () { self.fromURL(); self.run(); });
      this.fromURL();
    } else {
      input.addEventListener('focus', function () { if (input.value.trim()) self.run(); });
      this.root.addEventListener('focusout', function () {
        setTimeout(function () { if (!self.root.contains(document.activeElement)) self.close(); }, 0);
      });
    }
    // A query in the page's address: its results and facets in one frame,
    // so that the facets do not push the results down once drawn (a
    // layout shift of 0.15 on a phone, which Lighthouse measured).
    this.run(this.mode === 'page');
  };

  /* fromURL reads the query and facets from the address. */
  Search.prototype.fromURL = function () {
    var p = new URLSearchParams(location.search);
    this.els.input.value = p.get('q') || '';
    for (var i = 0; i < FACETS.length; i++) this.selected[FACETS[i]] = p.get(FACETS[i]) || '';
    languageLinks(location.search);
    this.pageTitle(this.els.input.value.trim());
  };

  /* pageTitle names the query in the window's title ("“albania” · Search ·
     site"), as a tab, a bookmark and the history list show it. */
  Search.prototype.pageTitle = function (q) {
    if (this.baseTitle === undefined) this.baseTitle = document.title;
    document.title = q ? this.t('title_for', { q: q }) + ' · ' + this.baseTitle : this.baseTitle;
  };

  /* languageLinks has the language switcher lead to the same search, its
     query and facets, in each other language (facets are ids, the same in
     every language; each language's index finds English names too). */
  function languageLinks(search) {
    var links = document.querySelectorAll('a[hreflang]');
    for (var i = 0; i < links.length; i++) {
      var u = new URL(links[i].getAttribute('href'), location.href);
      u.search = search;
      links[i].setAttribute('href', u.pathname + u.search);
    }
  }

  /* rememberSoon puts the query in the address once typing pauses: changing
     the address takes Chromium longer than a frame, too long for every key. */
  Search.prototype.rememberSoon = function () {
    var self = this;
    clearTimeout(this.rememberTimer);
    this.rememberTimer = setTimeout(function () { self.remember(false); }, 400);
  };

  Search.prototype.rememberNow = function () {
    if (this.rememberTimer) this.remember(false);
  };

  /* remember puts the query and facets in the address: a new history entry
     for a facet or Enter, the same entry while typing. */
  Search.prototype.remember = function (push) {
    clearTimeout(this.rememberTimer);
    this.rememberTimer = null;
    if (this.mode !== 'page') return;
    var p = new URLSearchParams(), q = this.els.input.value.trim();
    if (q) p.set('q', q);
    for (var i = 0; i < FACETS.length; i++) if (this.selected[FACETS[i]]) p.set(FACETS[i], this.selected[FACETS[i]]);
    var s = p.toString(), url = location.pathname + (s ? '?' + s : '');
    languageLinks(s ? '?' + s : '');
    this.pageTitle(q);
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  };

  /* valueIndex is the position of a facet value given in the address (-3
     for one that is not in the index: it matches nothing). */
  Search.prototype.valueIndex = function (g, id) {
    var ix = this.index.ix, list = [ix.meetings, ix.parties, ix.kinds, ix.states][g];
    if (g === 1 && id === '-') return -1;
    for (var i = 0; i < list.length; i++) if ((g === 3 ? list[i] : list[i][0]) === id) return i;
    return -3;
  };

  /* facet value (as in the address) of a record. */
  Search.prototype.value = function (g, v) {
    var ix = this.index.ix;
    switch (g) {
      case 0: return ix.meetings[v][0];
      case 1: return v < 0 ? '-' : ix.parties[v][0];
      case 2: return ix.kinds[v][0];
      case 3: return ix.states[v];
    }
  };

  Search.prototype.run = function (sync) {
    // data-query names the query whose results are all shown (for tests).
    this.els.list.removeAttribute('data-query');
    var els = this.els, q = els.input.value, res = this.index.search(q), qw = res.words, active = qw.length > 0 || !!res.states;
    var page = this.mode === 'page', hits = res.recs, shown = [], i, g, index = this.index, f = index.facet, bd = index.base[DOC];
    var sel = FACETS.map(function (f) { return this.selected[f] || ''; }, this);
    var anyFacet = page && sel.join('') !== '';
    var want = [-2, -2, -2, -2];
    if (anyFacet) for (g = 0; g < 4; g++) if (sel[g]) want[g] = this.valueIndex(g, sel[g]);
    var counts = [[], {}, [], []], docs = 0, v = [0, 0, 0, 0];
    for (i = 0; i < hits.length; i++) {
      var rec = hits[i];
      if (rec < bd) {
        if (!anyFacet) shown.push(rec);
        continue;
      }
      if (!page) { shown.push(rec); continue; }
      var fails = -1, nfail = 0, d = rec - bd;
      for (g = 0; g < 4; g++) {
        v[g] = f[g][d];
        if (want[g] !== -2 && v[g] !== want[g]) { fails = g; nfail++; }
      }
      // A facet's counts are of the results the other facets let through.
      if (nfail === 0) for (g = 0; g < 4; g++) counts[g][v[g]] = (counts[g][v[g]] || 0) + 1;
      else if (nfail === 1) counts[fails][v[fails]] = (counts[fails][v[fails]] || 0) + 1;
      if (nfail === 0) { shown.push(rec); docs++; }
    }
    this.results = shown;
    // The first screenful of results now, in the frame the key was typed
    // in; the rest of the list and the facets' counts when the browser is
    // idle (at once for "Show more").
    var limit = page ? this.shown : POPUP, first = sync ? limit : Math.min(limit, FIRST);
    var frag = document.createDocumentFragment(), self = this;
    for (i = 0; i < shown.length && i < first; i++) frag.appendChild(this.item(shown[i], qw, i));
    els.list.textContent = '';
    els.list.appendChild(frag);
    els.list.setAttribute('data-count', shown.length);
    els.list.setAttribute('data-documents', docs);
    // The states a state's name in the query selected (for tests).
    els.list.setAttribute('data-states', res.states ? res.states.map(function (i) { return index.ix.states[i]; }).join(' ') : '');
    if (page) {
      els.more.hidden = shown.length <= limit;
      if (els.browse) els.browse.hidden = active;
      // Cleared: the browse lists the page kept back for a query come back.
      if (!active) document.documentElement.classList.remove('search-query');
    } else {
      els.all.href = els.form.action + (q.trim() ? '?q=' + encodeURIComponent(q.trim()) : '');
      els.all.textContent = this.t('all_results', { q: q.trim() });
      this.root.classList.toggle('search-open', active);
      els.popup.hidden = !active;
    }
    // A state's name alone that finds no document says that no document
    // is in the state on the index's day, not only "no results".
    var none = this.t('results_none', { q: q.trim() });
    if (res.states && !qw.length && this.s.state_none) {
      var st = res.states.length === 1 ? this.t('state_' + index.ix.states[res.states[0]]) : this.t('state_not_public');
      none = this.t('state_none', { state: st, date: this.date(index.ix.as_of).textContent });
    }
    this.status(active ? (shown.length === 0 ? none : this.t(shown.length === 1 ? 'results_one' : 'results_other', { n: shown.length, q: q.trim() })) : '');
    cancelIdle(this.idle);
    this.idle = null;
    var rest = function () {
      self.idle = null;
      var frag = document.createDocumentFragment();
      for (var j = first; j < shown.length && j < limit; j++) frag.appendChild(self.item(shown[j], qw, j));
      els.list.appendChild(frag);
      if (page) {
        els.facets.hidden = !active;
        if (active) self.facets(counts, sel);
        if (els.suggest) {
          // A state's name alone that finds nothing is no misspelling.
          var better = active && shown.length === 0 && !(res.states && !qw.length) ? self.suggest(q) : '';
          els.suggest.hidden = !better;
          els.suggest.textContent = '';
          if (better) {
            var a = el('a', null, better);
            a.href = '?q=' + encodeURIComponent(better);
            self.around(els.suggest, 'did_you_mean', 'q', function (p) { p.appendChild(a); });
          }
        }
      }
      els.list.setAttribute('data-query', q);
    };
    if (sync || !page) rest(); else this.idle = whenIdle(rest);
  };

  /* status says the count in the live region, once typing pauses. */
  Search.prototype.status = function (msg) {
    var live = this.els.status, self = this;
    if (this.els.count) this.els.count.textContent = msg;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(function () {
      if (live.textContent !== msg) live.textContent = msg;
      self.root.setAttribute('data-search-ready', 'true');
    }, msg ? 300 : 0);
  };

  Search.prototype.facets = function (counts, sel) {
    var ix = this.index.ix, els = this.els, self = this, en = this.en;
    // [value, label, language of the label when not the page's]
    var values = [
      ix.meetings.map(function (m, i) { var n = self.index.meetingName(i); return [i, n[0], n[1]]; }),
      [[-1, this.t('facet_no_country')]].concat(ix.parties.map(function (p, i) { return [i, p[1], self.partyLang(p)]; })),
      ix.kinds.map(function (k, i) { var n = self.index.kindName(i); return [i, n[0], n[1]]; }),
      ix.states.map(function (s, i) { return [i, self.t('state_' + s)]; })
    ];
    for (var g = 0; g < 4; g++) {
      var c = counts[g], all = 0, html = '', i;
      for (i = 0; i < values[g].length; i++) all += c[values[g][i][0]] || 0;
      // "All" agrees with the menu's noun where the language says so
      // (French «Toutes» for «Réunion d'examen»): facet_all_<menu>.
      var allKey = this.s['facet_all_' + FACETS[g]] ? 'facet_all_' + FACETS[g] : 'facet_all';
      html += '<option value="" data-count="' + all + '">' + esc(this.t(allKey, { n: all })) + '</option>';
      var options = 0;
      for (i = 0; i < values[g].length; i++) {
        var val = values[g][i], n = c[val[0]] || 0, id = this.value(g, val[0]);
        if (!n && id !== sel[g]) continue;
        if (n) options++;
        html += '<option value="' + esc(id) + '" data-count="' + n + '"' + (val[2] ? ' lang="' + esc(val[2]) + '"' : '') + (id === sel[g] ? ' selected' : '') + '>' + esc(this.t('facet_value', { value: val[1], n: n })) + '</option>';
      }
      els.selects[g].innerHTML = html;
      // A menu that cannot narrow the results (one value or none, and no
      // choice made in it) is not shown.
      els.selects[g].parentNode.hidden = options < 2 && !sel[g];
    }
  };

  /* spelled is a word of the index's own texts whose term is t, as the
     texts write it (in lower case), or t when none is: a term may be a stem
     ("албан", "regul") that no reader writes. Names come first (a party's
     name in the language is the form a reader expects), then other names,
     then texts, then the names a party is only searched by; the first
     word found wins. Made once, when first asked. */
  Index.prototype.spelled = function (t) {
    if (!this.surface) {
      var surface = this.surface = new Map();
      for (var f = 0; f < 3; f++) {
        for (var rec = 0; rec < this.size; rec++) {
          // A paragraph has no other names: its text is read once, as f 2.
          if (f === 1 && this.type(rec) === PARA) continue;
          // Each word as the text writes it, by its terms: "décima",
          // "الأمريكية", not their folded forms. Its case: a text's (a
          // paragraph's, a summary's) where one writes it in lower case;
          // else a name's (a party's names, a meeting's officers: "Brazil",
          // «Бразилия», "Jammal"); else a text's capital; else, from a
          // title, which capitalises words that are no names ("Rapport
          // national"), in lower case.
          var type = this.type(rec), named = type === PARTY || (type === MEETING && f === 2);
          var prose = f === 2 && (type === PARA || type === DOC);
          var raw = this.text(rec, f).match(RAW_WORD) || [];
          for (var i = 0; i < raw.length; i++) {
            var ws = words(raw[i]);
            if (ws.length !== 1) continue;
            var x = termOf(ws[0]), shown = named || prose ? raw[i] : raw[i].toLowerCase();
            var weight = prose ? (shown.toLowerCase() === shown ? 3 : 1) : named ? 2 : 0;
            (typeof x === 'string' ? [x] : x).forEach(function (y) {
              var had = surface.get(y);
              if (had === undefined || weight > had[1]) surface.set(y, [shown, weight]);
            });
          }
        }
      }
      // Last, the names a party is found by that no page shows (a
      // party's fifth field: «Россия» where the site writes «Российская
      // Федерация»), for a word no text writes.
      this.ix.parties.forEach(function (p) {
        (p[4] || []).forEach(function (name) {
          (name.match(RAW_WORD) || []).forEach(function (r) {
            var ws = words(r);
            if (ws.length !== 1) return;
            var x = termOf(ws[0]);
            (typeof x === 'string' ? [x] : x).forEach(function (y) {
              if (!surface.has(y)) surface.set(y, [r, -1]);
            });
          });
        });
      });
    }
    var got = this.surface.get(t);
    return got ? got[0] : t;
  };

  /* suggest offers, when a query finds nothing, the same query with each
     word that matches no term replaced by the closest term of the index
     (at most two letters added, removed or changed; two in a short word
     only where they were left out), written as the index's texts write
     it (spelled), the others as typed; else the query without the word
     that keeps it from finding anything; or nothing. */
  Search.prototype.suggest = function (query) {
    var index = this.index, changed = false;
    index.spelled('');
    // Each word in its place, what lies between them kept ("États-Unis").
    var out = query.replace(RAW_WORD, function (r) {
      // A word as typed; a run of a paired script is many words: kept.
      var ws = words(r), w = ws[0];
      if (ws.length !== 1 || (PAIRED && PAIRED.test(w))) return r;
      var t = term(w), terms = index.terms, states = index.stateWords || new Map();
      if (index.known(t) || index.known(bare(t)) || states.has(t)) return r;
      if (w.length < 4) return r;
      // The closest term that some text or name writes out (a name the
      // index only searches is written for this alone, spelled).
      // Of two as close, the one the word's letters are all in, in order
      // (letters left out in typing: "rapor", "rapport", not "rapid"),
      // then the one that shares more of its first letters ("japon").
      var rank = function (c) {
        var n = 0, j = 0;
        while (n < c.length && c[n] === t[n]) n++;
        for (var k = 0; k < c.length && j < t.length; k++) if (c[k] === t[j]) j++;
        return (j === t.length ? 100 : 0) + n;
      };
      var best = null, bestD = 3, bestR = 0;
      // The index's terms, then the states' one-word names ("witheld":
      // "withheld"), which select a state and are no term of the index.
      var candidates = terms.concat(Array.from(states.keys()));
      for (var i = 0; i < candidates.length; i++) {
        var c = candidates[i];
        if (Math.abs(c.length - t.length) > bestD || !(index.surface.has(c) || states.has(c))) continue;
        var d = distance(t, c, bestD + 1);
        // Two letters changed in a short word, or in a word's first
        // letter, make another word ("катар", "кита"; «правилам»,
        // «бразилия»): two apart only for a word typed with seven letters
        // or more and its first letter right («Албниия», «Албания»), or
        // with every letter typed, in order ("rapor", "rapport").
        if (d === 2 && !(Array.from(w).length >= 7 && c[0] === t[0]) && rank(c) < 100) continue;
        if (d < bestD || (d === bestD && d < 3 && rank(c) > bestR)) { best = c; bestD = d; bestR = rank(c); }
      }
      if (best === null) return r;
      changed = true;
      // With a capital where the reader typed one ("Tchéquie") or the
      // texts write one ("Albanie").
      var shown = states.has(best) && !index.surface.has(best) ? states.get(best) : index.spelled(best), first = Array.from(r)[0];
      return first !== first.toLowerCase() ? shown.charAt(0).toUpperCase() + shown.slice(1) : shown;
    });
    if (changed) return out.trim();
    // Words that each find something may find nothing together («تقرير
    // مصر»: a party with no report): the query without one of its words,
    // of those that find something the one that finds fewest (the most
    // particular: the party, not every report).
    var raw = query.match(RAW_WORD) || [], best = '', fewest = Infinity;
    for (var i = 0; raw.length > 1 && i < raw.length; i++) {
      var fewer = raw.slice(0, i).concat(raw.slice(i + 1)).join(' ');
      var n = index.search(fewer).recs.length;
      if (n > 0 && n < fewest) { best = fewer; fewest = n; }
    }
    return best;
  };


  /* distance: the edit distance of a and b, or max when it is max or more. */
  function distance(a, b, max) {
    // Optimal string alignment: two letters swapped count one change
    // ("finalnd", "finland"), as typing swaps them.
    var prev2 = null, prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < low) low = v;
      }
      if (low >= max) return max;
      prev2 = prev;
      prev = cur;
    }
    return Math.min(prev[b.length], max);
  }

  /* Keyboard: Down from the box to the first result, Up and Down through
     them, Up from the first back to the box, Escape back to the box, Enter
     opens (a link's own behaviour); typing goes back to the box. */
  Search.prototype.links = function () { return this.els.list.querySelectorAll('a.search-hit-link'); };

  Search.prototype.move = function (i) {
    var links = this.links();
    if (!links.length) return false;
    links[Math.max(0, Math.min(i, links.length - 1))].focus();
    return true;
  };

  Search.prototype.listKey = function (e) {
    var links = Array.prototype.indexOf.call(this.links(), document.activeElement);
    if (links < 0) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); this.move(links + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); if (links === 0) this.els.input.focus(); else this.move(links - 1); }
    else if (e.key === 'Escape') { e.preventDefault(); this.els.input.focus(); if (this.mode === 'popup') this.close(); }
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) this.els.input.focus();
  };

  Search.prototype.close = function () {
    if (this.els.popup) { this.els.popup.hidden = true; this.root.classList.remove('search-open'); }
  };

  /* ---- start ---- */

  function loadIndex(url) {
    return fetch(url, { cache: 'no-cache', credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('search index: HTTP ' + r.status);
      return r.json();
    }).then(function (ix) {
      if (ix.version !== 2) throw new Error('search index: version ' + ix.version);
      return new Index(ix);
    });
  }

  function strings(root) {
    try { return JSON.parse(root.getAttribute('data-search-strings') || '{}'); } catch (e) { return {}; }
  }

  function startPage(root) {
    var els = {
      form: root.querySelector('form'),
      input: root.querySelector('input[name=q]'),
      list: root.querySelector('.search-results'),
      status: root.querySelector('.search-status'),
      count: null,
      facets: root.querySelector('.search-facets'),
      suggest: root.querySelector('.search-suggest'),
      selects: FACETS.map(function (f) { return root.querySelector('select[name=' + f + ']'); }),
      more: root.querySelector('.search-more'),
      browse: document.querySelector('.search-browse')
    };
    var s = strings(root);
    els.status.textContent = s.loading || '';
    root.setAttribute('data-search-ready', 'loading');
    return loadIndex(root.getAttribute('data-search-index')).then(function (index) {
      var search = new Search(root, s, index, 'page');
      search.init(els);
      return search;
    }, function (err) {
      // The error says the pages below lead to every document: shown.
      document.documentElement.classList.remove('search-query');
      els.status.textContent = s.error || String(err);
      root.setAttribute('data-search-ready', 'error');
      throw err;
    });
  }

  function startBox(form) {
    var css = form.getAttribute('data-search-css');
    if (css && !document.querySelector('link[data-search-css]')) {
      var link = el('link');
      link.rel = 'stylesheet';
      link.href = css;
      link.setAttribute('data-search-css', '');
      document.head.appendChild(link);
    }
    var input = form.querySelector('input[name=q]'), s = strings(form);
    var popup = el('div', 'search-popup');
    popup.hidden = true;
    var status = el('p', 'search-status visually-hidden');
    status.setAttribute('role', 'status');
    var list = el('ol', 'search-results');
    list.id = 'search-popup-results';
    var all = el('a', 'search-all');
    popup.appendChild(list);
    popup.appendChild(all);
    form.appendChild(status);
    form.appendChild(popup);
    return loadIndex(form.getAttribute('data-search-index')).then(function (index) {
      var search = new Search(form, s, index, 'popup');
      search.init({ form: form, input: input, list: list, status: status, popup: popup, all: all });
      return search;
    });
  }

  var page = document.querySelector('[data-search-page]');
  var box = document.querySelector('form[data-search-index]');
  var started = (page ? startPage(page) : box ? startBox(box) : Promise.reject(new Error('nothing to search from')))
    .catch(function (err) {
      // The page still works: the form leads to the search page, which lists the browse pages
      // (shown again where a query had kept them back, search/page.html).
      document.documentElement.classList.remove('search-query');
      if (window.console) console.warn('search:', err);
    });
  window.cnsSearch = { fold: fold, words: words, term: term, forms: forms, indexForms: indexForms, decodeTerms: decodeTerms, ready: started };
})();
