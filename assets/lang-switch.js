// The language switcher keeps the current page and its filters (the query string): its links
// are rewritten at click time, because filters change the URL without re-rendering the shell.
document.addEventListener(
  "click",
  function (event) {
    var link = event.target.closest("#lang-switcher a[href]");
    if (!link) { return; }
    var lang = link.getAttribute("href").split("/")[1];
    var rest = window.location.pathname.split("/").slice(2).join("/");
    link.setAttribute("href", "/" + lang + "/" + rest + window.location.search + window.location.hash);
  },
  true
);
