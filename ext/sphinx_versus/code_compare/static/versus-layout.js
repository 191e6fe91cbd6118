// @ts-check
// sphinx-versus: how code-compare blocks are laid out for this reader.
//
//   - The view toggle: tabs or side by side, for every block on the site,
//     remembered in localStorage["versus-view"]; a block's authored :layout:
//     is the default.  Side by side is a preference, granted only where every
//     pane fits its code: each panel carries the columns its longest line
//     needs (data-versus-columns, counted by Python); this script compares
//     that with the width a pane would get and otherwise keeps the block as
//     tabs (data-versus-fit="tabs", and the toggle hides: it could not act).
//   - Keyboard access to boxes wider than their column: code and tables that
//     scroll sideways get tabindex=0 (axe rule scrollable-region-focusable),
//     re-checked whenever panels show or hide ("versus:panels") or the
//     window resizes, since hidden code has no width.
//
// Every measurement is read for all boxes first, then every change is made:
// one layout for the page, not one per block.
"use strict";

(() => {
  const VIEW_KEY = "versus-view";
  const ROOT = ".versus-code-compare";
  const TOGGLE = ".versus-view-toggle";
  const SCROLLABLE = "div.highlight > pre, div.table-wrapper, div.versus-table-wrapper";
  // The toggle's label, in the site's language (written by Python).
  const TOGGLE_LABEL =
    document.currentScript?.getAttribute("data-versus-toggle") || "Side by side";

  /** @param {string} key @returns {string | null} */
  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null; // storage blocked: choices last for this page only
    }
  }

  /** @param {string} key @param {string} value */
  function save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // storage blocked: choices last for this page only
    }
  }

  // -- boxes wider than their column ------------------------------------------

  function markScrollable() {
    const boxes = Array.from(document.querySelectorAll(SCROLLABLE)).filter(
      (box) => box instanceof HTMLElement,
    );
    const wide = boxes.map((box) => box.scrollWidth > box.clientWidth);
    boxes.forEach((box, i) => {
      if (!(box instanceof HTMLElement)) return;
      const ours = box.dataset.versusScrollable !== undefined;
      if (wide[i]) {
        if (ours || box.hasAttribute("tabindex")) return;
        box.tabIndex = 0;
        box.dataset.versusScrollable = "";
      } else if (ours) {
        box.removeAttribute("tabindex");
        delete box.dataset.versusScrollable;
      }
    });
  }

  // -- tabs or side by side ------------------------------------------------------

  /** The width of one character of code, measured once (fonts are shared). */
  let charWidth = 0;

  /** @param {Element} pre */
  function codeCharWidth(pre) {
    if (charWidth) return charWidth;
    const style = getComputedStyle(pre);
    const probe = document.createElement("span");
    probe.textContent = "0".repeat(40);
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
    probe.style.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    document.body.append(probe);
    charWidth = probe.getBoundingClientRect().width / 40;
    probe.remove();
    return charWidth;
  }

  /**
   * Whether every panel's code fits its pane when the panels sit side by
   * side.  Reads layout only; the block must be in tabs view (the selected
   * panel at full width).
   * @param {Element} root
   */
  function fitsSideBySide(root) {
    const panels = root.querySelector(".versus-panels");
    const tabpanels = Array.from(root.querySelectorAll('[role="tabpanel"]'));
    const shown = tabpanels.find((p) => p instanceof HTMLElement && p.offsetWidth > 0);
    const pre = shown ? shown.querySelector("pre") : null;
    if (!(panels instanceof HTMLElement) || !(shown instanceof HTMLElement) || !pre)
      return false;
    const style = getComputedStyle(pre);
    // What a pane loses to padding and borders around its code.
    const overhead =
      shown.clientWidth -
      (pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    const gap = 0.75 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    const pane = (panels.clientWidth - gap * (tabpanels.length - 1)) / tabpanels.length;
    const ch = codeCharWidth(pre);
    return tabpanels.every(
      (p) => Number(p.getAttribute("data-versus-columns") || 0) * ch <= pane - overhead,
    );
  }

  /** The blocks with tabs (a block of one shared output has none). */
  function tabbedRoots() {
    return Array.from(document.querySelectorAll(ROOT)).filter((root) =>
      root.querySelector('[role="tablist"]'),
    );
  }

  /**
   * Show each block as the reader prefers, where its code fits.  All blocks
   * are measured in tabs view first, then all are changed.
   */
  function render() {
    const roots = tabbedRoots();
    roots.forEach((root) => root.setAttribute("data-versus-view", "tabs"));
    const fits = roots.map(fitsSideBySide);
    roots.forEach((root, i) => {
      const preferred = root.getAttribute("data-versus-preferred") || "tabs";
      const view = preferred === "side-by-side" && fits[i] ? "side-by-side" : "tabs";
      root.setAttribute("data-versus-view", view);
      root.setAttribute("data-versus-fit", fits[i] ? "side-by-side" : "tabs");
      const toggle = root.querySelector(TOGGLE);
      if (toggle) toggle.setAttribute("aria-pressed", String(view === "side-by-side"));
    });
    markScrollable();
  }

  let resizeQueued = false;
  function onResize() {
    if (resizeQueued) return;
    resizeQueued = true;
    window.requestAnimationFrame(() => {
      resizeQueued = false;
      render();
    });
  }

  /** @param {MouseEvent} event */
  function onClick(event) {
    if (!(event.target instanceof Element)) return;
    const toggle = event.target.closest(TOGGLE);
    if (!toggle) return;
    const view = toggle.getAttribute("aria-pressed") === "true" ? "tabs" : "side-by-side";
    save(VIEW_KEY, view);
    const before = toggle.getBoundingClientRect().top;
    tabbedRoots().forEach((root) => root.setAttribute("data-versus-preferred", view));
    render();
    window.scrollBy(0, toggle.getBoundingClientRect().top - before);
  }

  function init() {
    const storedView = load(VIEW_KEY);
    tabbedRoots().forEach((root) => {
      const bar = root.querySelector(".versus-code-compare-bar");
      if (bar && !bar.querySelector(TOGGLE)) {
        const toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "versus-view-toggle";
        toggle.textContent = TOGGLE_LABEL;
        bar.append(toggle);
      }
      const authored = root.classList.contains("versus-layout-side-by-side")
        ? "side-by-side"
        : "tabs";
      root.setAttribute(
        "data-versus-preferred",
        storedView === "tabs" || storedView === "side-by-side" ? storedView : authored,
      );
    });
    document.addEventListener("click", onClick);
    window.addEventListener("resize", onResize);
    render(); // after versus-tabs.js: measured with the tab rows in place
  }

  document.addEventListener("versus:panels", markScrollable);

  // Start after versus-tabs.js (added, and so listening, earlier).
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    init();
  };
  if (document.readyState === "complete") start();
  else {
    window.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
