"""Build the course's static HTML site from the stored notebooks (no re-execution).

Usage: ``python tools/site.py [OUTPUT_DIR]`` (``make site``; default ``build/site``).

Each notebook's cells are rendered by nbconvert (the JupyterLab template's cell markup, no
execution prompts) into one page layout shared by every page: a reading column for prose,
a sidebar with the days, the cheat sheet and the status page, an outline of the page,
previous/next links at the top and bottom, a search box and a "report a problem" link.

- Math is typeset in the browser by a local copy of KaTeX (npm, ``npm ci`` into
  ``node_modules/``); the search index is built with MiniSearch (npm) at build time. No page
  loads anything from another host, and everything works from ``file://``: offline.
- Each figure is written to ``figures/`` with the alt text its output metadata stores
  (``helpers.plotting.show``); a figure output's other renditions (an ``<img>`` in
  ``text/html``) are dropped, so no figure is shown twice.
- Other outputs show their richest rendition (``text/html`` before ``text/plain``).
- Each solution is folded in a closed ``<details>``, its code and verdict inside; the Colab
  setup cell is folded too; the Colab badge and day-navigation cells are replaced by the
  page's own links; the maintainers' results cell (``save_results(RESULTS_PATH, ...)``,
  no output) is left out.
- ``status.html`` lists, for each day, when its stored outputs were committed, its
  execution time, the pinned versions and the stored fingerprint.

``index.html`` lists the days with their Colab links; ``CHEATSHEET.md``, when present, is
rendered into ``cheatsheet.html``.
"""

from __future__ import annotations

import base64
import html
import json
import posixpath
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote, urlencode, urlsplit

import nbformat
from bs4 import BeautifulSoup, NavigableString, Tag
from jinja2 import pass_context
from mistune import BlockParser
from nbconvert import HTMLExporter
from nbconvert.filters import markdown_mistune

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course  # tools/course.py: config, notebook list, titles, Colab URLs

SITE_NAME = "numpy-random-ml"
CHEATSHEET = course.ROOT / "CHEATSHEET.md"
README = course.ROOT / "README.md"
TIMINGS = course.EXECUTED / "timings.md"
NODE_MODULES = course.ROOT / "node_modules"
KATEX = NODE_MODULES / "katex" / "dist"
MINISEARCH = NODE_MODULES / "minisearch" / "dist" / "umd" / "index.js"
#: What the site copies from KaTeX's npm package into assets/katex/.
KATEX_FILES = ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "fonts")
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
LOCAL_BADGE = "assets/colab-badge.svg"
BADGE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="117" height="20" role="img"
 aria-label="Open in Colab"><rect width="117" height="20" rx="3" fill="#f9ab00"/>
<text x="58.5" y="14" fill="#000" font-family="Verdana,sans-serif" font-size="11"
 text-anchor="middle">Open in Colab</text></svg>
"""
#: The site's own script and stylesheet (KaTeX, the phone menu, the outline, the search box;
#: the reading column and the layout), copied into assets/.
ASSETS = Path(__file__).resolve().parent / "site_assets"
IMAGE_TYPES = {"image/png": "png", "image/jpeg": "jpg"}
#: Generated cells the page replaces with its own links (tools/course.py writes them).
DROPPED_TAGS = ("course-badge", "course-nav")
#: The maintainers' cell that saves a day's results for the property tests.
RESULTS_CALL = "save_results(RESULTS_PATH"
FINGERPRINT_TAG = "course-fingerprint"
#: The versions the status page reports: (label, lock file, package).
PINNED = (("NumPy", "requirements.txt", "numpy"),
          ("matplotlib", "requirements.txt", "matplotlib"),
          ("PyTorch (Day 9)", "requirements-torch.txt", "torch"))

# nbconvert's JupyterLab cell markup (no page around it: layout() adds the site's), without
# execution prompts, with the figures' stored alt text and the folded solutions.
TEMPLATE = r"""{%- extends 'base.html.j2' -%}
{% block codecell %}
{%- set tags = cell.metadata.get('tags', []) -%}
{%- if 'solution' in tags -%}
<details class="solution">
<summary>{{ cell.metadata.site_summary | escape_html }} (try the exercise first)</summary>
{{ super() }}
</details>
{%- elif 'course-setup' in tags -%}
<details class="setup">
<summary>Setup cell: installs the course's helpers on Google Colab (nothing to do
elsewhere)</summary>
{{ super() }}
</details>
{%- elif cell.metadata.site_widget -%}
{{ super() }}
<p class="widget-note">Move the slider in JupyterLab or Colab: this cell's controls redraw
the figure above, which is the same function at its default values.</p>
{%- else -%}
{{ super() }}
{%- endif -%}
{% endblock codecell %}

