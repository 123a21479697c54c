/* The charts of the Cijfers page, drawn with Chart.js (static/vendor/chartjs) from the table
   under each chart: the table is the source, so a chart never shows a figure the table does not.
   A suppressed figure ("x") is left out of the chart. Without JavaScript the tables remain. */
(function () {
  "use strict";
  // The series colours are design tokens (--od-chart-1, -2, … in static/css/overdracht-theme.css),
  // so a municipality's theme recolours the charts too.
  var PALETTE = (function () {
    var style = getComputedStyle(document.body), colours = [];
    for (var i = 1; style.getPropertyValue("--od-chart-" + i).trim(); i++) {
      colours.push(style.getPropertyValue("--od-chart-" + i).trim());
    }
    return colours.length ? colours : [style.color];
  })();

  function number(cell) {
    var value = cell.getAttribute("data-value");
    return value === null || value === "" ? null : Number(value);
  }

  function read(table) {
    var head = Array.prototype.slice.call(table.querySelectorAll("thead th")).slice(1);
    var keep = head.map(function (th) { return !th.classList.contains("od-total"); });
    var columns = head.filter(function (_th, i) { return keep[i]; }).map(function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr:not(.od-total)"));
    return {
      labels: rows.map(function (tr) { return tr.querySelector("th").textContent.trim(); }),
      series: columns.map(function (name, c) {
        return {
          name: name,
          values: rows.map(function (tr) {
            var cells = Array.prototype.slice.call(tr.querySelectorAll("td")).filter(function (_td, i) { return keep[i]; });
            return number(cells[c]);
          })
        };
      })
    };
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute("data-chart-for"));
    if (!table || typeof Chart === "undefined") { return; }
    var kind = table.getAttribute("data-chart");
    var data = read(table);
    var stacked = kind === "stacked";
    var chart = new Chart(canvas, {
      type: stacked ? "bar" : "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          var colour = PALETTE[i % PALETTE.length];
          return { label: s.name, data: s.values, backgroundColor: colour, borderColor: colour, spanGaps: false };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: stacked ? "y" : "x",
        scales: {
          x: { stacked: stacked, beginAtZero: true },
          y: { stacked: stacked, beginAtZero: true }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
    // Paper is narrower than the screen: draw again at the printed size.
    window.addEventListener("beforeprint", function () { chart.resize(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart-for]").forEach(draw);
    var print = document.querySelector("[data-print]");
    if (print) { print.addEventListener("click", function () { window.print(); }); }
  });
})();
