// @ts-check
// sphinx-versus: tabs, their sync groups (the reader's language, or a named
// group such as "os"), the reader's view (see code_compare/html.py).
// Linked with defer (assets.py): the page is parsed when this runs.
(() => {
  const D = document, me = D.currentScript, R = ".versus-code-compare", B = "[role=tab]", T = R + " " + B, L = "lang",
    SD = ".sd-tab-label[data-sync-id]", ST = "button.sphinx-tabs-tab.group-tab";
  /** JSON that Python wrote (json_for_script), or an empty object. @param {string} [t] @returns {any} */
  const js = (t) => JSON.parse(t || "{}");
  /** @param {ParentNode} p @param {string} s @returns {HTMLElement[]} */
  const all = (p, s) => Array.from(p.querySelectorAll(s));
  /** @param {Element} e @param {string} n */
  const get = (e, n) => e.getAttribute(n) || "";
  /** @param {Element} e */
  const at = (e) => get(e, "aria-selected") == "true";
  /** A tab's sync group: "lang" unless Python wrote another. @param {Element} t */
  const grp = (t) => get(t, "data-versus-group") || L;
  /** localStorage["versus-" + k]: read, or set to v. @param {string} k @param {string} [v] */
  const store = (k, v) => { try { k = "versus-" + k; return v ? localStorage.setItem(k, v) : localStorage.getItem(k); } catch { } };
  /** @type {{design: Record<string, string>, tabs: Record<string, string>, languages: string[]}} */
  const page = { design: {}, tabs: {}, languages: [], ...js(D.getElementById("versus-sync-ids")?.textContent) },
    names = js(me?.dataset.versusLanguages), roots = all(D, R).filter((r) => r.querySelector(B));
  /** The reader's view ("tabs" / "side-by-side"), once chosen. */
  let busy = 0, queued = 0, ch = 0, view = store("view");
  /** @param {"design" | "tabs"} map @param {Element} e @param {string} n */
  const key = (map, e, n) => page[map][get(e, n)] || "";

  /** @param {Element} tab */
  function select(tab) {
    for (const t of /** @type {HTMLElement[]} */ (Array.from(tab.parentElement?.children || []))) {
      const p = D.getElementById(get(t, "aria-controls"));
      t.setAttribute("aria-selected", String(t == tab));
      t.tabIndex = t == tab ? 0 : -1;
      if (p) p.hidden = t != tab;
    }
  }

  /** Select key k in every block of group g, and remember it. @param {string} k @param {string} [g] */
  function choose(k, g = L) {
    if (!k) return;
    store(g, k);
    for (const t of all(D, T)) if (t.dataset.versusSync == k && grp(t) == g) select(t);
    if (g != L) return;
    busy = 1;
    for (const l of all(D, SD)) {
      // sphinx-design writes each <input> just before its <label> (its CSS says input:checked+label).
      const i = l.previousElementSibling;
      if (key("design", l, "data-sync-id") == k && i instanceof HTMLInputElement && !i.checked)
        i.checked = true, i.dispatchEvent(new Event("change", { bubbles: true }));
    }
    for (const b of all(D, ST)) if (!at(b) && key("tabs", b, "name") == k) b.click();
    busy = 0;
  }

  function layout() {
    const fits = roots.map((r) => {
      const ps = all(r, "[role=tabpanel]"), box = /** @type {HTMLElement} */ (r.querySelector(".versus-panels")),
        s = getComputedStyle(r.querySelector("pre") || r);
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
    roots.forEach((r, i) => {
      const f = fits[i] ? "side-by-side" : "tabs", v = (view || (r.matches(".versus-layout-tabs") ? "tabs" : f)) != "tabs" ? f : "tabs";
      r.dataset.versusView = v;
      r.dataset.versusFit = f;
      r.querySelector(".versus-view-toggle")?.setAttribute("aria-pressed", String(v != "tabs"));
    });
    // A box that scrolls gets into the tab order (unless it was already); one that no longer does leaves it.
    for (const [b, w] of /** @type {[HTMLElement, boolean][]} */ (wide))
      if (w ? !b.hasAttribute("tabindex") : b.hasAttribute("data-versus-scroll"))
        b.toggleAttribute("data-versus-scroll", w), w ? b.tabIndex = 0 : b.removeAttribute("tabindex");
  }

  /** The key ?g=... names in group g (?lang=golang, ?os=Linux), or "". @param {string} g */
  function fromUrl(g) {
    const v = new URLSearchParams(location.search).get(g) || "", l = g == L,
      k = [...(l ? [...Object.keys(names), ...page.languages, ...Object.values(page.tabs)] : []),
        ...all(D, T).filter((t) => grp(t) == g).map((t) => t.dataset.versusSync || "")]
        .find((a) => a && !a.localeCompare(v, "en", { sensitivity: "accent" })) || "";
    return (l && names[k]) || k;
  }

  for (const r of roots) r.classList.add("versus-js");
  // At DOMContentLoaded (after every deferred script), when sphinx-tabs' buttons listen to a click.
  addEventListener("DOMContentLoaded", () => {
    for (const g of new Set([L, ...all(D, T).map(grp)])) choose(fromUrl(g) || store(g) || "", g);
    layout();
  });

  D.addEventListener("click", (e) => {
    const el = /** @type {Element} */ (e.target), tab = el.closest?.(T), tg = el.closest?.(".versus-view-toggle"),
      st = busy ? null : el.closest?.(ST);
    if (tab instanceof HTMLElement) choose(tab.dataset.versusSync || "", grp(tab));
    else if (tg) {
      store("view", view = get(tg, "aria-pressed") == "true" ? "tabs" : "side-by-side");
      layout();
    } else if (st && at(st) && page.languages.includes(key("tabs", st, "name"))) choose(key("tabs", st, "name"));
  });
  D.addEventListener("keydown", (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (!t.matches?.(T) || e.altKey || e.ctrlKey || e.metaKey) return;
    const ts = /** @type {HTMLElement[]} */ (Array.from(t.parentElement?.children || [])), n = ts.length, i = ts.indexOf(t),
      j = /** @type {any} */ ({ ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 })[e.key];
    if (j == null) return;
    e.preventDefault();
    ts[j].focus();
    ts[j].click(); // selects it, as a click does
  });
  D.addEventListener("change", (e) => {
    const i = e.target, l = !busy && i instanceof HTMLInputElement && i.checked && i.nextElementSibling,
      k = l ? key("design", l, "data-sync-id") : "";
    if (l && l.matches(SD) && page.languages.includes(k)) choose(k);
  });
  addEventListener("resize", () => queued || (queued = requestAnimationFrame(() => { queued = 0; layout(); })));
})();
