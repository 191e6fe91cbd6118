// @ts-check
// sphinx-versus: one language choice for the whole site.
//
// Choosing a language in a code-compare block, a sphinx-design tab-set or a
// sphinx-tabs group selects it in all of them on the page, and is remembered
// in localStorage["versus-lang"]; ?lang=rust in the URL wins over the stored
// choice.  Every key comes from Python, which wrote
//   - data-versus-sync on each code-compare tab (read by versus-tabs.js),
//   - <script type="application/json" id="versus-sync-ids"> on pages with
//     sphinx-design or sphinx-tabs tabs: their ids -> keys, and which keys
//     are languages,
//   - data-versus-languages on this script's tag: every configured
//     language's names (case-folded) -> key, for ?lang=.
// This script looks keys up; it never computes one.
"use strict";

(() => {
  const LANG_KEY = "versus-lang";
  const SD_LABEL = ".sd-tab-label[data-sync-id]";
  const ST_TAB = "button.sphinx-tabs-tab.group-tab";

  /** @typedef {{design: Record<string, string>, tabs: Record<string, string>, languages: string[]}} SyncIds */

  /**
   * @param {string | null | undefined} text
   * @returns {unknown}
   */
  function parse(text) {
    try {
      return JSON.parse(text || "null");
    } catch {
      return null;
    }
  }

  /** Names ?lang= may use -> keys; read while the script first runs. */
  const names = /** @type {Record<string, string>} */ (
    parse(document.currentScript?.getAttribute("data-versus-languages")) || {}
  );

  /** @type {SyncIds} */
  let page = { design: {}, tabs: {}, languages: [] };

  /** True while this script is selecting tabs, so it ignores its own events. */
  let applying = false;

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

  /** @param {Element} label */
  function designKey(label) {
    return page.design[label.getAttribute("data-sync-id") || ""] || "";
  }

  /** @param {Element} button */
  function tabsKey(button) {
    return page.tabs[button.getAttribute("name") || ""] || "";
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
      document.dispatchEvent(new CustomEvent("versus:select", { detail: { key: lang } }));
      document.querySelectorAll(SD_LABEL).forEach((label) => {
        if (designKey(label) !== lang) return;
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
          tabsKey(button) === lang
        ) {
          button.click();
        }
      });
    } finally {
      applying = false;
    }
    if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
    document.dispatchEvent(new CustomEvent("versus:panels"));
  }

  /** @param {Event} event */
  function onChoose(event) {
    if (!(event instanceof CustomEvent) || !(event.target instanceof Element)) return;
    choose(String(event.detail?.key || ""), event.target);
  }

  /** @param {MouseEvent} event */
  function onClick(event) {
    if (applying || !(event.target instanceof Element)) return;
    const groupTab = event.target.closest(ST_TAB);
    // sphinx-tabs' handler on the button has run by now; a click may also close.
    if (!groupTab || groupTab.getAttribute("aria-selected") !== "true") return;
    const key = tabsKey(groupTab);
    if (page.languages.includes(key)) choose(key, groupTab);
  }

  /** @param {Event} event */
  function onChange(event) {
    const input = event.target;
    if (applying || !(input instanceof HTMLInputElement) || !input.checked) return;
    const label = input.id
      ? document.querySelector(`${SD_LABEL}[for="${CSS.escape(input.id)}"]`)
      : null;
    if (!label) return;
    const key = designKey(label);
    if (page.languages.includes(key)) choose(key, label);
  }

  /**
   * The key ?lang= names: a configured language's name, or a key a tab on
   * this page carries, matched regardless of case.
   * @param {string} value
   */
  function keyFromUrl(value) {
    if (!value) return "";
    const same = new Intl.Collator("en", { sensitivity: "accent" });
    for (const [name, key] of Object.entries(names)) {
      if (same.compare(name, value) === 0) return key;
    }
    const onPage = [...page.languages, ...Object.values(page.tabs)];
    document.querySelectorAll("[data-versus-sync]").forEach((el) => {
      onPage.push(el.getAttribute("data-versus-sync") || "");
    });
    return onPage.find((key) => key && same.compare(key, value) === 0) || "";
  }

  function init() {
    const found = parse(document.getElementById("versus-sync-ids")?.textContent);
    if (found && typeof found === "object") page = { ...page, ...found };
    document.addEventListener("click", onClick);
    document.addEventListener("change", onChange);
    const fromUrl = keyFromUrl(new URLSearchParams(window.location.search).get("lang") || "");
    const lang = fromUrl || load(LANG_KEY);
    if (lang) choose(lang, null);
  }

  document.addEventListener("versus:choose", onChoose);

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
