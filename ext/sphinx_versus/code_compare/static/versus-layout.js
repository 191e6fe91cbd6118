// @ts-check
// sphinx-versus: how code-compare blocks are laid out for this reader.
//
//   - The view toggle: tabs or side by side, for every block on the site,
//     remembered in localStorage["versus-view"]; a block's authored :layout:
//     is the default.
//   - Keyboard access to boxes wider than their column: code and tables that
//     scroll sideways get tabindex=0 (axe rule scrollable-region-focusable),
//     re-checked whenever panels show or hide ("versus:panels") or the
//     window resizes, since hidden code has no width.
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
    document.querySelectorAll(SCROLLABLE).forEach((box) => {
      if (!(box instanceof HTMLElement)) return;
      const ours = box.dataset.versusScrollable !== undefined;
      if (box.scrollWidth > box.clientWidth) {
        if (ours || box.hasAttribute("tabindex")) return;
        box.tabIndex = 0;
        box.dataset.versusScrollable = "";
      } else if (ours) {
        box.removeAttribute("tabindex");
        delete box.dataset.versusScrollable;
      }
    });
  }

  let resizeQueued = false;
  function onResize() {
    if (resizeQueued) return;
    resizeQueued = true;
    window.requestAnimationFrame(() => {
      resizeQueued = false;
      markScrollable();
    });
  }

  // -- tabs or side by side ------------------------------------------------------

  /**
   * @param {Element} root
   * @param {string} view "tabs" or "side-by-side"
   */
  function setView(root, view) {
    root.setAttribute("data-versus-view", view);
    const toggle = root.querySelector(TOGGLE);
    if (toggle) toggle.setAttribute("aria-pressed", String(view === "side-by-side"));
  }

  /** @param {MouseEvent} event */
  function onClick(event) {
    if (!(event.target instanceof Element)) return;
    const toggle = event.target.closest(TOGGLE);
    if (!toggle) return;
    const view = toggle.getAttribute("aria-pressed") === "true" ? "tabs" : "side-by-side";
    save(VIEW_KEY, view);
    const before = toggle.getBoundingClientRect().top;
    document.querySelectorAll(ROOT).forEach((root) => setView(root, view));
    markScrollable();
    window.scrollBy(0, toggle.getBoundingClientRect().top - before);
  }

  function init() {
    const storedView = load(VIEW_KEY);
    document.querySelectorAll(ROOT).forEach((root) => {
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
      setView(
        root,
        storedView === "tabs" || storedView === "side-by-side" ? storedView : authored,
      );
    });
    document.addEventListener("click", onClick);
    window.addEventListener("resize", onResize);
    markScrollable();
  }

  document.addEventListener("versus:panels", markScrollable);

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
