// @ts-check
// sphinx-versus: code-compare tabs (WAI-ARIA tabs, automatic activation) and
// one language choice for the whole site.
//
// Choosing a language in a code-compare block, a sphinx-design tab-set (by its
// :sync: key) or a sphinx-tabs group tab selects it in all of them on the
// page, and is remembered in localStorage["versus-lang"]; ?lang=rust in the
// URL wins over the stored choice.  The server renders every panel visible;
// this script marks each block .versus-js and hides the unselected panels.
//
// Side by side is a preference (the author's :layout:, or the reader's
// toggle), granted only where every pane fits its code: each panel carries
// the columns its longest line needs (data-versus-columns, measured by
// Python); this script compares that with the width a pane would get and
// otherwise keeps the block as tabs, with no toggle.
"use strict";

(() => {
  const LANG_KEY = "versus-lang";
  const VIEW_KEY = "versus-view";
  const ROOT = ".versus-code-compare";
  const TAB = '[role="tab"]';
  const SD_LABEL = ".sd-tab-label[data-sync-id]";
  const ST_TAB = "button.sphinx-tabs-tab.group-tab";

  /** True while this script is selecting tabs, so it ignores its own events. */
  let applying = false;

  // Sync keys of the configured languages, if the script tag carries them
  // (data-versus-languages="go rust ..."); read while the script first runs.
  const declared = (document.currentScript?.getAttribute("data-versus-languages") || "")
    .split(/\s+/)
    .filter(Boolean);

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

  /**
   * The same rule as sync_key() in code_compare.py: "C++" -> "cpp".
   * @param {string} name
   */
  function syncKey(name) {
    return name
      .trim()
      .toLowerCase()
      .replace(/\+/g, "p")
      .replace(/#/g, "sharp")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }

  /**
   * sphinx-tabs names a group tab by its base64-encoded label.
   * @param {Element} button
   */
  function sphinxTabsKey(button) {
    try {
      const bytes = Uint8Array.from(atob(button.getAttribute("name") || ""), (c) =>
        c.charCodeAt(0),
      );
      return syncKey(new TextDecoder().decode(bytes));
    } catch {
      return "";
    }
  }

  /**
   * Whether a key chosen in another tab widget names a language, so that a
   * tab-set keyed "linux" or "myst" does not replace the reader's language.
   * @param {string} key
   */
  function isLanguage(key) {
    return (
      declared.includes(key) ||
      document.querySelector(`${ROOT} [data-versus-sync="${CSS.escape(key)}"]`) !== null
    );
  }

  /** @param {Element} tablist @returns {HTMLElement[]} */
  function tabsOf(tablist) {
    /** @type {HTMLElement[]} */
    const tabs = [];
    for (const el of Array.from(tablist.children)) {
      if (el instanceof HTMLElement && el.matches(TAB)) tabs.push(el);
    }
    return tabs;
  }

  /**
   * Select one tab of a code-compare tablist and show only its panel.
   * @param {HTMLElement} tab
   */
  function select(tab) {
    const tablist = tab.parentElement;
    if (!tablist) return;
    for (const other of tabsOf(tablist)) {
      const on = other === tab;
      other.setAttribute("aria-selected", String(on));
      other.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(other.getAttribute("aria-controls") || "");
      if (panel) panel.hidden = !on;
    }
  }

  /**
   * Select `lang` in every language tab on the page that has it, and keep
   * `anchor` (the control the reader used) where it was on screen.
   * @param {string} lang
   * @param {Element | null} anchor
   */
  function choose(lang, anchor) {
    if (!lang) return;
    save(LANG_KEY, lang);
    const before = anchor ? anchor.getBoundingClientRect().top : 0;
    applying = true;
    try {
      document.querySelectorAll(`${ROOT} [role="tablist"]`).forEach((tablist) => {
        const tabs = tabsOf(tablist);
        const current = tabs.find((t) => t.getAttribute("aria-selected") === "true");
        if (current && current.dataset.versusSync === lang) return;
        const match = tabs.find((t) => t.dataset.versusSync === lang);
        if (match) select(match);
      });
      document.querySelectorAll(SD_LABEL).forEach((label) => {
        if (syncKey(label.getAttribute("data-sync-id") || "") !== lang) return;
        const input = document.getElementById(label.getAttribute("for") || "");
        if (input instanceof HTMLInputElement && !input.checked) {
          input.checked = true;
          // sphinx-design's own handler then syncs its group and stores it.
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
      document.querySelectorAll(ST_TAB).forEach((button) => {
        // One click selects the group everywhere (sphinx-tabs' own sync).
        if (
          button instanceof HTMLElement &&
          button.getAttribute("aria-selected") !== "true" &&
          sphinxTabsKey(button) === lang
        ) {
          button.click();
        }
      });
    } finally {
      applying = false;
    }
    if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
    markScrollable();
  }

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
   * Whether every panel's code fits its pane when the panels sit side by side.
   * Reads layout only (call it for every block, then change them).
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

  /**
   * Show each block as the reader prefers, if its code fits: side by side
   * only where every pane fits its longest line; the toggle only where it can
   * act.  All blocks are measured in tabs view first (the selected panel at
   * full width), then all are changed: one layout for the page, not one per
   * block.
   * @param {Element[]} roots
   */
  function render(roots) {
    roots.forEach((root) => root.setAttribute("data-versus-view", "tabs"));
    const fits = roots.map(fitsSideBySide);
    roots.forEach((root, i) => {
      const preferred = root.getAttribute("data-versus-preferred") || "tabs";
      const view = preferred === "side-by-side" && fits[i] ? "side-by-side" : "tabs";
      root.setAttribute("data-versus-view", view);
      root.setAttribute("data-versus-fit", fits[i] ? "side-by-side" : "tabs");
      const toggle = root.querySelector(".versus-view-toggle");
      if (toggle) toggle.setAttribute("aria-pressed", String(view === "side-by-side"));
    });
  }

  /** The blocks with tabs (a block of one shared output has none). */
  function tabbedRoots() {
    return Array.from(document.querySelectorAll(`${ROOT}.versus-js`));
  }

  /**
   * @param {Element[]} roots
   * @param {string} view "tabs" or "side-by-side": the reader's preference
   */
  function setView(roots, view) {
    roots.forEach((root) => root.setAttribute("data-versus-preferred", view));
    render(roots);
  }

  /** @param {MouseEvent} event */
  function onClick(event) {
    if (!(event.target instanceof Element)) return;
    const target = event.target;
    const tab = target.closest(`${ROOT} ${TAB}`);
    if (tab instanceof HTMLElement) {
      select(tab);
      choose(tab.dataset.versusSync || "", tab);
      return;
    }
    const toggle = target.closest(".versus-view-toggle");
    if (toggle) {
      const view =
        toggle.getAttribute("aria-pressed") === "true" ? "tabs" : "side-by-side";
      save(VIEW_KEY, view);
      const before = toggle.getBoundingClientRect().top;
      setView(tabbedRoots(), view);
      markScrollable();
      window.scrollBy(0, toggle.getBoundingClientRect().top - before);
      return;
    }
    const groupTab = target.closest(ST_TAB);
    // sphinx-tabs' handler on the button has run by now; a click may also close.
    if (applying || !groupTab || groupTab.getAttribute("aria-selected") !== "true")
      return;
    const key = sphinxTabsKey(groupTab);
    if (groupTab.classList.contains("code-tab") || isLanguage(key))
      choose(key, groupTab);
  }

  /** @param {Event} event */
  function onChange(event) {
    const input = event.target;
    if (applying || !(input instanceof HTMLInputElement) || !input.checked) return;
    const label = input.id
      ? document.querySelector(`${SD_LABEL}[for="${CSS.escape(input.id)}"]`)
      : null;
    if (!label) return;
    const key = syncKey(label.getAttribute("data-sync-id") || "");
    // tab-set-code's group is "code": its keys are languages by construction.
    if (label.getAttribute("data-sync-group") === "code" || isLanguage(key)) {
      choose(key, label);
    }
  }

  /** @param {KeyboardEvent} event */
  function onKeydown(event) {
    const tab = event.target;
    if (!(tab instanceof HTMLElement) || !tab.matches(`${ROOT} ${TAB}`)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const tabs = tab.parentElement ? tabsOf(tab.parentElement) : [];
    const here = tabs.indexOf(tab);
    /** @type {Record<string, number>} */
    const moves = {
      ArrowRight: (here + 1) % tabs.length,
      ArrowLeft: (here - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(event.key in moves) || here < 0) return;
    event.preventDefault();
    const next = tabs[moves[event.key]];
    select(next);
    next.focus();
    choose(next.dataset.versusSync || "", next);
  }

  /**
   * Let keyboard users scroll code and tables that are wider than their box
   * (any on the page; axe rule scrollable-region-focusable).  Re-run whenever
   * panels show or hide, since hidden code has no width.
   */
  const SCROLLABLE = "div.highlight > pre, div.table-wrapper, div.versus-table-wrapper";

  function markScrollable() {
    const boxes = Array.from(document.querySelectorAll(SCROLLABLE)).filter(
      (box) => box instanceof HTMLElement,
    );
    // Every size first, then the changes: one layout, not one per box.
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

  let resizeQueued = false;
  function onResize() {
    if (resizeQueued) return;
    resizeQueued = true;
    window.requestAnimationFrame(() => {
      resizeQueued = false;
      render(tabbedRoots());
      markScrollable();
    });
  }

  function init() {
    const storedView = load(VIEW_KEY);
    document.querySelectorAll(ROOT).forEach((root) => {
      if (!root.querySelector('[role="tablist"]')) return; // one block: no tabs
      const bar = root.querySelector(".versus-code-compare-bar");
      if (bar && !bar.querySelector(".versus-view-toggle")) {
        const toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "versus-view-toggle";
        toggle.textContent = "Side by side";
        bar.append(toggle);
      }
      const authored = root.classList.contains("versus-layout-side-by-side")
        ? "side-by-side"
        : "tabs";
      root.setAttribute(
        "data-versus-preferred",
        storedView === "tabs" || storedView === "side-by-side" ? storedView : authored,
      );
      const tablist = root.querySelector('[role="tablist"]');
      const tabs = tablist ? tabsOf(tablist) : [];
      const first =
        tabs.find((t) => t.getAttribute("aria-selected") === "true") || tabs[0];
      if (first) select(first);
      root.classList.add("versus-js");
    });
    render(tabbedRoots()); // measured with the tab rows in place
    document.addEventListener("click", onClick);
    document.addEventListener("change", onChange);
    document.addEventListener("keydown", onKeydown);
    const fromUrl = syncKey(
      new URLSearchParams(window.location.search).get("lang") || "",
    );
    const lang = fromUrl || load(LANG_KEY);
    if (lang) choose(lang, null);
    markScrollable();
    window.addEventListener("resize", onResize);
  }

  // Start after sphinx-design and sphinx-tabs have restored their own state,
  // so the site-wide choice wins: they listen for DOMContentLoaded on document
  // and on window, and window listeners registered later run last.
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
