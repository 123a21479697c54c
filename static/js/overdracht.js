/* Overdracht: small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Move focus to the error summary so screen readers hear what to fix.
    var summary = document.querySelector("[data-focus]");
    if (summary) { summary.focus(); }
    // A second click while the first submit is on its way does nothing
    // (the server also ignores a repeated one-time form token).
    document.querySelectorAll("form[method=post], form[method=POST]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (form.dataset.submitted === "true") { event.preventDefault(); return; }
        form.dataset.submitted = "true";
        form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (button) {
          button.setAttribute("aria-disabled", "true");
          button.classList.add("utrecht-button--busy");
        });
      });
    });
  });
})();
