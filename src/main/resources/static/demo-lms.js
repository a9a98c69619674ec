// The demo LMS sizes the tool's frame to the height the tool tells it (the lti.frameResize
// message), as Canvas does; only messages from the frame's own window count.
(function () {
  var frame = document.getElementById('tool');
  if (!frame) return;
  window.addEventListener('message', function (event) {
    var d = event.data;
    if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
    if (d && d.subject === 'lti.frameResize' && typeof d.height === 'number' && d.height > 0) {
      frame.style.height = Math.min(Math.ceil(d.height), 20000) + 'px';
    }
  });
})();
