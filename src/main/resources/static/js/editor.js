// The article editor's enhancements (org.masthead.admin.article). The form works without this file:
// the body is then a textarea of HTML. With it, the body becomes a Quill editor whose HTML is copied
// back into the textarea on submit, images upload to /admin/media, tags are suggested while typing,
// and the suggested summary can be taken with one button. The server cleans whatever arrives.
(function () {
  'use strict';

  var form = document.getElementById('article-form');
  if (!form) {
    return;
  }
  var data = form.dataset;
  var status = document.getElementById('upload-status');

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function format(template, value) {
    return template.replace('{0}', value);
  }

  // ---- image upload (POST /admin/media, multipart field "file", answers {"url": …})

  function upload(file) {
    var body = new FormData();
    body.append('file', file);
    body.append(data.csrfName, data.csrfToken);
    var headers = { 'Accept': 'application/json' };
    headers[data.csrfHeader] = data.csrfToken;
    say(data.msgUploading);
    return fetch('/admin/media', { method: 'POST', body: body, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = JSON.parse(text); } catch (e) { json = null; }
          if (!response.ok || !json || !json.url) {
            throw new Error(json && json.error ? json.error : 'HTTP ' + response.status);
          }
          say(data.msgUploaded);
          return json;
        });
      })
      .catch(function (error) {
        say(format(data.msgUploadFailed, error.message));
        throw error;
      });
  }

  function chooseFile(then) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.hidden = true;
    input.id = 'editor-file';
    input.addEventListener('change', function () {
      if (input.files && input.files[0]) {
        then(input.files[0]);
      }
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  }

  // Fields marked data-upload="image" (cover, figures) get a button that uploads and fills in the address.
  Array.prototype.forEach.call(form.querySelectorAll('input[data-upload=image]'), function (field) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'upload';
    button.textContent = data.msgUpload;
    button.setAttribute('aria-describedby', field.id);
    button.id = 'upload-' + field.id;
    button.addEventListener('click', function () {
      chooseFile(function (file) {
        upload(file).then(function (json) { field.value = json.url; field.focus(); }, function () {});
      });
    });
    field.insertAdjacentElement('afterend', button);
  });

  // ---- suggested summary

  var use = document.getElementById('use-suggestion');
  var suggested = document.getElementById('suggested-summary');
  var summary = document.getElementById('summary');
  if (use && suggested && summary) {
    use.hidden = false;
    use.addEventListener('click', function () {
      summary.value = suggested.textContent;
      summary.focus();
    });
  }

  // ---- tags: suggestions for the term being typed (after the last comma)

  var tags = document.getElementById('tags');
  var choices = document.getElementById('tag-choices');
  if (tags && choices && window.fetch) {
    var timer = null;
    tags.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var value = tags.value;
        var cut = Math.max(value.lastIndexOf(','), value.lastIndexOf('，'), value.lastIndexOf('、'), value.lastIndexOf(';'), value.lastIndexOf('；'));
        var before = value.substring(0, cut + 1);
        var term = value.substring(cut + 1).trim();
        if (!term) {
          return;
        }
        fetch('/admin/articles/tags?q=' + encodeURIComponent(term), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (names) {
            choices.textContent = '';
            names.forEach(function (name) {
              var option = document.createElement('option');
              option.value = before + name;
              choices.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  // ---- confirm the actions that take an article off the site or delete it

  Array.prototype.forEach.call(document.querySelectorAll('button.danger'), function (button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.textContent + '？')) {
        event.preventDefault();
      }
    });
  });

  // ---- the body: Quill, or the HTML textarea when the body holds what Quill would drop

  var textarea = document.getElementById('body');
  if (!textarea || !window.Quill || textarea.closest('fieldset[disabled]')) {
    return;
  }
  // Quill 1.x keeps paragraphs, headings, lists, quotes, code, links, images and inline styles; these it would lose.
  var UNSUPPORTED = /<(table|figure|figcaption|dl|dt|dd|hr|abbr|time|q|cite|h4|h5|h6|div)\b/i;

  var holder = document.createElement('div');
  holder.className = 'visual-editor';
  var surface = document.createElement('div');
  surface.id = 'body-editor';
  holder.appendChild(surface);
  textarea.insertAdjacentElement('beforebegin', holder);

  var toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'editor-mode';
  toggle.id = 'editor-mode';
  holder.insertAdjacentElement('beforebegin', toggle);

  var quill = new Quill(surface, {
    theme: 'snow',
    modules: {
      // Tab and Shift+Tab move the focus, as in every other field, instead of indenting: no keyboard trap.
      keyboard: {
        bindings: {
          tab: { key: 9, handler: function () { return true; } },
          indent: { key: 9, format: ['blockquote', 'indent', 'list'], handler: function () { return true; } },
          outdent: { key: 9, shiftKey: true, format: ['blockquote', 'indent', 'list'], handler: function () { return true; } }
        }
      },
      toolbar: {
        container: [
          [{ header: [2, 3, false] }],
          ['bold', 'italic', 'underline', 'strike'],
          [{ list: 'ordered' }, { list: 'bullet' }, 'blockquote'],
          ['link', 'image'],
          ['clean']
        ],
        handlers: {
          image: function () {
            var range = quill.getSelection(true);
            chooseFile(function (file) {
              upload(file).then(function (json) {
                var at = range ? range.index : quill.getLength();
                quill.insertEmbed(at, 'image', json.url, 'user');
                quill.setSelection(at + 1, 0, 'silent');
              }, function () {});
            });
          }
        }
      }
    }
  });
  var editable = quill.root;
  editable.setAttribute('role', 'textbox');
  editable.setAttribute('aria-multiline', 'true');
  editable.setAttribute('aria-labelledby', 'body-label');
  editable.setAttribute('aria-describedby', 'body-hint');
  var imageButton = holder.parentNode.querySelector('.ql-image');
  if (imageButton) {
    imageButton.setAttribute('aria-label', data.msgImage);
    imageButton.id = 'editor-image';
  }
  // Quill's buttons carry only an icon: each gets its name from the message bundle (data-tool-bold,
  // data-tool-list-ordered …, by format and value), as its accessible name and its tooltip.
  Array.prototype.forEach.call(holder.parentNode.querySelectorAll('.ql-toolbar button'), function (b) {
    if (!b.getAttribute('aria-label')) {
      var tool = b.className.replace('ql-', '') + (b.value ? '-' + b.value : '');
      var name = form.getAttribute('data-tool-' + tool) || tool;
      b.setAttribute('aria-label', name);
      b.title = name;
    }
  });
  // The heading picker's label is a span with role=button in the Tab order, and Quill gives it no name.
  Array.prototype.forEach.call(holder.parentNode.querySelectorAll('.ql-toolbar .ql-picker-label'), function (label) {
    if (!label.getAttribute('aria-label')) {
      label.setAttribute('aria-label', data.msgHeading);
    }
  });

  var visual = false;

  function showVisual() {
    quill.setContents([], 'silent');
    quill.clipboard.dangerouslyPasteHTML(0, textarea.value, 'silent');
    holder.hidden = false;
    textarea.hidden = true;
    document.getElementById('body-label').htmlFor = '';
    toggle.textContent = data.msgSource;
    visual = true;
  }

  function showSource() {
    if (visual) {
      textarea.value = html();
    }
    holder.hidden = true;
    textarea.hidden = false;
    document.getElementById('body-label').htmlFor = 'body';
    toggle.textContent = data.msgVisual;
    visual = false;
  }

  function html() {
    var empty = quill.getText().trim() === '' && !editable.querySelector('img');
    return empty ? '' : editable.innerHTML;
  }

  toggle.addEventListener('click', function () {
    if (visual) {
      showSource();
      textarea.focus();
    } else {
      showVisual();
      editable.focus();
    }
  });

  if (UNSUPPORTED.test(textarea.value)) {
    showSource();
    say(data.msgUnsupported);
  } else {
    showVisual();
  }

  form.addEventListener('submit', function () {
    if (visual) {
      textarea.value = html();
    }
  });
})();
