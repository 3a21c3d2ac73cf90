(function () {
  "use strict";
  var entity = document.getElementById("filter-entity");
  var holder = document.getElementById("filter-holder");
  var count = document.getElementById("filter-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  function has(list, value) {
    return value === "" || (" " + list + " ").indexOf(" " + value + " ") !== -1;
  }
  function counted(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }
  function apply() {
    var shown = 0;
    var disputes = 0;
    var articles = 0;
    items.forEach(function (item) {
      var ok = has(item.getAttribute("data-entities"), entity.value) &&
               has(item.getAttribute("data-holders"), holder.value);
      item.hidden = !ok;
      if (ok && item.classList.contains("claim") && item.closest("#claims")) { shown++; }
      // The summary lists the disputes; the other findings are the articles beyond them.
      if (ok && item.closest("#summary")) { disputes++; }
      if (ok && item.classList.contains("dispute")) { articles++; }
    });
    var text = counted(disputes, "dispute");
    if (articles > disputes) { text += ", " + counted(articles - disputes, "other finding"); }
    count.textContent = text + ", " + counted(shown, "claim") + " shown";
  }
  entity.addEventListener("change", apply);
  holder.addEventListener("change", function () {
    if (holder.value !== "") { document.getElementById("claims-list").open = true; }
    apply();
  });
  apply();
})();
