"""Review dates across the site: the items due, the report by owner, the weekly GitHub issues."""
