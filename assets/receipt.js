// The report's receipt (intake/report/receipt.py). dcc.Clipboard draws its copy control as a
// <div>: here it becomes a button for keyboards and screen readers (role, Tab stop, Enter and
// Space), as the clientside callback in intake/report/callbacks.py runs on every new receipt.
(function () {
  "use strict";

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var copy = target && target.classList && target.classList.contains("receipt-copy");
    if (copy && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      target.click();
    }
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    intakeReceipt: {
      copyButton: function () {
        window.setTimeout(function () {
          document.querySelectorAll(".receipt-copy").forEach(function (control) {
            control.setAttribute("role", "button");
            control.setAttribute("tabindex", "0");
          });
        }, 0);
      },
    },
  });
})();
