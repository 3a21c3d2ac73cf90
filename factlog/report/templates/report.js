(function () {
  "use strict";
  var entity = document.getElementById("filter-entity");
  var holder = document.getElementById("filter-holder");
  var count = document.getElementById("filter-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  // The sections that hold filtered items: one left with nothing to show is hidden, heading and all.
  var sections = Array.prototype.slice.call(document.querySelectorAll("main > section")).filter(function (section) {
    return section.querySelector("[data-filter]") !== null;
  });
  var summaryCount = document.getElementById("summary-count");
  var claimsCount = document.getElementById("claims-count");
  function has(list, value) {
    return value === "" || (" " + list + " ").indexOf(" " + value + " ") !== -1;
  }
  function counted(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }
  function apply() {
    var filtering = entity.value !== "" || holder.value !== "";
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
    sections.forEach(function (section) {
      section.hidden = filtering && section.querySelector("[data-filter]:not([hidden])") === null;
    });
    var text = counted(disputes, "dispute");
    if (articles > disputes) { text += ", " + counted(articles - disputes, "other finding"); }
    count.textContent = text + ", " + counted(shown, "claim") + " shown";
    var total = Number(summaryCount.getAttribute("data-total"));
    summaryCount.textContent = filtering ? disputes + " of " + counted(total, "dispute") : counted(total, "dispute");
    total = Number(claimsCount.getAttribute("data-total"));
    claimsCount.textContent = filtering ? shown + " of " + total + " shown" : String(total);
  }
  entity.addEventListener("change", apply);
  holder.addEventListener("change", function () {
    if (holder.value !== "") { document.getElementById("claims-list").open = true; }
    apply();
  });
  apply();
})();
