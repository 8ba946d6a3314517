// Tells the server the viewer's time zone, so times on every page are written in it.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("hf_tz=" + zone) < 0) {
      document.cookie = "hf_tz=" + zone + "; path=/console; SameSite=Strict";
    }
  } catch (e) {
    // Without Intl the pages keep showing UTC, and say so.
  }
})();
