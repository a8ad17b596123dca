"""Every text the code shows, in Swedish and English, from one gettext catalogue.

The site's labels, the link reports and `kb`'s messages live in ``macros/locale/``:
``kb.pot`` (the template: each entry's ``msgctxt`` is the key the code uses, its ``msgid`` the
Swedish text) and ``en/LC_MESSAGES/kb.po`` (the English ``msgstr``). Translators' tools read
and write these files; Babel parses them once per process. A new language is a new ``.po``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang

LOCALE_DIR = Path(__file__).parents[1] / "locale"
DOMAIN = "kb"


class CatalogueError(Exception):
    """A broken catalogue file: the message names the file and the entry."""


@cache
def catalogue() -> dict[str, dict[Lang, str]]:
    """Key → {language: text}. The Swedish text is the msgid; other languages' msgstr."""
    texts: dict[str, dict[Lang, str]] = {}
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as file:
        for message in read_po(file):
            if message.id and message.context:
                texts[message.context] = {DEFAULT_LANGUAGE: str(message.id)}
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        with path.open("rb") as file:
            for message in read_po(file, locale=lang):
                if not (message.id and message.context):
                    continue
                if message.context not in texts:
                    raise CatalogueError(f"{path}: msgctxt {message.context!r} is not in "
                                         f"{DOMAIN}.pot — add it there or remove it here")
                if not message.string or message.fuzzy:
                    raise CatalogueError(f"{path}: msgctxt {message.context!r} has no "
                                         f"{lang} text — write its msgstr")
                texts[message.context][lang] = str(message.string)
    return texts


class Phrase:
    """A catalogue text as the value of another text's placeholder, put in the same language:
    ``both("ref_unknown", what=Phrase("noun_unit"), value="x")`` → "okänd enhet … / unknown
    unit …"."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, **{self.values!r})"


def label(key: str, lang: Lang, **values: object) -> str:
    """One text in one language, with ``{placeholders}`` filled in when values are given
    (a :class:`Phrase` value in the same language)."""
    text = catalogue()[key][lang]
    if not values:
        return text
    return text.format(**{name: label(value.key, lang, **value.values)
                          if isinstance(value, Phrase) else value
                          for name, value in values.items()})


def both(key: str, **values: object) -> str:
    """Swedish / English on one line, for the reports the coordinator and developers read."""
    return " / ".join(label(key, lang, **values) for lang in LANGUAGES)
