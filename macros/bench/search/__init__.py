"""Search evaluation and timing: the staff-language query set typed into the real search box
in Chromium (make search-eval, make search-timing)."""
