// Saves the exercise while the team member types. The form keeps the version it was loaded at, so
// the tool merges field by field: others' changes to other fields stay, and the same field changed
// by two people becomes a visible conflict, which a reload shows.
(function () {
  var form = document.querySelector('form[data-autosave="true"]');
  if (!form || !window.fetch) return;
  var status = document.getElementById('autosave-status');
  var timer = null;
  var sending = false;
  var again = false;

  function save() {
    if (sending) { again = true; return; }
    sending = true;
    fetch(form.action, {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' },
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      // Every answer is JSON, refusals too; anything else (a proxy's page) counts as a failed save.
      return response.json().then(function (body) { return [response.status, body]; },
        function () { return [response.status, {}]; });
    })
      .then(function (answer) {
        if (answer[0] === 200 && answer[1].conflicts && answer[1].conflicts.length === 0) {
          status.textContent = status.dataset.saved;
        } else if (answer[0] === 200) {
          window.location.reload();
        } else {
          status.textContent = status.dataset.failed;
        }
      }).catch(function () { status.textContent = status.dataset.offline; })
      .finally(function () { sending = false; if (again) { again = false; save(); } });
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
})();
