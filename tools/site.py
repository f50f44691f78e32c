"""Build the course's static HTML site from the stored notebooks (no re-execution).

Usage: ``python tools/site.py [OUTPUT_DIR]`` (``make site``; default ``build/site``).

Every notebook is rendered by nbconvert's JupyterLab template, figures embedded, with:

- math typeset in the browser by a local copy of KaTeX (npm, ``npm ci`` into
  ``node_modules/``): no page loads anything from another host, so the site works offline;
- each figure's alt text taken from its output metadata (``helpers.plotting.show``);
- each solution folded in a closed ``<details>``, its code and verdict inside;
- colours with a contrast of at least 4.5:1, underlined links, a ``<main>`` landmark;
- links between days pointing at the rendered pages, other repository files at GitHub.

``index.html`` lists the days with their Colab links; ``CHEATSHEET.md``, when present, is
rendered into ``cheatsheet.html`` and linked from every page.
"""

from __future__ import annotations

import html
import posixpath
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course  # tools/course.py: config, notebook list, titles, Colab URLs

SITE_NAME = "numpy-random-ml"
CHEATSHEET = course.ROOT / "CHEATSHEET.md"
KATEX = course.ROOT / "node_modules" / "katex" / "dist"
#: What the site copies from KaTeX's npm package into assets/katex/.
KATEX_FILES = ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "fonts")
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
LOCAL_BADGE = "assets/colab-badge.svg"
BADGE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="117" height="20" role="img"
 aria-label="Open in Colab"><rect width="117" height="20" rx="3" fill="#f9ab00"/>
<text x="58.5" y="14" fill="#000" font-family="Verdana,sans-serif" font-size="11"
 text-anchor="middle">Open in Colab</text></svg>
"""
IMAGE_TYPES = ("image/png", "image/jpeg")

# Typesets $...$, $$...$$, \(...\) and \[...\] outside code, as JupyterLab does. A formula
# KaTeX cannot parse is shown in red (class katex-error), which the browser test reports.
SITE_JS = r"""// Typeset the page's formulas with the local KaTeX (see tools/site.py).
renderMathInElement(document.querySelector("main"), {
  delimiters: [
    {left: "$$", right: "$$", display: true},
    {left: "\\[", right: "\\]", display: true},
    {left: "\\begin{align}", right: "\\end{align}", display: true},
    {left: "\\begin{equation}", right: "\\end{equation}", display: true},
    {left: "$", right: "$", display: false},
    {left: "\\(", right: "\\)", display: false},
  ],
  throwOnError: false,
});
document.documentElement.dataset.math = "typeset";
"""

# JupyterLab's light theme, with the colours that fail WCAG AA (4.5:1) darkened in the same
# hue: contrast on the code background #f5f5f5 in the comments (white is higher still).
SITE_CSS = """:root {
  --jp-mirror-editor-atom-color: #4545d6;        /* 6.3 (was #88f, 2.8) */
  --jp-mirror-editor-number-color: #007400;      /* 5.5 (was #080, 4.3) */
  --jp-mirror-editor-variable-3-color: #007a4d;  /* 5.0 (was #085, 4.1) */
  --jp-mirror-editor-operator-color: #8f1ae0;    /* 5.7 (was #a2f, 4.4) */
  --jp-mirror-editor-meta-color: #8f1ae0;
  --jp-mirror-editor-comment-color: #396f6f;     /* 5.2 (was #408080, 4.2) */
  --jp-mirror-editor-bracket-color: #6b6b52;     /* 5.0 (was #997, 2.7) */
  --jp-mirror-editor-quote-color: #007400;       /* 5.5 (was #090, 3.5) */
  --jp-mirror-editor-error-color: #c80000;       /* 5.6 (was #f00, 3.7) */
  --jp-cell-inprompt-font-color: #2a6ca6;        /* 5.1 (was #307fc1 at half opacity) */
  --jp-cell-outprompt-font-color: #a64b30;       /* 5.3 (was #bf5b3d at half opacity) */
  --jp-cell-prompt-not-active-opacity: 1;
  --jp-cell-prompt-not-active-font-color: #2a6ca6;
}
/* Links in running text are underlined, not told apart by colour alone. */
main a, .site-nav a,
.jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited {
  text-decoration: underline; }
.jp-RenderedHTMLCommon a:hover, .site-nav a:hover { text-decoration-thickness: 2px; }
body { margin: 0; }
.site-nav { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap;
  padding: .6rem 1rem; border-bottom: 1px solid #ccc; background: #fafafa;
  font-family: system-ui, sans-serif; }
.site-nav .site-name { font-weight: 600; }
.site-footer { padding: 1rem; border-top: 1px solid #ccc; font-family: system-ui, sans-serif;
  font-size: .9rem; }
