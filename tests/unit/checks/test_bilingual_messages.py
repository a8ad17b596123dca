"""Every message a coordinator reads about bad input is in Swedish and English, from the
catalogue: each problem's message and fix (parts joined by " — ") is one catalogue text
"svenska / English" with its placeholders filled in. A message written in code, English only,
fails here."""

from __future__ import annotations

import ast
import re
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from macros.checks.project import open_project
from macros.checks.sensitive import find_sensitive
from macros.load.validation import problems_from
from macros.load.yamlsource import SourceDoc, parse_with_ruamel, parse_yaml, read_yaml
from macros.model.catalogue import catalogue
from macros.model.core import Contact, Routine
from macros.model.guides import GlossaryTerm
from macros.model.problems import Problem
from macros.model.snapshot import SnapshotProblem, parse_snapshot
from macros.model.text import LANGUAGES, Keywords, PlainText
from macros.model.versions import UnknownVersion, find_revision
from tests.bad_inputs import CASES, CHECK_CASES, Case, all_problems

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _pattern(text: str) -> str:
    return ".*".join(re.escape(part) for part in _PLACEHOLDER.split(text))


@cache
def _patterns() -> list[re.Pattern[str]]:
    """One pattern per catalogue text, "sv / en" with any text where a placeholder stands;
    texts that are (almost) only a placeholder would match anything and are left out."""
    patterns = []
    for texts in catalogue().values():
        sides = [texts[lang] for lang in LANGUAGES]
        if any(len(_PLACEHOLDER.sub("", side).strip()) < 3 for side in sides):
            continue
        patterns.append(re.compile(" / ".join(_pattern(side) for side in sides), re.S))
    return patterns


def catalogued(text: str) -> bool:
    """``text`` is one catalogue text, or several joined by " — "."""
    if any(pattern.fullmatch(text) for pattern in _patterns()):
        return True
    parts = text.split(" — ")
    return any(catalogued(" — ".join(parts[:i])) and catalogued(" — ".join(parts[i:]))
               for i in range(1, len(parts)))


def assert_bilingual(problem: Problem) -> None:
    for part in ("message", "fix"):
        text = getattr(problem, part)
        if part == "fix" and not text:
            continue
        assert catalogued(text), f"{part} not from the catalogue (English only?): " \
                                 f"{problem.format()}"


def test_an_english_only_message_is_caught() -> None:
    assert not catalogued("unknown unit `x`")
    assert not catalogued("is required")
    assert catalogued("saknas / is required")
    assert catalogued("okänd enhet `x` / unknown unit `x` — lägg till `a: …` / add `a: …`")


def test_no_pydantic_error_type_is_a_catalogue_key() -> None:
    """A model's own rule is found by its key: pydantic's error types must not be one."""
    assert set(typing.get_args(ErrorType)) & set(catalogue()) == set()


# references.py: where the noun ("unit", "owner role", …) stands in each call that words it
_NOUN_ARGUMENT = {"ids": 3, "_duplicates": 3, "_first_file_duplicates": 2, "unknown": 3,
                  "_check_refs": 5}


def test_every_noun_of_the_reference_checks_is_in_the_catalogue() -> None:
    source = Path(__file__).parents[3] / "macros" / "load" / "references.py"
    nouns = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            position = _NOUN_ARGUMENT.get(name)
            if position is not None and len(node.args) > position:
                argument = node.args[position]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    nouns.add(argument.value)
    assert len(nouns) >= 15
    missing = sorted(n for n in nouns if "noun_" + n.replace(" ", "_") not in catalogue())
    assert missing == []



