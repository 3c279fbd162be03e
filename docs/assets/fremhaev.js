// On a page reached from a search result (…/?fremhaev=opioider#punkt-3), the searched words are
// marked, with Pagefind's own highlight script from the site's pagefind/ folder (never another
// host), which is fetched only then; the item the result pointed to is marked by the style sheet
// (:target, assets/arkiv.css).
(function () {
  "use strict";
  if (!new URLSearchParams(location.search).has("fremhaev")) return;
  var root = new URL("..", document.currentScript.src);
  import(new URL("pagefind/pagefind-highlight.js", root).href).then(function (module) {
    new module.default({ highlightParam: "fremhaev", addStyles: false });
    // The marks can move the text: the item is brought back into view.
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) target.scrollIntoView();
  }).catch(function () { /* without the script the page is as it always is */ });
})();
