"""When the languages are built in forked processes (macros/build/parallel_build.py): KB_PARALLEL,
and never under `mkdocs serve`. The forked build against the sequential one:
tests/site/test_parallel_build.py."""

from __future__ import annotations

import os

import pytest

from macros.build.parallel_build import parallel_enabled


@pytest.mark.parametrize(("environ", "serving", "expected"), [
    ({}, False, True),
    ({"KB_PARALLEL": "1"}, False, True),
    ({"KB_PARALLEL": "0"}, False, False),
    ({"KB_PARALLEL": " Off "}, False, False),
    ({}, True, False),  # mkdocs serve rebuilds in a threaded server: never fork there
])
def test_parallel_enabled(environ: dict[str, str], serving: bool, expected: bool) -> None:
    assert parallel_enabled(environ, serving) is (expected and hasattr(os, "fork"))
