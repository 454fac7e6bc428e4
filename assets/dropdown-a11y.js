// Dash 4.4's dcc.Dropdown puts keyboard focus on an input marked aria-hidden, so screen readers
// meet a focusable element with no name or role (axe: aria-hidden-focus). Expose that input as
// the combobox it acts as, named by the field's label, with its expanded state kept in sync.
(function () {
  function label(button) {
    var text = "";
    var byFor = button.id && document.querySelector('label[for="' + CSS.escape(button.id) + '"]');
    if (byFor) { text = byFor.textContent; }
    if (!text) { text = button.getAttribute("aria-label") || ""; }
    return text.replace(/\s*\*\s*$/, "").trim();
  }
  function set(element, name, value) {
    // Only real changes: an unchanged setAttribute still wakes the observer below.
    if (element.getAttribute(name) !== value) { element.setAttribute(name, value); }
  }
  function mend(target) {
    var button = target.nextElementSibling;
    if (!button || !button.classList.contains("dash-dropdown")) { return; }
    if (target.hasAttribute("aria-hidden")) { target.removeAttribute("aria-hidden"); }
    set(target, "role", "combobox");
    set(target, "aria-haspopup", "listbox");
    set(target, "aria-expanded", button.getAttribute("aria-expanded") || "false");
    var name = label(button);
    var value = button.querySelector(".dash-dropdown-value");
    var chosen = value && !value.classList.contains("dash-dropdown-placeholder")
      ? value.textContent : "";
    if (name) { set(target, "aria-label", chosen ? name + ": " + chosen : name); }
  }
  function mendAll(root) {
    root.querySelectorAll(".dash-dropdown-focus-target").forEach(mend);
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      var node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      var wrapper = node && node.closest(".dash-dropdown-wrapper");
      if (wrapper) { mendAll(wrapper); } else if (record.addedNodes.length) { mendAll(document); }
    });
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, characterData: true,
    attributeFilter: ["aria-hidden", "aria-expanded"],
  });
})();