{# Pygments escapes the code it highlights: no second pass through nbconvert's sanitizer. #}
{% block input %}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">
<div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
</div>
</div>
{%- endblock input %}

{% macro image(output, mime) -%}
{%- set meta = output.metadata[mime] -%}
<div class="jp-RenderedImage jp-OutputArea-output">
<img src="{{ meta.site_src }}" width="{{ meta.site_width }}" height="{{ meta.site_height }}"
 alt="{{ meta.alt | escape_html }}">
</div>
{%- endmacro %}
{% block data_png scoped %}{{ image(output, 'image/png') }}{% endblock data_png %}
{% block data_jpg scoped %}{{ image(output, 'image/jpeg') }}{% endblock data_jpg %}
"""

# Builds the MiniSearch index in Node at `make site` time, from {options, documents} on
# standard input, and prints it as JSON (MiniSearch.loadJS reads it back in the browser).
NODE_INDEXER = """const MiniSearch = require("minisearch");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const index = new MiniSearch(input.options);
index.addAll(input.documents);
process.stdout.write(JSON.stringify(index));
"""
SEARCH_OPTIONS = {"fields": ["title", "text"], "storeFields": ["url", "page", "title", "text"]}



class CommonMarkHeadings(markdown_mistune.MathBlockParser):
    """nbconvert's block parser (math kept whole) with CommonMark's ATX headings: ``#``
    followed by a space, a tab or the end of the line. nbconvert accepts ``#text`` too, so
    a wrapped line starting with an issue number (``#31238) changed ...``) became an
    ``<h1>``; JupyterLab and GitHub show it as text, as the site must."""

    SPECIFICATION: ClassVar[dict[str, str]] = {
        **markdown_mistune.MathBlockParser.SPECIFICATION,
        **{key: BlockParser.SPECIFICATION[key] for key in ("atx_heading", "axt_heading")
           if key in BlockParser.SPECIFICATION},
    }


class SiteExporter(HTMLExporter):
    """nbconvert's HTML exporter whose markdown renderer reads headings as CommonMark does."""

    @pass_context
    def markdown2html(self, context, source):
        cell = context.get("cell", {})
        renderer = markdown_mistune.IPythonRenderer(
            escape=False, attachments=cell.get("attachments", {}),
            embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links, **self.lexer_options)
        return markdown_mistune.MarkdownWithMath(
            renderer=renderer, block=CommonMarkHeadings()).render(source)


@dataclass
class Page:
    """One page of the site."""

    name: str  # file name: day05_initialization.html
    title: str  # full title: "Day 5 — Weight initialization: why random, and how large"
    label: str  # in the sidebar and the pager: "Weight initialization"
    number: str = ""  # a day's number, "5", shown beside its label
    source: str | None = None  # the repository file it renders: notebooks/day05_...ipynb
    colab: str | None = None  # a day's Colab URL
    body: str = ""  # the HTML inside <main>, after the page tools
    outline: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text)


# ----------------------------------------------------------------------------- notebooks


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG (its IHDR chunk); (0, 0) when it is not one."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    return struct.unpack(">II", data[16:24])


def is_results_cell(cell) -> bool:
    """The maintainers' cell that saves a day's results for the property tests."""
    return (cell.cell_type == "code" and RESULTS_CALL in cell.source
            and not cell.get("outputs"))


def figure_alt(out: dict, mime: str) -> str:
    """A figure's alt text: its output metadata's, else an ``<img alt>`` of its HTML."""
    alt = str(out.get("metadata", {}).get(mime, {}).get("alt", "")).strip()
    if not alt and "text/html" in out.get("data", {}):
        img = BeautifulSoup(str(out["data"]["text/html"]), "html.parser").find("img")
        alt = (img.get("alt") or "").strip() if img else ""
    return alt


def prepare(nb, title: str, stem: str = "figure") -> tuple[nbformat.NotebookNode, int,
                                                            dict[str, bytes]]:
    """A copy of ``nb`` ready for the template, how many figures lack alt text, and the
    figures' files (name -> bytes) that the page links to.

    A solution's ``#@title`` line (Colab's form title) becomes the summary of its folded
    ``<details>``; a figure without stored alt text gets a sentence saying so. The Colab
    badge, the day links and the maintainers' results cell (with the note before it) are
    left out: the page has its own links, and the results cell shows nothing. A widget
    cell (helpers.explore) is followed by a one-line note: the site shows its static twin.
    """
    nb = nbformat.from_dict(nb)
    kept = []
    for cell in nb.cells:
        if set(cell.metadata.get("tags", [])) & set(DROPPED_TAGS) or is_results_cell(cell):
            if (is_results_cell(cell) and kept and kept[-1].cell_type == "markdown"
                    and kept[-1].source.lstrip("*_").startswith("For maintainers")):
                kept.pop()
            continue
        kept.append(cell)
    nb.cells = kept
    missing = 0
    files: dict[str, bytes] = {}
    for cell in nb.cells:
        if course.widget_function(cell):  # its controls live only in a running kernel
            cell.metadata["site_widget"] = True
        if "solution" in cell.metadata.get("tags", []):
            first, _, rest = cell.source.partition("\n")
            summary = first.removeprefix("#@title").strip() if first.startswith("#@title") else ""
            cell.metadata["site_summary"] = summary or "Solution"
            cell.source = rest if summary else cell.source
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            mime = next((m for m in IMAGE_TYPES if m in data), None)
            if mime is None:
                continue
            alt = figure_alt(out, mime)
            # The figure alone, from its bitmap: never a second rendition beside it.
            out["data"] = nbformat.from_dict({mime: data[mime],
                                              **({"text/plain": data["text/plain"]}
                                                 if "text/plain" in data else {})})
            name = f"figures/{stem}-{len(files) + 1}.{IMAGE_TYPES[mime]}"
            raw = base64.b64decode(data[mime])
            files[name] = raw
            if not alt:
                missing += 1
                alt = f"Figure {len(files)} of {title} (the notebook gives no description)"
            width, height = png_size(raw)
            meta = out.setdefault("metadata", {}).setdefault(mime, {})
            meta.update(alt=alt, site_src=name, site_width=width or "", site_height=height or "")
    return nb, missing, files


def rewrite(soup: BeautifulSoup, cfg: dict, source: str, pages: dict[str, str]) -> None:
    """Fix a rendered page's links, headings and tables for the site, in place.

    Links to a notebook or the cheat sheet point at its page, the course overview at the
    index, other relative links at the file on GitHub (at the course's tag); the Colab badge
    is the local copy; headings lose nbconvert's pilcrow links (the outline replaces them);
    an empty table header cell (pandas' corner cell) becomes a data cell; wide tables scroll.
    """
    overview = f"https://github.com/{cfg['repository']}#the-days"
    blob = f"https://github.com/{cfg['repository']}/blob/{cfg['tag']}/"
    for a in soup.select("a.anchor-link"):
        a.decompose()
    for a in soup.select("a[href]"):
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
    for table in soup.find_all("table"):
        if not table.find_parent(class_="table-wrap"):
            table.wrap(soup.new_tag("div", attrs={"class": "table-wrap"}))


def heading_outline(soup: BeautifulSoup) -> list[tuple[int, str, str]]:
    """The page's h2 and h3 headings as (level, id, text); ids added where missing."""
    seen: set[str] = {t["id"] for t in soup.find_all(id=True)}
    outline = []
    for h in soup.find_all(["h2", "h3"]):
        text = h.get_text(" ", strip=True)
        if not h.get("id"):
            base = re.sub(r"[^\w-]+", "-", text).strip("-") or "section"
            hid, n = base, 1
            while hid in seen:
                n += 1
                hid = f"{base}-{n}"
            h["id"] = hid
            seen.add(hid)
        outline.append((int(h.name[1]), h["id"], text))
    return outline


#: TeX commands shown as a character in search excerpts (Greek letters keep their names,
#: which is what a reader types).
TEX_SYMBOLS = {"times": "×", "cdot": "·", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
               "approx": "≈", "propto": "∝", "ne": "≠", "neq": "≠", "pm": "±", "to": "→",
               "infty": "∞", "sum": "Σ", "in": "∈", "ldots": "…", "dots": "…", "top": "T",
               "sqrt": "√", "mid": "|", "quad": " ", "qquad": " ", "Longrightarrow": "⟹"}


def plain_math(text: str) -> str:
    """TeX between dollars made readable in a search excerpt: ``$\\sigma^2$`` -> ``sigma^2``,
    ``$\\frac{1}{n}$`` -> ``1/n``."""
    def clean(m: re.Match) -> str:
        inner = re.sub(r"\\sqrt\{(\w+)\}", r"√\1", m.group(1))
        inner = re.sub(r"\\sqrt\{([^{}]*)\}", r"√(\1)", inner)
        inner = re.sub(r"\\[tdc]?frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", inner)
        inner = re.sub(r"\(([\w^.√]+)\)/", r"\1/", inner)  # (1)/(n) -> 1/n
        inner = re.sub(r"/\(([\w^.√]+)\)", r"/\1", inner)
        inner = re.sub(r"\\([A-Za-z]+)",
                       lambda c: " " + TEX_SYMBOLS.get(c.group(1), "" if c.group(1) in (
                           "text", "mathrm", "operatorname", "mathbf", "mathit", "left",
                           "right", "hat", "bar", "tilde", "big", "Big") else c.group(1)) + " ",
                       inner)
        inner = re.sub(r"[{}]|\\[,;! ]", "", inner)
        inner = re.sub(r"\s+([\^_)])|([(√^_/])\s+", r"\1\2", inner)
        return re.sub(r"\s+", " ", inner).strip()
    return re.sub(r"\$\$?(.+?)\$\$?", clean, text)


def search_sections(soup: BeautifulSoup, page: Page) -> list[dict]:
    """The page split at its h1/h2/h3 headings into documents for the search index: the
    prose and code of each section (not the outputs, whose numbers would drown the words)."""
    sections: list[dict] = []
    label = f"Day {page.number} · {page.label}" if page.number else page.label
    current = {"url": page.name, "page": label, "title": page.title, "parts": []}

    def walk(node: Tag) -> None:
        nonlocal current
        for child in node.children:
            if isinstance(child, Tag):
                if child.name in ("h1", "h2", "h3"):
                    sections.append(current)
                    anchor = f"#{child['id']}" if child.get("id") and child.name != "h1" else ""
                    current = {"url": page.name + anchor, "page": label,
                               "title": child.get_text(" ", strip=True), "parts": []}
                elif child.name not in ("script", "style") and "jp-OutputArea" not in (
                        child.get("class") or []):
                    walk(child)
            elif type(child) is NavigableString:  # not comments
                current["parts"].append(str(child))

    walk(soup)
    sections.append(current)
    docs = []
    for s in sections:
        text = plain_math(re.sub(r"\s+", " ", "".join(s.pop("parts"))).strip())
        if text or s["title"] != page.title:
            docs.append({**s, "text": text})
    return docs


# ----------------------------------------------------------------------------- the layout


def report_url(cfg: dict, page: Page, fingerprint: str) -> str:
    """A new GitHub issue about ``page``, pre-filled: where, what, and the fingerprint."""
    where = f"{page.title} ({page.source or page.name}, course tag {cfg['tag']})"
    stored = fingerprint.strip().splitlines()[0] if fingerprint.strip() else "(not recorded)"
    body = (f"**Page:** {where}\n**Section:** \n\n"
            "**What I expected, and what I got instead:**\n\n\n"
            "**The output of the fingerprint cell** (the cell starting \"# Will your numbers "
            "match the stored ones?\" near the top of every day), run where you ran the "
            "notebook:\n```\n(paste it here)\n```\n\n"
            "**Where I ran it:** (Colab / JupyterLab / papermill, operating system)\n\n"
            f"The site's stored outputs were made with: {stored}\n")
    title = f"Day {page.number} ({page.label}): " if page.number else f"{page.label}: "
    query = urlencode({"title": title, "body": body}, quote_via=quote)
    return f"https://github.com/{cfg['repository']}/issues/new?{query}"


def sidebar(pages: list[Page], current: Page) -> str:
    def item(p: Page) -> str:
        here = ' aria-current="page"' if p is current else ""
        num = f'<span class="day-number">{html.escape(p.number)}</span>' if p.number else ""
        return (f'<li><a href="{p.name}"{here}>{num}<span>{html.escape(p.label)}</span>'
                "</a></li>")
    days = [p for p in pages if p.number]
    other = [p for p in pages if not p.number and p.name != "index.html"]
    home = next(p for p in pages if p.name == "index.html")
    return (f'<nav class="sidebar" id="sidebar" aria-label="Course">'
            '<button class="sidebar-close" type="button" aria-controls="sidebar">'
            "Close menu</button>"
            f'<ul>{item(home)}</ul>'
            f'<h2>The days</h2><ul>{"".join(item(p) for p in days)}</ul>'
            f'<h2>Reference</h2><ul>{"".join(item(p) for p in other)}</ul></nav>')


def outline_nav(page: Page) -> str:
    items = "".join(f'<li class="level-{level}"><a href="#{quote(hid)}">{html.escape(text)}'
                    f"</a></li>" for level, hid, text in page.outline)
    if not items:
        items = f'<li class="level-2"><a href="#top">{html.escape(page.title)}</a></li>'
    return (f'<nav class="outline-nav" aria-label="On this page"><details class="outline" open>'
            f"<summary>On this page</summary><ul>{items}</ul></details></nav>")


def page_tools(prev: Page | None, nxt: Page | None, page: Page, report: str) -> str:
    links = []
    if prev:
        links.append(f'<a href="{prev.name}" rel="prev">← Previous: '
                     f"{html.escape(prev.label)}</a>")
    if nxt:
        links.append(f'<a href="{nxt.name}" rel="next">Next: {html.escape(nxt.label)} →</a>')
    actions = []
    if page.colab:
        actions.append(f'<a href="{page.colab}">Run this day in Colab</a>')
    actions.append(f'<a class="report-link" href="{html.escape(report)}">Report a problem</a>')
    return (f'<nav class="page-tools" aria-label="Previous, next, Colab and report">'
            f'<div class="prev-next">{"".join(links)}</div>'
            f'<div class="actions">{"".join(actions)}</div></nav>')


def pager(prev: Page | None, nxt: Page | None) -> str:
    parts = []
    if prev:
        parts.append(f'<a class="prev" href="{prev.name}" rel="prev"><span class="label">'
                     f'← Previous</span><span class="title">{html.escape(prev.title)}</span></a>')
    if nxt:
        parts.append(f'<a class="next" href="{nxt.name}" rel="next"><span class="label">'
                     f'Next →</span><span class="title">{html.escape(nxt.title)}</span></a>')
    return (f'<nav class="pager" aria-label="Previous and next, end of page">{"".join(parts)}'
            "</nav>")


def layout(cfg: dict, pages: list[Page], page: Page, fingerprint: str) -> str:
    """A whole HTML page: header with search, sidebar, outline, page tools, body, pager."""
    i = pages.index(page)
    prev = pages[i - 1] if i > 0 else None
    nxt = pages[i + 1] if i + 1 < len(pages) else None
    report = report_url(cfg, page, fingerprint)
    source = ""
    if page.source:
        url = f"https://github.com/{cfg['repository']}/blob/{cfg['tag']}/{page.source}"
        source = (f'Rendered from the stored outputs of <a href="{url}">'
                  f"{html.escape(page.source)}</a>; every printed number is checked in CI. ")
    katex = ('<link rel="stylesheet" href="assets/katex/katex.min.css">\n'
             '<script defer src="assets/katex/katex.min.js"></script>\n'
             '<script defer src="assets/katex/contrib/auto-render.min.js"></script>\n')
    title = page.title if page.name != "index.html" else f"{SITE_NAME}: {page.title}"
    doc_title = f"{title} · {SITE_NAME}" if page.name != "index.html" else title
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(doc_title)}</title>
<link rel="stylesheet" href="assets/site.css">
{katex}<script defer src="assets/site.js"></script>
</head>
<body id="top">
<a class="skip-link" href="#content">Skip to the text</a>
<header class="site-header"><div class="header-inner">
<button class="menu-toggle" type="button" aria-controls="sidebar"
 aria-expanded="false">Menu</button>
