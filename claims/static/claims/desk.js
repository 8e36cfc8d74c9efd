// Keyboard shortcuts for the review desk (templates/admin/claims/claim/desk.html). Everything they do is a
// link or a button on the page, which work without this file: it only saves the mouse.
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link && link.href) window.location.assign(link.href);
    return Boolean(link);
  }

  function press(selector) {
    var button = document.querySelector(selector);
    if (!button || button.disabled) return false;
    button.click();
    return true;
  }

  function focus(id) {
    var field = document.getElementById(id);
    if (!field) return false;
    field.focus();
    if (field.scrollIntoView) field.scrollIntoView({ block: "center" });
    return true;
  }

  var actions = {
    j: function () { return follow("desk-next"); },
    k: function () { return follow("desk-previous"); },
    v: function () { return press('#desk-review button[name="_verdict"][data-key="v"]'); },
    d: function () { return press('#desk-review button[name="_verdict"][data-key="d"]'); },
    u: function () { return press('#desk-review button[name="_verdict"][data-key="u"]'); },
    s: function () { return focus("id_url"); },
    n: function () { return focus("id_note"); },
    t: function () { return press("#desk-take"); },
    r: function () { return follow("conflict-reload"); },
    "?": function () {
      var help = document.getElementById("desk-help");
      if (help) help.open = !help.open;
      return Boolean(help);
    },
  };

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && typing(event.target)) {
      event.target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var action = actions[event.key];
    if (action && action()) event.preventDefault();
  });
})();
