/* Overdracht: small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // On a narrow screen a table with column headers is shown as a list (static/css/overdracht.css,
    // ".od-stacked"): each cell is labelled by its column header. Changing a table's display can
    // drop its semantics in some browsers, so the roles are made explicit first.
    document.querySelectorAll("table.utrecht-table").forEach(function (table) {
      var headers = table.querySelectorAll("thead tr:last-child th");
      if (!headers.length || !table.tBodies.length) { return; }
      var labels = Array.prototype.map.call(headers, function (th) { return th.textContent.trim(); });
      table.setAttribute("role", "table");
      Array.prototype.forEach.call(table.querySelectorAll(":scope > thead, :scope > tbody"), function (group) {
        group.setAttribute("role", "rowgroup");
      });
      Array.prototype.forEach.call(table.rows, function (row) {
        row.setAttribute("role", "row");
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var inHead = row.parentElement.tagName === "THEAD";
          if (cell.tagName === "TD") { cell.setAttribute("role", "cell"); }
          else { cell.setAttribute("role", inHead || cell.getAttribute("scope") === "col" ? "columnheader" : "rowheader"); }
          if (!inHead) { cell.setAttribute("data-label", labels[column] || ""); }
          column += cell.colSpan || 1;
        });
      });
      table.classList.add("od-stacked");
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
