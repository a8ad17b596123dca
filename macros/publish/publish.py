"""`kb publish`: check, build once (strict), then deploy that very build with mike.

Order matters: every check and the build run before the deploy branch is touched, so a
failure leaves the branch exactly as it was. The site that passed the checks is the site that
is committed — mike's own ``deploy`` would build a second time, without ``--strict``.

mike's Python API (``mike.commands``, ``mike.git_utils``, pinned in requirements.txt) does the
commit: it writes the version folder, the copied alias and ``versions.json`` in one commit.
It runs git without a path separator, so it runs here with ``GIT_DIR`` set from an empty
folder: a build folder called ``site`` next to mkdocs.yml would otherwise be taken for the
branch ``site``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mike import commands, git_utils

from macros.checks.project import open_project, review_problems
from macros.checks.registry import check_project
from macros.links.internal import check_site
from macros.load.deploy_branch import branch_ref, git, head_commit, read_file
from macros.model.catalogue import both
from macros.model.problems import Problem, summary
from macros.model.versions import VERSION_ENV, UnknownVersion, find_revision

Echo = Callable[[str], None]
BUILD_TIMEOUT = 1800
_WATCHED = ("mkdocs.yml", "docs", "overrides", "macros")  # what the site is built from
REDIRECT_TEMPLATE = Path(__file__).parents[1] / "templates" / "redirect.html"  # the site's root


class PublishError(Exception):
    """Publishing stopped before the branch was touched; ``lines`` say why and what to do."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class PublishOptions:
    version: str
    alias: str | None = None  # e.g. "gallande": also the site's default when given
    branch: str | None = None  # default: the kb plugin's deploy_branch in mkdocs.yml
    remote: str | None = None  # push there afterwards (and start from its copy)
    allow_dirty: bool = False
    today: date | None = None


@dataclass(frozen=True)
class PublishResult:
    version: str
    branch: str
    commit: str | None  # the branch's commit after publishing
    changed: bool  # False when the same site was already published


def publish(root: Path, options: PublishOptions, echo: Echo = print) -> PublishResult:
    root = root.resolve()
    project = open_project(root)
    branch = options.branch or project.settings.deploy_branch
    data_dir = project.settings.data_dir
    today = options.today or date.today()
    if project.kb is None:
        raise PublishError([*_problem_lines(project.problems),
                            f"{summary(project.problems)} — "
                            f"{both('pub_fix_data', folder=data_dir)}"])
    try:
        revision = find_revision(project.kb, options.version)
    except UnknownVersion as exc:
        raise PublishError([f"{data_dir}/revisions.yml: error: version: {exc}"]) from None

    echo(both("pub_step_checks", folder=data_dir))
    errors = [p for p in [*check_project(project, today), *review_problems(project, today)]
              if p.is_error]
    if errors:
        raise PublishError([*_problem_lines(errors),
                            f"{summary(errors)} — {both('pub_checks_failed')}"])
    _require_clean(root, data_dir, options.allow_dirty)
    if options.remote:
        _start_from_remote(root, options.remote, branch)

    with tempfile.TemporaryDirectory(prefix="kb-publish-") as tmp:
        site = Path(tmp) / "site"
        echo(f"2/4 Bygger version {revision.version} / Building version {revision.version}")
        _build(root, revision.version, site)
        echo("3/4 Länkar / Links")
        broken = check_site(site)
        if broken:
            raise PublishError([link.format() for link in broken] + [
                both("pub_broken_links", n=len(broken))])
        echo(f"4/4 Publicerar till grenen {branch} / Deploying to branch {branch}")
        changed = _deploy(root, site, revision.version, options.alias, branch)
    if options.remote:
        with _git_only(root):
            git_utils.push_branch(options.remote, branch)
        echo(f"Skickad till / Pushed to {options.remote}/{branch}")
    ref = branch_ref(root, branch, remote=None)
    return PublishResult(revision.version, branch, head_commit(root, ref) if ref else None,
                         changed)