<a class="site-name" href="index.html">{SITE_NAME}</a>
<span class="site-tagline">randomness in NumPy for machine learning</span>
<form class="site-search" role="search" action="#" autocomplete="off">
<label class="visually-hidden" for="search-input">Search the course</label>
<input id="search-input" type="search" placeholder="Search the course (works offline)">
<div id="search-results" class="search-results" role="region" aria-label="Search results" hidden>
<p class="search-status" aria-live="polite"></p><ol></ol></div>
</form>
</div></header>
<div class="layout">
{sidebar(pages, page)}
{page_tools(prev, nxt, page, report)}
{outline_nav(page)}
<main id="content">
{page.body}
{pager(prev, nxt)}
<footer class="site-footer"><p>{source}Versions, execution times and dates:
<a href="status.html">the status page</a>. Something wrong or unclear?
<a class="report-link" href="{html.escape(report)}">Report a problem with this page</a>.</p>
</footer>
</main>
</div>
</body></html>
"""


# ----------------------------------------------------------------------------- status


def git(*args: str, cwd: Path = course.ROOT) -> str | None:
    """A git command's output, or None when it fails (not a checkout, no git)."""
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return run.stdout.decode("utf-8", "replace")


def outputs_key(nb) -> str:
    return json.dumps([c.get("outputs", []) for c in nb.cells], sort_keys=True)


