// Sends a recording in chunks that survive a dropped connection: the tool keeps every byte it got,
// and after an error the upload asks where it stands (HEAD) and goes on from there.
(function () {
  var form = document.getElementById('upload-form');
  if (!form || !window.fetch || !window.Blob) return;
  var status = document.getElementById('upload-status');
  var CHUNK = 8 * 1024 * 1024;

  var input = document.getElementById('upload-file');
  function say(text) {
    status.classList.remove('error');
    status.setAttribute('role', 'status');
    input.removeAttribute('aria-invalid');
    status.textContent = text;
  }
  // A refusal reads as an error: styled, announced at once, and tied to the file field it concerns.
  function fail(text) {
    status.textContent = text;
    status.classList.add('error');
    status.setAttribute('role', 'alert');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'upload-status');
  }

  form.addEventListener('submit', function (event) {
    var file = input.files[0];
    if (!file) return;
    event.preventDefault();
    var fields = new URLSearchParams();
    ['s', 'csrf', 'module', 'workshop', 'kind', 'title', 'language'].forEach(function (name) {
      fields.append(name, form.elements[name].value);
    });
    fields.append('file_name', file.name);
    fields.append('size', String(file.size));
    fetch(form.dataset.create, { method: 'POST', body: fields, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (created) { send(created.location, file, 0, 0); })
      .catch(function () { form.submit(); });
  });

  function send(location, file, offset, failures) {
    if (offset >= file.size) return;
    say(Math.floor(100 * offset / file.size) + ' %');
    var chunk = file.slice(offset, Math.min(offset + CHUNK, file.size));
    fetch(location, {
      method: 'PATCH', body: chunk, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset) }
    }).then(function (response) {
      if (response.status === 201) {
        say('100 %');
        window.location.href = window.location.href.replace(/([?&])saved=[^&]*&?/, '$1') + '&saved=uploaded';
        return;
      }
      if (response.status === 204) { send(location, file, parseInt(response.headers.get('Upload-Offset'), 10), 0); return; }
      if (response.status >= 400 && response.status < 500 && response.status !== 409) {
        return response.text().then(function (page) {
          var doc = new DOMParser().parseFromString(page, 'text/html');
          var alert = doc.querySelector('[role=alert]');
          fail(alert ? alert.textContent.trim() : String(response.status));
        });
      }
      throw new Error(response.status);
    }).catch(function () {
      if (failures > 20) { fail(status.dataset.failed); return; }
      setTimeout(function () {
        fetch(location, { method: 'HEAD', credentials: 'same-origin' }).then(function (response) {
          send(location, file, parseInt(response.headers.get('Upload-Offset'), 10), failures + 1);
        }).catch(function () { send(location, file, offset, failures + 1); });
      }, Math.min(30000, 1000 * Math.pow(2, failures)));
    });
  }
})();