details.solution { margin: .5rem 0 .5rem var(--jp-cell-prompt-width, 64px);
  border: 1px solid #ccc; border-radius: 4px; padding: .2rem .6rem; }
details.solution > summary { cursor: pointer; font-family: system-ui, sans-serif;
  padding: .3rem 0; }
"""

INDEX_CSS = """main, .site-footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem;
  font-family: system-ui, sans-serif; line-height: 1.5; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3rem .6rem; }
th { background: #f4f4f4; text-align: left; } a { color: #0d47a1; }
"""

# nbconvert's JupyterLab template without require.js, MathJax and mermaid from CDNs; with the
# site's navigation, figures' stored alt text and folded solutions.
TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_js_mathjax -%}
<link rel="stylesheet" href="assets/katex/katex.min.css">
<script defer src="assets/katex/katex.min.js"></script>
<script defer src="assets/katex/contrib/auto-render.min.js"></script>
<script defer src="assets/site.js"></script>
{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
<link rel="stylesheet" href="assets/site.css">
{%- endblock html_head_css -%}

{%- block body_header -%}
<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
{{ resources.site_header }}
<main>
{%- endblock body_header -%}
{% block body_footer %}
</main>
{{ resources.site_footer }}
</body>
{% endblock body_footer %}

{% block codecell %}
{%- if 'solution' in cell.metadata.get('tags', []) -%}
<details class="solution">
<summary>{{ cell.metadata.site_summary | escape_html }} (try the exercise first)</summary>
{{ super() }}
</details>
{%- else -%}
{{ super() }}
{%- endif -%}
{% endblock codecell %}

{% macro image(output, mime) -%}
<div class="jp-RenderedImage jp-OutputArea-output">
<img src="data:{{ mime }};base64,{{ output.data[mime] | escape_html }}"
 alt="{{ output.metadata[mime].alt | escape_html }}">
</div>
{%- endmacro %}
{% block data_png scoped %}{{ image(output, 'image/png') }}{% endblock data_png %}
{% block data_jpg scoped %}{{ image(output, 'image/jpeg') }}{% endblock data_jpg %}
"""


def site_header(has_cheatsheet: bool) -> str:
    links = [f'<a class="site-name" href="index.html">{SITE_NAME}</a>',
             '<a href="index.html#the-days">All days</a>']
    if has_cheatsheet:
        links.append('<a href="cheatsheet.html">Cheat sheet</a>')
    return f'<header><nav class="site-nav" aria-label="Course">{"".join(links)}</nav></header>'


def site_footer(cfg: dict, source: str) -> str:
    url = f"https://github.com/{cfg['repository']}/blob/{cfg['tag']}/{source}"
    return (f'<footer class="site-footer"><p>Rendered from the stored outputs of '
            f'<a href="{url}">{html.escape(source)}</a>; every printed number is checked in '
            f"CI.</p></footer>")


def prepare(nb, title: str) -> tuple[nbformat.NotebookNode, int]:
    """A copy of ``nb`` ready for the template, and how many figures lack alt text.

    A solution's ``#@title`` line (Colab's form title) becomes the summary of its folded
    ``<details>``; a figure without stored alt text gets a sentence saying so.
    """
    nb = nbformat.from_dict(nb)
    missing = figures = 0
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            first, _, rest = cell.source.partition("\n")
            summary = first.removeprefix("#@title").strip() if first.startswith("#@title") else ""
            cell.metadata["site_summary"] = summary or "Solution"
            cell.source = rest if summary else cell.source
        for out in cell.get("outputs", []):
            for mime in IMAGE_TYPES:
                if mime not in out.get("data", {}):
                    continue
                figures += 1
                meta = out.setdefault("metadata", {}).setdefault(mime, {})
                if not str(meta.get("alt", "")).strip():
                    missing += 1
                    meta["alt"] = f"Figure {figures} of {title} (the notebook gives no description)"
    return nb, missing


def rewrite(page: str, cfg: dict, source: str, pages: dict[str, str]) -> str:
    """Fix a rendered page's links and tables for the site.

    Links to a notebook or the cheat sheet point at its page, the course overview at the
    index, other relative links at the file on GitHub (at the course's tag); the Colab badge
    is the local copy; an empty table header cell (pandas' corner cell) becomes a data cell.
    """
    overview = f"https://github.com/{cfg['repository']}#the-days"
    blob = f"https://github.com/{cfg['repository']}/blob/{cfg['tag']}/"
    soup = BeautifulSoup(page, "html.parser")
    for a in soup.select("main a[href]"):  # the notebook's links, not the site's own
        href = a["href"]
        parts = urlsplit(href)
        if href == overview:
            a["href"] = "index.html"
        elif not parts.scheme and not href.startswith(("#", "/")) and parts.path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path))
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            local = pages.get(target)
            a["href"] = f"{local}{fragment}" if local else f"{blob}{target}{fragment}"
    for img in soup.select(f'img[src="{COLAB_BADGE}"]'):
        img["src"] = LOCAL_BADGE
    for th in soup.find_all("th"):
        if not th.get_text(strip=True):
            th.name = "td"
    return str(soup)


