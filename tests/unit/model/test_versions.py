"""Plan revisions as site versions (macros/model/versions.py): which revision a build is for, the
revisions before it, when each was in force. A build for an unknown version:
tests/site/test_build_gates.py."""

from __future__ import annotations

from datetime import date

import pytest

from macros.model.core import KnowledgeBase, Revision
from macros.model.versions import (
    VERSION_ENV,
    InForce,
    UnknownVersion,
    by_date,
    earlier,
    find_revision,
    in_force,
    requested_version,
)
from tests.conftest import ROOT, loaded


def revision(version: str, adopted_on: date) -> Revision:
    return Revision(version=version, adopted_on=adopted_on, committee="socialnamnden",
                    decision_ref=f"SN {version}/1",
                    changes={"sv": f"Version {version}.", "en": f"Version {version}."},
                    example=True)


def with_revisions(kb: KnowledgeBase, *revisions: Revision) -> KnowledgeBase:
    return kb.model_copy(update={"revisions": list(revisions)})


@pytest.fixture(scope="module")
def kb(fixture_kb: KnowledgeBase) -> KnowledgeBase:
    """Four revisions, deliberately not in date order in the file."""
    return with_revisions(fixture_kb,
                          revision("2026", date(2026, 3, 1)),
                          revision("2014", date(2014, 1, 1)),
                          revision("2019", date(2019, 5, 22)),
                          revision("2023", date(2023, 12, 31)))


def versions(revisions: list[Revision]) -> list[str]:
    return [r.version for r in revisions]


# --- find_revision ------------------------------------------------------------------------

def test_without_a_version_the_newest_revision_by_date(kb: KnowledgeBase) -> None:
    assert find_revision(kb, None).version == "2026"  # first in the file, newest by date


def test_a_named_version(kb: KnowledgeBase) -> None:
    found = find_revision(kb, "2019")
    assert found.version == "2019" and found.adopted_on == date(2019, 5, 22)


def test_an_unknown_version_names_the_known_ones(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownVersion) as caught:
        find_revision(kb, "2030")
    message = str(caught.value)
    assert "'2030'" in message
    assert "known: 2014, 2019, 2023, 2026" in message  # oldest first
    assert "add a revision" in message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("asked", ["", "2019 ", "v2019"])
def test_versions_match_exactly(kb: KnowledgeBase, asked: str) -> None:
    with pytest.raises(UnknownVersion):
        find_revision(kb, asked)


def test_the_fixture_has_one_revision(fixture_kb: KnowledgeBase) -> None:
    only = find_revision(fixture_kb, None)
    assert only.version == "2019"
    assert find_revision(fixture_kb, "2019") == only
    assert earlier(fixture_kb, only) == []
    assert in_force(fixture_kb, only) == InForce(date(2019, 5, 22), None)


def test_the_repository_data_has_three_revisions() -> None:
    repo = loaded(ROOT)
    assert versions(by_date(repo)) == ["2014", "2019", "2026"]
    newest = find_revision(repo, None)
    assert newest.version == "2026"
    assert versions(earlier(repo, newest)) == ["2019", "2014"]


# --- order, earlier -----------------------------------------------------------------------

def test_by_date_is_oldest_first(kb: KnowledgeBase) -> None:
    assert versions(by_date(kb)) == ["2014", "2019", "2023", "2026"]


def test_revisions_adopted_on_the_same_day_are_ordered_by_version(
        fixture_kb: KnowledgeBase) -> None:
    same_day = with_revisions(fixture_kb, revision("2020b", date(2020, 6, 1)),
                              revision("2020a", date(2020, 6, 1)))
    assert versions(by_date(same_day)) == ["2020a", "2020b"]
    assert find_revision(same_day, None).version == "2020b"


def test_earlier_is_newest_first(kb: KnowledgeBase) -> None:
    assert versions(earlier(kb, find_revision(kb, "2026"))) == ["2023", "2019", "2014"]
    assert versions(earlier(kb, find_revision(kb, "2019"))) == ["2014"]
    assert earlier(kb, find_revision(kb, "2014")) == []


# --- in force -----------------------------------------------------------------------------

def test_in_force_until_the_day_before_the_next_adoption(kb: KnowledgeBase) -> None:
    assert in_force(kb, find_revision(kb, "2014")) == InForce(date(2014, 1, 1),
                                                              date(2019, 5, 21))
    # the day before 2024-01-01 is in the previous year
    assert in_force(kb, find_revision(kb, "2019")) == InForce(date(2019, 5, 22),
                                                              date(2023, 12, 30))
    # the day before 1 March in a non-leap year
    assert in_force(kb, find_revision(kb, "2023")) == InForce(date(2023, 12, 31),
                                                              date(2026, 2, 28))


def test_the_newest_revision_is_still_in_force(kb: KnowledgeBase) -> None:
    assert in_force(kb, find_revision(kb, "2026")) == InForce(date(2026, 3, 1), None)


def test_in_force_before_a_leap_day(fixture_kb: KnowledgeBase) -> None:
    leap = with_revisions(fixture_kb, revision("a", date(2020, 1, 1)),
                          revision("b", date(2024, 3, 1)))
    assert in_force(leap, find_revision(leap, "a")).end == date(2024, 2, 29)


# --- the version mike builds --------------------------------------------------------------

def test_requested_version_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert VERSION_ENV == "MIKE_DOCS_VERSION"
    monkeypatch.delenv(VERSION_ENV, raising=False)
    assert requested_version() is None
    monkeypatch.setenv(VERSION_ENV, "")
    assert requested_version() is None  # empty is the same as unset
    monkeypatch.setenv(VERSION_ENV, "2026")
    assert requested_version() == "2026"


