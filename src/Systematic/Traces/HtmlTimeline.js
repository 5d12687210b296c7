// Draws the timeline from the JSON model the page carries, and lets a student step through it like a debugger.
// Plain browser JavaScript, no libraries, no network: the page must work opened straight from the file system.
(function () {
  'use strict';
  var model = JSON.parse(document.getElementById('timeline-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var steps = model.steps, lanes = model.lanes, bars = model.bars, edges = model.waitFor, N = steps.length;
  var STEP_ROW = 30, BAR_ROW = 19, LANE_PAD = 5, AXIS = 40, LEFT = 6, MAX_W = 260, MIN_W = 0.5, NAME_W = 0;
  var LABEL_FONT = '11.5px "DejaVu Sans", system-ui, sans-serif', BAR_FONT = '600 11px "DejaVu Sans", system-ui, sans-serif';
  var scroller = document.getElementById('scroller'), svg = document.getElementById('timeline'), names = document.getElementById('names');
  var callout = document.getElementById('callout'), overview = document.getElementById('overview');
  var state = { w: 0, fit: true, selected: -1 };
  var root = null;
  var measure = document.createElement('canvas').getContext('2d'), widths = {}, currentFont = '';

  // The next step of the same lane, which bounds how far a step's label may run to the right.
  var nextInLane = new Array(N);
  (function () {
    var next = lanes.map(function () { return N; });
    for (var i = N - 1; i >= 0; i--) { nextInLane[i] = next[steps[i].lane]; next[steps[i].lane] = i; }
  })();

  // Bars stack in rows under their lane's steps: a bar takes the first row free at its start.
  var laneRows = lanes.map(function () { return []; });
  bars.forEach(function (bar) {
    var rows = laneRows[bar.lane], row = 0;
    while (row < rows.length && rows[row] >= bar.from) row++;
    rows[row] = bar.open ? Infinity : bar.to;
    bar.row = row;
  });
  var laneTop = [], laneHeight = [], y = AXIS;
  lanes.forEach(function (lane, i) {
    laneTop[i] = y;
    laneHeight[i] = STEP_ROW + laneRows[i].length * BAR_ROW + 2 * LANE_PAD;
    y += laneHeight[i];
  });
  var HEIGHT = y + 4;
  var endWidth = edges.length > 0 ? 70 + 30 * edges.length + longestEdgeLabel() : 28;

  function longestEdgeLabel() {
    return edges.reduce(function (m, e) { return Math.max(m, textWidth(edgeLabel(e), BAR_FONT)); }, 0);
  }
  function edgeLabel(edge) { return lanes[edge.holder].name === edge.resource ? 'to finish' : shortName(edge.resource); }
  function shortName(name) { var dot = name.lastIndexOf('.'); return dot >= 0 && dot < name.length - 1 && name.indexOf(' ') < 0 ? name.slice(dot + 1) : name; }
  function x(i) { return LEFT + i * state.w; }
  function endX() { return x(N) + 8; }
  function el(name, attrs, parent, text) {
    var node = document.createElementNS(SVG, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  // Measuring text is the costly part of drawing thousands of labels: set the font only when it changes, remember widths.
  function textWidth(text, font) {
    var key = font + '|' + text;
    if (key in widths) return widths[key];
    if (font !== currentFont) { measure.font = font; currentFont = font; }
    return (widths[key] = measure.measureText(text).width);
  }
  function fitText(candidates, room, font) {
    for (var i = 0; i < candidates.length; i++) if (textWidth(candidates[i], font) <= room) return candidates[i];
    var base = candidates[candidates.length > 1 ? 1 : 0];
    for (var n = base.length - 1; n >= 4; n--) { var cut = base.slice(0, n) + '\u2026'; if (textWidth(cut, font) <= room) return cut; }
    return '';
  }
  function fitWidth() { return (scroller.clientWidth - LEFT - endWidth - 4) / Math.max(1, N); }
  function laneCenter(lane) { return laneTop[lane] + LANE_PAD + STEP_ROW / 2; }
  function barCenter(bar) { return laneTop[bar.lane] + LANE_PAD + STEP_ROW + bar.row * BAR_ROW + BAR_ROW / 2 - 1; }

  function drawNames() {
    names.innerHTML = '';
    NAME_W = Math.min(220, Math.max(60, lanes.reduce(function (m, l) { return Math.max(m, textWidth(l.name, '700 13px "DejaVu Sans", system-ui, sans-serif')); }, 0) + 18));
    names.setAttribute('width', NAME_W);
    names.setAttribute('height', HEIGHT);
    el('text', { x: 8, y: AXIS - 12, 'class': 'axis-title' }, names, 'step \u2192');
    lanes.forEach(function (lane, i) {
      el('rect', { x: 0, y: laneTop[i], width: NAME_W, height: laneHeight[i] - 2, 'class': 'lane-band' + (i % 2 ? ' odd' : '') + (lane.inCycle ? ' in-cycle' : '') }, names);
      el('text', { x: 8, y: laneCenter(i), 'class': 'lane-name' + (lane.inCycle ? ' in-cycle' : ''), 'data-lane': lane.name }, names, lane.name);
    });
  }

  function tickEvery() {
    var choices = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
    var digits = String(N).length * 7 + 14;
    for (var i = 0; i < choices.length; i++) if (choices[i] * state.w >= digits) return choices[i];
    return 100000;
  }

  function render() {
    var w = state.w, width = Math.max(Math.ceil(endX() + endWidth), scroller.clientWidth);
    svg.innerHTML = '';
    svg.setAttribute('width', width);
    svg.setAttribute('height', HEIGHT);
    // Everything is built in a detached group and attached once: one style and layout pass, not thousands.
    root = el('g', {});
    var defs = el('defs', {}, root);
    [['arrow-cycle', '#c5221f'], ['arrow-other', '#80868b'], ['arrow-race', '#d93025']].forEach(function (m) {
      var marker = el('marker', { id: m[0], viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
      el('path', { d: 'M0,0 L10,5 L0,10 z', fill: m[1] }, marker);
    });
    lanes.forEach(function (lane, i) {
      el('rect', { x: 0, y: laneTop[i], width: width, height: laneHeight[i] - 2, 'class': 'lane-band' + (i % 2 ? ' odd' : '') + (lane.inCycle ? ' in-cycle' : ''), 'data-lane': lane.name }, root);
    });
    // Step axis: a number every few steps, a faint grid line under each.
    var every = tickEvery(), axis = el('g', { 'class': 'axis' }, root);
    el('line', { x1: 0, x2: x(N), y1: AXIS - 4, y2: AXIS - 4, 'class': 'axis-line' }, axis);
    for (var s = 1; s <= N; s++) {
      if (s !== 1 && s % every !== 0) continue;
      var cx = x(s - 1) + w / 2;
      el('line', { x1: cx, x2: cx, y1: AXIS - 9, y2: AXIS - 4, 'class': 'tick' }, axis);
      el('line', { x1: cx, x2: cx, y1: AXIS, y2: HEIGHT, 'class': 'grid' }, axis);
      el('text', { x: cx, y: AXIS - 13, 'class': 'tick-label', 'data-tick': s }, axis, String(s));
    }
    if (model.repeating) drawRepeating(model.repeating);
    var cursor = el('rect', { id: 'cursor', x: 0, y: AXIS, width: 0, height: HEIGHT - AXIS, 'class': 'cursor' }, root);
    cursor.style.display = 'none';
    bars.forEach(drawBar);
    var stepLayer = el('g', { 'class': 'steps' }, root);
    for (var i = 0; i < N; i++) drawStep(stepLayer, i);
    if (model.race) drawRace(model.race);
    if (edges.length > 0) drawWaitFor();
    svg.appendChild(root);
    if (state.selected >= 0) select(state.selected, false);
    drawOverview();
  }

  function drawStep(layer, i) {
    var step = steps[i], w = state.w, top = laneTop[step.lane] + LANE_PAD + 3;
    var cls = 'step cat-' + step.category + (step.highlight ? ' highlight' : '') + (i === state.selected ? ' selected' : '');
    var box = el('rect', { x: x(i) + (w > 3 ? 1 : 0), y: top, width: Math.max(1, w - (w > 3 ? 2 : 0)), height: STEP_ROW - 6, 'class': cls, 'data-step': i + 1 }, layer);
    box.addEventListener('click', function () { select(i, true); });
    var room = (nextInLane[i] - i) * w - 8;
    if (nextInLane[i] === N) room = (N - i) * w - 8 + (edges.length > 0 ? 0 : endWidth - 10);
    if (room < 24) return;
    var label = fitText(step.labels, room, step.category === 'blocked' ? 'bold ' + LABEL_FONT : LABEL_FONT);
    if (!label) return;
    el('text', { x: x(i) + 5, y: top + (STEP_ROW - 6) / 2, 'class': 'step-label cat-' + step.category, 'data-step': i + 1, 'data-room': Math.floor(room) }, layer, label);
  }

  function drawBar(bar) {
    var from = x(bar.from) + 1, to = bar.open ? endX() + 4 : x(bar.to + 1) - 1, cy = barCenter(bar);
    var g = el('g', { 'class': 'bar-group ' + bar.kind, 'data-lane': lanes[bar.lane].name, 'data-resource': bar.resource }, root);
    el('rect', { x: from, y: cy - 7, width: Math.max(2, to - from), height: 14, 'class': 'bar ' + bar.kind + (bar.open ? ' open' : '') }, g);
    var verb = bar.kind === 'hold' ? 'holds ' : 'waits for ';
    var label = fitText([bar.label, verb + shortName(bar.resource), shortName(bar.resource)], to - from - 8, BAR_FONT);
    if (label) el('text', { x: from + 4, y: cy, 'class': 'bar-label ' + bar.kind, 'data-lane': lanes[bar.lane].name }, g, label);
  }

  function drawRepeating(span) {
    var from = x(span.from), to = x(N);
    el('rect', { x: from, y: AXIS, width: to - from, height: HEIGHT - AXIS, 'class': 'repeat-band' }, root);
    if (span.period * state.w >= 6) {
      for (var s = span.from; s <= N; s += span.period) el('line', { x1: x(s), x2: x(s), y1: AXIS - 2, y2: HEIGHT, 'class': 'period' }, root);
    }
    var g = el('g', { 'class': 'repeat-mark', 'data-from': span.from + 1, 'data-period': span.period, 'data-repetitions': span.repetitions }, root);
    var text = 'from step ' + (span.from + 1) + ' the same ' + span.period + ' steps repeat \u00d7' + span.repetitions + ' \u2014 no progress';
    var room = Math.max(60, Math.min(to - from, scroller.clientWidth - 40));
    var shown = fitText([text, 'repeats every ' + span.period + ' steps \u00d7' + span.repetitions, '\u21bb ' + span.period], room - 10, BAR_FONT);
    el('rect', { x: from, y: 2, width: Math.min(to - from, textWidth(shown, BAR_FONT) + 12), height: 16, rx: 3 }, g);
    el('text', { x: from + 6, y: 10 }, g, shown);
  }

  // The two unordered accesses, joined edge to edge by a red link with the variable's name beside it.
  function drawRace(race) {
    var a = race.first, b = race.second, w = state.w, la = steps[a].lane, lb = steps[b].lane;
    var x1 = x(a) + w / 2, x2 = x(b) + w / 2, down = laneTop[la] < laneTop[lb];
    var y1 = laneTop[la] + LANE_PAD + 3 + (down ? STEP_ROW - 6 : 0), y2 = laneTop[lb] + LANE_PAD + 3 + (down ? 0 : STEP_ROW - 6);
    var g = el('g', { 'class': 'race-link', 'data-first': a + 1, 'data-second': b + 1, 'data-variable': race.variable }, root);
    var my = (y1 + y2) / 2;
    el('path', { d: 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + my + ' ' + x2 + ',' + my + ' ' + x2 + ',' + y2 }, g);
    el('circle', { cx: x1, cy: y1, r: 4 }, g);
    el('circle', { cx: x2, cy: y2, r: 4 }, g);
    el('text', { x: Math.max(x1, x2) + 10, y: my + 4 }, g, 'race on ' + race.variable);
  }

  // The wait-for graph, right of the last step: an arrow from each waiter's wait to the holder's hold.
  function drawWaitFor() {
    var start = endX() + 6;
    el('text', { x: start, y: AXIS - 13, 'class': 'end-title' }, svg, 'who waits for whom');
    edges.forEach(function (edge, k) {
      var waitBar = bars.filter(function (b) { return b.lane === edge.waiter && b.kind === 'wait' && b.open; })[0];
      var holdBar = bars.filter(function (b) { return b.lane === edge.holder && b.kind === 'hold' && b.open && b.resource === edge.resource; })[0];
      var y1 = waitBar ? barCenter(waitBar) : laneCenter(edge.waiter), y2 = holdBar ? barCenter(holdBar) : laneCenter(edge.holder);
      if (y1 === y2) y2 += 4;
      var vx = start + 20 + k * 30, x0 = endX() + 6, r = Math.min(8, Math.abs(y2 - y1) / 2), dir = y2 > y1 ? 1 : -1;
      var d = 'M' + x0 + ',' + y1 + ' H' + (vx - r) + ' Q' + vx + ',' + y1 + ' ' + vx + ',' + (y1 + dir * r) +
        ' V' + (y2 - dir * r) + ' Q' + vx + ',' + y2 + ' ' + (vx - r) + ',' + y2 + ' H' + (x0 + 2);
      var g = el('g', { 'class': 'wait-for' + (edge.inCycle ? ' in-cycle' : ''), 'data-waiter': lanes[edge.waiter].name,
        'data-holder': lanes[edge.holder].name, 'data-resource': edge.resource }, root);
      el('title', {}, g, edge.reason);
      el('path', { d: d, 'marker-end': edge.inCycle ? 'url(#arrow-cycle)' : 'url(#arrow-other)' }, g);
      el('text', { x: vx + 4, y: (y1 + y2) / 2 + 4 }, g, edgeLabel(edge));
    });
  }

  function drawOverview() {
    var wide = x(N) + endWidth > scroller.clientWidth + 2;
    overview.hidden = !wide;
    if (!wide) return;
    var width = overview.clientWidth, height = 30;
    overview.width = width;
    overview.height = height;
    var ctx = overview.getContext('2d'), row = Math.max(2, Math.floor((height - 4) / Math.max(1, lanes.length)));
    ctx.clearRect(0, 0, width, height);
    var colors = { lock: '#1a73e8', memory: '#e37400', signal: '#188038', thread: '#80868b', monitor: '#9334e6', other: '#80868b', blocked: '#c5221f' };
    for (var i = 0; i < N; i++) {
      ctx.fillStyle = colors[steps[i].category] || '#80868b';
      ctx.fillRect(Math.floor(i / N * width), 2 + steps[i].lane * row, Math.max(1, width / N), row - 1);
    }
    if (model.repeating) { ctx.fillStyle = 'rgba(147,52,230,0.15)'; ctx.fillRect(model.repeating.from / N * width, 0, width, height); }
    var total = x(N) + endWidth, from = scroller.scrollLeft / total * width, span = scroller.clientWidth / total * width;
    ctx.strokeStyle = '#1a73e8';
    ctx.lineWidth = 2;
    ctx.strokeRect(from + 1, 1, Math.max(4, span - 2), height - 2);
  }

  function setWidth(w, anchor) {
    var anchorStep = anchor === undefined ? (state.selected >= 0 ? state.selected : 0) : anchor;
    var screen = x(anchorStep) - scroller.scrollLeft;
    state.w = Math.max(MIN_W, Math.min(MAX_W, w));
    render();
    scroller.scrollLeft = x(anchorStep) - screen;
    drawOverview();
  }
  function zoom(factor) { state.fit = false; setWidth(state.w * factor); }
  function fit() { state.fit = true; setWidth(fitWidth()); scroller.scrollLeft = 0; drawOverview(); }

  function reveal(from, to) {
    var left = x(from) - 40, right = x(to + 1) + (to === N - 1 ? endWidth : 40);
    if (right - left > scroller.clientWidth) right = left + scroller.clientWidth;
    if (left < scroller.scrollLeft) scroller.scrollLeft = left;
    else if (right > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = right - scroller.clientWidth;
  }

  // Selecting a step: mark it, say what it is where it is, and show its source line and every thread's state.
  function select(i, scroll) {
    if (N === 0) return;
    i = Math.max(0, Math.min(N - 1, i));
    var previous = svg.querySelector('.step.selected');
    if (previous) previous.classList.remove('selected');
    state.selected = i;
    var box = svg.querySelector('.step[data-step="' + (i + 1) + '"]');
    if (box) box.classList.add('selected');
    var step = steps[i], lane = lanes[step.lane].name;
    var cursor = document.getElementById('cursor');
    cursor.style.display = '';
    cursor.setAttribute('x', x(i));
    cursor.setAttribute('width', Math.max(2, state.w));
    if (scroll) reveal(i, i);
    var shown = svg.querySelector('.step-label[data-step="' + (i + 1) + '"]');
    callout.hidden = !!shown && step.labels.indexOf(shown.textContent) === 0;
    callout.textContent = (i + 1) + ' \u00b7 ' + lane + ': ' + step.text;
    var left = x(i), top = laneTop[step.lane] - 22;
    callout.style.top = Math.max(0, top) + 'px';
    callout.style.left = '0px';
    var width = callout.offsetWidth;
    callout.style.left = Math.max(scroller.scrollLeft + 2, Math.min(left, scroller.scrollLeft + scroller.clientWidth - width - 4)) + 'px';
    document.getElementById('step-title').textContent = 'Step ' + (i + 1) + ' of ' + N + ': ' + lane + ' \u2014 ' + step.text;
    document.getElementById('step-where').textContent = step.at ? step.at : 'no source line recorded';
    showThreads(i);
    showSource(step);
    document.body.setAttribute('data-selected-step', i + 1);
    drawOverview();
  }

  // Every thread's state just after step i: a hold ends with its Exit step, a wait lasts through its last bar step.
  function showThreads(i) {
    var list = document.getElementById('threads');
    list.innerHTML = '';
    lanes.forEach(function (lane, l) {
      var item = document.createElement('li');
      if (steps[i].lane === l) item.className = 'running';
      var holds = bars.filter(function (b) { return b.lane === l && b.kind === 'hold' && b.from <= i && (b.open || i < b.to); }).map(function (b) { return b.resource; });
      var waits = bars.filter(function (b) { return b.lane === l && b.kind === 'wait' && b.from <= i && i <= b.to; }).map(function (b) { return b.label; });
      item.appendChild(document.createTextNode((steps[i].lane === l ? '\u25b6 ' : '\u2003') + lane.name + ': '));
      var parts = [];
      if (holds.length) parts.push(['holds', 'holds ' + holds.join(', ')]);
      if (waits.length) parts.push(['waits', waits.join(', ')]);
      if (!parts.length) parts.push(['', 'holds nothing']);
      parts.forEach(function (p, k) {
        if (k) item.appendChild(document.createTextNode('; '));
        var span = document.createElement('span');
        span.className = p[0];
        span.textContent = p[1];
        item.appendChild(span);
      });
      list.appendChild(item);
    });
  }

  function showSource(step) {
    var excerpt = step.at ? model.sources[step.at] : null, source = document.getElementById('source'), file = document.getElementById('source-file');
    source.innerHTML = '';
    if (!excerpt) {
      file.textContent = step.at ? step.at + ' (the file was not found when this page was made)' : 'no source line recorded for this step';
      return;
    }
    file.textContent = step.at;
    excerpt.lines.forEach(function (line) {
      var span = document.createElement('span');
      span.className = 'line' + (line.number === excerpt.line ? ' current' : '');
      var no = document.createElement('span');
      no.className = 'no';
      no.textContent = line.number;
      span.appendChild(no);
      span.appendChild(document.createTextNode(line.text));
      source.appendChild(span);
    });
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var handled = true, at = state.selected;
    switch (event.key) {
      case 'ArrowRight': case 'j': case 'n': select(at < 0 ? 0 : at + 1, true); break;
      case 'ArrowLeft': case 'k': case 'p': select(at < 0 ? 0 : at - 1, true); break;
      case 'Home': select(0, true); break;
      case 'End': select(N - 1, true); break;
      case '+': case '=': zoom(1.5); break;
      case '-': case '_': zoom(1 / 1.5); break;
      case '0': fit(); break;
      case 'b': showBug(); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  }

  function showBug() {
    reveal(model.focus.from, model.focus.to);
    select(model.focus.from, false);
    reveal(model.focus.from, model.focus.to);
  }

  document.addEventListener('keydown', onKey);
  document.getElementById('prev').addEventListener('click', function () { select(state.selected - 1, true); });
  document.getElementById('next').addEventListener('click', function () { select(state.selected + 1, true); });
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(1.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1 / 1.5); });
  document.getElementById('zoom-fit').addEventListener('click', fit);
  document.getElementById('to-bug').addEventListener('click', showBug);
  scroller.addEventListener('scroll', drawOverview);
  scroller.addEventListener('wheel', function (event) {
    if (!event.ctrlKey) return;
    event.preventDefault();
    var step = Math.floor((event.clientX - scroller.getBoundingClientRect().left + scroller.scrollLeft - LEFT) / state.w);
    state.fit = false;
    setWidth(state.w * (event.deltaY < 0 ? 1.25 : 0.8), Math.max(0, Math.min(N - 1, step)));
  }, { passive: false });
  overview.addEventListener('click', function (event) {
    var fraction = (event.clientX - overview.getBoundingClientRect().left) / overview.clientWidth;
    scroller.scrollLeft = fraction * (x(N) + endWidth) - scroller.clientWidth / 2;
  });
  window.addEventListener('resize', function () { if (state.fit) setWidth(Math.max(fitWidth(), 14)); else drawOverview(); });

  // Opening: as wide as the page allows, never so narrow that the labels vanish; the failing part in view.
  var started = performance.now();
  drawNames();
  // A schedule too long for the page opens zoomed on its failing part: that part fills most of the width.
  var focusWidth = (scroller.clientWidth - LEFT - endWidth) * 0.85 / (model.focus.to - model.focus.from + 1);
  state.fit = fitWidth() >= 14;
  state.w = Math.max(MIN_W, Math.min(MAX_W, state.fit ? fitWidth() : Math.max(14, Math.min(80, focusWidth))));
  render();
  if (N > 0) showBug();
  var opened = { from: scroller.scrollLeft, to: scroller.scrollLeft + scroller.clientWidth };
  var openedInMs = performance.now() - started;

  // #selftest: drive the page from script as a student would, and write what the DOM then shows into the page,
  // so a headless browser's --dump-dom carries the result out to the tests.
  if (location.hash === '#selftest') {
    var inView = function (i) { return x(i) >= opened.from - 1 && x(i + 1) <= opened.to + 1; };
    var result = {
      steps: svg.querySelectorAll('.step').length,
      openedInMs: openedInMs,
      svgNodes: svg.getElementsByTagName('*').length,
      stepWidth: state.w,
      viewport: scroller.clientWidth,
      focus: { from: model.focus.from + 1, to: model.focus.to + 1, inView: N === 0 || (inView(model.focus.from) && inView(model.focus.to)) },
      labels: Array.prototype.map.call(svg.querySelectorAll('.step-label'), function (t) {
        return { step: +t.getAttribute('data-step'), text: t.textContent, width: t.getComputedTextLength(), room: +t.getAttribute('data-room') };
      }),
      bars: Array.prototype.map.call(svg.querySelectorAll('.bar-label'), function (t) { return { lane: t.getAttribute('data-lane'), text: t.textContent }; }),
      arrows: Array.prototype.map.call(svg.querySelectorAll('.wait-for'), function (g) {
        var path = g.querySelector('path');
        return { waiter: g.getAttribute('data-waiter'), holder: g.getAttribute('data-holder'), resource: g.getAttribute('data-resource'),
          inCycle: g.classList.contains('in-cycle'), label: g.querySelector('text').textContent, length: path.getTotalLength() };
      }),
      race: Array.prototype.map.call(svg.querySelectorAll('.race-link'), function (g) {
        return { first: +g.getAttribute('data-first'), second: +g.getAttribute('data-second'), label: g.querySelector('text').textContent };
      }),
      repeating: Array.prototype.map.call(svg.querySelectorAll('.repeat-mark'), function (g) {
        return { from: +g.getAttribute('data-from'), period: +g.getAttribute('data-period'), label: g.querySelector('text').textContent };
      }),
      ticks: Array.prototype.map.call(svg.querySelectorAll('.tick-label'), function (t) { return +t.textContent; }),
      laneNames: Array.prototype.map.call(names.querySelectorAll('.lane-name'), function (t) { return t.textContent; }),
      lanesWidth: names.getBoundingClientRect().width,
      pageWidth: document.documentElement.clientWidth,
      keys: []
    };
    var press = function (key) {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true, cancelable: true }));
      var current = document.querySelector('#source .line.current');
      result.keys.push({ key: key, selected: state.selected + 1, title: document.getElementById('step-title').textContent,
        where: document.getElementById('step-where').textContent, source: current ? current.lastChild.textContent : null,
        threads: Array.prototype.map.call(document.querySelectorAll('#threads li'), function (li) { return li.textContent; }),
        selectedInView: x(state.selected) >= scroller.scrollLeft - 1 && x(state.selected + 1) <= scroller.scrollLeft + scroller.clientWidth + 1 });
    };
    ['Home', 'ArrowRight', 'j', 'ArrowRight', 'ArrowLeft', 'k', 'End', 'ArrowRight'].forEach(press);
    var before = state.w;
    press('+');
    result.zoom = { before: before, after: state.w };
    press('0');
    result.zoom.fitted = state.w;
    var out = document.getElementById('selftest-result');
    out.textContent = JSON.stringify(result);
  }
})();
