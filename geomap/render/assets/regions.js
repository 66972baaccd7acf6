/* geomap region areas (hand-written for geomap): oblasts, countries and informal regions are drawn as
 * dashed, lightly filled areas so that nobody mistakes "Donetsk region" for a pin on Donetsk city. */
(function () {
  "use strict";
  var geomap = window.geomap;

  function Regions(index, group, areas) {
    this.group = group;
    this.items = areas.map(function (area) {
      var place = index.places[area.p];
      var style = { weight: 2, dashArray: "8 6", fillOpacity: 0.1, className: "gm-area" };
      var shape = area.shape
        ? L.polygon(area.shape, style)
        : L.circle([place.lat, place.lon], L.extend({ radius: area.radius_m }, style));
      shape.bindPopup(function () {
        return index.popup(area.p, index.visibleOf(area.ev));
      }, { maxWidth: 380, maxHeight: 340 });
      shape.bindTooltip(geomap.el("span", "gm-area-name", place.name), { sticky: true });
      index.target(area.ev, function () {
        index.map.fitBounds(shape.getBounds(), { maxZoom: 9 });
        shape.openPopup([place.lat, place.lon]);
      });
      return { area: area, shape: shape, shown: false };
    });
    index.register(this);
  }

  Regions.prototype.update = function (index) {
    this.items.forEach(function (item) {
      var ids = index.visibleOf(item.area.ev);
      if (ids.length) {
        item.shape.setStyle({ color: index.colour(index.events[ids[0]].side), fillColor: index.colour(index.events[ids[0]].side) });
        if (!item.shown) this.group.addLayer(item.shape);
      } else if (item.shown) {
        this.group.removeLayer(item.shape);
      }
      item.shown = ids.length > 0;
    }, this);
  };

  geomap.regions = function (index, group, areas) {
    return new Regions(index, group, areas);
  };
})();
