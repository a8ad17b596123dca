"""A block of Markdown from the renderers as the site renders it (the Markdown extensions of
mkdocs.yml the blocks rely on), parsed, and the text of a table's rows."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc",
              "macros.build.table_scroll"]


def rendered(block: str) -> BeautifulSoup:
    """A block as the site renders it."""
    return BeautifulSoup(markdown.markdown(block, extensions=EXTENSIONS), "html.parser")


def rows(soup: BeautifulSoup) -> list[list[str]]:
    """The text of each row's cells (header and data rows), in order."""
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            for row in soup.find_all("tr")]
