/* geomap title, legend and unresolved-names panels (hand-written for geomap). All text goes in with
 * textContent; the only HTML built here is geomap's own icon markup. */
(function () {
  "use strict";
  var geomap = window.geomap;
  var el = geomap.el;

  geomap.title = function (map, info) {
    var box = el("div", "gm-title");
    box.appendChild(el("h1", "gm-title-text", info.title));
    info.lines.forEach(function (line) {
      box.appendChild(el("div", "gm-title-line", line));
    });
    if (info.url) box.appendChild(geomap.link(info.url, info.url));
    L.DomEvent.disableClickPropagation(box);
    map.getContainer().appendChild(box);
    document.title = info.title;
    return box;
  };

  function legendRow(body, swatch, label) {
    var row = el("div", "gm-legend-row");
    row.appendChild(swatch);
    row.appendChild(el("span", "gm-legend-label", label));
    body.appendChild(row);
  }

  geomap.legend = function (index, options) {
    return geomap.control(options.position, "gm-legend", function (box) {
      var body = geomap.collapsible(box, "Legend", options.open);
      body.appendChild(el("div", "gm-legend-head", "Claimed by"));
      options.sides.forEach(function (side) {
        var swatch = el("span", "gm-swatch");
        swatch.style.background = index.colour(side[0]);
        legendRow(body, swatch, side[1]);
      });
      body.appendChild(el("div", "gm-legend-head", "Event type"));
      options.types.forEach(function (type) {
        legendRow(body, el("i", "gm-legend-icon fa-solid fa-" + index.icon(type)), index.typeLabel(type));
      });
      body.appendChild(el("div", "gm-legend-head", "Shapes"));
      options.symbols.forEach(function (symbol) {
        legendRow(body, el("span", "gm-symbol gm-symbol-" + symbol[0]), symbol[1]);
      });
    }).addTo(index.map);
  };

  geomap.unresolved = function (map, options) {
    return geomap.control(options.position, "gm-unresolved", function (box) {
      var body = geomap.collapsible(box, "Unresolved names (" + options.names.length + ")", options.open);
      var list = el("ul", "gm-unresolved-list");
      options.names.forEach(function (name) {
        var item = el("li", "gm-unresolved-item");
        item.appendChild(el("strong", "gm-unresolved-name", name.surface));
        item.appendChild(el("q", "gm-unresolved-sentence", name.sentence));
        if (name.hint) item.appendChild(el("div", "gm-unresolved-hint", name.hint));
        list.appendChild(item);
      });
      body.appendChild(list);
    }).addTo(map);
  };

  geomap.timeline = function (index, options) {
    var dates = options.dates;
    return geomap.control(options.position, "gm-timeline", function (box) {
      var label = el("div", "gm-timeline-date", "All dates");
      var slider = el("input", "gm-timeline-range");
      slider.type = "range";
      slider.min = "0";
      slider.max = String(dates.length);
      slider.value = "0";
      slider.setAttribute("aria-label", "Day shown (0 = all days)");
      var play = el("button", "gm-timeline-play", "Play");
      play.type = "button";
      var timer = null;
      function show() {
        var i = Number(slider.value);
        index.day = i === 0 ? null : dates[i - 1];
        label.textContent = index.day === null ? "All dates" : index.day;
        index.refresh();
      }
      slider.addEventListener("input", show);
      play.addEventListener("click", function () {
        if (timer) { clearInterval(timer); timer = null; play.textContent = "Play"; return; }
        play.textContent = "Pause";
        timer = setInterval(function () {
          slider.value = String((Number(slider.value) % dates.length) + 1);
          show();
        }, options.step_ms);
      });
      box.appendChild(label);
      box.appendChild(slider);
      box.appendChild(play);
    }).addTo(index.map);
  };
})();
