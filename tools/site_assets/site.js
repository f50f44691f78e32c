// The course site's script (see tools/site.py). Everything is local: it works offline.
(function () {
  "use strict";
  // Math: typeset the page's formulas with the local KaTeX, as JupyterLab does.
  // The text, the outline and (when they appear) the search results.
  const mathOptions = {
    delimiters: [
      {left: "$$", right: "$$", display: true},
      {left: "\\[", right: "\\]", display: true},
      {left: "\\begin{align}", right: "\\end{align}", display: true},
      {left: "\\begin{equation}", right: "\\end{equation}", display: true},
      {left: "$", right: "$", display: false},
      {left: "\\(", right: "\\)", display: false},
    ],
    ignoredClasses: ["jp-OutputArea"],
    throwOnError: false,
  };
  function typeset(element) {
    if (window.renderMathInElement && element) renderMathInElement(element, mathOptions);
  }
  typeset(document.querySelector("main"));
  typeset(document.querySelector("nav.outline-nav"));
  if (window.renderMathInElement) document.documentElement.dataset.math = "typeset";

  // Wide code, outputs and tables scroll sideways; a keyboard must reach them too.
  function focusableScrollers() {
    document.querySelectorAll(
      "main pre, main .jp-RenderedHTML, main .table-wrap, main .katex-display")
      .forEach(el => {
        if (el.scrollWidth > el.clientWidth + 1) {
          el.tabIndex = 0;
        } else {
          el.removeAttribute("tabindex");
        }
      });
  }
  focusableScrollers();
  window.addEventListener("resize", focusableScrollers);

  // A copy button on every code cell.
  document.querySelectorAll("main .jp-InputArea-editor").forEach(editor => {
    const pre = editor.querySelector("pre");
    if (!pre || !navigator.clipboard) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy this code");
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(pre.innerText.replace(/\n$/, "")).then(() => {
        button.textContent = "Copied";
        setTimeout(() => { button.textContent = "Copy"; }, 1500);
      });
    });
    editor.appendChild(button);
  });

  // The phone menu: the sidebar slides in over the page. Focus moves into it when it
  // opens and back to the Menu button when it closes (its Close button, Escape, a tap
  // outside it, or following one of its links).
  const toggle = document.querySelector(".menu-toggle");
  const sidebar = document.getElementById("sidebar");
  const closer = sidebar && sidebar.querySelector(".sidebar-close");
  const isOpen = () => toggle.getAttribute("aria-expanded") === "true";
  function setMenu(open) {
    if (open === isOpen()) return;
    toggle.setAttribute("aria-expanded", String(open));
    document.body.classList.toggle("menu-open", open);
    if (open) {
      (closer || sidebar.querySelector("a")).focus();
    } else if (sidebar.contains(document.activeElement) || !document.activeElement
               || document.activeElement === document.body) {
      toggle.focus({preventScroll: true});
    }
  }
  if (toggle && sidebar) {
    toggle.addEventListener("click", () => setMenu(!isOpen()));
    if (closer) closer.addEventListener("click", () => setMenu(false));
    document.addEventListener("keydown", e => { if (e.key === "Escape") setMenu(false); });
    sidebar.addEventListener("click", e => { if (e.target.closest("a")) setMenu(false); });
    document.addEventListener("click", e => {
      if (isOpen() && !sidebar.contains(e.target) && !toggle.contains(e.target)) {
        setMenu(false);
      }
    });
  }

  // The outline: open beside the text on wide screens, folded above it otherwise; the
  // section being read is marked.
  const outline = document.querySelector("details.outline");
  const wide = window.matchMedia("(min-width: 1440px)");  // site.css's three columns
  function placeOutline() { if (outline) outline.open = wide.matches; }
  placeOutline();
  wide.addEventListener("change", placeOutline);
  // Folded above the text, it folds again once a section is chosen, not to cover it.
  if (outline) {
    outline.addEventListener("click", e => {
      if (!wide.matches && e.target.closest("a")) outline.open = false;
    });
  }
  const links = Array.from(document.querySelectorAll(".outline a[href^='#']"));
  const targets = links.map(a => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  function markCurrent() {
    let current = -1;
    targets.forEach((t, i) => { if (t && t.getBoundingClientRect().top < 120) current = i; });
    links.forEach((a, i) => {
      if (i === current) a.setAttribute("aria-current", "location");
      else a.removeAttribute("aria-current");
    });
  }
  if (links.length) {
    window.addEventListener("scroll", markCurrent, {passive: true});
    markCurrent();
  }

  // "Report a problem" names the section being read.
  document.querySelectorAll("a.report-link").forEach(a => a.addEventListener("click", () => {
    const here = document.querySelector(".outline a[aria-current]");
    if (!here) return;
    const url = new URL(a.href);
    const body = url.searchParams.get("body") || "";
    url.searchParams.set("body", body.replace(/\*\*Section:\*\* [^\n]*/,
                                              `**Section:** ${here.textContent.trim()}`));
    a.href = url.toString();
  }));

  // Search: MiniSearch and the index built by `make site`, loaded on first use.
  const input = document.getElementById("search-input");
  const panel = document.getElementById("search-results");
  if (!input || !panel) return;
  const status = panel.querySelector(".search-status");
  const list = panel.querySelector("ol");
  let engine = null, loading = null;
  function load(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = () => reject(new Error(src));
      document.head.appendChild(s);
    });
  }
  function ready() {
    if (!loading) {
      loading = load("assets/minisearch.js").then(() => load("assets/search-index.js"))
        .then(() => {
          const data = window.COURSE_SEARCH;
          engine = MiniSearch.loadJS(data.index, data.options);
        });
    }
    return loading;
  }
  const escapeHtml = s => s.replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                                                       '"': "&quot;"}[c]));
  function excerpt(text, terms) {
    const lower = text.toLowerCase();
    let at = -1;
    for (const t of terms) {
      const i = lower.indexOf(t.toLowerCase());
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    const start = Math.max(0, at - 60);
    let part = (start > 0 ? "…" : "") + text.slice(start, start + 180)
               + (start + 180 < text.length ? "…" : "");
    part = escapeHtml(part);
    const words = terms.filter(t => t.length > 1)
      .map(t => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (words.length) {
      part = part.replace(new RegExp("(" + words.join("|") + ")", "gi"), "<mark>$1</mark>");
    }
    return part;
  }
  function show(query) {
    const q = query.trim();
    if (!q) { panel.hidden = true; return; }
    panel.hidden = false;
    const hits = engine.search(q, {prefix: true, combineWith: "AND", boost: {title: 3},
                                   fuzzy: term => (term.length > 4 ? 0.2 : 0)});
    status.textContent = hits.length
      ? `${hits.length} section${hits.length === 1 ? "" : "s"} found for “${q}”`
      : `Nothing found for “${q}”`;
    list.innerHTML = hits.slice(0, 12).map(h =>
      `<li><a href="${escapeHtml(h.url)}"><span class="hit-page">${escapeHtml(h.page)}</span>`
      + ` <span class="hit-title">${escapeHtml(h.title)}</span></a>`
      + `<p>${excerpt(h.text, h.terms)}</p></li>`).join("");
    typeset(list);
  }
  // A result followed on this very page: the panel goes, the section shows.
  list.addEventListener("click", e => { if (e.target.closest("a")) panel.hidden = true; });
  input.addEventListener("focus", ready, {once: true});
  input.addEventListener("input", () => ready().then(() => show(input.value)));
  input.form.addEventListener("submit", e => {
    e.preventDefault();
    ready().then(() => {
      show(input.value);
      const first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
  });
  input.addEventListener("keydown", e => {
    if (e.key === "Escape") { input.value = ""; panel.hidden = true; }
  });
  document.addEventListener("click", e => {
    if (!e.target.closest(".site-search")) panel.hidden = true;
  });
})();
