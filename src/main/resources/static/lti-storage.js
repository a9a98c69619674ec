// LTI client-side postMessage storage (1EdTech "Client Side postMessages", lti.put_data /
// lti.get_data): keeps the login's browser secret in the platform's storage for browsers that
// refuse the tool's cookie inside the LMS iframe, and reads it back at launch.
(function () {
  var el = document.getElementById('lti-storage');
  if (!el) return;
  var d = el.dataset;
  var platform = window.parent !== window ? window.parent : window.opener;
  var target = platform;
  try { if (platform && platform.frames[d.target]) target = platform.frames[d.target]; } catch (e) { target = platform; }
  var id = Math.random().toString(36).slice(2);
  var done = false;

  function finish(value) {
    if (done) return;
    done = true;
    if (d.action === 'put') {
      window.location.replace(d.next);
    } else {
      el.elements.storage_value.value = value || '';
      el.submit();
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== d.origin || !event.data || event.data.message_id !== id) return;
    if (event.data.subject === 'lti.put_data.response') finish();
    if (event.data.subject === 'lti.get_data.response') finish(event.data.value);
  });

  if (!target) { finish(); return; }
  var message = d.action === 'put'
    ? { subject: 'lti.put_data', key: d.key, value: d.value, message_id: id }
    : { subject: 'lti.get_data', key: d.key, message_id: id };
  target.postMessage(message, d.origin);
  // A platform that does not answer must not leave the person waiting.
  setTimeout(function () { finish(); }, 2000);
})();
