// Ops dashboard of sla-monitor: plain JS, no dependencies. Data comes from the ops API with the
// pasted bearer token; live changes come from GET /api/v1/alerts/stream, read with fetch()
// streaming (EventSource cannot send an Authorization header).
(function () {
  'use strict';

  // set once per page load: a reload would set it again (the browser test relies on that)
  window.dashboardLoadedAt = Date.now();

  var TOKEN_KEY = 'sla-monitor.ops-token';
  var STATES = ['RUNNING', 'PAUSED', 'AT_RISK', 'MET', 'BREACHED', 'CANCELLED'];
  var LEVELS = ['GOLD_PLUS', 'GOLD', 'SILVER', 'BRONZE', 'WARRANTY'];
  var LIST_SIZE = 200;
  var FEED_MAX = 50;
  // the business calendar's zone and the intake URL come from GET /api/v1/dashboard/config
  var config = { zone: 'Asia/Tokyo', zoneLabel: 'JST', intakeUrl: 'http://localhost:8081', calendar: 'JP' };
  var zoned = formatter(config.zone);

  function formatter(zone) {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hour12: false
    });
  }

  var atRisk = new Map();
  var breached = new Map();
  var stream = null;
  var summaryTimer = null;
  var seenAlertIds = new Set();

  function $(id) { return document.getElementById(id); }
  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // unambiguous: 2026-12-01 11:29 JST
  function jst(iso) {
    if (!iso) { return ''; }
    var parts = {};
    zoned.formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
    var hour = parts.hour === '24' ? '00' : parts.hour;
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + hour + ':' + parts.minute + ' ' +
      config.zoneLabel;
  }

  function timelineUrl(rmaNumber) {
    return config.intakeUrl + '/api/v1/rmas/' + encodeURIComponent(rmaNumber) + '/timeline';
  }

  // the RMA opens its timeline (intake's API, read with the ops token) in the page's timeline card
  function rmaCell(rmaNumber) {
    var cell = el('td');
    var link = el('a', { href: timelineUrl(rmaNumber), 'data-timeline': rmaNumber }, rmaNumber);
    link.addEventListener('click', function (event) {
      event.preventDefault();
      loadTimeline(rmaNumber);
    });
    cell.appendChild(link);
    return cell;
  }

  function loadTimeline(rmaNumber) {
    var card = $('timeline-card');
    var body = $('timeline').tBodies[0];
    var status = $('timeline-status');
    card.hidden = false;
    $('timeline-rma').textContent = rmaNumber;
    status.textContent = 'loading…';
    body.textContent = '';
    return fetch(timelineUrl(rmaNumber), {
      headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('answered ' + response.status); }
      return response.json();
    }).then(function (entries) {
      entries.forEach(function (e) {
        var row = el('tr', { 'data-type': e.type });
        row.appendChild(el('td', {}, jst(e.at)));
        row.appendChild(el('td', {}, e.type));
        row.appendChild(el('td', {}, e.source));
        row.appendChild(el('td', {}, e.summary));
        body.appendChild(row);
      });
      status.textContent = entries.length ? '' : '(no steps yet)';
      card.scrollIntoView();
    }).catch(function () {
      status.textContent = 'unavailable';
    });
  }

  function duration(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var d = Math.floor(s / 86400); s -= d * 86400;
    var h = Math.floor(s / 3600); s -= h * 3600;
    var m = Math.floor(s / 60); s -= m * 60;
    function two(n) { return n < 10 ? '0' + n : String(n); }
    if (d > 0) { return d + 'd ' + two(h) + 'h ' + two(m) + 'm'; }
    if (h > 0) { return h + 'h ' + two(m) + 'm ' + two(s) + 's'; }
    return m + 'm ' + two(s) + 's';
  }

  function status(kind, text) {
    var s = $('live-status');
    s.className = 'status ' + kind;
    s.textContent = text;
  }

  // ------------------------------------------------------------------ API

  function AuthError(message) { this.message = message; }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) { throw new AuthError('The token was not accepted (expired or not signed for this stack).'); }
        if (response.status === 403) { throw new AuthError('This token has no ops role.'); }
        if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
        return response.json();
      });
  }

  function loadSummary() {
    return api('/api/v1/slas/summary').then(renderCounts);
  }

  function loadLists() {
    return Promise.all([
      api('/api/v1/slas?state=AT_RISK&sort=dueAt&size=' + LIST_SIZE),
      api('/api/v1/slas?state=BREACHED&sort=-dueAt&size=' + LIST_SIZE)
    ]).then(function (pages) {
      atRisk.clear();
      breached.clear();
      pages[0].items.forEach(function (sla) { atRisk.set(sla.rmaNumber, sla); });
      pages[1].items.forEach(function (sla) { breached.set(sla.rmaNumber, sla); });
      renderLists();
    });
  }

  function loadConfig() {
    return api('/api/v1/dashboard/config').then(function (c) {
      config = c;
      zoned = formatter(c.zone);
    });
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  function today() {
    if (config.today) {
      var t = config.today.split('-');
      return { y: t[0], m: t[1], d: t[2] };
    }
    var parts = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: config.zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return { y: parts.year, m: parts.month, d: parts.day };
  }

  function hours(seconds) {
    return seconds === null || seconds === undefined ? '—' : (seconds / 3600).toFixed(1) + ' h';
  }

  function loadReport() {
    var t = today();
    var from = t.y + '-' + t.m + '-01', to = t.y + '-' + t.m + '-' + t.d;
    return api('/api/v1/reports/sla?groupBy=level&from=' + from + '&to=' + to).then(function (report) {
      $('report-range').textContent = '(' + from + ' – ' + to + ')';
      var body = $('report').tBodies[0];
      body.textContent = '';
      report.rows.forEach(function (r) {
        var row = el('tr', { 'data-group': r.group });
        row.appendChild(el('td', {}, r.group));
        [r.met, r.breached, r.cancelled, r.open].forEach(function (n) { row.appendChild(el('td', { 'class': 'num' }, n)); });
        row.appendChild(el('td', { 'class': 'num' }, r.compliancePercent === null ? '—' : r.compliancePercent.toFixed(1) + ' %'));
        row.appendChild(el('td', { 'class': 'num' }, hours(r.timeToShipP50)));
        row.appendChild(el('td', { 'class': 'num' }, hours(r.timeToShipP90)));
        body.appendChild(row);
      });
    });
  }

  function loadChart() {
    return api('/api/v1/reports/sla/daily?days=14').then(function (daily) {
      var ns = 'http://www.w3.org/2000/svg';
      var days = daily.days;
      var max = 1;
      days.forEach(function (d) { max = Math.max(max, d.breached, d.atRisk); });
      var svg = document.createElementNS(ns, 'svg');
      var w = 700, h = 140, base = 120, slot = w / Math.max(1, days.length), bw = Math.max(2, slot / 2 - 3);
      svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
      svg.setAttribute('preserveAspectRatio', 'none');
      days.forEach(function (d, i) {
        [['bar-breached', d.breached, 0], ['bar-at-risk', d.atRisk, bw + 2]].forEach(function (b) {
          var bar = document.createElementNS(ns, 'rect');
          var bh = Math.round((b[1] / max) * (base - 10));
          bar.setAttribute('class', b[0]);
          bar.setAttribute('x', String(i * slot + 2 + b[2]));
          bar.setAttribute('y', String(base - bh));
          bar.setAttribute('width', String(bw));
          bar.setAttribute('height', String(bh));
          bar.setAttribute('data-day', d.day);
          bar.setAttribute('data-count', String(b[1]));
          var title = document.createElementNS(ns, 'title');
          title.textContent = d.day + ': ' + b[1] + (b[0] === 'bar-breached' ? ' breached' : ' at risk');
          bar.appendChild(title);
          svg.appendChild(bar);
        });
        var label = document.createElementNS(ns, 'text');
        label.setAttribute('x', String(i * slot + 2));
        label.setAttribute('y', String(h - 4));
        label.textContent = d.day.slice(5);
        svg.appendChild(label);
      });
      var chart = $('chart');
      chart.textContent = '';
      chart.appendChild(svg);
    });
  }

  function loadChanges() {
    $('changes-calendar').textContent = '(' + config.calendar + ')';
    return api('/api/v1/calendars/' + encodeURIComponent(config.calendar) + '/changes?size=10').then(function (page) {
      var body = $('changes').tBodies[0];
      body.textContent = '';
      page.items.forEach(function (c) {
        var row = el('tr', { 'data-change': c.changeNumber });
        row.appendChild(el('td', {}, c.changeNumber));
        row.appendChild(el('td', {}, c.lastDate && c.lastDate !== c.date ? c.date + ' – ' + c.lastDate : c.date));
        row.appendChild(el('td', {}, c.action === 'CLOSE' ? 'closed' : 'reopened'));
        row.appendChild(el('td', {}, c.reason));
        row.appendChild(el('td', {}, c.changedBy));
        row.appendChild(el('td', {}, jst(c.changedAt)));
        row.appendChild(el('td', { 'class': 'num' }, c.repairedAt ? c.clocksMoved : 'repairing…'));
        body.appendChild(row);
      });
      $('changes-empty').hidden = page.items.length > 0;
    });
  }

  function loadRepairs() {
    return api('/api/v1/slas/repair').then(function (repairs) {
      var body = $('repairs').tBodies[0];
      body.textContent = '';
      repairs.slice(0, 10).forEach(function (r) {
        var row = el('tr');
        row.appendChild(el('td', {}, r.from + ' – ' + r.to));
        row.appendChild(el('td', {}, r.reason));
        row.appendChild(el('td', {}, r.requestedBy));
        row.appendChild(el('td', {}, jst(r.requestedAt)));
        [r.clocksChecked, r.metToBreached, r.breachedToMet].forEach(function (n) {
          row.appendChild(el('td', { 'class': 'num' }, n));
        });
        body.appendChild(row);
      });
      $('repairs-empty').hidden = repairs.length > 0;
    });
  }

  // intake's paused webhooks (ops token; intake allows this page's origin): "unavailable" otherwise
  function loadWebhooks() {
    var status = $('webhooks-status');
    var body = $('webhooks').tBodies[0];
    return fetch(config.intakeUrl + '/api/v1/webhooks?state=PAUSED', {
      headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('answered ' + response.status); }
      return response.json();
    }).then(function (page) {
      var items = page.items || [];
      body.textContent = '';
      items.forEach(function (w) {
        var row = el('tr', { 'data-webhook': w.id });
        row.appendChild(el('td', {}, w.partnerId || ''));
        row.appendChild(el('td', {}, w.url));
        row.appendChild(el('td', {}, w.pausedReason || ''));
        row.appendChild(el('td', {}, jst(w.pausedAt)));
        body.appendChild(row);
      });
      status.textContent = items.length ? '(' + items.length + ')' : '(none)';
    }).catch(function () {
      body.textContent = '';
      status.textContent = 'unavailable';
    });
  }

  function loadPanels() {
    return Promise.all([loadReport(), loadChart(), loadChanges(), loadRepairs(), loadWebhooks()]);
  }

  function loadAll() {
    return Promise.all([loadSummary(), loadLists(), loadPanels().catch(failed)]).then(function () {
      $('loaded-at').textContent = 'Loaded ' + new Date().toLocaleTimeString();
    });
  }

  function refreshSummarySoon() {
    if (summaryTimer) { return; }
    summaryTimer = setTimeout(function () {
      summaryTimer = null;
      loadSummary().catch(failed);
    }, 250);
  }

  // ------------------------------------------------------------------ rendering

  function renderCounts(summary) {
    var head = $('counts').tHead;
    var body = $('counts').tBodies[0];
    head.textContent = '';
    body.textContent = '';
    var hr = el('tr');
    hr.appendChild(el('th', {}, 'State'));
    LEVELS.forEach(function (l) { hr.appendChild(el('th', { 'class': 'num' }, l)); });
    hr.appendChild(el('th', { 'class': 'num' }, 'All'));
    head.appendChild(hr);
    STATES.forEach(function (state) {
      var row = el('tr', { 'data-state': state });
      row.appendChild(el('th', {}, state));
      var sum = 0;
      LEVELS.forEach(function (level) {
        var n = (summary.counts[state] || {})[level] || 0;
        sum += n;
        row.appendChild(el('td', { 'class': 'num' + (n ? '' : ' zero'), 'data-level': level }, n));
      });
      row.appendChild(el('td', { 'class': 'num' + (sum ? '' : ' zero'), 'data-level': 'ALL' }, sum));
      body.appendChild(row);
    });
    $('total').textContent = '(' + summary.total + ' in all)';
  }

  function sorted(map, newestFirst) {
    var items = Array.from(map.values());
    items.sort(function (a, b) {
      var d = new Date(a.dueAt) - new Date(b.dueAt);
      return newestFirst ? -d : d;
    });
    return items.slice(0, LIST_SIZE);
  }

  function renderLists(fresh) {
    var now = Date.now();
    var riskBody = $('at-risk').tBodies[0];
    riskBody.textContent = '';
    sorted(atRisk, false).forEach(function (sla) {
      var row = el('tr', { 'data-rma': sla.rmaNumber, id: 'at-risk-' + sla.rmaNumber });
      if (fresh === sla.rmaNumber) { row.className = 'fresh'; }
      row.appendChild(rmaCell(sla.rmaNumber));
      row.appendChild(el('td', {}, sla.serviceLevel));
      row.appendChild(el('td', {}, sla.target));
      row.appendChild(el('td', {}, jst(sla.dueAt)));
      row.appendChild(el('td', { 'class': 'left', 'data-due': sla.dueAt },
        duration((new Date(sla.dueAt) - now) / 1000)));
      riskBody.appendChild(row);
    });
    var badBody = $('breached').tBodies[0];
    badBody.textContent = '';
    sorted(breached, true).forEach(function (sla) {
      var row = el('tr', { 'data-rma': sla.rmaNumber, id: 'breached-' + sla.rmaNumber });
      if (fresh === sla.rmaNumber) { row.className = 'fresh'; }
      row.appendChild(rmaCell(sla.rmaNumber));
      row.appendChild(el('td', {}, sla.serviceLevel));
      row.appendChild(el('td', {}, sla.target));
      row.appendChild(el('td', {}, jst(sla.dueAt)));
      var stopped = sla.lateBySeconds !== null && sla.lateBySeconds !== undefined;
      var late = stopped ? sla.lateBySeconds : (now - new Date(sla.dueAt)) / 1000;
      var cell = el('td', { 'class': 'late' }, duration(late));
      if (!stopped) { cell.setAttribute('data-due', sla.dueAt); }
      row.appendChild(cell);
      row.appendChild(el('td', {}, stopped ? jst(sla.stoppedAt) : 'not yet'));
      badBody.appendChild(row);
    });
    $('at-risk-count').textContent = atRisk.size;
    $('breached-count').textContent = breached.size;
    $('at-risk-empty').hidden = atRisk.size > 0;
    $('breached-empty').hidden = breached.size > 0;
  }

  // time left / late by count every second without asking the server
  function tickClocks() {
    var now = Date.now();
    document.querySelectorAll('#at-risk td[data-due]').forEach(function (cell) {
      cell.textContent = duration((new Date(cell.getAttribute('data-due')) - now) / 1000);
    });
    document.querySelectorAll('#breached td[data-due]').forEach(function (cell) {
      cell.textContent = duration((now - new Date(cell.getAttribute('data-due'))) / 1000);
    });
  }

  function addToFeed(type, alert) {
    var item = el('li', { 'class': 'type-' + type.replace(/\./g, '-'), 'data-rma': alert.rmaNumber,
      'data-type': type });
    var what = { 'sla.at-risk.v1': 'at risk', 'sla.breached.v1': 'BREACHED', 'sla.met.v1': 'met' }[type] || type;
    var text = jst(alert.occurredAt) + ' — ' + alert.rmaNumber + ' (' + alert.serviceLevel + ', ' +
      alert.target + ') ' + what;
    if (alert.lateBySeconds) { text += ', late by ' + duration(alert.lateBySeconds); }
    if (alert.correctsBreach) { text += ' in time: the breach announced before is withdrawn'; }
    item.textContent = text;
    var feed = $('feed');
    feed.insertBefore(item, feed.firstChild);
    while (feed.children.length > FEED_MAX) { feed.removeChild(feed.lastChild); }
    $('feed-empty').hidden = true;
  }

  // ------------------------------------------------------------------ live alerts

  function onAlert(type, id, data) {
    if (id) {
      if (seenAlertIds.has(id)) { return; } // a redelivered alert changes nothing
      seenAlertIds.add(id);
    }
    var alert;
    try { alert = JSON.parse(data); } catch (e) { return; }
    var sla = {
      rmaNumber: alert.rmaNumber, serviceLevel: alert.serviceLevel, target: alert.target,
      startedAt: alert.startedAt, dueAt: alert.dueAt, state: alert.state,
      lateBySeconds: alert.lateBySeconds, stoppedAt: null
    };
    if (type === 'sla.at-risk.v1') {
      atRisk.set(sla.rmaNumber, sla);
    } else if (type === 'sla.breached.v1') {
      atRisk.delete(sla.rmaNumber);
      if (sla.lateBySeconds !== null && sla.lateBySeconds !== undefined) {
        sla.stoppedAt = new Date(new Date(sla.dueAt).getTime() + sla.lateBySeconds * 1000).toISOString();
      }
      breached.set(sla.rmaNumber, sla);
    } else if (type === 'sla.met.v1') {
      atRisk.delete(sla.rmaNumber);
      breached.delete(sla.rmaNumber);
    } else {
      return;
    }
    renderLists(sla.rmaNumber);
    addToFeed(type, alert);
    refreshSummarySoon();
  }

  // Server-sent events framing: fields until a blank line; ':' lines are comments.
  function parseFrames(buffer, emit) {
    var frames = buffer.split(/\r\n\r\n|\n\n|\r\r/);
    var rest = frames.pop();
    frames.forEach(function (frame) {
      var event = 'message', id = null, data = [];
      frame.split(/\r\n|\n|\r/).forEach(function (line) {
        if (!line || line.charAt(0) === ':') { return; }
        var colon = line.indexOf(':');
        var field = colon < 0 ? line : line.slice(0, colon);
        var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') { event = value; }
        else if (field === 'data') { data.push(value); }
        else if (field === 'id') { id = value; }
      });
      if (data.length) { emit(event, id, data.join('\n')); }
    });
    return rest;
  }

  function follow(attempt) {
    var controller = new AbortController();
    stream = controller;
    fetch('/api/v1/alerts/stream', {
      headers: { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' },
      signal: controller.signal, cache: 'no-store'
    }).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        throw new AuthError('The alert stream refused the token (' + response.status + ').');
      }
      if (!response.ok || !response.body) { throw new Error('stream answered ' + response.status); }
      status('live', 'live');
      attempt = 0;
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { throw new Error('stream ended'); }
          buffer = parseFrames(buffer + decoder.decode(chunk.value, { stream: true }), onAlert);
          return pump();
        });
      }
      return pump();
    }).catch(function (error) {
      if (stream !== controller) { return; } // signed out or replaced
      if (error instanceof AuthError) { signOut(error.message); return; }
      status('reconnecting', 'reconnecting…');
      var wait = Math.min(10000, 1000 * Math.pow(2, attempt || 0));
      setTimeout(function () {
        if (stream !== controller) { return; }
        // whatever fired while disconnected is in the lists
        loadAll().catch(failed).then(function () { follow((attempt || 0) + 1); });
      }, wait);
    });
  }

  // ------------------------------------------------------------------ session

  function failed(error) {
    if (error instanceof AuthError) { signOut(error.message); return; }
    if (window.console) { console.warn(error); }
  }

  function start() {
    $('login').hidden = true;
    $('board').hidden = false;
    status('offline', 'connecting…');
    loadConfig().catch(function () { /* defaults */ }).then(loadAll).then(function () { follow(0); }).catch(failed);
  }

  function signOut(message) {
    if (stream) { stream.abort(); stream = null; }
    sessionStorage.removeItem(TOKEN_KEY);
    $('board').hidden = true;
    $('login').hidden = false;
    status('offline', 'not connected');
    var error = $('login-error');
    error.hidden = !message;
    error.textContent = message || '';
  }

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var value = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
    if (!value) { return; }
    sessionStorage.setItem(TOKEN_KEY, value);
    $('token-input').value = '';
    $('login-error').hidden = true;
    start();
  });
  $('sign-out').addEventListener('click', function () { signOut(null); });

  setInterval(tickClocks, 1000);
  // running clocks start without an alert: refresh the counts now and then
  setInterval(function () {
    if (token() && !$('board').hidden) { loadSummary().catch(failed); loadPanels().catch(failed); }
  }, 30000);

  if (token()) { start(); }
}());