@pytest.mark.parametrize("case", CASES + CHECK_CASES, ids=[c.name for c in CASES + CHECK_CASES])
def test_every_problem_of_the_corpus_is_bilingual(case: Case,
                                                 data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    case.apply(root)
    problems = all_problems(root)
    assert problems
    for problem in problems:
        assert_bilingual(problem)


# Bad values for each of validation.py's translations of pydantic's errors.
_ROUTINE: dict[str, Any] = {
    "id": "r", "title": {"sv": "T"}, "department": "d", "audience": {"sv": "A"},
    "owner": "o", "adopted_on": "2019-01-01", "decision_ref": "SN 1",
    "last_reviewed": "2020-01-01", "review_interval_months": 12, "summary": {"sv": "S"},
    "steps": [{"sv": "Steg"}],
}
_CONTACT: dict[str, Any] = {"id": "c", "scope": "national", "name": {"sv": "N"},
                            "phone": "08-123 456 00"}
BAD_VALUES: list[tuple[str, type[BaseModel], dict[str, Any]]] = [
    ("missing swedish", Routine, {**_ROUTINE, "title": {"en": "T"}}),
    ("missing field", Routine, {k: v for k, v in _ROUTINE.items() if k != "owner"}),
    ("unknown field, close", Routine, {**_ROUTINE, "titel": {"sv": "x"}}),
    ("unknown field, far", Routine, {**_ROUTINE, "zzzz": 1}),
    ("not a date", Routine, {**_ROUTINE, "adopted_on": "22 maj"}),
    ("not an id", Routine, {**_ROUTINE, "id": "Å"}),
    ("not a phone number", Contact, {**_CONTACT, "phone": "ring"}),
    ("not an e-mail address", Contact, {**_CONTACT, "email": "x"}),
    ("not a scope", Contact, {**_CONTACT, "scope": "global"}),
    ("not a web address", Contact, {**_CONTACT, "web": "www"}),
    ("unsafe web address", Contact, {**_CONTACT, "web": "javascript:x"}),
    ("unreachable contact", Contact, {k: v for k, v in _CONTACT.items() if k != "phone"}),
    ("a number for text", Routine, {**_ROUTINE, "decision_ref": 12}),
    ("true for text", Routine, {**_ROUTINE, "decision_ref": True}),
    ("a list for text", Routine, {**_ROUTINE, "decision_ref": [1]}),
    ("a mapping for text", Routine, {**_ROUTINE, "decision_ref": {"a": 1}}),
    ("empty for text", Routine, {**_ROUTINE, "decision_ref": None}),
    ("text not bilingual", Routine, {**_ROUTINE, "title": "T"}),
    ("not a list", Routine, {**_ROUTINE, "steps": "x"}),
    ("empty list", Routine, {**_ROUTINE, "steps": []}),
    ("not true or false", Routine, {**_ROUTINE, "example": "kanske"}),
    ("not a whole number", Routine, {**_ROUTINE, "review_interval_months": "tolv"}),
    ("out of range", Routine, {**_ROUTINE, "review_interval_months": 100}),
    ("below range", Routine, {**_ROUTINE, "review_interval_months": 0}),
    ("two review rules", Routine, {**_ROUTINE, "review_by": "2090-01-01"}),
    ("reviewed before adopted", Routine, {**_ROUTINE, "last_reviewed": "2010-01-01"}),
    ("reviewed after due", Routine, {**_ROUTINE, "review_interval_months": None,
                                     "review_by": "2019-06-01"}),
    ("empty text", Routine, {**_ROUTINE, "title": {"sv": "  "}}),
    ("empty string", Routine, {**_ROUTINE, "title": {"sv": ""}}),
    ("html", Routine, {**_ROUTINE, "title": {"sv": "<b>x</b>"}}),
    ("control character", Routine, {**_ROUTINE, "title": {"sv": "x\u202ey"}}),
    ("unsafe link", Routine, {**_ROUTINE, "title": {"sv": "[x](javascript:y)"}}),
    ("empty keyword", Keywords, {"sv": [" "]}),
    ("no keywords", Keywords, {"sv": []}),
    ("text for a mapping", PlainText, {"sv": {"a": 1}}),
    ("not a mapping", Routine, {**_ROUTINE, "keywords": "hedersvåld"}),
    ("abbreviation", GlossaryTerm, {"id": "t", "term": {"sv": "T"},
                                    "definition": {"sv": "D"}, "abbreviation": "vinr"}),
]


@pytest.mark.parametrize(("name", "model", "data"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_every_validation_message_is_bilingual(name: str, model: type[BaseModel],
                                               data: dict[str, Any]) -> None:
    doc, problems = parse_yaml("a: 1\n", "f.yml")
    assert doc is not None and not problems
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    problems = problems_from(raised.value, model, SourceDoc("f.yml", doc.data))
    assert problems
    for problem in problems:
        assert "invalid value" not in problem.message, f"{name}: not translated: {problem}"
        assert_bilingual(problem)


def test_a_model_rule_names_its_field() -> None:
    with pytest.raises(ValidationError) as raised:
        Contact.model_validate({k: v for k, v in _CONTACT.items() if k != "phone"})
    doc, _ = parse_yaml("a: 1\n", "f.yml")
    assert doc is not None
    [problem] = problems_from(raised.value, Contact, doc)
    assert problem.field == "phone"
    assert problem.message.startswith("kontakten behöver minst ett av phone")


@pytest.mark.parametrize("text", [
    "a: [1\n", "a: 1\na: 2\n", "a:\n  ? - {b: c}\n", "", "- a\n", "a: &x 1\nb: *x\n",
    "a: " + "[" * 30 + "]" * 30 + "\n", "%YAML 9.9\n---\na: 1\n",
])
def test_every_yaml_message_is_bilingual(text: str) -> None:
    _, problems = parse_with_ruamel(text, "f.yml")
    assert problems
    for problem in problems:
        assert_bilingual(problem)


def test_unreadable_files_are_bilingual(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_bytes(b"a: \xff\n")
    for path in (tmp_path / "bad.yml", tmp_path / "missing.yml"):
        _, problems = read_yaml(path, path.name)
        assert problems
        for problem in problems:
            assert_bilingual(problem)


def test_sensitive_findings_are_bilingual() -> None:
    findings = list(find_sensitive("121212-1212 och 070-123 45 67"))
    assert {f.kind for f in findings} == {"personal_number", "mobile"}
    for finding in findings:
        assert_bilingual(Problem("f", None, "", finding.message, finding.fix))
        assert "1212-1212" not in finding.message  # still masked


@pytest.mark.parametrize("text", [
    "{not json", "[1]", '{"version": "1"}', '{"format": 9, "version": "1"}',
    '{"format": 0, "version": "1"}', '{"format": 1}', '{"format": 1, "version": "1", '
    '"routines": []}', '{"format": 1, "version": "1", "roles": {"a": 1}}',
])
def test_snapshot_problems_are_bilingual(text: str) -> None:
    problem = parse_snapshot(text, "gh-pages:1/api/model.json")
    assert isinstance(problem, SnapshotProblem)
    where, _, message = problem.message.partition(": ")
    assert where == "gh-pages:1/api/model.json"
    assert catalogued(message), message


def test_an_unknown_version_is_bilingual(data_copy: Callable[[], Path]) -> None:
    kb = open_project(data_copy()).kb
    assert kb is not None
    with pytest.raises(UnknownVersion) as raised:
        find_revision(kb, "1066")
    assert catalogued(str(raised.value)), str(raised.value)
