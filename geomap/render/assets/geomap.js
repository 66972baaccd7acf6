/* geomap map runtime (hand-written for geomap).
 * Report text arrives as JSON data and is only ever put into the page with textContent: no string from
 * a report is parsed as HTML. The index keeps the events and which of them the user's filters show;
 * each drawn layer registers itself and redraws when the filters change. */
(function () {
  "use strict";
  var geomap = (window.geomap = window.geomap || {});

  function own(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function link(url, text) {
    var a = el("a", "gm-link", text);
    if (/^https?:\/\//i.test(url || "")) {
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    return a;
  }

  function control(position, cls, build) {
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = el("div", "gm-control leaflet-bar " + cls);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        build(box);
        return box;
      },
    });
    return new Ctl({ position: position });
  }

  function collapsible(box, label, open) {
    var head = el("button", "gm-toggle", label);
    head.type = "button";
    var body = el("div", "gm-body");
    body.hidden = !open;
    head.setAttribute("aria-expanded", String(open));
    head.addEventListener("click", function () {
      body.hidden = !body.hidden;
      head.setAttribute("aria-expanded", String(!body.hidden));
    });
    box.appendChild(head);
    box.appendChild(body);
    return body;
  }

  var PRECISION = { 1: "exact day", 2: "within a week", 3: "within a month" };

  function Index(map, data) {
    this.map = map;
    this.events = data.events;
    this.places = data.places;
    this.reports = data.reports;
    this.style = data.style;
    this.off = { side: Object.create(null), type: Object.create(null), unverified: false };
    this.day = null;
    this.layers = [];
    this.toggles = [];
    this.targets = Object.create(null);
    var self = this;
    map.on("overlayadd overlayremove", function (e) {
      self.toggled(e.layer, e.type === "overlayadd");
    });
  }

  Index.prototype.toggle = function (layer, kind, value) {
    this.toggles.push([layer, kind, value]);
  };

  Index.prototype.toggled = function (layer, on) {
    var changed = false;
    this.toggles.forEach(function (t) {
      if (t[0] !== layer) return;
      if (t[1] === "unverified") this.off.unverified = !on;
      else this.off[t[1]][t[2]] = !on;
      changed = true;
    }, this);
    if (changed) this.refresh();
  };

  Index.prototype.visible = function (id) {
    var ev = this.events[id];
    if (this.off.side[ev.side] || this.off.type[ev.type]) return false;
    if (this.off.unverified && ev.verified === false) return false;
    return this.day === null || ev.date === this.day;
  };

  Index.prototype.visibleOf = function (ids) {
    return ids.filter(this.visible, this);
  };

  Index.prototype.register = function (layer) {
    this.layers.push(layer);
    layer.update(this);
  };

  Index.prototype.refresh = function () {
    this.layers.forEach(function (layer) {
      layer.update(this);
    }, this);
  };

  Index.prototype.target = function (ids, focus) {
    ids.forEach(function (id) {
      (this.targets[id] = this.targets[id] || []).push(focus);
    }, this);
  };

  Index.prototype.focus = function (id) {
    var found = this.targets[id];
    if (found && found.length) found[0](id);
    return Boolean(found && found.length);
  };

  Index.prototype.colour = function (side) {
    return own(this.style.colours, side) || this.style.colours.none;
  };

  Index.prototype.typeLabel = function (type) {
    return own(this.style.typeLabels, type) || String(type);
  };

  Index.prototype.icon = function (type) {
    return own(this.style.icons, type) || this.style.defaultIcon;
  };

  Index.prototype.dateText = function (ev) {
    if (!ev.date) return "date unknown";
    return ev.date + " (" + (own(PRECISION, ev.time_precision) || "precision unknown") + ")";
  };

  Index.prototype.quote = function (ev, placeIndex) {
    var box = el("blockquote", "gm-quote");
    var marks = ev.at.filter(function (m) { return m.s !== null; });
    marks.sort(function (a, b) { return a.s - b.s; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m.s < pos) return;
      box.appendChild(document.createTextNode(ev.quote.slice(pos, m.s)));
      box.appendChild(el("mark", m.p === placeIndex ? "gm-here" : "gm-other", ev.quote.slice(m.s, m.e)));
      pos = m.e;
    });
    box.appendChild(document.createTextNode(ev.quote.slice(pos)));
    return box;
  };

  Index.prototype.fact = function (list, label, value) {
    if (value === null || value === undefined || value === "") return;
    var row = el("div", "gm-fact");
    row.appendChild(el("span", "gm-label", label + ": "));
    row.appendChild(el("span", "gm-value", value));
    list.appendChild(row);
  };

  Index.prototype.meta = function (ev) {
    var meta = el("div", "gm-meta");
    var side = el("span", "gm-side", own(this.style.sideShort, ev.side) || ev.side);
    side.style.background = this.colour(ev.side);
    meta.appendChild(side);
    meta.appendChild(el("span", "gm-type", this.typeLabel(ev.type)));
    meta.appendChild(el("span", "gm-date", this.dateText(ev)));
    var verdict = ev.verified === false ? "unverified" : ev.verified ? "verified" : "verification not stated";
    meta.appendChild(el("span", "gm-" + verdict.split(" ")[0], verdict));
    return meta;
  };

  Index.prototype.eventItem = function (id, placeIndex) {
    var ev = this.events[id];
    var item = el("li", "gm-event");
    item.setAttribute("data-event", String(id));
    item.appendChild(this.meta(ev));
    item.appendChild(this.quote(ev, placeIndex));
    var facts = el("div", "gm-facts");
    this.fact(facts, "Claimant", ev.claimant || "not stated");
    this.fact(facts, "Fatalities", ev.fatalities);
    this.fact(facts, "Injured", ev.injured);
    var here = ev.at.filter(function (m) { return m.p === placeIndex; })[0];
    if (here) {
      this.fact(facts, "Position", here.relative);
      if (here.uncertainty_km) this.fact(facts, "Uncertainty", "±" + here.uncertainty_km + " km");
      this.fact(facts, "Place match", Math.round(here.confidence * 100) + "% confidence (" + here.method + ")");
    }
    if (ev.report_count > 1) this.fact(facts, "Reported by", ev.report_count + " reports");
    var report = this.reports[ev.report];
    if (this.reports.length > 1 && report) this.fact(facts, "Report", report.title || report.source);
    item.appendChild(facts);
    return item;
  };

  Index.prototype.popup = function (placeIndex, ids) {
    var place = this.places[placeIndex];
    var root = el("div", "gm-popup");
    var head = el("div", "gm-popup-head");
    head.appendChild(el("strong", "gm-place", place.name));
    if (place.region) head.appendChild(el("span", "gm-tag", "area"));
    var where = [place.admin1, place.country].filter(Boolean).join(", ");
    if (where) head.appendChild(el("span", "gm-where", where));
    if (place.geonameid > 0) {
      head.appendChild(link("https://www.geonames.org/" + place.geonameid, "GeoNames " + place.geonameid));
    }
    root.appendChild(head);
    var list = el("ol", "gm-events");
    ids.forEach(function (id) {
      list.appendChild(this.eventItem(id, placeIndex));
    }, this);
    if (!ids.length) root.appendChild(el("p", "gm-empty", "All events here are hidden by the filters."));
    root.appendChild(list);
    return root;
  };

  /* The colour ring of a marker: one slice per side among the shown events. */
  Index.prototype.ring = function (ids) {
    var sides = [];
    ids.forEach(function (id) {
      var side = this.events[id].side;
      if (sides.indexOf(side) < 0) sides.push(side);
    }, this);
    if (sides.length === 1) return this.colour(sides[0]);
    var step = 100 / sides.length;
    var stops = sides.map(function (side, i) {
      return this.colour(side) + " " + i * step + "% " + (i + 1) * step + "%";
    }, this);
    return "conic-gradient(" + stops.join(",") + ")";
  };

  /* The most frequent event type among the shown events picks the icon. */
  Index.prototype.mainType = function (ids) {
    var counts = Object.create(null);
    var best = null;
    ids.forEach(function (id) {
      var type = this.events[id].type;
      counts[type] = (counts[type] || 0) + 1;
      if (best === null || counts[type] > counts[best]) best = type;
    }, this);
    return best;
  };

  geomap.own = own;
  geomap.el = el;
  geomap.link = link;
  geomap.control = control;
  geomap.collapsible = collapsible;
  geomap.index = function (map, data) {
    return new Index(map, data);
  };
})();
