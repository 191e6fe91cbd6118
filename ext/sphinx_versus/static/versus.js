// @ts-check
// sphinx-versus: tabs, their sync groups (the reader's language, or a named group
// such as "os"), the reader's view (see code_compare/html.py).
"use strict";
(() => {
  const D = document, R = ".versus-code-compare", T = '[role="tab"]', SD = ".sd-tab-label[data-sync-id]",
    ST = "button.sphinx-tabs-tab.group-tab", L = "lang", me = D.currentScript;
  /** @param {any} t @returns {any} */
  const js = (t) => { try { return JSON.parse(t); } catch { return null; } };
  /** @param {ParentNode} p @param {string} s @returns {HTMLElement[]} */
  const all = (p, s) => Array.from(p.querySelectorAll(s));
  /** @param {Element} e */
  const at = (e) => e.getAttribute("aria-selected") === "true";
  /** @param {Element} e @param {string} n */
  const get = (e, n) => e.getAttribute(n) || "";
  /** A tab's sync group: "lang" unless Python wrote another. @param {Element} t */
  const group = (t) => get(t, "data-versus-group") || L;
  const names = js(me?.dataset.versusLanguages) || {}, roots = () => all(D, R).filter((r) => r.querySelector(T));
  /** @type {{design: Record<string, string>, tabs: Record<string, string>, languages: string[]}} */
  let page = { design: {}, tabs: {}, languages: [] }, busy = 0, queued = 0, ch = 0;

  /** @param {string} k @param {string} [v] */
  function store(k, v) {
    try { if (v) localStorage.setItem("versus-" + k, v); else return localStorage.getItem("versus-" + k); } catch { }
    return null;
  }
  /** @param {"design" | "tabs"} map @param {Element} e @param {string} n */
  const key = (map, e, n) => page[map][get(e, n)] || "";

  /** @param {HTMLElement} tab */
  function select(tab) {
    for (const t of all(/** @type {Element} */ (tab.parentElement), ":scope>" + T)) {
      const p = D.getElementById(get(t, "aria-controls"));
      t.setAttribute("aria-selected", String(t === tab));
      t.tabIndex = t === tab ? 0 : -1;
      if (p) p.hidden = t !== tab;
    }
  }

  /** Select key k in every block of group g, and remember it. @param {string} k @param {string} [g] */
  function choose(k, g = L) {
    if (!k) return;
    store(g, k);
    for (const t of all(D, R + " " + T)) if (t.dataset.versusSync === k && group(t) == g && !at(t)) select(t);
    if (g != L) return;
    busy = 1;
    for (const l of all(D, SD)) {
      const i = D.getElementById(get(l, "for"));
      if (key("design", l, "data-sync-id") === k && i instanceof HTMLInputElement && !i.checked) {
        i.checked = true;
        i.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
    for (const b of all(D, ST)) if (!at(b) && key("tabs", b, "name") === k) b.click();
    busy = 0;
  }

  function layout() {
    const rs = roots(), fits = rs.map((r) => {
      const ps = all(r, '[role="tabpanel"]'), pre = r.querySelector("pre"), box = /** @type {HTMLElement} */ (r.querySelector(".versus-panels")),
        s = getComputedStyle(pre || r);
      if (!ch) {
        const m = D.createElement("span");
        m.textContent = "0".repeat(40);
        m.style.cssText = "position:absolute;white-space:pre;font:" + s.font;
        r.append(m);
        ch = m.offsetWidth / 40;
        m.remove();
      }
      const pane = (box.clientWidth - 12 * (ps.length - 1)) / ps.length - parseFloat(s.paddingLeft) * 2 - 2;
      return ps.every((p) => +(p.dataset.versusColumns || 0) * ch <= pane);
    }), wide = all(D, R + " pre,div.versus-table-wrapper").map((b) => [b, b.scrollWidth > b.clientWidth + 1]);
    rs.forEach((r, i) => {
      const f = fits[i] ? "side-by-side" : "tabs", v = r.dataset.versusPreferred != "tabs" ? f : "tabs";
      r.dataset.versusView = v;
      r.dataset.versusFit = f;
      r.querySelector(".versus-view-toggle")?.setAttribute("aria-pressed", String(v != "tabs"));
    });
    for (const [b, w] of /** @type {[HTMLElement, boolean][]} */ (wide)) {
      if (w && !b.hasAttribute("tabindex")) b.dataset.versusScroll = "", b.tabIndex = 0;
      if (!w && b.dataset.versusScroll != null) delete b.dataset.versusScroll, b.removeAttribute("tabindex");
    }
  }

  /** @param {Event} e */
  function onClick(e) {
    const el = /** @type {Element} */ (e.target), tab = el.closest?.(R + " " + T), tg = el.closest?.(".versus-view-toggle"),
      st = busy ? null : el.closest?.(ST);
    if (tab instanceof HTMLElement) choose(tab.dataset.versusSync || "", group(tab));
    else if (tg) {
      const v = get(tg, "aria-pressed") == "true" ? "tabs" : "side-by-side";
      store("view", v);
      for (const r of roots()) r.dataset.versusPreferred = v;
      layout();
    } else if (st && at(st) && page.languages.includes(key("tabs", st, "name"))) choose(key("tabs", st, "name"));
  }

  /** @param {KeyboardEvent} e */
  function onKey(e) {
    const t = /** @type {HTMLElement} */ (e.target);
    if (!t.matches?.(R + " " + T) || e.altKey || e.ctrlKey || e.metaKey) return;
    const ts = all(/** @type {Element} */ (t.parentElement), ":scope>" + T), n = ts.length, i = ts.indexOf(t),
      j = /** @type {any} */ ({ ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 })[e.key];
    if (j == null) return;
    e.preventDefault();
    ts[j].focus();
    choose(ts[j].dataset.versusSync || "", group(ts[j]));
  }

  /** @param {Event} e */
  function onChange(e) {
    const i = e.target, l = !busy && i instanceof HTMLInputElement && i.checked && i.id && D.querySelector(`${SD}[for="${CSS.escape(i.id)}"]`),
      k = l ? key("design", l, "data-sync-id") : "";
    if (l && page.languages.includes(k)) choose(k);
  }

  /** The key ?g=... names in group g (?lang=golang, ?os=Linux). @param {string} g */
  function fromUrl(g) {
    const v = new URLSearchParams(location.search).get(g) || "",
      /** @param {string} a */
      same = (a) => !!a && !a.localeCompare(v, "en", { sensitivity: "accent" }), l = g == L;
    for (const n in names) if (l && same(n)) return String(names[n]);
    return [...(l ? [...page.languages, ...Object.values(page.tabs)] : []),
      ...all(D, R + " " + T).filter((t) => group(t) == g).map((t) => t.dataset.versusSync || "")].find(same) || "";
  }

  let started = 0;
  function start() {
    if (started++) return;
    page = { ...page, ...js(D.getElementById("versus-sync-ids")?.textContent) };
    for (const r of roots()) {
      const b = D.createElement("button");
      b.type = "button";
      b.className = "versus-view-toggle";
      b.textContent = me?.dataset.versusToggle || "Side by side";
      r.querySelector(".versus-code-compare-bar")?.append(b);
      r.dataset.versusPreferred = store("view") || (r.matches(".versus-layout-tabs") ? "tabs" : "side-by-side");
      r.classList.add("versus-js");
    }
    for (const g of new Set([L, ...all(D, R + " " + T).map(group)])) choose(fromUrl(g) || store(g) || "", g);
    layout();
    D.addEventListener("click", onClick);
    D.addEventListener("keydown", onKey);
    D.addEventListener("change", onChange);
    addEventListener("resize", () => queued || (queued = requestAnimationFrame(() => { queued = 0; layout(); })));
  }
  if (D.readyState == "complete") start();
  else addEventListener("DOMContentLoaded", start), addEventListener("load", start);
})();
