// @ts-check
// sphinx-versus: the code-compare tab widget (WAI-ARIA tabs, automatic
// activation).  Nothing else: the reader's language across widgets and pages
// is versus-language.js, the tabs/side-by-side view versus-layout.js.
//
// The server renders every panel visible, each tab carrying the sync key
// Python wrote (data-versus-sync); this script marks each block .versus-js
// and hides the unselected panels.  It talks to the other scripts by events:
//   out  "versus:choose" {key}  bubbles from a tab the reader selected
//   in   "versus:select" {key}  on document: select that key in every block
//   out  "versus:panels"        on document, after panels showed or hid
"use strict";

(() => {
  const ROOT = ".versus-code-compare";
  const TAB = '[role="tab"]';

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
   * Select one tab of a tablist and show only its panel.
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

  function panelsChanged() {
    document.dispatchEvent(new CustomEvent("versus:panels"));
  }

  /**
   * The reader selected `tab`: tell whoever keeps the language.
   * @param {HTMLElement} tab
   */
  function chosen(tab) {
    select(tab);
    panelsChanged();
    const key = tab.dataset.versusSync || "";
    tab.dispatchEvent(new CustomEvent("versus:choose", { bubbles: true, detail: { key } }));
  }

  /** @param {MouseEvent} event */
  function onClick(event) {
    if (!(event.target instanceof Element)) return;
    const tab = event.target.closest(`${ROOT} ${TAB}`);
    if (tab instanceof HTMLElement) chosen(tab);
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
    chosen(next);
  }

  /**
   * Another script selects a key in every block that has a tab for it.
   * @param {Event} event
   */
  function onSelect(event) {
    const key = event instanceof CustomEvent ? String(event.detail?.key || "") : "";
    if (!key) return;
    let changed = false;
    document.querySelectorAll(`${ROOT} [role="tablist"]`).forEach((tablist) => {
      const tabs = tabsOf(tablist);
      const current = tabs.find((t) => t.getAttribute("aria-selected") === "true");
      if (current && current.dataset.versusSync === key) return;
      const match = tabs.find((t) => t.dataset.versusSync === key);
      if (match) {
        select(match);
        changed = true;
      }
    });
    if (changed) panelsChanged();
  }

  function init() {
    document.querySelectorAll(ROOT).forEach((root) => {
      const tablist = root.querySelector('[role="tablist"]');
      if (!tablist) return; // one block of shared output: nothing to select
      const tabs = tabsOf(tablist);
      const first =
        tabs.find((t) => t.getAttribute("aria-selected") === "true") || tabs[0];
      if (first) select(first);
      root.classList.add("versus-js");
    });
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKeydown);
    panelsChanged();
  }

  // Listen at once, so the other scripts can select keys as soon as they start.
  document.addEventListener("versus:select", onSelect);

  // Start when versus-language.js does (see there), and before it: scripts
  // added earlier register their window listeners earlier.
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
