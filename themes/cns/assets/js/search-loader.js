/* Loads the search script when the reader starts to search: the first time
   the header search box gets focus. Inlined after the box's form by
   _partials/searchbox.html; the form names the script and its integrity. */
(function (form) {
  if (!form || !window.fetch || !window.Promise) return;
  function load() {
    form.removeEventListener('focusin', load);
    if (window.cnsSearch || document.querySelector('script[data-search-client]')) return;
    var s = document.createElement('script');
    s.src = form.getAttribute('data-search-js');
    s.integrity = form.getAttribute('data-search-js-integrity');
    s.setAttribute('data-search-client', '');
    document.head.appendChild(s);
  }
  form.addEventListener('focusin', load);
  if (form.contains(document.activeElement)) load();
})(document.currentScript && document.currentScript.previousElementSibling);
