"""The benchmark: a synthetic corpus, naive builds to compare with, the runs and the report."""
