// @ts-check
// The site's own code boxes and tables: a box that scrolls sideways must be
// reachable by keyboard (axe: scrollable-region-focusable), so it gets
// tabindex=0 while it scrolls. The extension's script does this only for the
// boxes the extension made; this file does it for the rest of this site.
(() => {
  const fit = () => {
    for (const box of document.querySelectorAll(
      "div.highlight > pre, div.table-wrapper"
    )) {
      if (!(box instanceof HTMLElement)) continue;
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.dataset.siteFocusable = "";
      } else if (!scrolls && "siteFocusable" in box.dataset) {
        box.removeAttribute("tabindex");
        delete box.dataset.siteFocusable;
      }
    }
  };
  let queued = 0;
  const later = () => {
    cancelAnimationFrame(queued);
    queued = requestAnimationFrame(fit);
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fit);
  } else {
    fit();
  }
  addEventListener("resize", later);
  addEventListener("load", fit);
})();
