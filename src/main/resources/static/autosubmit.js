// Sends a form marked data-autosubmit as soon as the page loads; without JavaScript its button does it.
document.querySelectorAll('form[data-autosubmit="true"]').forEach(function (form) { form.submit(); });
