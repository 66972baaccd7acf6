/* geomap relative positions (hand-written for geomap): "3 km north of Bakhmut" is drawn as an arrow
 * from the anchor town to the computed point, with the circle the truth should lie in. */
(function () {
  "use strict";
  var geomap = window.geomap;

  function Arrows(index, group, arrows) {
    this.group = group;
    this.items = arrows.map(function (arrow) {
      var parts = [];
      if (arrow.from) {
        parts.push(L.polyline([arrow.from, arrow.to], { weight: 2, dashArray: "5 5", className: "gm-arrow" }));
        parts.push(L.polyline([arrow.head[0], arrow.to, arrow.head[1]], { weight: 2, className: "gm-arrow-head" }));
      }
      if (arrow.radius_m > 0) {
        parts.push(L.circle(arrow.to, { radius: arrow.radius_m, weight: 1, dashArray: "2 4", fillOpacity: 0.08, className: "gm-uncertainty" }));
      }
      var layer = L.featureGroup(parts);
      if (arrow.label) layer.bindTooltip(geomap.el("span", "gm-arrow-label", arrow.label), { sticky: true });
      return { arrow: arrow, layer: layer, shown: false };
    });
    index.register(this);
  }

  Arrows.prototype.update = function (index) {
    this.items.forEach(function (item) {
      var ids = index.visibleOf(item.arrow.ev);
      if (ids.length) {
        var colour = index.colour(index.events[ids[0]].side);
        item.layer.setStyle({ color: colour, fillColor: colour });
        if (!item.shown) this.group.addLayer(item.layer);
      } else if (item.shown) {
        this.group.removeLayer(item.layer);
      }
      item.shown = ids.length > 0;
    }, this);
  };

  geomap.arrows = function (index, group, arrows) {
    return new Arrows(index, group, arrows);
  };
})();