def outputs_commit(path: Path) -> tuple[str, str | None]:
    """When the notebook's current stored outputs were committed: (date, commit), from git.

    The notebook's history is walked back while its outputs stay the same, so a later edit
    of the prose does not count; outputs not yet committed say so.
    """
    cwd = path.parent
    if git("diff", "--quiet", "HEAD", "--", path.name, cwd=cwd) is None:
        tracked = git("ls-files", "--error-unmatch", path.name, cwd=cwd)
        return ("not a git checkout" if tracked is None and git("rev-parse", cwd=cwd) is None
                else "changed since the last commit", None)
    log = git("log", "--format=%H %cs", "--", path.name, cwd=cwd) or ""
    rel = (git("ls-files", "--full-name", path.name, cwd=cwd) or "").strip()
    current = outputs_key(nbformat.read(path, as_version=4))
    found: tuple[str, str | None] = ("unknown", None)
    for line in log.splitlines():
        sha, date = line.split()
        text = git("show", f"{sha}:{rel}", cwd=cwd)
        if text is None:
            break
        try:
            old = outputs_key(nbformat.reads(text, as_version=4))
        except (ValueError, KeyError):  # an unreadable old version ends the walk
            break
        if old != current:
            break
        found = (date, sha)
    return found


def readme_times() -> tuple[dict[str, float], str]:
    """The README's table of execution times (seconds per notebook) and its date."""
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    section = text.split("## Execution times", 1)[-1].split("\n## ", 1)[0] if text else ""
    times = {m.group(1): float(m.group(2))
             for m in re.finditer(r"^\|\s*(day\w+)[^|]*\|\s*([\d.]+)\s*\|", section, re.MULTILINE)}
    date = re.search(r"measured on\s+(\d{4}-\d{2}-\d{2})", section)
    return times, date.group(1) if date else "an unstated date"


