// »Kopiér link« and »Citér« on a meeting page: for the meeting (under its heading) and for each
// section of the minutes (beside its heading). »Citér« opens a citation to copy – council,
// meeting, item, date, address and the day it was retrieved – with CSL-JSON and BibTeX to
// download. The facts are the page's own search marks (render/search_marks.py: the meeting's
// council, year, date and title; each section's heading), so nothing is read from the text.
// Printing a page puts the archive's name, the page's address and the day of printing on paper.
(function () {
  "use strict";

  var MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                "oktober", "november", "december"];
  var siteName = (document.querySelector(".md-header__topic .md-ellipsis") || {}).textContent || "";
  siteName = siteName.trim() || document.title;

  function today() { return new Date(); }
  function danishDate(d) { return d.getDate() + ". " + MONTHS[d.getMonth()] + " " + d.getFullYear(); }
  function iso(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  // The print line, on every page.
  var printed = document.createElement("p");
  printed.className = "arkiv-udskrift";
  function printLine() {
    printed.textContent = siteName + " · " + location.href.replace(/[?#].*$/, "") + " · udskrevet " + danishDate(today());
  }
  var article = document.querySelector("article.md-content__inner") || document.body;
  printLine();
  article.prepend(printed);
  window.addEventListener("beforeprint", printLine);

  var meetingMark = document.querySelector("[data-arkiv-moede]");
  if (!meetingMark) return;
  var meeting = JSON.parse(meetingMark.getAttribute("data-arkiv-moede"));
  var page = location.origin + location.pathname;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function copy(text, button) {
    var done = function () {
      var was = button.textContent;
      button.textContent = "Kopieret";
      setTimeout(function () { button.textContent = was; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  // Without the clipboard API (a page served over plain http): a selected text area.
  function fallback(text) {
    var area = element("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the citation stays on screen to copy by hand */ }
    area.remove();
  }

  function issued() {
    var parts = String(meeting.sort || meeting.aar || "").split("-").map(Number).filter(Boolean);
    return parts.length ? { "date-parts": [parts] } : undefined;
  }

  function citation(item) {
    var url = page + (item ? "#" + item.id : "");
    var title = "Referat af " + meeting.moede + (item ? ", " + item.titel : "");
    var when = today();
    var text = meeting.raad + ": " + title + ". " + (meeting.sort && meeting.sort.length > 4 ? meeting.dato + ". " : "") +
      siteName + ". " + url + " (hentet " + danishDate(when) + ").";
    var csl = {
      id: (location.pathname.split("/").filter(Boolean).pop() || "moede") + (item ? "-" + item.id : ""),
      type: "document", title: title, author: [{ literal: meeting.raad }], issued: issued(),
      "container-title": siteName, publisher: meeting.udgiver || siteName, URL: url,
      accessed: { "date-parts": [[when.getFullYear(), when.getMonth() + 1, when.getDate()]] }
    };
    var year = String(meeting.aar || "");
    var bib = "@misc{" + csl.id + ",\n  author = {{" + meeting.raad + "}},\n  title = {" + title + "},\n" +
      (year ? "  year = {" + year + "},\n" : "") + "  howpublished = {\\url{" + url + "}},\n" +
      "  organization = {" + (meeting.udgiver || siteName) + "},\n  note = {Hentet " + iso(when) + "}\n}\n";
    return { url: url, text: text, csl: JSON.stringify([csl], null, 2) + "\n", bib: bib, id: csl.id };
  }

  function download(label, name, type, content) {
    var link = element("a", "md-button arkiv-citer__hent", label);
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = name;
    return link;
  }

  function tools(item) {
    var box = element("div", "arkiv-citer");
    var linkButton = element("button", "arkiv-citer__knap", "Kopiér link");
    linkButton.type = "button";
    var citeButton = element("button", "arkiv-citer__knap", "Citér");
    citeButton.type = "button";
    citeButton.setAttribute("aria-expanded", "false");
    var panel = element("div", "arkiv-citer__panel");
    panel.hidden = true;
    linkButton.addEventListener("click", function () { copy(citation(item).url, linkButton); });
    citeButton.addEventListener("click", function () {
      var open = panel.hidden;
      panel.hidden = !open;
      citeButton.setAttribute("aria-expanded", String(open));
      if (!open) return;
      var made = citation(item);
      panel.replaceChildren();
      var text = element("p", "arkiv-citer__tekst", made.text);
      var copyButton = element("button", "md-button", "Kopiér citation");
      copyButton.type = "button";
      copyButton.addEventListener("click", function () { copy(made.text, copyButton); });
      panel.append(text, copyButton,
                   download("CSL-JSON", made.id + ".json", "application/vnd.citationstyles.csl+json", made.csl),
                   download("BibTeX", made.id + ".bib", "application/x-bibtex", made.bib));
    });
    box.append(linkButton, citeButton, panel);
    return box;
  }

  var heading = document.querySelector("article h1");
  if (heading) heading.after(tools(null));
  Array.prototype.slice.call(document.querySelectorAll("[data-arkiv-punkt]")).forEach(function (mark) {
    var item = JSON.parse(mark.getAttribute("data-arkiv-punkt"));
    var target = document.getElementById(item.id);
    if (!target) return;
    // The opening has no heading, only its anchor: the tools go before its text.
    var place = /^H[1-6]$/.test(target.tagName) ? target : target.closest("p") || target;
    if (place === target) place.after(tools(item)); else place.before(tools(item));
  });
})();
