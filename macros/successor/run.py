"""Build the successor's languages side by side: ``zensical-i18n build --lang L`` in each
language's project folder written by :mod:`macros.successor.project` (``out/sv``, ``out/en``).

Runs in the successor's virtual environment (standard library only). A failure in either
language fails the build with that language's output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LANGUAGES = ("sv", "en")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder the stage wrote")
    parser.add_argument("--serial", action="store_true", help="one language after the other")
    args = parser.parse_args(argv)
    command = Path(sys.executable).parent / "zensical-i18n"
    running = []
    for lang in LANGUAGES:
        process = subprocess.Popen(
            [str(command), "build", "--strict", "--lang", lang,
             "-f", str(args.out / lang / "mkdocs.yml")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        running.append((lang, process))
        if args.serial:
            process.wait()
    failed = 0
    for lang, process in running:
        output, _ = process.communicate()
        sys.stdout.write(f"--- {lang}\n{output}")
        if process.returncode != 0:
            failed = process.returncode
            sys.stderr.write(f"zensical-i18n: the build of '{lang}' failed (see above)\n")
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
