// A "copy" button beside each value an administrator pastes into the LMS; without script the
// read-only fields can still be selected and copied by hand.
(function () {
  var texts = document.getElementById('copy-texts');
  if (!texts || !navigator.clipboard) return;
  document.querySelectorAll('.copy-row input[readonly]').forEach(function (input) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'small secondary';
    button.textContent = texts.dataset.copy;
    var label = document.querySelector('label[for="' + input.id + '"]');
    button.setAttribute('aria-label', texts.dataset.copy + ': ' + (label ? label.textContent : input.id));
    var status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'muted';
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(input.value).then(function () { status.textContent = texts.dataset.copied; });
    });
    input.insertAdjacentElement('afterend', status);
    input.insertAdjacentElement('afterend', button);
  });
})();
