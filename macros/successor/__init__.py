"""The successor build (issue 21): Zensical + zensical-i18n from the stage `kb stage` writes
(macros/build/stage/). project: one Zensical project per language; run: zensical-i18n in
.venv-successor (standard library only); finish: one site, sitemap, api/, the plan's PDF."""