def _problem_lines(problems: list[Problem]) -> list[str]:
    return [problem.format() for problem in problems]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = git(root, *args, timeout=120)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def _require_clean(root: Path, data_dir: str, allow_dirty: bool) -> None:
    """The deploy commit names the source commit: it must be what was built."""
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        raise PublishError([f"{root}: {both('pub_not_git')}"])
    if allow_dirty:
        return
    status = _git(root, "status", "--porcelain", "--untracked-files=normal", "--", *_WATCHED,
                  data_dir)
    if status.stdout.strip():
        changed = [line[3:] for line in status.stdout.splitlines()]
        raise PublishError([f"{path}: {both('pub_uncommitted')}" for path in changed]
                           + [both("pub_commit_first")])


def _start_from_remote(root: Path, remote: str, branch: str) -> None:
    """Fetch the remote's branch and fast-forward ours, so a push cannot be rejected."""
    fetched = _git(root, "fetch", "--quiet", remote,
                   f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
    if fetched.returncode != 0 and "couldn't find remote ref" not in fetched.stderr:
        raise PublishError([f"git fetch {remote} {branch}: {fetched.stderr.strip()}",
                            both("pub_fetch_fix")])
    try:
        with _git_only(root):
            git_utils.update_from_upstream(remote, branch)
    except git_utils.GitBranchDiverged:
        raise PublishError([both("pub_diverged", branch=branch, remote=remote)]) from None


def _build(root: Path, version: str, site: Path) -> None:
    # Not -q: MkDocs 1.6 drops quiet warnings before --strict counts them (mkdocs#4126).
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    env = {**os.environ, VERSION_ENV: version, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root,
                                timeout=BUILD_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise PublishError([both("pub_build_timeout", seconds=BUILD_TIMEOUT)]) from None
    if result.returncode != 0:
        output = [line for line in (result.stdout + result.stderr).splitlines()
                  if line.strip() and not line.startswith("INFO")]
        raise PublishError([*output[-40:], both("pub_build_failed")])


@contextmanager
def _git_only(root: Path) -> Iterator[None]:
    """Run mike's git calls against the repository from an empty folder (see module doc)."""
    git_dir = _git(root, "rev-parse", "--absolute-git-dir").stdout.strip()
    previous_dir, previous_env = os.getcwd(), os.environ.get("GIT_DIR")
    with tempfile.TemporaryDirectory(prefix="kb-git-") as empty:
        os.chdir(empty)
        os.environ["GIT_DIR"] = git_dir
        try:
            yield
        finally:
            os.chdir(previous_dir)
            if previous_env is None:
                os.environ.pop("GIT_DIR", None)
            else:
                os.environ["GIT_DIR"] = previous_env


def _deploy(root: Path, site: Path, version: str, alias: str | None, branch: str) -> bool:
    """One commit with the version (and its alias, copied); then the default, if it moved."""
    source = _git(root, "rev-parse", "--short", "HEAD").stdout.strip() or "?"
    aliases = [alias] if alias else []
    config = {"site_dir": str(site), "use_directory_urls": True}
    changed = True
    with _git_only(root):
        try:
            with commands.deploy(config, version, aliases=aliases, update_aliases=True,
                                 alias_type=commands.AliasType.copy, branch=branch,
                                 message=f"Publicera version {version} från {source} "
                                         f"(publish version {version} from {source})"):
                pass
        except git_utils.GitEmptyCommit:
            changed = False  # the same site was already there
        if alias and not _is_default(root, branch, alias):
            commands.set_default(alias, template=str(REDIRECT_TEMPLATE), branch=branch,
                                 message=f"Förval / default: {alias}")
            changed = True
    return changed


def _is_default(root: Path, branch: str, alias: str) -> bool:
    ref = branch_ref(root, branch, remote=None)
    index = read_file(root, ref, "index.html") if ref else None
    return index is not None and f'"{alias}/"' in index.decode("utf-8", "replace")
