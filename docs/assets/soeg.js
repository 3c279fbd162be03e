// The archive's search page (docs/soeg.md) on Pagefind's JavaScript API.
//
// A result is an agenda item (or a meeting's facts, a theme, a person): the index has a record per
// item (scripts/arkiv/site/search_records.py), with the item's own themes and people as filters.
// The query, the filters and the sorting live in the page's address (?q=…&tema=…&sort=nyeste), so
// a search can be shared as a link; each search a visitor commits (Enter, a filter, a suggestion)
// is a step in the history, so Back returns to the one before. Pagefind fetches only the chunks of
// its index that a query needs; the filter lists are fetched only when the filters are opened or
// the address uses them, so that typing a query stays light at any archive size.
(function () {
  "use strict";

  var form = document.getElementById("arkiv-soeg");
  if (!form) return;
  var input = document.getElementById("arkiv-q");
  var status = document.getElementById("arkiv-soeg-status");
  var list = document.getElementById("arkiv-resultater");
  var more = document.getElementById("arkiv-flere");
  var sortSelect = document.getElementById("arkiv-sort");
  var filterSelects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var fieldset = form.querySelector("fieldset");

  // The site's root, from this script's own address (…/assets/soeg.js), so the site works under
  // any path, e.g. a project page on a sub-path.
  var root = new URL("..", document.currentScript.src);
  var PAGE_SIZE = 10;
  var FEW = 2;  // below this many results (none or one), words the archive does not have get a suggestion
  // Pagefind favours short records (pageLength 0.75 by default): a theme's one-line description
  // then outranked the agenda item that discussed the word. 0.4 put the expected result first for
  // 44 of the 48 queries of bench/search_queries.yml (0.75: 40, 0.2: 43, 0: 43).
  var RANKING = { pageLength: 0.4 };
  var EXCERPT_WORDS = 36;  // a longer sentence is cut to this many words around its matches
  var ITEM_TYPE = "Punkt";  // the type of an agenda item's record (search_records.py)
  var HIGHLIGHT = "fremhaev";  // the address parameter that marks the words on the page reached (fremhaev.js)
  var NAMES = { tema: "Temaet", person: "Personen", aar: "Året", raad: "Rådet" };
  var baseTitle = document.title;
  var filterIds = null;
  var pagefind = null;
  var filtersLoaded = null;
  var latest = 0;
  var shown = [];
  var shownCount = 0;
  var vocabulary = null;
  var suggestion = document.createElement("p");
  suggestion.className = "arkiv-soeg__forslag";
  suggestion.setAttribute("aria-live", "polite");
  suggestion.hidden = true;
  status.after(suggestion);

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, excerptLength: 24, highlightParam: HIGHLIGHT, ranking: RANKING }).then(function () {
          return pf.init();
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  var collator = new Intl.Collator("da");
  var ORDER = {
    aar: function (a, b) { return Number(b) - Number(a); },
    "default": function (a, b) { return collator.compare(a, b); }
  };

  // Fill the filter lists with every value and its number of records (items, meetings, pages).
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = load().then(function (pf) { return pf.filters(); }).then(function (all) {
        filterSelects.forEach(function (select) {
          var key = select.dataset.filter;
          var values = Object.keys(all[key] || {}).sort(ORDER[key] || ORDER["default"]);
          values.forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.textContent = value + " (" + all[key][value] + ")";
            select.appendChild(option);
          });
        });
        return resolveWanted();
      });
    }
    return filtersLoaded;
  }

  function plain(text) {
    return text.toLocaleLowerCase("da").normalize("NFC").trim();
  }

  // A value from the address that is not one of the list's own (»?tema=opioider«, from a link or
  // typed by hand) is matched without regard to case, then as the id of a theme, person or council
  // (arkiv/data/soegefiltre.json, fetched only then). A value that matches nothing is said so in
  // the status line and not used: the list then shows »Alle …« and the results are all of them.
  function resolveWanted() {
    var pending = filterSelects.filter(function (select) { return select.dataset.wanted; });
    var unmatched = [];
    pending.forEach(function (select) {
      var wanted = select.dataset.wanted;
      var options = Array.prototype.slice.call(select.options, 1);
      var hit = options.find(function (o) { return o.value === wanted; }) ||
        options.find(function (o) { return plain(o.value) === plain(wanted); });
      if (hit) { select.value = hit.value; delete select.dataset.wanted; } else unmatched.push(select);
    });
    if (!unmatched.length) return Promise.resolve();
    if (!filterIds) {
      filterIds = fetch(new URL("arkiv/data/soegefiltre.json", root).href).then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () { return {}; });
    }
    return filterIds.then(function (ids) {
      unmatched.forEach(function (select) {
        var key = select.dataset.filter;
        var wanted = select.dataset.wanted;
        var title = (ids[key] || {})[plain(wanted)];
        var hit = title && Array.prototype.slice.call(select.options).find(function (o) { return o.value === title; });
        select.value = hit ? hit.value : "";
        select.dataset.unknown = hit ? "" : wanted;
        delete select.dataset.wanted;
      });
    });
  }

  function currentState() {
    var state = { q: input.value.trim(), sort: sortSelect.value, filters: {}, unknown: [] };
    filterSelects.forEach(function (select) {
      if (select.value) state.filters[select.dataset.filter] = select.value;
      if (select.dataset.unknown) state.unknown.push(NAMES[select.dataset.filter] + " »" + select.dataset.unknown + "«");
    });
    return state;
  }

  // Reads the search from the address; true when it names filters (their lists must be loaded
  // before the search can use them).
  function stateFromAddress() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    sortSelect.value = params.get("sort") === "nyeste" || params.get("sort") === "aeldste" ? params.get("sort") : "";
    var any = false;
    filterSelects.forEach(function (select) {
      var value = params.get(select.dataset.filter) || "";
      delete select.dataset.unknown;
      // Until the lists are loaded the option does not exist: what is wanted is remembered.
      select.dataset.wanted = value;
      if (!value) delete select.dataset.wanted;
      var present = Array.prototype.slice.call(select.options).some(function (o) { return o.value === value; });
      select.value = present ? value : "";
      if (value && !present) any = true;
    });
    return any;
  }

  // `commit`: a new step in the history (Enter, a filter, a suggestion); typing replaces the step.
  function writeAddress(state, commit) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    Object.keys(state.filters).forEach(function (key) { params.set(key, state.filters[key]); });
    if (state.sort) params.set("sort", state.sort);
    var query = params.toString();
    var address = location.pathname + (query ? "?" + query : "");
    if (address === location.pathname + location.search) return;
    if (commit) history.pushState(null, "", address);
    else history.replaceState(null, "", address);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The word itself, without the punctuation around it: »(Crime« and »Service).« are marked as
  // »Crime« and »Service«.
  function marked(parent, word) {
    var parts = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word);
    if (!parts || !parts[2]) { parent.append(word); return; }
    if (parts[1]) parent.append(parts[1]);
    parent.appendChild(element("mark", null, parts[2]));
    if (parts[3]) parent.append(parts[3]);
  }

  // Words as text, the matched ones marked (made with textContent: nothing of the record's text
  // is read as HTML).
  function words(parent, list, from, to, hits) {
    for (var i = from; i < to; i++) {
      if (i > from) parent.append(" ");
      if (hits[i]) marked(parent, list[i]); else parent.append(list[i]);
    }
  }

  // The record's text as Pagefind counts its words (split at white space; `locations` are the
  // positions of the matched words). A record begins with its heading, which the result shows as
  // its title. A sentence ends at ».«, »!« or »?« before a word with a capital, so that »bl.a.«
  // and »d. 10. februar« do not end one.
  function sentences(list, first) {
    var found = [], start = first;
    for (var i = first; i < list.length; i++) {
      var next = list[i + 1];
      if (i === list.length - 1 || (/[.!?][”"»«)]*$/.test(list[i]) && /^[(”"»«]*[\p{Lu}]/u.test(next))) {
        found.push([start, i + 1]);
        start = i + 1;
      }
    }
    return found;
  }

  function headingLength(list, title) {
    var heading = (title || "").split(/\s+/).filter(Boolean);
    if (!heading.length || heading.length > list.length) return 0;
    for (var i = 0; i < heading.length; i++) {
      var a = list[i].replace(/[.]$/, ""), b = heading[i].replace(/[.]$/, "");
      if (a !== b) return 0;
    }
    return heading.length;
  }

  // The excerpt: the sentence holding the most of the query's different words (then the most
  // matches), cut to EXCERPT_WORDS around its matches; without a match in the text, its first
  // sentence.
  function excerpt(data, skip) {
    var list = (data.content || "").split(/\s+/).filter(Boolean);
    var hits = {};
    (data.locations || []).forEach(function (i) { hits[i] = true; });
    var best = null;
    var all = sentences(list, skip);
    all.forEach(function (range, index) {
      var distinct = {}, count = 0;
      for (var i = range[0]; i < range[1]; i++) {
        if (hits[i]) { count++; distinct[plain(list[i]).replace(/[^\p{L}\p{N}]/gu, "")] = true; }
      }
      var score = [Object.keys(distinct).length, count];
      if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) {
        best = { range: range.slice(), score: score, index: index };
      }
    });
    var node = element("p", "arkiv-resultat__uddrag");
    if (!best) return node;
    var from = best.range[0], to = best.range[1];
    // A short »sentence« (a list's heading: »Afbud.«) runs on into the sentences after it.
    for (var next = best.index + 1; to - from < 8 && next < all.length; next++) to = all[next][1];
    best.range[1] = to;
    if (to - from > EXCERPT_WORDS) {
      var firstHit = from;
      while (firstHit < to && !hits[firstHit]) firstHit++;
      if (firstHit === to) firstHit = from;
      from = Math.max(from, Math.min(firstHit - 8, to - EXCERPT_WORDS));
      to = Math.min(to, from + EXCERPT_WORDS);
    }
    if (from > best.range[0]) node.append("… ");
    words(node, list, from, to, hits);
    if (to < best.range[1]) node.append(" …");
    return node;
  }

  // A result's address, with the words to mark on the page reached (none without a query).
  function address(url) {
    var parsed = new URL(url, location.href);
    var words = parsed.searchParams.getAll(HIGHLIGHT).filter(Boolean);
    parsed.searchParams.delete(HIGHLIGHT);
    words.forEach(function (word) { parsed.searchParams.append(HIGHLIGHT, word); });
    return parsed.pathname + parsed.search + parsed.hash;
  }

  function renderResult(data) {
    var item = element("li", "arkiv-resultat");
    var meta = data.meta || {};
    var filters = data.filters || {};
    var type = filters.type ? filters.type[0] : "";
    var council = filters.raad ? filters.raad[0] : "";
    var facts = element("p", "arkiv-resultat__type");
    var list = (data.content || "").split(/\s+/).filter(Boolean);
    var hits = {};
    (data.locations || []).forEach(function (i) { hits[i] = true; });
    var heading = headingLength(list, meta.title);
    if (type === ITEM_TYPE) {
      // An agenda item: its council and meeting (a link to the whole meeting), then its heading.
      var meeting = element("a", null, meta.moede || "mødet");
      meeting.href = address(data.url).replace(/#.*$/, "");
      facts.append(["Punkt", council].filter(Boolean).join(" · ") + " · ", meeting);
    } else {
      facts.textContent = [type, council, meta.dato].filter(Boolean).join(" · ");
    }
    item.appendChild(facts);
    var title = element("h2", "arkiv-resultat__titel");
    var link = element("a");
    if (heading) {
      words(link, list, 0, heading, hits);
      // Pagefind ends a heading with ».« in the record's text; the title is shown as written.
      if (!/[.]$/.test(meta.title) && link.lastChild) {
        link.lastChild.textContent = link.lastChild.textContent.replace(/[.]$/, "");
      }
    } else link.textContent = meta.title || data.url;
    link.href = address(data.url);
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(excerpt(data, heading));
    // The council's conclusion on the item, as the minutes write it (render/meeting.py).
    if (meta.konklusion) item.appendChild(element("p", "arkiv-resultat__konklusion", "Konklusion: " + meta.konklusion));
    return item;
  }

  // The next page of results; `fresh` replaces the list. The old results stay on screen until
  // the new ones are ready, so the list never flickers empty while a visitor types.
  function showMore(fresh) {
    var ticket = latest;
    var start = fresh === true ? 0 : shownCount;
    var next = shown.slice(start, start + PAGE_SIZE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (ticket !== latest) return;
      if (fresh === true) list.replaceChildren();
      shownCount = start + next.length;
      pages.forEach(function (data) { list.appendChild(renderResult(data)); });
      more.hidden = shownCount >= shown.length;
    });
  }

  function describe(state, count) {
    var what = state.q ? "for »" + state.q + "«" : "";
    var narrowed = Object.keys(state.filters).map(function (key) { return state.filters[key]; });
    if (narrowed.length) what += (what ? " " : "") + "afgrænset til " + narrowed.join(", ");
    var n = count === 1 ? "1 resultat" : count + " resultater";
    var text = (n + " " + what).trim() + ".";
    if (state.sort || !state.q) {
      text += " Efter mødedato, " + (state.sort === "aeldste" ? "ældste" : "nyeste") + " først.";
      // Only items and meetings have a date; without a query, only they have the filters' values.
      if (state.q) text += " Temaer og personer har ingen dato og er udeladt.";
    }
    if (state.unknown.length) text += " " + state.unknown.join(", ") + " findes ikke i arkivet og er ikke brugt.";
    return text;
  }

  // What Pagefind is asked. It matches every word as the start of a word, so »a« and »as« in
  // »Crime as a Service« would find »af«, »Ad« and »år« everywhere: unquoted words of one or two
  // letters are left out when the query has longer words, and a query of only such words is
  // asked as written (quoted: whole words). A query with quotes is the visitor's own: as typed.
  function sent(query) {
    if (/["»«]/.test(query)) return query;
    var words = query.split(/\s+/).filter(Boolean);
    var long = words.filter(function (word) { return word.replace(/[^\p{L}\p{N}]/gu, "").length >= 3; });
    if (long.length) return long.join(" ");
    return words.length ? '"' + words.join(" ") + '"' : query;
  }

  // Spelling that finds nothing: the archive's vocabulary (render/vocabulary.py: the minutes'
  // words, theme titles and words, people's names, councils), fetched only when a query finds
  // nothing, gives the nearest word within one edit (two for words of five letters or more),
  // counting a swap of two letters as one; of equally near words the most used wins.
  function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(new URL("arkiv/data/ordforraad.json", root).href).then(function (response) {
        return response.ok ? response.json() : { ord: [] };
      }).then(function (data) {
        var byLength = {};
        var known = new Set();
        data.ord.forEach(function (entry) {
          var word = entry[0].toLowerCase();
          known.add(word);
          (byLength[word.length] = byLength[word.length] || []).push([word, entry[0], entry[1]]);
        });
        return { byLength: byLength, known: known };
      }).catch(function () { return { byLength: {}, known: new Set() }; });
    }
    return vocabulary;
  }

  function distance(a, b, limit) {
    // Optimal string alignment: insertions, deletions, substitutions and swaps of neighbours.
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) {
      rows.push([i]);
      var low = i;
      for (j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0].push(j); continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i].push(d);
        if (d < low) low = d;
      }
      if (i > 0 && low > limit) return limit + 1;
    }
    return rows[a.length][b.length];
  }

  function nearest(word, words) {
    var limit = word.length >= 5 ? 2 : 1;
    var best = null;
    for (var length = word.length - limit; length <= word.length + limit; length++) {
      (words.byLength[length] || []).forEach(function (candidate) {
        var d = distance(word, candidate[0], limit);
        if (d <= limit && (!best || d < best.d || (d === best.d && candidate[2] > best.count))) {
          best = { d: d, shown: candidate[1], count: candidate[2] };
        }
      });
    }
    return best ? best.shown : null;
  }

  // Words of the query that no result on screen matched: Pagefind, finding nothing for a word,
  // matches a shorter start of it (»Sejback« marked »S«, »parallesamfund« marked »på«), so a
  // misspelt word can still give many results. A word counts as matched when a marked word
  // begins with its first four letters (stems and compounds do: »opioider« – »opioid-piller«).
  function unmatched(query) {
    var marks = Array.prototype.slice.call(list.querySelectorAll("mark")).map(function (m) { return plain(m.textContent); });
    return query.split(/\s+/).map(function (word) { return plain(word).replace(/[^\p{L}\p{N}]/gu, ""); })
      .filter(function (word) {
        return word.length >= 4 && !marks.some(function (m) { return m.indexOf(word.slice(0, 4)) === 0; });
      });
  }

  function suggest(query) {
    return loadVocabulary().then(function (words) {
      var changed = false;
      var fixed = query.split(/\s+/).map(function (part) {
        var bare = part.toLowerCase().replace(/^["»«(]+|["»«).,:;!?]+$/g, "");
        if (bare.length < 3 || words.known.has(bare)) return part;
        var near = nearest(bare, words);
        if (!near) return part;
        changed = true;
        return near;
      });
      return changed ? fixed.join(" ") : null;
    });
  }

  function offer(better) {
    suggestion.replaceChildren();
    suggestion.hidden = !better;
    if (!better) return;
    var link = element("a", "", "»" + better + "«");
    var params = new URLSearchParams(location.search);
    params.set("q", better);
    link.href = "?" + params.toString();
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = better;
      run(true);
    });
    suggestion.append("Mente du ", link, "?");
  }

  function run(commit) {
    var state = currentState();
    if (commit !== "history") writeAddress(state, commit === true);
    document.title = (state.q ? "»" + state.q + "« – " : "") + baseTitle;
    var ticket = ++latest;
    if (!state.q && !Object.keys(state.filters).length) {
      offer(null);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = state.unknown.length ? state.unknown.join(", ") + " findes ikke i arkivet." : "";
      return Promise.resolve();
    }
    status.textContent = "Søger …";
    var options = { filters: Object.assign({}, state.filters) };
    // Without a query, a filter lists its items newest first (Pagefind needs an order then).
    if (state.sort || !state.q) options.sort = { dato: state.sort === "aeldste" ? "asc" : "desc" };
    return load().then(function (pf) {
      return pf.search(state.q ? sent(state.q) : null, options);
    }).then(function (search) {
      if (ticket !== latest || !search) return;
      shown = search.results;
      offer(null);
      return showMore(true).then(function () {
        if (ticket === latest) status.textContent = describe(state, shown.length);
        // Few results (Pagefind may find a page or two for a misspelt word by its first letters):
        // a word the archive does not have gets the nearest one it has.
        if (ticket !== latest || !state.q || (shown.length >= FEW && !unmatched(state.q).length)) return;
        return suggest(state.q).then(function (better) { if (ticket === latest) offer(better); });
      });
    }).catch(function (error) {
      if (ticket !== latest) return;
      status.textContent = "Søgningen kunne ikke indlæses. Brug oversigterne over møder, temaer og personer.";
      throw error;
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener("focus", function () { load(); }, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  filterSelects.concat([sortSelect]).forEach(function (select) {
    select.addEventListener("change", function () {
      delete select.dataset.unknown;
      run(true);
    });
  });
  // The filter lists are loaded when a visitor reaches them.
  fieldset.addEventListener("focusin", loadFilters, { once: true });
  fieldset.addEventListener("pointerenter", loadFilters, { once: true });
  more.addEventListener("click", function () { showMore(false); });
  // Back and Forward: the search of that step, without a new step.
  window.addEventListener("popstate", function () {
    clearTimeout(timer);
    var filtered = stateFromAddress();
    (filtered ? loadFilters().then(resolveWanted) : Promise.resolve()).then(function () { run("history"); });
  });

  (stateFromAddress() ? loadFilters() : Promise.resolve()).then(function () { run("history"); });
})();
