"""Reading the data: YAML with line numbers, validation into the model, cross-references, page
front matter, git dates, the deploy branch.
"""
