// Warns before an idle session ends and lets the user stay signed in. Progressive
// enhancement: without this script every page is complete, and if the session does end,
// the sign-in page says why and a form's answers are kept.
(function () {
  "use strict";
  var box = document.getElementById("timeout-warning");
  var form = document.getElementById("timeout-warning-form");
  if (!box || !form || !window.fetch) return;
  var idle = parseInt(box.getAttribute("data-idle-seconds"), 10);
  if (!(idle > 0)) return;
  // Two minutes before the end, or halfway for a very short timeout.
  var lead = Math.min(120, Math.floor(idle / 2));
  var timer = null;
  function arm() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      box.hidden = false;
      var stay = document.getElementById("timeout-warning-stay");
      if (stay) stay.focus();
    }, (idle - lead) * 1000);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      body: new URLSearchParams(new FormData(form)),
    }).then(function (response) {
      if (response.ok) {
        box.hidden = true;
        arm();
      }
    });
  });
  arm();
})();
