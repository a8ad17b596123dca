"""`python -m macros` runs the `kb` command."""

from macros.cli import main

main()
