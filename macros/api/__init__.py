"""Exports for intranet widgets: api/*.json from pydantic export models, their JSON Schemas, Atom
feeds.
"""
