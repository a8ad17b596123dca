"""The one text catalogue (macros/locale/, macros/model/catalogue.py): every key in both
languages with the same placeholders, every key the code asks for present, and a broken
translation file named with the entry to fix."""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest

from macros.model import catalogue as catalogue_module
from macros.model.catalogue import CatalogueError, both, catalogue, label
from macros.model.text import LANGUAGES
from tests.conftest import ROOT

_CALL = re.compile(
    r"""\b(?:label|both|text_error|Phrase|_pair)\(\s*["']([a-z0-9_]+)["'](?!\s*\+)""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_every_language_with_the_same_placeholders() -> None:
    texts = catalogue()
    assert len(texts) > 200
    for key, by_lang in texts.items():
        assert set(by_lang) == set(LANGUAGES), key
        assert all(by_lang.values()), key
        assert _fields(by_lang["sv"]) == _fields(by_lang["en"]), key


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = {key for path in (ROOT / "macros").rglob("*.py")
             for key in _CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(named) > 100
    assert sorted(named - set(catalogue())) == []


def test_lookup_fills_placeholders_and_both_joins_the_languages() -> None:
    assert label("additions_for", "en", name="HR") == "Additional steps for HR"
    assert label("additions_for", "sv", name="HR") == "Tillägg för HR"
    assert both("compare_more", count=3) == "… och 3 till / … and 3 more"


def _copy_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    locale = tmp_path / "locale"
    shutil.copytree(catalogue_module.LOCALE_DIR, locale)
    monkeypatch.setattr(catalogue_module, "LOCALE_DIR", locale)
    catalogue.cache_clear()
    return locale / "en" / "LC_MESSAGES" / "kb.po"


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: s.replace('msgstr "Routines"', 'msgstr ""'), "'routines' has no en text"),
    (lambda s: s + '\nmsgctxt "not_a_key"\nmsgid "x"\nmsgstr "y"\n',
     "'not_a_key' is not in kb.pot"),
])
def test_a_broken_translation_names_the_file_and_the_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: object, message: str) -> None:
    po = _copy_locale(tmp_path, monkeypatch)
    po.write_text(edit(po.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    try:
        with pytest.raises(CatalogueError, match=re.escape(message)) as raised:
            catalogue()
        assert str(po) in str(raised.value)
    finally:
        catalogue.cache_clear()
