// Media library: "copy URL" buttons (hidden without JavaScript; the URL field can be selected by hand).
document.querySelectorAll('button.copy-url').forEach(function (button) {
  var field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    var url = new URL(field.value, window.location.href).href;
    navigator.clipboard.writeText(url).then(function () {
      button.textContent = button.textContent.replace(/.*/, '\u2713');
    });
  });
});
