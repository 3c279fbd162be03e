// The archive's search page (docs/soeg.md) on Pagefind's JavaScript API.
//
// The query, the filters and the sorting live in the page's address (?q=…&tema=…&sort=nyeste), so
// a search can be shared as a link and the back button works. Pagefind fetches only the chunks of
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
  var MAX_ITEMS = 8;
  // Anchors of the minutes' sections (render/meeting.py): #punkt-3a, #indledning, #skriftlig-orientering.
  var ITEM_ANCHOR = /#(punkt-[0-9a-z]+|indledning|skriftlig-orientering)$/;
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
        return pf.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
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

  // Fill the filter lists with every value and its number of pages.
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = load().then(function (pf) { return pf.filters(); }).then(function (all) {
        filterSelects.forEach(function (select) {
          var key = select.dataset.filter;
          var wanted = select.dataset.wanted || select.value;
          var values = Object.keys(all[key] || {}).sort(ORDER[key] || ORDER["default"]);
          values.forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.textContent = value + " (" + all[key][value] + ")";
            select.appendChild(option);
          });
          if (wanted) select.value = wanted;
        });
      });
    }
    return filtersLoaded;
  }

  function currentState() {
    var state = { q: input.value.trim(), sort: sortSelect.value, filters: {} };
    filterSelects.forEach(function (select) {
      var value = select.value || select.dataset.wanted || "";
      if (value) state.filters[select.dataset.filter] = value;
    });
    return state;
  }

  function stateFromAddress() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    sortSelect.value = params.get("sort") || "";
    var any = false;
    filterSelects.forEach(function (select) {
      var value = params.get(select.dataset.filter) || "";
      // The option does not exist until the filter lists are loaded: remember what is wanted.
      select.dataset.wanted = value;
      if (value) any = true;
    });
    return any;
  }

  function writeAddress(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    Object.keys(state.filters).forEach(function (key) { params.set(key, state.filters[key]); });
    if (state.sort) params.set("sort", state.sort);
    var query = params.toString();
    var address = location.pathname + (query ? "?" + query : "");
    if (address !== location.pathname + location.search) history.replaceState(null, "", address);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind's excerpts are the page's text, HTML-escaped by Pagefind, with <mark> around the
  // words that matched; nothing else is let through.
  function excerpt(html) {
    var node = element("p", "arkiv-resultat__uddrag");
    node.innerHTML = html;
    Array.prototype.slice.call(node.querySelectorAll("*")).forEach(function (child) {
      if (child.tagName !== "MARK") child.replaceWith(document.createTextNode(child.textContent));
    });
    // Pagefind marks whole tokens, punctuation and all (»(Crime«, »Service).«): the mark is kept
    // to the word, the punctuation around it is plain text.
    Array.prototype.slice.call(node.querySelectorAll("mark")).forEach(function (mark) {
      var parts = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(mark.textContent);
      if (!parts || !parts[2]) return;
      mark.textContent = parts[2];
      if (parts[1]) mark.before(parts[1]);
      if (parts[3]) mark.after(parts[3]);
    });
    return node;
  }

  function renderResult(data) {
    var item = element("li", "arkiv-resultat");
    var meta = data.meta || {};
    var filters = data.filters || {};
    var facts = [filters.type ? filters.type[0] : "", filters.raad ? filters.raad[0] : "", meta.dato];
    item.appendChild(element("p", "arkiv-resultat__type", facts.filter(Boolean).join(" · ")));
    var heading = element("h2", "arkiv-resultat__titel");
    var link = element("a", null, meta.title || data.url);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    // The agenda items that matched: Pagefind splits a page at its headings with an id, and
    // every agenda item's heading has one (#punkt-3a).
    // On a meeting, the agenda items come first; the agenda and the attendance list only when no
    // item matched. Other pages (a theme, a person) are one result with one excerpt.
    var subs = [];
    if (facts[0] === "Møde") {
      var all = (data.sub_results || []).filter(function (sub) { return sub.url.indexOf("#") > 0; });
      subs = all.filter(function (sub) { return ITEM_ANCHOR.test(sub.url); });
      if (!subs.length) subs = all;
    }
    if (subs.length) {
      var items = element("ul", "arkiv-resultat__punkter");
      subs.slice(0, MAX_ITEMS).forEach(function (sub) {
        var li = element("li");
        var a = element("a", null, sub.title);
        a.href = sub.url;
        li.appendChild(a);
        li.appendChild(excerpt(sub.excerpt));
        items.appendChild(li);
      });
      item.appendChild(items);
    } else {
      item.appendChild(excerpt(data.excerpt));
    }
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
    return (n + " " + what).trim() + ".";
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
      run();
    });
    suggestion.append("Mente du ", link, "?");
  }

  function run() {
    var state = currentState();
    writeAddress(state);
    var ticket = ++latest;
    if (!state.q && !Object.keys(state.filters).length) {
      offer(null);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = "Søger …";
    var options = { filters: Object.assign({}, state.filters) };
    if (state.sort) {
      // Only meetings have a date; a sorted list is a list of meetings.
      options.sort = { dato: state.sort === "nyeste" ? "desc" : "asc" };
      options.filters.type = "Møde";
    }
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
        if (ticket !== latest || shown.length >= FEW || !state.q) return;
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
    run();
  });
  filterSelects.concat([sortSelect]).forEach(function (select) {
    select.addEventListener("change", function () {
      delete select.dataset.wanted;
      run();
    });
  });
  // The filter lists are loaded when a visitor reaches them.
  fieldset.addEventListener("focusin", loadFilters, { once: true });
  fieldset.addEventListener("pointerenter", loadFilters, { once: true });
  more.addEventListener("click", function () { showMore(false); });

  if (stateFromAddress()) loadFilters();
  run();
})();
