// Rows of a table are added, removed and moved on the page, by buttons (keyboard and mouse alike),
// without a save: the page renumbers the rows' names and lets the autosave send the table. Without
// script the table keeps two empty rows for new items and a cleared row is dropped on save.
(function () {
  var texts = document.getElementById('row-texts');
  if (!texts) return;
  var t = texts.dataset;

  function renumber(table) {
    var name = table.dataset.rows;
    var rows = table.tBodies[0].rows;
    for (var r = 0; r < rows.length; r++) {
      rows[r].cells[0].textContent = String(r + 1);
      rows[r].querySelectorAll('[name^="' + name + '."]').forEach(function (input) {
        var rest = input.name.substring(name.length + 1);
        var column = rest.substring(rest.indexOf('.') + 1);
        input.name = name + '.' + r + '.' + column;
        if (input.id) input.id = input.name;
        var label = input.getAttribute('aria-label');
        if (label) input.setAttribute('aria-label', label.replace(/\d+$/, String(r + 1)));
      });
      var buttons = rows[r].querySelectorAll('.row-actions button');
      buttons.forEach(function (button) {
        button.setAttribute('aria-label', t[button.dataset.action].replace('{0}', String(r + 1)));
      });
      buttons[0].disabled = r === 0;
      buttons[1].disabled = r === rows.length - 1;
    }
    var add = table.parentNode.nextElementSibling;
    if (add && add.classList.contains('add-row')) add.querySelector('button').disabled = rows.length >= Number(table.dataset.maxRows);
  }

  function changed(table) {
    renumber(table);
    var form = table.closest('form');
    if (form) form.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function button(action, text) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'small secondary';
    b.dataset.action = action;
    b.textContent = text;
    return b;
  }

  function equip(table, row) {
    var cell = row.querySelector('.row-actions');
    if (!cell || cell.children.length) return;
    var up = button('up', '↑'), down = button('down', '↓'), remove = button('remove', t.removeText);
    up.addEventListener('click', function () {
      if (row.previousElementSibling) { row.parentNode.insertBefore(row, row.previousElementSibling); changed(table); up.focus(); }
    });
    down.addEventListener('click', function () {
      if (row.nextElementSibling) { row.parentNode.insertBefore(row.nextElementSibling, row); changed(table); down.focus(); }
    });
    remove.addEventListener('click', function () {
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      changed(table);
      var focus = next ? next.querySelector('input, select, textarea') : null;
      if (focus) focus.focus();
    });
    cell.append(up, down, remove);
  }

  document.querySelectorAll('table[data-rows]').forEach(function (table) {
    var body = table.tBodies[0];
    // With script, one empty row is enough: more are added on request.
    var rows = Array.prototype.slice.call(body.rows);
    var blank = rows.filter(function (row) {
      return Array.prototype.every.call(row.querySelectorAll('input:not([type=hidden]), select, textarea'), function (i) {
        return i.type === 'checkbox' ? !i.checked : (i.value === '' || (i.name.match(/\.(x|y)$/) && i.value === '3'));
      });
    });
    var template = blank.length ? blank[blank.length - 1].cloneNode(true) : rows[rows.length - 1].cloneNode(true);
    blank.slice(1).forEach(function (row) { row.remove(); });
    Array.prototype.forEach.call(body.rows, function (row) { equip(table, row); });
    var help = document.getElementById('table-help-' + table.dataset.rows.substring(2));
    if (help && help.dataset.helpScript) help.textContent = help.dataset.helpScript;
    var wrap = document.createElement('p');
    wrap.className = 'add-row';
    var add = button('add', t.addText);
    add.classList.remove('secondary');
    add.addEventListener('click', function () {
      var row = template.cloneNode(true);
      row.querySelectorAll('input, select, textarea').forEach(function (i) {
        if (i.type === 'checkbox') i.checked = false;
        else if (/\._id$/.test(i.name)) i.value = '';
        else if (i.type !== 'hidden') i.value = i.name.match(/\.(x|y)$/) ? '3' : '';
        i.removeAttribute('aria-invalid');
      });
      row.querySelectorAll('.error-message').forEach(function (m) { m.remove(); });
      row.querySelector('.row-actions').replaceChildren();
      body.appendChild(row);
      equip(table, row);
      changed(table);
      var first = row.querySelector('input:not([type=hidden]), select, textarea');
      if (first) first.focus();
    });
    wrap.appendChild(add);
    table.parentNode.insertAdjacentElement('afterend', wrap);
    renumber(table);
  });
})();
