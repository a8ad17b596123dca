"""The `kb` stage (issue 21): every page of the site as Markdown, for a renderer that runs no
plugin of ours (the successor, Zensical). See :mod:`macros.build.stage.write`."""
