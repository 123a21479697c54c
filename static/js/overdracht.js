/* Overdracht: small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // A table wider than the screen scrolls in its wrapper: keyboard users reach it too
    // (WCAG 2.1.1), named after its caption or the heading above it.
    document.querySelectorAll(".od-table-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth) { return; }
      var caption = wrap.querySelector("caption");
      var heading = wrap.previousElementSibling;
      var name = caption ? caption.textContent : (heading && /^H[1-6]$/.test(heading.tagName) ? heading.textContent : "");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      if (name) { wrap.setAttribute("aria-label", name.trim()); }
    });
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
