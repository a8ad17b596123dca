"""Build the other languages in forked processes while this process builds the default one.

mkdocs-static-i18n builds the languages one after the other, in one process: the default
language's build ends (its ``on_post_build``) by calling MkDocs' ``build()`` again for each
other language. On a machine with two cores that leaves one idle. Here:

1. When the default language's navigation is ready (the site folder has been cleaned and
   static-i18n knows the default language's pages, which the sitemap lists), :meth:`start`
   forks a child for the other language (a site with three or more builds them in turn).
   The child runs exactly the nested build static-i18n would have run (same config object,
   same plugins, the data already loaded) and sends back what the parent still needs: that
   language's search entries and the kb plugin's records of its pages. Its log lines go to
   the same terminal.
2. The parent builds the default language meanwhile. When static-i18n's loop reaches the other
   language, its call to ``build()`` is replaced by :meth:`join`: wait for the child and hand
   its search entries to static-i18n, which then writes the combined index as usual.

Files both builds would write: the child writes ``sitemap.xml`` (it lists every language, as
the last sequential build's did) and the parent ``404.html`` (see the kb plugin's
``on_post_template``); each build skips the other's by returning empty output for it.

``KB_PARALLEL=0`` (or ``off``) builds the languages one after the other, as static-i18n does
on its own; so does ``mkdocs serve`` and any platform without ``fork``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PARALLEL_ENV = "KB_PARALLEL"
OFF = frozenset({"0", "off", "no", "false"})


class _SkippedTemplates(logging.Filter):
    """Drop MkDocs' "Template skipped" lines for the files the other build writes."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Template skipped: ")
                    and ("'sitemap.xml'" in message or "'404.html'" in message))


SKIPPED = _SkippedTemplates()


def parallel_enabled(environ: dict[str, str] | os._Environ[str], serving: bool) -> bool:
    """Fork per language unless switched off, serving (rebuilds in a threaded server) or
    on a platform without fork."""
    value = environ.get(PARALLEL_ENV, "").strip().lower()
    return hasattr(os, "fork") and not serving and value not in OFF


@dataclass
class ChildResult:
    """What a language's child process sends back."""

    locale: str
    error: str = ""  # empty: the build succeeded
    search_entries: list[dict[str, Any]] = field(default_factory=list)
    payload: Any = None  # the kb plugin's own results for this language


@dataclass
class _Child:
    process: multiprocessing.process.BaseProcess
    receive: Connection


class LanguageWorkers:
    """The forked builds of one ``mkdocs build``: start them, join them, or cancel them."""

    def __init__(self) -> None:
        self.is_child = False  # this process is a forked language build
        self._children: dict[str, _Child] = {}
        self._original_build: Any = None
        self._receive: Callable[[str, Any], None] = lambda _locale, _payload: None

    @property
    def active(self) -> bool:
        return bool(self._children)

    def start(self, config: MkDocsConfig, payload: Callable[[str], Any],
              receive: Callable[[str, Any], None]) -> None:
        """Fork a build of every other language static-i18n would build after this one.

        ``payload(locale)`` runs in the child after its build and returns what the kb plugin
        needs back (picklable); ``receive(locale, payload)`` gets it in the parent."""
        import mkdocs_static_i18n.plugin as i18n_module

        i18n = config.plugins.get("i18n")
        if i18n is None or self.is_child or self._children:
            return
        others = [locale for locale in i18n.build_languages if locale != i18n.current_language]
        if len(others) != 1:
            # Two languages (ours) on two cores. With more, several children would each
            # write a sitemap that lists only their own language: build them in turn.
            return
        logging.getLogger("mkdocs.commands.build").addFilter(SKIPPED)
        context = multiprocessing.get_context("fork")
        for locale in others:
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=self._child_main,
                                      args=(config, i18n, locale, writer, payload),
                                      name=f"kb-build-{locale}", daemon=True)
            process.start()
            writer.close()
            self._children[locale] = _Child(process, reader)
        self._receive = receive
        self._original_build = i18n_module.build
        i18n_module.build = self._build_replacement(i18n)

    def _child_main(self, config: MkDocsConfig, i18n: Any, locale: str, send: Connection,
                    payload: Any) -> None:
        """In the child: the nested build static-i18n would run, then the results."""
        from mkdocs import utils
        from mkdocs.commands.build import build
        from mkdocs_static_i18n.utils import I18nLoggingFilter

        quiet = I18nLoggingFilter()  # one "Documentation built in" line, as static-i18n does
        quiet.filtered_prefixes.update({"Documentation built in",
                                        "Building documentation to directory"})
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        self.is_child = True
        self._children = {}
        utils.clean_directory = lambda _directory: None  # the parent cleaned the folder
        i18n.current_language = locale
        i18n.building = True  # static-i18n's own loop must not start in here
        already = len(i18n.search_entries)
        result = ChildResult(locale)
        try:
            build(config, dirty=False)
            result.search_entries = list(i18n.search_entries[already:])
            result.payload = payload(locale)
        except BaseException as exc:  # every failure goes back to the parent
            result.error = str(exc) or type(exc).__name__
        send.send(result)
        send.close()

    def _build_replacement(self, i18n: Any) -> Callable[..., None]:
        """What static-i18n's loop calls instead of ``build()`` for each other language."""
        def build(config: MkDocsConfig, **_: Any) -> None:
            locale = i18n.current_language
            result = self.join(locale)
            i18n.search_entries.extend(result.search_entries)
            self._receive(locale, result.payload)
        return build

    def join(self, locale: str) -> ChildResult:
        """Wait for ``locale``'s child; raise if its build failed."""
        child = self._children.pop(locale, None)
        if child is None:
            raise PluginError(f"No parallel build of '{locale}' was started")
        try:
            result: ChildResult = child.receive.recv()
        except EOFError:
            result = ChildResult(locale, error="the process ended without a result "
                                               f"(exit code {child.process.exitcode})")
        finally:
            child.receive.close()
            child.process.join()
        if not self._children:
            self._restore()
        if result.error:
            raise PluginError(f"Building the '{locale}' pages failed: {result.error}")
        return result

    def cancel(self) -> None:
        """Stop every child (the parent's build failed)."""
        for child in self._children.values():
            child.process.terminate()
            child.process.join()
            child.receive.close()
        self._children = {}
        self._restore()

    def _restore(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(SKIPPED)
        if self._original_build is not None:
            import mkdocs_static_i18n.plugin as i18n_module

            i18n_module.build = self._original_build
            self._original_build = None
