"""A folder served on 127.0.0.1 for the length of a ``with`` block: for LinkChecker, for
Chromium printing the plan's PDF, and for the browser tests."""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request, with extra response headers if given."""

    def __init__(self, *args: Any, headers: Mapping[str, str] | None = None,
                 **kwargs: Any) -> None:
        self.extra_headers = dict(headers or {})
        super().__init__(*args, **kwargs)  # handles the request

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that hung up
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, host: str = "127.0.0.1", headers: Mapping[str, str] | None = None,
          handler: type[QuietHandler] = QuietHandler, **options: Any) -> Iterator[str]:
    """Serve ``directory`` on a free port of ``host``; yields the base URL, ending in '/'.
    ``options`` go to ``handler`` (a :class:`QuietHandler`) with each request."""
    factory = functools.partial(handler, directory=str(directory), headers=headers, **options)
    server = _Server((host, 0), factory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
