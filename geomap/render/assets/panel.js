/* geomap event list (hand-written for geomap): every shown event in date order; a click flies the map
 * to the event's place and opens its popup. Long lists are drawn in pages to keep the page quick. */
(function () {
  "use strict";
  var geomap = window.geomap;
  var el = geomap.el;

  function Panel(index, options) {
    var self = this;
    this.index = index;
    this.page = options.page;
    this.limit = options.page;
    this.order = index.events.map(function (_, i) { return i; });
    this.order.sort(function (a, b) {
      var da = index.events[a].date || "9999";
      var db = index.events[b].date || "9999";
      return da < db ? -1 : da > db ? 1 : a - b;
    });
    geomap.control(options.position, "gm-panel", function (box) {
      var body = geomap.collapsible(box, "Events (" + index.events.length + ")", options.open);
      self.summary = el("div", "gm-summary");
      self.list = el("ol", "gm-rows");
      self.more = el("button", "gm-more", "");
      self.more.type = "button";
      self.more.addEventListener("click", function () {
        self.limit += self.page;
        self.update(index);
      });
      body.appendChild(self.summary);
      body.appendChild(self.list);
      body.appendChild(self.more);
    }).addTo(index.map);
    index.register(this);
  }

  Panel.prototype.row = function (id) {
    var index = this.index;
    var ev = index.events[id];
    var row = el("li", "gm-row");
    var button = el("button", "gm-row-button");
    button.type = "button";
    button.setAttribute("data-event", String(id));
    var swatch = el("span", "gm-swatch");
    swatch.style.background = index.colour(ev.side);
    button.appendChild(swatch);
    button.appendChild(el("span", "gm-row-date", ev.date || "undated"));
    button.appendChild(el("span", "gm-row-type", index.typeLabel(ev.type)));
    var names = ev.at.map(function (m) { return index.places[m.p].name; });
    button.appendChild(el("span", "gm-row-place", names.length ? names.join(", ") : "not on the map"));
    button.appendChild(el("span", "gm-row-claimant", ev.claimant || "claimant not stated"));
    button.title = ev.quote;
    if (!names.length) button.disabled = true;
    button.addEventListener("click", function () { index.focus(id); });
    row.appendChild(button);
    return row;
  };

  Panel.prototype.update = function (index) {
    var shown = this.order.filter(index.visible, index);
    var rows = document.createDocumentFragment();
    shown.slice(0, this.limit).forEach(function (id) { rows.appendChild(this.row(id)); }, this);
    this.list.replaceChildren(rows);
    this.summary.textContent = shown.length + " of " + index.events.length + " events shown";
    var rest = shown.length - this.limit;
    this.more.hidden = rest <= 0;
    this.more.textContent = "Show " + Math.min(rest, this.page) + " more";
  };

  geomap.panel = function (index, options) {
    return new Panel(index, options);
  };
})();
