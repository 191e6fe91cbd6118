// @ts-check
// sphinx-versus: code-compare tabs, the reader's language and view.  Python
// decides every key and width (data-versus-*); this script only acts on them.
// One start-up, one storage layer, at most one layout pass per interaction.
"use strict";
(() => {
  const D = document, ROOT = ".versus-code-compare", TAB = '[role="tab"]',
    SD = ".sd-tab-label[data-sync-id]", ST = "button.sphinx-tabs-tab.group-tab",
    me = D.currentScript,
    /** @param {string | null | undefined} t @returns {any} */
    json = (t) => { try { return JSON.parse(t || "null"); } catch { return null; } },
    names = json(me?.getAttribute("data-versus-languages")) || {},
    label = me?.getAttribute("data-versus-toggle") || "Side by side";
  /** @type {{design: Record<string,string>, tabs: Record<string,string>, languages: string[]}} */
  let page = { design: {}, tabs: {}, languages: [] }, busy = false, queued = false, ch = 0;

  /** localStorage, or nothing where it is blocked. @param {string} k @param {string} [v] */
  function store(k, v) {
    try {
      if (v === undefined) return localStorage.getItem("versus-" + k);
      localStorage.setItem("versus-" + k, v);
    } catch { /* the choice lasts for this page */ }
    return null;
  }
  /** @param {ParentNode} p @param {string} s @returns {HTMLElement[]} */
  const all = (p, s) => /** @type {HTMLElement[]} */ (Array.from(p.querySelectorAll(s)));
  const roots = () => all(D, ROOT).filter((r) => r.querySelector(TAB));
  /** @param {Element} el */
  const tabsOf = (el) => all(/** @type {Element} */ (el.parentElement), `:scope > ${TAB}`);

  /** Select one tab of its list and show its panel. @param {HTMLElement} tab */
  function select(tab) {
    for (const t of tabsOf(tab)) {
      const on = t === tab, p = D.getElementById(t.getAttribute("aria-controls") || "");
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      if (p) p.hidden = !on;
    }
  }

  /** Every widget on the page shows `key`; `anchor` keeps its place on screen.
   * @param {string} key @param {Element | null} anchor */
  function choose(key, anchor) {
    if (!key) return;
    store("lang", key);
    const top = anchor ? anchor.getBoundingClientRect().top : 0;
    busy = true;
    for (const r of roots()) {
      const t = all(r, TAB).find((x) => x.dataset.versusSync === key);
      if (t && t.getAttribute("aria-selected") !== "true") select(t);
    }
    for (const l of all(D, SD)) {
      const i = D.getElementById(l.getAttribute("for") || "");
      if (page.design[l.dataset.syncId || ""] === key && i instanceof HTMLInputElement && !i.checked) {
        i.checked = true;
        i.dispatchEvent(new Event("change", { bubbles: true })); // sphinx-design syncs its group
      }
    }
    for (const b of all(D, ST)) {
      if (b.getAttribute("aria-selected") !== "true" && page.tabs[b.getAttribute("name") || ""] === key) b.click();
    }
    busy = false;
    if (anchor) scrollBy(0, anchor.getBoundingClientRect().top - top);
  }

  /** The layout pass: measure every block, then change them all. */
  function layout() {
    const rs = roots();
    const fits = rs.map((r) => {
      const ps = all(r, '[role="tabpanel"]'), pre = r.querySelector("pre"), box = r.querySelector(".versus-panels");
      if (!pre || !box) return false;
      const s = getComputedStyle(pre);
      if (!ch) {
        const m = D.createElement("span");
        m.textContent = "0".repeat(40);
        m.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${s.font}`;
        r.append(m);
        ch = m.getBoundingClientRect().width / 40;
        m.remove();
      }
      const gap = parseFloat(getComputedStyle(box).columnGap) || 12,
        pane = (box.clientWidth - gap * (ps.length - 1)) / ps.length,
        pad = parseFloat(s.paddingLeft) + parseFloat(s.paddingRight) + 2;
      return ps.every((p) => Number(p.dataset.versusColumns) * ch <= pane - pad);
    });
    const scroll = all(D, `${ROOT} pre, div.versus-table-wrapper`).map((b) => [b, b.scrollWidth > b.clientWidth + 1]);
    rs.forEach((r, i) => {
      const view = r.dataset.versusPreferred === "side-by-side" && fits[i] ? "side-by-side" : "tabs";
      r.dataset.versusView = view;
      r.dataset.versusFit = fits[i] ? "side-by-side" : "tabs";
      r.querySelector(".versus-view-toggle")?.setAttribute("aria-pressed", String(view !== "tabs"));
    });
    for (const [b, wide] of /** @type {[HTMLElement, boolean][]} */ (scroll)) {
      if (wide && !b.hasAttribute("tabindex")) b.tabIndex = 0;
      else if (!wide && b.tabIndex === 0 && !b.matches("[role]")) b.removeAttribute("tabindex");
    }
  }

  /** @param {Event} e */
  function onClick(e) {
    const el = e.target instanceof Element ? e.target : null, tab = el?.closest(`${ROOT} ${TAB}`);
    if (tab instanceof HTMLElement) return choose(tab.dataset.versusSync || "", tab);
    const toggle = el?.closest(".versus-view-toggle");
    if (toggle) {
      const view = toggle.getAttribute("aria-pressed") === "true" ? "tabs" : "side-by-side", top = toggle.getBoundingClientRect().top;
      store("view", view);
      for (const r of roots()) r.dataset.versusPreferred = view;
      layout();
      return scrollBy(0, toggle.getBoundingClientRect().top - top);
    }
    const st = busy ? null : el?.closest(ST);
    if (st && st.getAttribute("aria-selected") === "true") {
      const key = page.tabs[st.getAttribute("name") || ""];
      if (page.languages.includes(key)) choose(key, st);
    }
  }

  /** @param {KeyboardEvent} e */
  function onKey(e) {
    const t = e.target;
    if (!(t instanceof HTMLElement) || !t.matches(`${ROOT} ${TAB}`) || e.altKey || e.ctrlKey || e.metaKey) return;
    const ts = tabsOf(t), n = ts.length, i = ts.indexOf(t),
      j = /** @type {Record<string, number>} */ ({ ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 })[e.key];
    if (j === undefined) return;
    e.preventDefault();
    ts[j].focus();
    choose(ts[j].dataset.versusSync || "", ts[j]);
  }

  /** @param {Event} e */
  function onChange(e) {
    const i = e.target;
    if (busy || !(i instanceof HTMLInputElement) || !i.checked || !i.id) return;
    const l = D.querySelector(`${SD}[for="${CSS.escape(i.id)}"]`), key = l ? page.design[l.getAttribute("data-sync-id") || ""] : "";
    if (l && page.languages.includes(key)) choose(key, l);
  }

  /** ?lang= names a configured language or a key on this page, in any case. @param {string} v */
  function fromUrl(v) {
    const same = (/** @type {string} */ a) => a && a.localeCompare(v, "en", { sensitivity: "accent" }) === 0;
    for (const [n, k] of Object.entries(names)) if (same(n)) return String(k);
    const keys = [...page.languages, ...Object.values(page.tabs), ...all(D, "[data-versus-sync]").map((x) => x.dataset.versusSync || "")];
    return keys.find(same) || "";
  }

  let started = false;
  function start() {
    if (started) return;
    started = true;
    page = { ...page, ...json(D.getElementById("versus-sync-ids")?.textContent) };
    const view = store("view");
    for (const r of roots()) {
      const bar = r.querySelector(".versus-code-compare-bar"), b = D.createElement("button");
      b.type = "button";
      b.className = "versus-view-toggle";
      b.textContent = label;
      bar?.append(b);
      // Side by side wherever every pane fits its code, unless the reader chose.
      r.dataset.versusPreferred = view === "tabs" ? view : "side-by-side";
      r.classList.add("versus-js");
    }
    choose(fromUrl(new URLSearchParams(location.search).get("lang") || "") || store("lang") || "", null);
    layout();
    D.addEventListener("click", onClick);
    D.addEventListener("keydown", onKey);
    D.addEventListener("change", onChange);
    addEventListener("resize", () => {
      if (!queued) (queued = true), requestAnimationFrame(() => { queued = false; layout(); });
    });
  }
  // After sphinx-design and sphinx-tabs restore their own state (their
  // DOMContentLoaded listeners were added first), so the reader's choice wins.
  if (D.readyState === "complete") start();
  else addEventListener("DOMContentLoaded", start), addEventListener("load", start);
})();
