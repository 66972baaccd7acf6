/* geomap place markers (hand-written for geomap): one marker per place, coloured by the claimants'
 * sides, with the icon of the most frequent event type and a count when several events share it. */
(function () {
  "use strict";
  var geomap = window.geomap;

  function iconFor(index, ids) {
    var unverified = ids.every(function (id) { return index.events[id].verified === false; });
    var html =
      '<span class="gm-pin' + (unverified ? " gm-pin-unverified" : "") +
      '" style="background:' + index.ring(ids) + '"><i class="fa-solid fa-' +
      index.icon(index.mainType(ids)) + '"></i></span>';
    if (ids.length > 1) html += '<span class="gm-count">' + Number(ids.length) + "</span>";
    return L.divIcon({ html: html, className: "gm-marker", iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -12] });
  }

  function reveal(map, container, marker) {
    if (container.zoomToShowLayer) {
      container.zoomToShowLayer(marker, function () { marker.openPopup(); });
      return;
    }
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 10));
    marker.openPopup();
  }

  function Markers(index, container, groups) {
    this.container = container;
    this.items = groups.map(function (group) {
      var place = index.places[group.p];
      var marker = L.marker([place.lat, place.lon], { title: place.name, alt: place.name, riseOnHover: true });
      marker.bindPopup(function () {
        return index.popup(group.p, index.visibleOf(group.ev));
      }, { maxWidth: 380, maxHeight: 340, autoPanPadding: [40, 40] });
      index.target(group.ev, function () { reveal(index.map, container, marker); });
      return { group: group, marker: marker, shown: false, key: "" };
    });
    index.register(this);
  }

  Markers.prototype.update = function (index) {
    var add = [];
    var remove = [];
    this.items.forEach(function (item) {
      var ids = index.visibleOf(item.group.ev);
      if (!ids.length) {
        if (item.shown) remove.push(item.marker);
        item.shown = false;
        return;
      }
      var key = ids.join(",");
      if (key !== item.key) {
        item.marker.setIcon(iconFor(index, ids));
        item.key = key;
      }
      if (!item.shown) add.push(item.marker);
      item.shown = true;
    });
    var box = this.container;
    if (box.addLayers) {
      box.removeLayers(remove);
      box.addLayers(add);
    } else {
      remove.forEach(function (m) { box.removeLayer(m); });
      add.forEach(function (m) { box.addLayer(m); });
    }
  };

  geomap.iconFor = iconFor;
  geomap.markers = function (index, container, groups) {
    return new Markers(index, container, groups);
  };
})();
