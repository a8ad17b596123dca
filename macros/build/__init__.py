"""The MkDocs plugin `kb` and what it wires into the build: generated pages, navigation, parallel
languages, embedding, notices.
"""
