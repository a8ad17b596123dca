"""Publishing versions with mike and exporting the deploy branch as files for a web server."""
