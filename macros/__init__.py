"""The knowledge base's code, by stage (ARCHITECTURE.md): model → load → render/links/search →
api/review → checks → build/publish → bench → cli. The prose pages' macros are registered with
mkdocs-macros by the `kb` plugin (macros/build/plugin.py), which gives them the loaded data."""
