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
        if (answer[0] === 200) { show(answer[1].problems || []); keepRowIds(answer[1].rowIds || {}); redraw(answer[1].pictures || {}); }
        if (answer[0] === 200 && answer[1].conflicts && answer[1].conflicts.length === 0) {
          status.textContent = (answer[1].problems || []).length ? status.dataset.partly : status.dataset.saved;
        } else if (answer[0] === 200) {
          window.location.reload();
        } else {
          status.textContent = status.dataset.failed;
        }
      }).catch(function () { status.textContent = status.dataset.offline; })
      .finally(function () { sending = false; if (again) { again = false; save(); } });
  }

  // A row added on the page gets its id from the first save; the next saves name the same row.
  function keepRowIds(ids) {
    Object.keys(ids).forEach(function (name) {
      var input = form.querySelector('input[type=hidden][name="' + name + '"]');
      if (input && input.value === '') input.value = ids[name];
    });
  }

  // The pictures follow what was saved, drawn by the tool as on a full page.
  function redraw(pictures) {
    Object.keys(pictures).forEach(function (id) {
      var old = document.getElementById(id);
      if (!old) return;
      var fresh = document.createRange().createContextualFragment(pictures[id]).firstElementChild;
      if (fresh) old.replaceWith(fresh);
    });
  }

  // Values the tool did not keep: listed on top (each a link to its input), the input marked and
  // left exactly as typed; everything else was saved.
  function show(problems) {
    var summary = document.getElementById('problems');
    var list = document.getElementById('problems-list');
    form.querySelectorAll('[aria-invalid=true]').forEach(function (input) { input.removeAttribute('aria-invalid'); });
    form.querySelectorAll('.error-message.live').forEach(function (m) { m.remove(); });
    if (!summary || !list) return;
    list.replaceChildren();
    problems.forEach(function (p) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + p.input;
      link.textContent = p.message;
      item.appendChild(link);
      list.appendChild(item);
      var input = document.getElementById(p.input);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        var message = document.createElement('span');
        message.className = 'error-message live';
        message.id = p.input + '-error';
        message.textContent = p.message;
        input.setAttribute('aria-describedby', message.id);
        input.insertAdjacentElement('afterend', message);
      }
    });
    summary.hidden = problems.length === 0;
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
})();