def local_times() -> tuple[dict[str, float], str] | None:
    """``make run``'s timings on the machine that built the site, when it has run there."""
    if not TIMINGS.exists():
        return None
    times = {Path(m.group(1)).stem: float(m.group(2))
             for m in re.finditer(r"^\|\s*(day[\w.]+)\s*\|\s*([\d.]+)\s*\|",
                                  TIMINGS.read_text(encoding="utf-8"), re.MULTILINE)}
    from datetime import datetime
    stamp = datetime.fromtimestamp(TIMINGS.stat().st_mtime).strftime("%Y-%m-%d")
    return times, stamp


def pinned_versions() -> list[tuple[str, str, str]]:
    """(package, version, where it is pinned) for Python and the packages on the page."""
    rows = []
    reqs = course.ROOT / "requirements.txt"
    header = reqs.read_text(encoding="utf-8") if reqs.exists() else ""
    py = re.search(r"with Python (\d+\.\d+)", header)
    rows.append(("Python", py.group(1) if py else "unknown", "requirements.txt (pip-compile)"))
    for label, lock, package in PINNED:
        path = course.ROOT / lock
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        m = re.search(rf"^{re.escape(package)}==(\S+)", text, re.MULTILINE)
        rows.append((label, m.group(1) if m else "unknown", lock))
    return rows


