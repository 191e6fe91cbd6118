// @ts-nocheck
// One measurement of a page as it is laid out now, for
// test_browser_geometry.py: every table, code box and chart of the main
// article with its geometry, as plain data.  The rules (what may be hidden,
// how small text may be) are judged in Python.
(async () => {
  const vw = document.documentElement.clientWidth;
  const main = document.querySelector('[role="main"]')
    || document.querySelector('main') || document.body;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
      // Visually hidden for screen readers only (a 1px box, clipped away):
      // the card view's table head.
      if (s.clipPath !== 'none') {
        const box = a.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return false;
      }
    }
    return true;
  };
  const text = (el, n) => (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, n);
  // Every scroll position back to the start, as a reader arrives.
  for (const el of main.querySelectorAll('*')) {
    if (el.scrollLeft) el.scrollLeft = 0;
  }
  // The horizontal span of el that is visible: the viewport, cut by every
  // ancestor that clips (overflow-x other than visible).
  const visibleSpan = (el) => {
    let left = 0, right = vw;
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const r = a.getBoundingClientRect();
      left = Math.max(left, r.left + a.clientLeft);
      right = Math.min(right, r.left + a.clientLeft + a.clientWidth);
    }
    return [left, right];
  };
  // The nearest box (el or an ancestor) that scrolls sideways.
  const scroller = (el) => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if ((x === 'auto' || x === 'scroll') && a.scrollWidth > a.clientWidth + 1) return a;
    }
    return null;
  };
  const cue = (box) => {
    if (!box) return null;
    for (let a = box; a && a !== main; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.backgroundImage.includes('gradient') && s.backgroundAttachment.includes('local')) {
        return 'scroll shadow';
      }
      for (const c of a.querySelectorAll('[data-versus-scroll-cue]')) {
        const r = c.getBoundingClientRect();
        if (shown(c) && parseFloat(getComputedStyle(c).opacity) > 0.1
            && r.right > 0 && r.left < vw) return 'cue element';
      }
      if (a.matches('figure, .table-wrapper, .versus-code-compare, .highlight, table')) break;
    }
    return null;
  };

  const tables = [];
  for (const table of main.querySelectorAll('table')) {
    if (!shown(table) || table.closest('svg')) continue;
    const [left, right] = visibleSpan(table);
    const rows = [...table.rows];
    const columns = Math.max(0, ...rows.map((r) => [...r.cells]
      .reduce((n, c) => n + (c.colSpan || 1), 0)));
    const hidden = new Set();
    for (const row of rows) {
      for (const cell of row.cells) {
        if (!shown(cell)) continue;
        const r = cell.getBoundingClientRect();
        if (r.right > right + 1 || r.left < left - 1) hidden.add(cell.cellIndex);
      }
    }
    const head = rows[0] ? [...rows[0].cells].map((c) => text(c, 30)) : [];
    const box = scroller(table);
    tables.push({
      caption: text(table.querySelector('caption') || table, 60),
      id: table.id || (table.closest('[id]') || {}).id || '',
      columns,
      hidden: [...hidden].sort().map((i) => head[i] || `column ${i + 1}`),
      tableWidth: Math.round(table.getBoundingClientRect().width),
      visibleWidth: Math.round(right - left),
      scrolls: !!box,
      cue: cue(box),
    });
  }

  const pres = [...main.querySelectorAll('pre')].filter(shown);
  const codes = pres.map((pre) => {
    const r = pre.getBoundingClientRect();
    const [left, right] = visibleSpan(pre);
    // Side by side: another code box of the same block, beside this one.
    const block = pre.closest('.versus-code-compare, .sd-tab-set, .sphinx-tabs')
      || pre.parentElement.parentElement.parentElement;
    const beside = pres.some((other) => {
      if (other === pre || !block.contains(other)) return false;
      const o = other.getBoundingClientRect();
      return o.top < r.bottom && o.bottom > r.top && (o.left >= r.right - 1 || o.right <= r.left + 1);
    });
    const first = text(pre, 200);
    const box = scroller(pre);
    return {
      first: first.slice(0, 60),
      output: /^\/\/ (Unordered )?[Oo]utput:/.test(first) || !!pre.closest('[data-versus-output]'),
      sideBySide: beside,
      scrollWidth: pre.scrollWidth,
      clientWidth: pre.clientWidth,
      cut: r.right > right + 1 || r.left < left - 1,
      scrolls: pre.scrollWidth > pre.clientWidth + 1,
      cue: cue(box || pre),
    };
  });

  // Charts: inline SVG, or an <img> of an SVG file laid out inline at its size.
  const charts = [];
  const measureSvg = (svg, label) => {
    const sr = svg.getBoundingClientRect();
    const labels = [];
    const textNodes = [...svg.querySelectorAll('text')].map((t) => {
      const m = t.getScreenCTM();
      const scale = m ? Math.hypot(m.a, m.b) : 1;
      return [t, text(t, 40), parseFloat(getComputedStyle(t).fontSize) * scale];
    });
    // matplotlib draws text as glyph paths: <g id="..text_N"> holding a
    // <g transform="translate(..) scale(s -s)">; the font size is 100 s.
    const glyphGroups = [...svg.querySelectorAll('g[id]')]
      .filter((g) => /(^|[-_])text_\d+$/.test(g.id))
      .map((g) => {
        const inner = g.querySelector('g[transform*="scale"]');
        if (!inner) return null;
        const m = inner.getScreenCTM();
        const comment = [...g.childNodes].find((n) => n.nodeType === 8);
        const name = comment ? comment.nodeValue.trim() : g.id;
        return [g, name, Math.hypot(m.c, m.d) * 100];
      }).filter(Boolean);
    for (const [el, name, px] of [...textNodes, ...glyphGroups]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !name) continue;
      labels.push({text: name, px: Math.round(px * 10) / 10,
        box: [r.left - sr.left, r.top - sr.top, r.right - sr.left, r.bottom - sr.top]});
    }
    const isText = (el) => el.closest('text') || glyphGroups.some(([g]) => g.contains(el));
    const marks = [];
    for (const el of svg.querySelectorAll('path, line, rect, polyline, polygon, use')) {
      if (el.closest('defs, clipPath, mask, title') || isText(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const s = getComputedStyle(el);
      const filled = s.fill !== 'none' && s.fillOpacity !== '0'
        && !/rgba\(.*, 0\)/.test(s.fill);
      const stroked = s.stroke !== 'none' && s.strokeOpacity !== '0'
        && parseFloat(s.strokeWidth) > 0;
      if (!filled && !stroked) continue;
      const thin = r.width <= 3 || r.height <= 3;
      if (!thin && !filled) continue;  // an outline: the frame, not a mark
      if (r.width * r.height > 0.5 * sr.width * sr.height) continue;  // background
      const dashed = s.strokeDasharray && s.strokeDasharray !== 'none';
      const kind = thin ? (dashed ? 'baseline' : 'line') : 'bar';
      // The box of a path leaves out its stroke: add half the stroke width.
      const m = el.getScreenCTM();
      const half = stroked ? parseFloat(s.strokeWidth) * (m ? Math.hypot(m.a, m.b) : 1) / 2 : 0;
      marks.push({kind, box: [r.left - sr.left - half, r.top - sr.top - half,
        r.right - sr.left + half, r.bottom - sr.top + half]});
    }
    charts.push({chart: label, width: Math.round(sr.width), labels, marks});
  };
  for (const svg of main.querySelectorAll('svg')) {
    if (!shown(svg) || svg.getBoundingClientRect().width < 100) continue;
    if (svg.parentElement.closest('svg')) continue;
    measureSvg(svg, 'inline svg ' + (svg.getAttribute('aria-label') || svg.id || ''));
  }
  for (const img of main.querySelectorAll('img')) {
    const src = img.currentSrc || img.src;
    if (!shown(img) || !/\.svg($|[?#])/.test(src) || img.getBoundingClientRect().width < 100) continue;
    const r = img.getBoundingClientRect();
    const doc = new DOMParser().parseFromString(await (await fetch(src)).text(), 'image/svg+xml');
    const svg = document.importNode(doc.documentElement, true);
    svg.setAttribute('width', r.width);
    svg.setAttribute('height', r.height);
    const holder = document.createElement('div');
    holder.style.cssText = `position:absolute;left:0;top:0;width:${r.width}px;height:${r.height}px;`
      + `visibility:hidden;color:${getComputedStyle(img).color}`;
    holder.appendChild(svg);
    document.body.appendChild(holder);
    svg.style.visibility = 'visible';
    holder.style.visibility = 'visible';
    holder.style.opacity = '0';
    measureSvg(svg, 'img ' + src.split('/').pop());
    holder.remove();
  }
  const rgb = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g)
    .slice(0, 3).map((c) => Number(c) / 255);
  const dark = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 0.5;
  return {tables, codes, charts, dark};
})