def copy_assets(out_dir: Path) -> None:
    """KaTeX (from node_modules/), the site's script and stylesheet, the Colab badge."""
    if not (KATEX / "katex.min.js").exists():
        sys.exit(f"site: {course.shown(KATEX)} is missing: run `npm ci` (make site does)")
    assets = out_dir / "assets"
    for name in KATEX_FILES:
        src, dst = KATEX / name, assets / "katex" / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)
    shutil.copy2(KATEX.parent / "LICENSE", assets / "katex" / "LICENSE")
    (assets / "site.js").write_text(SITE_JS, encoding="utf-8")
    (assets / "site.css").write_text(SITE_CSS, encoding="utf-8")
    (out_dir / LOCAL_BADGE).write_text(BADGE_SVG, encoding="utf-8")


def index_page(cfg: dict, paths: list[Path], titles: list[str], has_cheatsheet: bool) -> str:
    rows = []
    for path, title in zip(paths, titles, strict=True):
        day, _, topic = title.partition(" — ")
        rows.append(
            f"<tr><td>{html.escape(day)}</td>"
            f'<td><a href="{path.stem}.html">{html.escape(topic)}</a></td>'
            f'<td><a href="{course.colab_url(cfg, path)}"><img src="{LOCAL_BADGE}" '
            f'alt="Open {html.escape(day)} in Colab"></a></td></tr>')
    cheatsheet = ('<p>All the course\'s recipes on one page: the '
                  '<a href="cheatsheet.html">cheat sheet</a>.</p>' if has_cheatsheet else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{SITE_NAME}: randomness in NumPy for machine learning</title>
<link rel="stylesheet" href="assets/site.css">
<style>{INDEX_CSS}</style></head>
<body>
{site_header(has_cheatsheet)}
<main>
<h1>{SITE_NAME}</h1>
<p>Randomness in NumPy for machine learning, one day at a time: executable notebooks
whose every printed number is checked in CI. Each page below is a notebook rendered with
its stored outputs; open it in Colab to run it.</p>
{cheatsheet}
<h2 id="the-days">The days</h2>
<table><thead><tr><th scope="col">day</th><th scope="col">notebook</th>
<th scope="col">run</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<p>Source, tests and the two commands (<code>make run</code>, <code>make test</code>):
<a href="https://github.com/{cfg['repository']}">github.com/{cfg['repository']}</a>.</p>
</main>
</body></html>
"""


def render(exporter: HTMLExporter, nb, title: str, resources: dict) -> tuple[str, int]:
    """One page of the site, and how many of its figures have no stored alt text."""
    nb, missing = prepare(nb, title)
    body, _ = exporter.from_notebook_node(
        nb, resources={"metadata": {"name": f"{title} · {SITE_NAME}"}, **resources})
    return body, missing


def build(out_dir: Path, paths: list[Path] | None = None,
          cheatsheet: Path = CHEATSHEET) -> list[Path]:
    """Render the notebooks (default: the course's), the cheat sheet if it exists, and the
    index into ``out_dir``; the pages written. The assets are :func:`copy_assets`'s job."""
    cfg = course.course_config()
    paths = course.notebook_paths() if paths is None else paths
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    titles = [course.title_of(nb) for nb in nbs]
    has_cheatsheet = cheatsheet.exists()
    pages = {f"notebooks/{p.name}": f"{p.stem}.html" for p in paths}
    sources = [(f"notebooks/{p.name}", nb, title)
               for p, nb, title in zip(paths, nbs, titles, strict=True)]
    if has_cheatsheet:
        pages[cheatsheet.name] = "cheatsheet.html"
        sheet = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_markdown_cell(cheatsheet.read_text(encoding="utf-8"))])
        sources.append((cheatsheet.name, sheet, course.title_of(sheet)))
    out_dir.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab", raw_template=TEMPLATE)
    written = []
    for source, nb, title in sources:
        resources = {"site_header": site_header(has_cheatsheet),
                     "site_footer": site_footer(cfg, source)}
        body, missing = render(exporter, nb, title, resources)
        if missing:
            print(f"site: warning: {source}: {missing} figure(s) without alt text; display "
                  f"them with helpers.plotting.show(fig, alt=...)", file=sys.stderr)
        page = out_dir / pages[source]
        page.write_text(rewrite(body, cfg, source, pages), encoding="utf-8")
        written.append(page)
    index = out_dir / "index.html"
    index.write_text(index_page(cfg, paths, titles, has_cheatsheet), encoding="utf-8")
    return [index, *written]


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else course.ROOT / "build" / "site"
    copy_assets(out_dir.resolve())
    pages = build(out_dir.resolve())
    print(f"site: {len(pages)} pages in {course.shown(out_dir.resolve())} "
          f"(open {course.shown(pages[0])})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
