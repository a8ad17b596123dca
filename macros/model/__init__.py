"""The data model: pydantic documents, bilingual text, review dates, versions, snapshots and their
diff (knows nothing of MkDocs or files).
"""
