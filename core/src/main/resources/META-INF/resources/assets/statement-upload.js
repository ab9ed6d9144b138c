/* Statement upload: files dropped on the zone, or chosen and sent with the button, go one request each, one after the
   other, with a progress bar per file; the server's answer for the file (its counts, or its refusal with line numbers,
   in the page's language) replaces the bar. Without this script the form posts every file at once and the page comes
   back with each file's outcome. */
(function () {
  'use strict';
  var form = document.getElementById('upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var input = document.getElementById('files');
  var zone = document.getElementById('drop-zone');
  var list = document.getElementById('outcomes');
  var queue = [];
  var busy = false;

  function entry(file) {
    var item = document.createElement('li');
    item.className = 'outcome pending';
    item.setAttribute('data-file', file.name);
    var name = document.createElement('strong');
    name.className = 'file-name';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', form.getAttribute('data-uploading') + ' ' + file.name);
    item.appendChild(name);
    item.appendChild(document.createTextNode(' '));
    item.appendChild(bar);
    list.insertBefore(item, list.firstChild);
    return {file: file, item: item, bar: bar};
  }

  function next() {
    if (busy || queue.length === 0) {
      return;
    }
    busy = true;
    var job = queue.shift();
    var data = new FormData();
    data.append('csrf', form.querySelector('input[name=csrf]').value);
    data.append('account', form.querySelector('select[name=account]').value);
    data.append('files', job.file, job.file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action') + '?fragment=outcomes');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        job.bar.value = Math.round(e.loaded * 100 / e.total);
      }
    };
    xhr.onload = function () {
      var html = xhr.responseText || '';
      if (html.indexOf('class="outcome') >= 0) {
        var holder = document.createElement('ul');
        holder.innerHTML = html;
        var answer = holder.querySelector('li.outcome');
        list.replaceChild(answer, job.item);
      } else {
        failed(job, String(xhr.status));
      }
      done();
    };
    xhr.onerror = function () {
      failed(job, 'network');
      done();
    };
    xhr.send(data);
  }

  function failed(job, status) {
    job.item.className = 'outcome refused';
    job.bar.remove();
    var p = document.createElement('p');
    p.className = 'alert';
    p.setAttribute('role', 'alert');
    p.textContent = form.getAttribute('data-failed').replace('STATUS', status);
    job.item.appendChild(p);
  }

  function done() {
    busy = false;
    next();
  }

  function send(files) {
    for (var i = 0; i < files.length; i++) {
      queue.push(entry(files[i]));
    }
    next();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    send(input.files);
    input.value = '';
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) {
      e.preventDefault();
      zone.classList.add('over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () {
      zone.classList.remove('over');
    });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      send(e.dataTransfer.files);
    }
  });
}());
