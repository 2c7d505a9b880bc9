/* global document */
/*
 * Drag and drop on the coordinator's agenda, on top of the "Naar positie" form of each item (the
 * page works without this script; the form is also the keyboard's way). Dropping an item on
 * another one puts it at that item's position: the script fills in the form and sends it when
 * the reason is given, or opens the form and asks for the reason.
 */
(function () {
  'use strict';
  var list = document.querySelector('[data-order-list]');
  if (!list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll('li[data-order-position]'));
  var dragged = null;

  var explanation = document.createElement('p');
  explanation.className = 'hint no-print';
  explanation.textContent =
    'U kunt een agendapunt ook naar een andere plaats slepen; met het toetsenbord gebruikt u "Naar positie" onder "Agendapunt beheren".';
  list.parentNode.insertBefore(explanation, list);

  function formOf(li) {
    return document.getElementById('volgorde-' + li.id.replace(/^punt-/, ''));
  }

  function clearMarks() {
    items.forEach(function (li) {
      li.classList.remove('drop-target');
    });
  }

  function moveTo(li, position) {
    var form = formOf(li);
    if (!form) return;
    var positionField = form.querySelector('input[name="position"]');
    var reasonField = form.querySelector('input[name="reason"]');
    var status = form.querySelector('[data-order-status]');
    positionField.value = String(position);
    if (reasonField.value.trim() !== '') {
      var submit = form.querySelector('[data-order-submit]');
      if (form.requestSubmit) form.requestSubmit(submit);
      else submit.click();
      return;
    }
    var details = form.closest('details');
    if (details) details.open = true;
    status.textContent =
      'Geef een reden en kies "Naar positie" om het agendapunt naar positie ' + position + ' te verplaatsen.';
    reasonField.focus();
  }

  items.forEach(function (li) {
    li.setAttribute('draggable', 'true');
    li.classList.add('draggable');
    li.addEventListener('dragstart', function (event) {
      // A drag that starts in one of its forms is a selection in a field, not a move.
      if (event.target.closest && event.target.closest('details')) return;
      dragged = li;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', li.id);
      li.classList.add('dragging');
    });
    li.addEventListener('dragend', function () {
      li.classList.remove('dragging');
      clearMarks();
      dragged = null;
    });
    li.addEventListener('dragover', function (event) {
      if (!dragged || dragged === li) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      clearMarks();
      li.classList.add('drop-target');
    });
    li.addEventListener('dragleave', function () {
      li.classList.remove('drop-target');
    });
    li.addEventListener('drop', function (event) {
      if (!dragged || dragged === li) return;
      event.preventDefault();
      clearMarks();
      moveTo(dragged, Number(li.getAttribute('data-order-position')));
    });
  });
})();
