// Draws each KPI chart from the table beneath it, so the chart and the table (which screen
// readers read instead: the chart is aria-hidden) can never show different numbers. A column
// whose header has data-series is one line; each row's data-day is the UTC day, and each
// cell's data-v its value ("" where there is none, which the chart leaves as a gap).
(function () {
  var COLOURS = ["#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#be123c", "#0e7490",
    "#4d7c0f"];

  // A chart's day, as the tables write it (the page's language), for the UTC day it is.
  function day(seconds) {
    return new Date(seconds * 1000).toLocaleDateString(document.documentElement.lang || undefined,
      { timeZone: "UTC", day: "numeric", month: "short" });
  }

  function columns(table) {
    var heads = table.querySelectorAll("thead th");
    var out = [];
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].hasAttribute("data-series")) {
        out.push({ index: i, label: heads[i].getAttribute("data-series") });
      }
    }
    return out;
  }

  function data(table, cols) {
    var xs = [];
    var ys = cols.map(function () { return []; });
    var rows = table.querySelectorAll("tbody tr[data-day]");
    for (var r = 0; r < rows.length; r++) {
      xs.push(Number(rows[r].getAttribute("data-day")));
      for (var c = 0; c < cols.length; c++) {
        var v = rows[r].children[cols[c].index].getAttribute("data-v");
        ys[c].push(v === null || v === "" ? null : Number(v));
      }
    }
    return [xs].concat(ys);
  }

  function draw(el) {
    var table = document.getElementById(el.getAttribute("data-table"));
    if (!table || typeof uPlot === "undefined") {
      return;
    }
    var cols = columns(table);
    if (cols.length === 0) {
      el.textContent = "";
      return;
    }
    var series = [{ label: "Day", value: function (u, v) { return v == null ? "" : day(v); } }]
        .concat(cols.map(function (c, i) {
      return { label: c.label, stroke: COLOURS[i % COLOURS.length], width: 2,
        points: { show: true, size: 5 } };
    }));
    var opts = {
      width: Math.max(320, el.clientWidth || 800),
      height: 240,
      series: series,
      // Days are UTC days: the axis says which day whatever the viewer's zone.
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      axes: [{ incrs: [86400, 172800, 604800, 2592000], space: 60,
        values: function (u, splits) { return splits.map(day); } },
        { label: el.getAttribute("data-unit"), size: 70 }],
      scales: { x: { time: true } }
    };
    new uPlot(opts, data(table, cols), el);
  }

  function drawAll() {
    var charts = document.querySelectorAll(".chart[data-table]");
    for (var i = 0; i < charts.length; i++) {
      draw(charts[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
