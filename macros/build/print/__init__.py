"""Print: the whole plan on one page, print footers, the plan as PDF printed by Chromium."""
