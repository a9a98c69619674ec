// Enhances a recording's page: resume, speed, keyboard, chapter and transcript seeking, progress reports.
(function () {
  var box = document.getElementById('player');
  var media = document.getElementById('media');
  var embed = document.getElementById('embed');
  // A recording that lives on YouTube or Vimeo: chapters and transcript times seek its player through
  // the commands both accept by postMessage (no script of theirs is loaded into this page).
  if (box && !media && embed) {
    var provider = embed.dataset.provider;
    var target = new URL(embed.src).origin;
    var send = function (message) { embed.contentWindow.postMessage(JSON.stringify(message), target); };
    document.querySelectorAll('[data-seek]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var at = parseFloat(link.dataset.seek);
        if (provider === 'YOUTUBE') {
          send({ event: 'command', func: 'seekTo', args: [at, true] });
          send({ event: 'command', func: 'playVideo', args: [] });
        } else if (provider === 'VIMEO') {
          send({ method: 'setCurrentTime', value: at });
          send({ method: 'play' });
        } else {
          return;
        }
        event.preventDefault();
        embed.focus();
      });
    });
    return;
  }
  if (!box || !media) return;
  var resume = parseFloat(box.dataset.resume || '0');
  // Original, light or audio only: the person's last choice, else the light one when the browser says
  // it saves data or its connection is slow. A switch keeps the position, the speed and the captions.
  var version = document.getElementById('version');
  if (version) {
    var choose = function (key, keepPlaying) {
      var option = version.querySelector('option[value="' + key + '"]');
      if (!option || media.getAttribute('src') === option.dataset.src) return;
      var at = media.currentTime, rate = media.playbackRate, playing = keepPlaying && !media.paused;
      version.value = key;
      media.src = option.dataset.src;
      media.addEventListener('loadedmetadata', function back() {
        media.removeEventListener('loadedmetadata', back);
        if (at > 0) media.currentTime = at;
        media.playbackRate = rate;
        if (playing) media.play();
      });
    };
    var saved = null;
    try { saved = localStorage.getItem('innovadores.version'); } catch (e) { saved = null; }
    var connection = navigator.connection;
    var slow = connection && (connection.saveData || /(^|-)(2g|3g)$/.test(connection.effectiveType || ''));
    if (saved) choose(saved, false); else if (slow) choose('light', false);
    version.addEventListener('change', function () {
      try { localStorage.setItem('innovadores.version', version.value); } catch (e) { /* private mode: not remembered */ }
      choose(version.value, true);
    });
  }
  function resumeWhereLeft() {
    if (resume > 0 && resume < media.duration - 5) media.currentTime = resume;
  }
  // Recordings made in a browser (MediaRecorder's WebM) state no duration; seeking far ahead makes
  // the browser find it, then the player goes back. Without a duration no progress could be reported.
  media.addEventListener('loadedmetadata', function () {
    if (isFinite(media.duration)) { resumeWhereLeft(); return; }
    media.addEventListener('durationchange', function found() {
      if (!isFinite(media.duration)) return;
      media.removeEventListener('durationchange', found);
      media.currentTime = 0;
      resumeWhereLeft();
    });
    media.currentTime = 1e101;
  });
  var speed = document.getElementById('speed');
  if (speed) speed.addEventListener('change', function () { media.playbackRate = parseFloat(speed.value); });

  document.querySelectorAll('[data-seek]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      media.currentTime = parseFloat(link.dataset.seek);
      media.play();
      media.focus();
    });
  });

  // k or space: play/pause; j / l: 10 s back / forward; when focus is in the player and not in a field.
  box.addEventListener('keydown', function (event) {
    var tag = event.target.tagName;
    if (tag === 'SELECT' || tag === 'INPUT' || tag === 'BUTTON' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'k' || (event.key === ' ' && event.target !== media)) {
      event.preventDefault();
      if (media.paused) media.play(); else media.pause();
    } else if (event.key === 'j') {
      media.currentTime = Math.max(0, media.currentTime - 10);
    } else if (event.key === 'l') {
      media.currentTime = Math.min(media.duration || Infinity, media.currentTime + 10);
    }
  });

  // Watched time counts only real playback, not seeking.
  var watched = 0;
  var last = null;
  media.addEventListener('timeupdate', function () {
    var now = media.currentTime;
    if (last !== null && !media.seeking) {
      var delta = now - last;
      if (delta > 0 && delta < 2) watched += delta;
    }
    last = now;
    var lines = document.querySelectorAll('#transcript-lines [data-seek]');
    lines.forEach(function (line, i) {
      var start = parseFloat(line.dataset.seek);
      var next = i + 1 < lines.length ? parseFloat(lines[i + 1].dataset.seek) : Infinity;
      line.parentElement.classList.toggle('current', now >= start && now < next);
    });
  });
  media.addEventListener('seeking', function () { last = null; });

  var reported = 0;
  function report() {
    if (!media.duration || !isFinite(media.duration)) return;
    var body = new URLSearchParams({
      s: box.dataset.token, csrf: box.dataset.csrf, position: String(media.currentTime),
      watched: String(Math.max(watched, reported)), duration: String(media.duration)
    });
    reported = Math.max(watched, reported);
    // The answer carries the figure in the person's words: the page's "watched" follows the playing.
    fetch(box.dataset.progress, { method: 'POST', body: body, credentials: 'same-origin', keepalive: true })
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (data) {
        var figure = document.getElementById('watched-figure');
        if (data && data.text && figure) figure.textContent = data.text;
      })
      .catch(function () { /* the next report tries again */ });
  }
  setInterval(function () { if (!media.paused) report(); }, 10000);
  media.addEventListener('pause', report);
  media.addEventListener('ended', report);
  window.addEventListener('pagehide', function () { if (!media.paused) report(); });
})();
