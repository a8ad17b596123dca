"""Read-only access to the branch mike publishes the versions to (default ``site``).

Refs are always spelled out (``refs/heads/site``): a bare ``site`` is also the name of the
build folder, and git would take it for a path."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

GIT_TIMEOUT = 60


@dataclass(frozen=True)
class PublishedVersion:
    version: str
    title: str
    aliases: tuple[str, ...]


def git(root: Path, *args: str, timeout: float = GIT_TIMEOUT) -> subprocess.CompletedProcess[bytes]:
    """Run git in ``root``; a missing git or a timeout is a failed run, never an exception."""
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return subprocess.CompletedProcess(args, 1, b"", str(exc).encode())


def branch_ref(root: Path, branch: str, remote: str | None = "origin") -> str | None:
    """The full ref of the local branch, else of ``remote``'s copy; None when neither exists."""
    candidates = [f"refs/heads/{branch}"]
    if remote:
        candidates.append(f"refs/remotes/{remote}/{branch}")
    for ref in candidates:
        if git(root, "rev-parse", "--verify", "-q", f"{ref}^{{commit}}").returncode == 0:
            return ref
    return None


def head_commit(root: Path, ref: str) -> str | None:
    result = git(root, "rev-parse", "--verify", "-q", f"{ref}^{{commit}}")
    return result.stdout.decode().strip() if result.returncode == 0 else None


def read_file(root: Path, ref: str, path: str) -> bytes | None:
    """A file of the branch's tree, or None when it (or the branch) is missing."""
    result = git(root, "show", f"{ref}:{path}")
    return result.stdout if result.returncode == 0 else None


def published_versions(root: Path, ref: str) -> list[PublishedVersion]:
    """mike's versions.json of the branch (newest first, as mike keeps it)."""
    raw = read_file(root, ref, "versions.json")
    if raw is None:
        return []
    try:
        entries = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(entries, list):
        return []
    return [PublishedVersion(str(e["version"]), str(e.get("title") or ""),
                             _aliases(e.get("aliases")))
            for e in entries if isinstance(e, dict) and e.get("version")]


def _aliases(value: object) -> tuple[str, ...]:
    return tuple(str(a) for a in value) if isinstance(value, list) else ()