def fingerprint_of(nb) -> str:
    for cell in nb.cells:
        if FINGERPRINT_TAG in cell.metadata.get("tags", []):
            return "".join(o.get("text", "") for o in cell.get("outputs", [])
                           if o.get("output_type") == "stream")
    return ""


def status_body(cfg: dict, days: list[tuple[Page, Path, str]]) -> str:
    """The status page's content: versions, each day's date and time, the fingerprint."""
    times, measured = readme_times()
    here = local_times()
    reference = next((fp for _, _, fp in days if fp), "")
    rows = []
    for page, path, fp in days:
        date, sha = outputs_commit(path)
        when = html.escape(date)
        if sha:
            when = (f'<a href="https://github.com/{cfg["repository"]}/commit/{sha}">{when}</a>')
        secs = times.get(path.stem)
        label = f"Day {page.number}: {page.label}"
        cells = [f'<td><a href="{page.name}">{html.escape(label)}</a></td>',
                 f"<td>{when}</td>",
                 f'<td class="num">{secs:.1f}</td>' if secs is not None else "<td>—</td>"]
        if here:
            local = here[0].get(path.stem)
            cells.append(f'<td class="num">{local:.1f}</td>' if local is not None
                         else "<td>—</td>")
        same = ('<span class="status-ok">✓ same</span>' if fp and fp == reference
                else '<span class="status-bad">✗ differs</span>' if fp
                else '<span class="status-bad">✗ none stored</span>')
        cells.append(f"<td>{same}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    local_head = (f'<th scope="col" class="num">seconds, last <code>make run</code> on the '
                  f"machine that built this site ({here[1]})</th>" if here else "")
    versions = "".join(f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td>"
                       f"<td><code>{html.escape(w)}</code></td></tr>"
                       for n, v, w in pinned_versions())
    fp_first = html.escape(reference.strip().splitlines()[0]) if reference.strip() else ""
    return f"""<div class="prose">
<h1>Status: versions, dates and execution times</h1>
<p>Every number on this site is an output stored in the notebooks. Stored outputs are made
only by <code>make refresh</code>, which runs each notebook top to bottom in the pinned
environment below, and CI re-executes every notebook under the same pins and compares each
printed output with the stored one (nbval). So this page is also what your own run should
reproduce: if your numbers differ, compare your fingerprint with the one below first.</p>
<h2 id="versions">Versions</h2>
<p>The environment that made the stored outputs, as pinned in the repository's lock files
(the stored fingerprint names its NumPy: <q>{fp_first}</q>).</p>
<div class="table-wrap"><table><thead><tr><th scope="col">package</th><th scope="col">version</th>
<th scope="col">pinned in</th></tr></thead><tbody>{versions}</tbody></table></div>
<h2 id="days">The days</h2>
<p><em>Outputs committed</em> is the date of the commit that brought each notebook's current
stored outputs (from git: later edits of the prose alone do not move it). <em>Seconds</em> is
<code>make run</code> on the reference machine (2 cores, one BLAS thread), measured on
{html.escape(measured)} and kept in the README's table of execution times, kernel start
included{"; the next column is this machine's own last run, from build/executed/timings.md"
if here else ""}. <em>Fingerprint</em> compares each day's stored fingerprint with Day 1's.</p>
<div class="table-wrap"><table><thead><tr><th scope="col">day</th>
<th scope="col">outputs committed</th>
<th scope="col" class="num">seconds, reference machine</th>{local_head}
<th scope="col">fingerprint</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></div>
<h2 id="fingerprint">The fingerprint</h2>
<p>Each day runs this cell near its top; its stored output is:</p>
</div>
<div class="jp-RenderedText jp-OutputArea-output"><pre>{html.escape(reference.rstrip())}</pre></div>
<div class="prose">
<p>Run the same cell where you work. If it says your random streams differ, your NumPy draws
other numbers than the stored ones (a NumPy older or newer than the pinned one can); if
the streams match and a number still differs, please
<a href="https://github.com/{cfg['repository']}/issues/new">report it</a> with both outputs.</p>
</div>
"""


