"""The benchmark's synthetic routines (macros/bench/corpus.py): the same seed gives the same
routine, of about 600 words per language. The corpus built and measured:
tests/site/test_bench.py."""

from __future__ import annotations

from datetime import date

from macros.bench.corpus import routine_id, synthetic_routine
from tests.conftest import ROOT, loaded


def test_synthetic_routine_is_deterministic_and_about_600_words() -> None:
    kb = loaded(ROOT)
    today = date(2026, 1, 1)
    first = synthetic_routine(kb, 7, 1, today)
    assert first == synthetic_routine(kb, 7, 1, today)
    assert first != synthetic_routine(kb, 7, 2, today)
    assert first["id"] == routine_id(7)
    for lang in ("sv", "en"):
        words = sum(len(step[lang].split()) for step in first["steps"])
        words += len(first["summary"][lang].split())
        assert 500 <= words <= 800, (lang, words)
