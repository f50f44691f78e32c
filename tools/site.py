"""Build the course's static HTML site from the stored notebooks (no re-execution).

Usage: ``python tools/site.py [OUTPUT_DIR]`` (``make site``; default ``build/site``).

Every notebook is rendered with nbconvert's HTML exporter, figures embedded; links between
days point at the rendered pages; the "Open in Colab" badges use a local image so the site
works offline; ``index.html`` lists the days with their Colab links.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course  # tools/course.py: config, notebook list, titles, Colab URLs

COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
LOCAL_BADGE = "assets/colab-badge.svg"
BADGE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="117" height="20" role="img"
 aria-label="Open in Colab"><rect width="117" height="20" rx="3" fill="#555"/>
<rect x="0" width="117" height="20" rx="3" fill="#f9ab00"/>
<text x="58.5" y="14" fill="#000" font-family="Verdana,sans-serif" font-size="11"
 text-anchor="middle">Open in Colab</text></svg>
"""
STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}
th{background:#f4f4f4}"""


def rewrite_links(page: str, overview_url: str) -> str:
    """Point day links at rendered pages, the overview at the index, the badge locally."""
    page = re.sub(r'href="(day\d\d_\w+)\.ipynb"', r'href="\1.html"', page)
    page = page.replace(f'href="{overview_url}"', 'href="index.html"')
    return page.replace(f'src="{COLAB_BADGE}"', f'src="{LOCAL_BADGE}"')


def fold_solutions(nb):
    """A copy of ``nb`` whose solution code sits in a closed <details>, as in JupyterLab."""
    nb = nbformat.from_dict(nb)
    cells = []
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            code = html.escape(cell.source.removeprefix("#@title ").strip())
            first, _, rest = code.partition("\n")
            cells.append(nbformat.v4.new_markdown_cell(
                f"<details><summary>{first} (click to show)</summary>"
                f"<pre><code>{rest.strip()}</code></pre></details>"))
        cells.append(cell)
    nb.cells = cells
    return nb


def index_page(cfg: dict, paths: list[Path], titles: list[str]) -> str:
    rows = []
    for path, title in zip(paths, titles, strict=True):
        day, _, topic = title.partition(" — ")
        rows.append(
            f"<tr><td>{html.escape(day)}</td>"
            f'<td><a href="{path.stem}.html">{html.escape(topic)}</a></td>'
            f'<td><a href="{course.colab_url(cfg, path)}"><img src="{LOCAL_BADGE}" '
            f'alt="Open {html.escape(day)} in Colab"></a></td></tr>')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>numpy-random-ml: randomness in NumPy for machine learning</title>
<style>{STYLE}</style></head>
<body>
<h1>numpy-random-ml</h1>
<p>Randomness in NumPy for machine learning, one day at a time: executable notebooks
whose every printed number is checked in CI. Each page below is a notebook rendered with
its stored outputs; open it in Colab to run it.</p>
<h2 id="the-days">The days</h2>
<table><thead><tr><th>day</th><th>notebook</th><th>run</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<p>Source, tests and the two commands (<code>make run</code>, <code>make test</code>):
<a href="https://github.com/{cfg['repository']}">github.com/{cfg['repository']}</a>.</p>
</body></html>
"""


def build(out_dir: Path) -> list[Path]:
    """Render every notebook and the index into ``out_dir``; the pages written."""
    cfg = course.course_config()
    paths = course.notebook_paths()
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    titles = [course.title_of(nb) for nb in nbs]
    overview = f"https://github.com/{cfg['repository']}#the-days"
    (out_dir / "assets").mkdir(parents=True, exist_ok=True)
    (out_dir / LOCAL_BADGE).write_text(BADGE_SVG, encoding="utf-8")
    exporter = HTMLExporter(template_name="lab")
    exporter.register_preprocessor(TagRemovePreprocessor(remove_input_tags=("solution",)),
                                   enabled=True)
    written = []
    for path, nb, title in zip(paths, nbs, titles, strict=True):
        body, _ = exporter.from_notebook_node(fold_solutions(nb),
                                              resources={"metadata": {"name": title}})
        page = out_dir / f"{path.stem}.html"
        page.write_text(rewrite_links(body, overview), encoding="utf-8")
        written.append(page)
    index = out_dir / "index.html"
    index.write_text(index_page(cfg, paths, titles), encoding="utf-8")
    return [index, *written]


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else course.ROOT / "build" / "site"
    pages = build(out_dir.resolve())
    print(f"site: {len(pages)} pages in {course.shown(out_dir.resolve())} "
          f"(open {course.shown(pages[0])})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
