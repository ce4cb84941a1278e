// The phone's Menu (a <details>, which opens and closes without this
// script): Escape closes it and gives the focus back to its button, and
// the focus leaving it closes it, so that an open menu never stays over
// the page a keyboard reader has moved on to. Inlined right after the
// menu (baseof.html), which it finds as the element before it.
(function (menu) {
  if (!menu || !menu.querySelector) return;
  var button = menu.querySelector("summary");
  menu.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && menu.open) {
      menu.open = false;
      if (button) button.focus();
    }
  });
  menu.addEventListener("focusout", function (e) {
    if (menu.open && e.relatedTarget && !menu.contains(e.relatedTarget)) menu.open = false;
  });
})(document.currentScript && document.currentScript.previousElementSibling);
