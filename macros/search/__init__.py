"""The search index: what is not indexed, one index per language, de-duplication and compaction."""
