// Lists only the subcategories of the chosen kind of problem. Without this script every subcategory is
// listed, grouped by kind, and the server refuses a pair that does not belong together.
(function () {
  'use strict';
  var category = document.getElementById('category');
  var subcategory = document.getElementById('subcategory');
  if (!category || !subcategory) {
    return;
  }
  var groups = Array.prototype.slice.call(subcategory.querySelectorAll('optgroup'));

  function update() {
    groups.forEach(function (group) {
      if (group.parentNode) {
        group.parentNode.removeChild(group);
      }
    });
    var matching = groups.filter(function (group) {
      return group.getAttribute('data-category') === category.value;
    });
    matching.forEach(function (group) {
      subcategory.appendChild(group);
    });
    subcategory.disabled = matching.length === 0;
  }

  category.addEventListener('change', update);
  update();
}());