# ----------------------------------------------------------------------------- index


def intro_of(soup: BeautifulSoup) -> str:
    """A rendered day's first paragraph after its title ("Today you will ..."), as HTML."""
    h1 = soup.find("h1")
    p = h1.find_next("p") if h1 else None
    return p.decode_contents() if p else ""


def index_body(cfg: dict, days: list[tuple[Page, str]], has_cheatsheet: bool) -> str:
    items = []
    for page, intro in days:
        items.append(
            f'<li><a class="day-title" href="{page.name}">{html.escape(page.title)}</a>'
            f"<p>{intro}</p>"
            f'<p class="run"><a href="{page.colab}">Run Day {html.escape(page.number)} in '
            "Colab</a></p></li>")
    cheatsheet = ('<p>All the course\'s recipes on one page: the '
                  '<a href="cheatsheet.html">cheat sheet</a>.</p>' if has_cheatsheet else "")
    return f"""<div class="prose">
<h1>Randomness in NumPy for machine learning</h1>
<p><strong>{SITE_NAME}</strong> teaches randomness in NumPy for machine learning, one day
at a time, in executable notebooks whose every printed number is checked in CI. Each page
here is a notebook with its stored outputs: read it here, then run it in Colab or locally
with <code>make run</code>. The search box at the top searches every day and the cheat
sheet, offline.</p>
<h2 id="how-a-day-works">How a day works</h2>
<p>Each day says what you will do, learn and need; then it runs its experiments in small
steps, each printing or drawing what it shows, and asks you to predict before it answers.
It ends with a summary and exercises: a prompt, a cell for your answer, a check that tells
you what is wrong, and a folded solution. Try each exercise before opening its solution.</p>
<h2 id="the-days">The days</h2>
</div>
<ol class="day-list">
{chr(10).join(items)}
</ol>
<div class="prose">
<h2 id="reference">Reference</h2>
{cheatsheet}
<p>Which versions made these outputs, and when: <a href="status.html">the status page</a>.
Source, tests and the two commands (<code>make run</code>, <code>make test</code>):
<a href="https://github.com/{cfg['repository']}">github.com/{cfg['repository']}</a>.</p>
</div>
"""


# ----------------------------------------------------------------------------- build


def short_label(topic: str) -> str:
    """A day's topic for the sidebar: the part before its colon."""
    return topic.split(":", 1)[0].strip()


