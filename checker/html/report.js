// factcheck HTML report: filter the facts by status and by search text. No network, no eval, no innerHTML.
"use strict";
(function () {
  function apply() {
    var status = document.querySelector("#status-filter input:checked").value;
    var words = document.getElementById("search").value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("#fact-list .fact").forEach(function (fact) {
      var text = fact.getAttribute("data-search");
      var visible = (status === "all" || fact.getAttribute("data-status") === status) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      fact.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    document.getElementById("shown-count").textContent = shown + " shown";
    document.getElementById("no-facts").hidden = shown > 0;
  }
  function reveal() {  // a link to a fact hidden by the filter shows every fact again
    var target = location.hash && document.getElementById(location.hash.slice(1));
    var fact = target && target.closest && target.closest(".fact");
    if (fact && fact.hidden) {
      document.querySelector('#status-filter input[value="all"]').checked = true;
      document.getElementById("search").value = "";
      apply();
      target.scrollIntoView();
    }
  }
  function outline() {  // the passage a link led to, outlined wherever it stands
    document.querySelectorAll("mark.current").forEach(function (mark) { mark.classList.remove("current"); });
    var cite = location.hash.indexOf("#m-") === 0 ? location.hash.slice(3) : "";
    if (/^c[0-9]+$/.test(cite)) {
      document.querySelectorAll('mark[data-cites~="' + cite + '"]').forEach(function (mark) {
        mark.classList.add("current");
      });
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("status-filter").addEventListener("change", apply);
    document.getElementById("search").addEventListener("input", apply);
    document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", reveal);
    window.addEventListener("hashchange", outline);
    apply();
    outline();
  });
})();
