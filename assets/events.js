// Clientside callbacks of the events pages: the viewer's time zone on the public events page
// (dashboard/events/callbacks.py), and on the announcement form (intake/events/callbacks.py)
// the zone a new announcement starts with and the focus on the first message.
(function () {
  "use strict";

  // The browser's IANA zone; UTC when the browser does not say.
  function browserZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; }
    catch (err) { return "UTC"; }
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    events: {
      zone: function () {
        return browserZone();
      },

      // A new announcement's time zone starts as the device's; a zone already set stays.
      startZone: function (clientId, zone) {
        if (zone) { return window.dash_clientside.no_update; }
        return browserZone();
      },

      // The first message gets the focus, as on the report form.
      focusFirstError: function (summary) {
        var first = document.querySelector(".has-error input, .has-error textarea");
        if (summary && first) { first.focus(); }
        return window.dash_clientside.no_update;
      }
    }
  });
})();