def render_article(exporter: SiteExporter, nb, title: str, stem: str,
                   out_dir: Path) -> tuple[str, int]:
    """The HTML of a notebook's cells, its figures written to ``out_dir/figures``; and how
    many figures have no stored alt text."""
    nb, missing, files = prepare(nb, title, stem)
    body, _ = exporter.from_notebook_node(nb)
    for name, data in files.items():
        (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_bytes(data)
    return body, missing


def build(out_dir: Path, paths: list[Path] | None = None,
          cheatsheet: Path = CHEATSHEET) -> list[Path]:
    """Render the notebooks (default: the course's), the cheat sheet if it exists, the index
    and the status page into ``out_dir``; the pages written (index first). The documents
    of the search index go to ``out_dir/search-documents.json`` (:func:`build_search`
    indexes them); the assets are :func:`copy_assets`'s job."""
    cfg = course.course_config()
    paths = course.notebook_paths() if paths is None else paths
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    titles = [course.title_of(nb) for nb in nbs]
    has_cheatsheet = cheatsheet.exists()
    out_dir.mkdir(parents=True, exist_ok=True)

    index = Page("index.html", "randomness in NumPy for machine learning", "Home")
    day_pages = []
    for path, title in zip(paths, titles, strict=True):
        day, _, topic = title.partition(" — ")
        day_pages.append(Page(f"{path.stem}.html", title, short_label(topic or title),
                              number=day.removeprefix("Day ").strip(),
                              source=f"notebooks/{path.name}",
                              colab=course.colab_url(cfg, path)))
    sources = {p.source: p.name for p in day_pages}
    extra = []
    if has_cheatsheet:
        sheet = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_markdown_cell(cheatsheet.read_text(encoding="utf-8"))])
        extra.append((Page("cheatsheet.html", course.title_of(sheet), "Cheat sheet",
                           source=cheatsheet.name), sheet))
        sources[cheatsheet.name] = "cheatsheet.html"
    status = Page("status.html", "Status: versions, dates and execution times", "Status")
    pages = [index, *day_pages, *(p for p, _ in extra), status]

    exporter = SiteExporter(template_name="lab", raw_template=TEMPLATE,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    documents: list[dict] = []
    intros: dict[str, str] = {}
    fingerprints = [fingerprint_of(nb) for nb in nbs]
    fingerprint = next((fp for fp in fingerprints if fp), "")
    for page, nb in [*zip(day_pages, nbs, strict=True), *extra]:
        body, missing = render_article(exporter, nb, page.title, Path(page.name).stem, out_dir)
        if missing:
            print(f"site: warning: {page.source}: {missing} figure(s) without alt text; display "
                  f"them with helpers.plotting.show(fig, alt=...)", file=sys.stderr)
        soup = BeautifulSoup(body, "html.parser")
        rewrite(soup, cfg, page.source, sources)
        page.outline = heading_outline(soup)
        documents += search_sections(soup, page)
        intros[page.name] = intro_of(soup)
        page.body = str(soup)

    index.body = index_body(cfg, [(p, intros[p.name]) for p in day_pages], has_cheatsheet)
    status.body = status_body(cfg, [(p, path, fp) for p, path, fp in zip(
        day_pages, paths, fingerprints, strict=True)])
    for page in (index, status):
        soup = BeautifulSoup(page.body, "html.parser")
        page.outline = heading_outline(soup)
        page.body = str(soup)
        documents += search_sections(soup, page)

    written = []
    for page in pages:
        target = out_dir / page.name
        target.write_text(layout(cfg, pages, page, fingerprint), encoding="utf-8")
        written.append(target)
    for i, doc in enumerate(documents):
        doc["id"] = i
    (out_dir / "search-documents.json").write_text(json.dumps(documents, ensure_ascii=False),
                                                   encoding="utf-8")
    return written


def build_search(out_dir: Path) -> int:
    """Index ``search-documents.json`` with MiniSearch (Node, at build time) into
    ``assets/search-index.js``; the number of sections indexed."""
    docs_file = out_dir / "search-documents.json"
    documents = json.loads(docs_file.read_text(encoding="utf-8"))
    node = shutil.which("node")
    if node is None:
        sys.exit("site: the search index needs Node.js (apt-get install nodejs npm)")
    stdin = json.dumps({"options": SEARCH_OPTIONS, "documents": documents})
    run = subprocess.run([node, "-e", NODE_INDEXER], cwd=course.ROOT, input=stdin,
                         capture_output=True, text=True, encoding="utf-8", check=False)
    if run.returncode != 0:
        sys.exit(f"site: building the search index failed:\n{run.stderr[-2000:]}")
    payload = {"options": SEARCH_OPTIONS, "index": json.loads(run.stdout)}
    (out_dir / "assets" / "search-index.js").write_text(
        "// The course's search index, built by MiniSearch at `make site` time.\n"
        f"window.COURSE_SEARCH = {json.dumps(payload, ensure_ascii=False)};\n", encoding="utf-8")
    docs_file.unlink()
    return len(documents)


def copy_assets(out_dir: Path) -> None:
    """KaTeX and MiniSearch (from node_modules/), the site's script and stylesheet."""
    for needed in (KATEX / "katex.min.js", MINISEARCH):
        if not needed.exists():
            sys.exit(f"site: {course.shown(needed)} is missing: run `npm ci` (make site does)")
    assets = out_dir / "assets"
    for name in KATEX_FILES:
        src, dst = KATEX / name, assets / "katex" / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)
    shutil.copy2(KATEX.parent / "LICENSE", assets / "katex" / "LICENSE")
    shutil.copy2(MINISEARCH, assets / "minisearch.js")
    shutil.copy2(MINISEARCH.parents[2] / "LICENSE.txt", assets / "minisearch-LICENSE.txt")
    for name in ("site.js", "site.css"):
        shutil.copy2(ASSETS / name, assets / name)
    (out_dir / LOCAL_BADGE).write_text(BADGE_SVG, encoding="utf-8")


def main(argv: list[str]) -> int:
    import time

    start = time.perf_counter()
    out_dir = (Path(argv[0]) if argv else course.ROOT / "build" / "site").resolve()
    copy_assets(out_dir)
    pages = build(out_dir)
    sections = build_search(out_dir)
    print(f"site: {len(pages)} pages, {sections} sections searchable, in "
          f"{course.shown(out_dir)} ({time.perf_counter() - start:.1f} s; open "
          f"{course.shown(pages[0])})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
