"""Every stored figure carries its description where each front end looks for it.

``helpers.plotting.show`` stores a figure as its PNG with the alt text in the output's
metadata (read by the course site) and as an HTML ``<img alt>`` of the same PNG (what
JupyterLab and Colab render, as they show a bundle's HTML first and ignore the metadata).
"""

from __future__ import annotations

import nbformat
from bs4 import BeautifulSoup


def test_each_figure_has_an_img_with_its_alt_text(notebook_path):
    nb = nbformat.read(notebook_path, as_version=4)
    for number, cell in enumerate(nb.cells, 1):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" not in data:
                continue
            where = f"{notebook_path.name}: cell {number}"
            alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")
            assert "text/html" in data, f"{where}: a figure without its <img alt> (use show)"
            images = BeautifulSoup(data["text/html"], "html.parser").find_all("img")
            assert len(images) == 1, f"{where}: {len(images)} images in the figure's HTML"
            assert images[0].get("alt") == alt and alt, f"{where}: alt text differs or is empty"
            assert images[0]["src"] == f"data:image/png;base64,{data['image/png'].strip()}", (
                f"{where}: the HTML shows another picture than the PNG")
