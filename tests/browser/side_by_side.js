// Measure every two-block code-compare shown on the page (test_side_by_side.py).
// `fits`: its longest line fits a pane were the pair side by side. `inView`:
// each pane wholly inside the window and not cut off by a box around it.
// `overlaps`: the theme's navigation on screen (furo's sidebar, its table of
// contents) that the block's box meets.
() => {
  const visible = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const W = document.documentElement.clientWidth;
  const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const nav = Array.from(document.querySelectorAll(".sidebar-drawer, .toc-drawer")).filter((e) => {
    const b = e.getBoundingClientRect(), s = getComputedStyle(e);
    return visible(e) && s.visibility === "visible" && b.right > 0 && b.left < W;
  });
  const whole = (e) => {
    const b = e.getBoundingClientRect();
    if (b.left < -0.5 || b.right > W + 0.5) return false;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a), c = a.getBoundingClientRect();
      if (s.overflowX !== "visible" && (b.left < c.left - 0.5 || b.right > c.right + 0.5)) return false;
    }
    return true;
  };
  return Array.from(document.querySelectorAll(".versus-code-compare"))
    .filter((r) => r.querySelector('[role="tab"]') && visible(r))
    .map((r) => {
      const panels = Array.from(r.querySelectorAll('[role="tabpanel"]'));
      const langs = panels.map((p) => (p.querySelector("[class*=highlight-]")?.className.match(/highlight-(\w+)/) || [])[1]);
      const pres = panels.map((p) => p.querySelector("pre"));
      const longest = Math.max(...pres.map((pre) => Math.max(...pre.textContent.replace(/\n$/, "").split("\n").map((l) => {
        let n = 0; for (const c of l) n = c === "\t" ? n + 4 - (n % 4) : n + 1; return n; }))));
      const s = getComputedStyle(pres[0]), probe = document.createElement("span");
      probe.textContent = "0".repeat(80);
      probe.style.cssText = "position:absolute;white-space:pre;font:" + s.font;
      document.body.append(probe);
      const ch = probe.getBoundingClientRect().width / 80;
      probe.remove();
      const box = r.querySelector(".versus-panels").clientWidth;
      const gap = parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.75;
      const pane = (box - gap) / 2 - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 2;
      const rects = pres.map((pre) => pre.getBoundingClientRect());
      return {
        page: location.pathname, title: r.querySelector(".versus-code-compare-title")?.textContent || "",
        langs, longest, fits: longest * ch <= pane, room: Math.floor(pane / ch), px: s.fontSize,
        box: (({ left, right, top, bottom }) => ({ left, right, top, bottom }))(r.getBoundingClientRect()),
        shown: panels.map((p) => visible(p) && getComputedStyle(p).visibility === "visible"),
        beside: rects.length === 2 && rects[0].right <= rects[1].left + 1 && Math.abs(rects[0].top - rects[1].top) < 2,
        scrolls: pres.map((pre) => pre.scrollWidth > pre.clientWidth + 1),
        inView: panels.map((p) => whole(p)),
        overlaps: nav.filter((n) => meets(n.getBoundingClientRect(), r.getBoundingClientRect())).map((n) => n.className),
      };
    });
}
