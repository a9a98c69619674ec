// Dynamic Registration §3.6: tell the LMS the registration ended, so it closes its dialog.
(function () {
  var platform = window.opener || (window.parent !== window ? window.parent : null);
  if (platform) platform.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
})();
