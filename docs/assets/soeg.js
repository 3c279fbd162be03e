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
  var MAX_ITEMS = 8;
  // Anchors of the minutes' sections (render/meeting.py): #punkt-3a, #indledning, #skriftlig-orientering.
  var ITEM_ANCHOR = /#(punkt-[0-9a-z]+|indledning|skriftlig-orientering)$/;
  var pagefind = null;
  var filtersLoaded = null;
  var latest = 0;
  var shown = [];
  var shownCount = 0;

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

  function run() {
    var state = currentState();
    writeAddress(state);
    var ticket = ++latest;
    if (!state.q && !Object.keys(state.filters).length) {
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
      return pf.search(state.q || null, options);
    }).then(function (search) {
      if (ticket !== latest || !search) return;
      shown = search.results;
      return showMore(true).then(function () {
        if (ticket === latest) status.textContent = describe(state, shown.length);
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
