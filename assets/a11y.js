// Plotly draws each chart's toolbar as a row of <button>s: a dashboard of eight charts had
// ~50 Tab stops before the next control. The toolbar stays for the mouse (and its downloads
// have a keyboard way in each chart's data table), out of the Tab order.
(function () {
  function quiet(root) {
    root.querySelectorAll(".modebar-btn:not([tabindex='-1'])").forEach(function (button) {
      button.setAttribute("tabindex", "-1");
    });
  }
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      if (records[i].addedNodes.length && records[i].target.closest &&
          records[i].target.closest(".js-plotly-plot")) {
        quiet(records[i].target);
      }
    }
  }).observe(document.documentElement, { subtree: true, childList: true });
})();
