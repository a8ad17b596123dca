"""The model as Markdown: checklists, contact tables, matrices, generated pages, guides, labels,
server configurations.
"""
