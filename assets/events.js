// Clientside callbacks of the events pages: the viewer's time zone on the public events page
// and an event's page, the list/calendar switch, the filters folded on phones and the past
// events unfolded by a link to them (dashboard/events/callbacks.py, event_page.py), and on the announcement form (intake/events/callbacks.py)
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

      // Phones and tablets show the list or the calendar (events.css); wide screens both.
      view: function (value) {
        return value === "calendar" ? "row events-show-calendar" : "row events-show-list";
      },

      // The filters start open on wide screens, folded on phones (the list comes first).
      filtersOpen: function () {
        return window.matchMedia("(min-width: 992px)").matches;
      },

      // "#events-past" in the address (the dashboard's link): unfold the past events once
      // they are drawn, and bring them into view.
      openPast: function () {
        if (window.location.hash === "#events-past") {
          window.requestAnimationFrame(function () {
            var past = document.getElementById("events-past");
            if (past && !past.open) {
              past.open = true;
              past.scrollIntoView();
            }
          });
        }
        return window.dash_clientside.no_update;
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
