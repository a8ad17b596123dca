"""The snapshot of the previous published version, for the "What changed" page.

Each published version carries ``api/model.json`` (:mod:`macros.model.snapshot`); mike keeps
it on the deploy branch under the version's folder. The previous version is the newest
revision adopted before this one that is published there."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from macros.load.deploy_branch import branch_ref, head_commit, read_file
from macros.model.catalogue import label
from macros.model.core import KnowledgeBase, Revision
from macros.model.snapshot import MODEL_JSON, Snapshot, SnapshotProblem, parse_snapshot
from macros.model.text import Lang
from macros.model.versions import earlier


@dataclass(frozen=True)
class Baseline:
    snapshot: Snapshot | None
    reason_key: str = ""  # a label explaining why there is no snapshot
    values: tuple[tuple[str, str], ...] = ()  # for the label

    def reason(self, lang: Lang) -> str:
        return label(self.reason_key, lang, **dict(self.values)) if self.reason_key else ""


def find_baseline(root: Path, kb: KnowledgeBase, revision: Revision, branch: str) -> Baseline:
    previous = earlier(kb, revision)
    if not previous:
        return Baseline(None, "chg_reason_first", (("version", revision.version),))
    ref = branch_ref(root, branch)
    if ref is None:
        return Baseline(None, "chg_reason_no_branch",
                        (("branch", branch), ("version", previous[0].version)))
    return _from_branch(root, ref, head_commit(root, ref) or "",
                        tuple(r.version for r in previous))


@functools.lru_cache(maxsize=8)  # macros run once per language: read the branch once
def _from_branch(root: Path, ref: str, commit: str, versions: tuple[str, ...]) -> Baseline:
    for version in versions:
        raw = read_file(root, ref, f"{version}/{MODEL_JSON}")
        if raw is None:
            continue
        parsed = parse_snapshot(raw.decode("utf-8", "replace"), f"{ref}:{version}/{MODEL_JSON}")
        if isinstance(parsed, SnapshotProblem):
            return Baseline(None, "chg_reason_unreadable",
                            (("version", version), ("problem", parsed.message)))
        return Baseline(parsed)
    return Baseline(None, "chg_reason_unpublished", (("version", versions[0]),))
