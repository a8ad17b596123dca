/* Zensical's stylesheet shows the search shortcut as ⌘K on a Mac (html[data-platform^=Mac]);
 * its inline head script sets the attribute. The successor's pages run Material's inline
 * script instead (the one our Content-Security-Policy allows, macros/successor/project.py),
 * and this file, loaded with defer, sets the attribute. */
document.documentElement.setAttribute("data-platform", navigator.platform);
