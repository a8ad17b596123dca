"""Links in a built site: internal links and anchors, comparison of two builds, LinkChecker, the
local test server.
"""
