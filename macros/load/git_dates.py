"""When each file last changed, from git: one ``git log`` over the whole history per build.

A page shows the date of the last commit that touched its source (committer date, in the
commit's own time zone). Without history — an export tarball, a directory that is not a
checkout, git missing or too slow — :func:`load_change_dates` says so (``available`` False and
a ``reason``) and the page shows the build date, labelled as such: a change date we do not
know is never claimed.

A shallow clone (CI's default depth 1) has commits whose parents were cut off; git shows such
a boundary commit as adding every file, which would date every file to it. Those commits'
file lists are skipped, so in a shallow clone only files changed within the fetched history
get a date and the others fall back to the build date; ``reason`` is then ``"shallow"`` so the
plugin can warn (fix: fetch the whole history, ``fetch-depth: 0`` in actions/checkout).
Uncommitted changes are ignored: the date is the last commit's, never the working tree's.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SHALLOW = "shallow"
_TIMEOUT = 30.0  # seconds for each git command

# Each commit starts with a NUL (an empty -z token: git paths are never empty), then
# "<hash>\t<committer date ISO>"; with -z the first path after the header starts with "\n".
_LOG = ["log", "--format=%x00%H%x09%ci", "--name-only", "-z", "--no-renames", "--root",
        "--relative", "--no-color", "--no-show-signature", "--no-textconv"]


@dataclass(frozen=True)
class ChangeDates:
    """Date of the last commit touching each file, by path relative to the project root."""

    dates: Mapping[str, date]  # "docs/x.md" → date of the last commit that touched it
    available: bool  # some change dates are known
    reason: str  # why not available, or SHALLOW ("" when the whole history was read)
    built_on: date  # the build's date: the honest fallback
    _by_dir: Mapping[str, date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_dir: dict[str, date] = {}
        for path, changed in self.dates.items():
            parts = path.split("/")
            for depth in range(len(parts)):  # "", "a", "a/b" for "a/b/c.md"
                key = "/".join(parts[:depth])
                if key not in by_dir or changed > by_dir[key]:
                    by_dir[key] = changed
        object.__setattr__(self, "_by_dir", by_dir)

    def for_paths(self, paths: Iterable[str]) -> date | None:
        """The newest change date of these files; a directory ("routines/") stands for every
        file below it. None when none of them has a known date (new, uncommitted, no git)."""
        found = [d for d in (self._for_path(p) for p in paths) if d is not None]
        return max(found, default=None)

    def _for_path(self, path: str) -> date | None:
        key = _normalise(path)
        found = [d for d in (self.dates.get(key), self._by_dir.get(key)) if d is not None]
        return max(found, default=None)

    @property
    def warning(self) -> str:
        """A line for the build log when dates are missing or partial ("" when all is well)."""
        if self.reason == SHALLOW:
            return ("change dates: shallow git clone — pages whose files did not change in the "
                    "fetched commits show the build date; fetch the whole history (e.g. "
                    "`fetch-depth: 0` in actions/checkout)")
        if not self.available:
            return f"change dates: {self.reason} — pages show the build date instead"
        return ""


def load_change_dates(root: Path, today: date | None = None,
                      timeout: float = _TIMEOUT) -> ChangeDates:
    """Last-change date of every file under ``root`` (which may be a subdirectory of the
    repository; paths are relative to it), from one ``git log`` over the whole history."""
    built_on = today or date.today()

    def unavailable(reason: str) -> ChangeDates:
        return ChangeDates({}, available=False, reason=reason, built_on=built_on)

    state = _git(root, ["rev-parse", "--is-shallow-repository", "--git-path", "shallow"],
                 timeout)
    if isinstance(state, str):
        return unavailable(state)
    lines = state.decode("utf-8", "surrogateescape").splitlines()
    shallow = bool(lines) and lines[0] == "true"
    boundary = _shallow_commits(root / lines[1]) if shallow and len(lines) > 1 else set()
    log = _git(root, [*_LOG, "--", "."], timeout)
    if isinstance(log, str):
        return unavailable(log)
    dates = _parse_log(log, boundary)
    if shallow:
        return ChangeDates(dates, available=bool(dates), reason=SHALLOW, built_on=built_on)
    if not dates:
        return unavailable(f"no commits touch {root}")
    return ChangeDates(dates, available=True, reason="", built_on=built_on)


def _normalise(path: str) -> str:
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join(parts)


def _git(root: Path, args: list[str], timeout: float) -> bytes | str:
    """git's standard output, or why it could not be had."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              timeout=timeout, check=False)
    except FileNotFoundError:
        return "git is not installed (not on PATH)"
    except subprocess.TimeoutExpired:
        return f"git {args[0]} took longer than {timeout:g} s"
    except OSError as error:
        return f"git could not run: {error}"
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else f"exit status {done.returncode}"
        return f"git {args[0]} failed in {root}: {detail}"
    return done.stdout


def _shallow_commits(shallow_file: Path) -> set[str]:
    try:
        return set(shallow_file.read_text(encoding="ascii").split())
    except OSError:
        return set()


def _parse_log(output: bytes, boundary: set[str]) -> dict[str, date]:
    """Newest first: the first commit listing a path is its last change."""
    dates: dict[str, date] = {}
    tokens = output.decode("utf-8", "surrogateescape").split("\0")
    changed: date | None = None
    skip = False
    header_next = False
    for token in tokens:
        if token == "":
            header_next = True
            continue
        if header_next:
            header_next = False
            commit, _, when = token.partition("\t")
            skip = commit in boundary
            changed = None if skip else date.fromisoformat(when[:10])
            continue
        path = token.removeprefix("\n")
        if not skip and changed is not None and path not in dates:
            dates[path] = changed
    return dates
