// Inside an LMS's frame: tell the LMS how tall the page is (the lti.frameResize message, which Canvas
// honours and others ignore) whenever that changes, and point the "new window" link at this very
// page. Outside a frame the link is not needed and goes away.
(function () {
  var link = document.getElementById('new-window');
  if (window.parent === window) {
    if (link) link.hidden = true;
    return;
  }
  if (link) {
    var token = new URL(link.href, location.href).searchParams.get('s');
    var here = new URL(location.href);
    if (token && !here.searchParams.get('s')) here.searchParams.set('s', token);
    link.href = here.toString();
  }
  var told = 0;
  function tell() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height === told) return;
    told = height;
    window.parent.postMessage({ subject: 'lti.frameResize', height: height }, '*');
  }
  tell();
  if (window.ResizeObserver) new ResizeObserver(tell).observe(document.body);
  else window.addEventListener('load', tell);
})();
