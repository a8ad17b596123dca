"""`kb check` beyond the schema: personal data, CODEOWNERS, pull-request summaries, and the
project-wide check run.
"""
