"""`kb export-site`: the deploy branch as plain files an nginx or IIS server can serve.

mike's aliases are copies (no symlinks), so the branch's tree is the whole site. A folder is
written next to the target and swapped in at the end, so a reader of the old export never sees
half of the new one; a tarball is written to a temporary name and renamed."""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from macros.load.deploy_branch import branch_ref, git, head_commit, published_versions
from macros.model.catalogue import both

MARKER = ".kb-export.json"  # marks a folder as an earlier export, which may be replaced
_TARBALL = (".tar.gz", ".tgz")


class ExportError(Exception):
    pass


@dataclass(frozen=True)
class ExportResult:
    target: Path
    commit: str
    versions: tuple[str, ...]
    files: int


def export_site(root: Path, branch: str, target: Path) -> ExportResult:
    ref = branch_ref(root, branch)
    if ref is None:
        raise ExportError(both("exp_no_branch", branch=branch))
    commit = head_commit(root, ref) or ref
    versions = tuple(v.version for v in published_versions(root, ref))
    archive = _archive(root, ref)
    if target.name.endswith(_TARBALL):
        files = _write_tarball(archive, target)
    else:
        files = _write_folder(archive, target, {"branch": branch, "commit": commit,
                                                "versions": list(versions)})
    return ExportResult(target, commit, versions, files)


def _archive(root: Path, ref: str) -> bytes:
    result = git(root, "archive", "--format=tar", ref, timeout=600)
    if result.returncode != 0:
        raise ExportError(f"git archive {ref}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def _members(archive: bytes) -> list[tarfile.TarInfo]:
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return [m for m in tar.getmembers() if m.isfile()]


def _write_tarball(archive: bytes, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".kb-export-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as out, \
                tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                data = tar.extractfile(member) if member.isfile() else None
                out.addfile(member, data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(_members(archive))


def _write_folder(archive: bytes, target: Path, marker: dict[str, object]) -> int:
    if target.exists() and not _replaceable(target):
        raise ExportError(f"{target}: {both('exp_not_export', marker=MARKER)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(new, filter="data")
        (new / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        new.chmod(0o755)
        old = target.parent / f".{target.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        new.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    return len(_members(archive))


def _replaceable(target: Path) -> bool:
    return target.is_dir() and ((target / MARKER).is_file() or not any(target.iterdir()))
