// wiretrace: link each attribution in the list to its highlighted spans in the text (hover or focus).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var items = document.querySelectorAll("ol.attributions li[data-attr]");
  function mark(index, on) {
    document.querySelectorAll('.body [data-attr="' + index + '"]').forEach(function (el) {
      el.classList.toggle("active", on);
    });
  }
  items.forEach(function (li) {
    var index = li.getAttribute("data-attr");
    if (!/^\d+$/.test(index)) return;
    ["mouseenter", "focus"].forEach(function (ev) { li.addEventListener(ev, function () { mark(index, true); }); });
    ["mouseleave", "blur"].forEach(function (ev) { li.addEventListener(ev, function () { mark(index, false); }); });
  });
});
