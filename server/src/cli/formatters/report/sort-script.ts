/**
 * The only script in the report: it turns the headers of the files table into sort buttons.
 * Without it (printed, or scripts blocked) the table is still complete and already sorted by the
 * number of findings, so the buttons are added by the script rather than written into the page,
 * where they would do nothing. Sorting keeps `aria-sort` on the sorted header, announces the new
 * order in a live region, and breaks ties by the original order so it is stable.
 */
export const SORT_SCRIPT = `
(function () {
  var table = document.getElementById('files-table');
  var status = document.getElementById('sort-status');
  if (!table || !table.tHead || !table.tBodies.length) return;
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var body = table.tBodies[0];
  Array.prototype.forEach.call(body.rows, function (row, i) { row.setAttribute('data-order', String(i)); });
  heads.forEach(function (th, column) {
    var label = th.textContent.trim();
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = label;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var numeric = th.getAttribute('data-sort') === 'number';
      var current = th.getAttribute('aria-sort');
      var direction = current === 'descending' ? 'ascending' : current === 'ascending' ? 'descending' : numeric ? 'descending' : 'ascending';
      heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', direction);
      var sign = direction === 'ascending' ? 1 : -1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-value') || a.cells[column].textContent;
        var y = b.cells[column].getAttribute('data-value') || b.cells[column].textContent;
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'en-GB', { numeric: true });
        return sign * order || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
      });
      rows.forEach(function (row) { body.appendChild(row); });
      if (status) status.textContent = 'Files sorted by ' + label.toLowerCase() + ', ' + (numeric ? (direction === 'descending' ? 'highest first' : 'lowest first') : (direction === 'ascending' ? 'A to Z' : 'Z to A')) + '.';
    });
  });
})();
`;
