# Set-up and everyday commands. Everything installs into .venv from pinned versions.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
ADDR   ?= 127.0.0.1:8000
# Material's notice of its end of life (5 May 2027) shows on `make build` and `make serve`:
# see README "After Material's end of life". Only the test suite sets NO_MKDOCS_2_WARNING=1,
# since tests read the builds' output.

.PHONY: install test-install serve build check review codeowners schema links linkcheck \
        linkcheck-external publish export-site test test-unit lint browser servers node \
        lighthouse a11y-report clean bench-corpus bench install-successor successor \
        build-successor parity search-eval search-eval-quick search-timing fuzz mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.installed
	$(PIP) install -r requirements-test.txt
	touch $@

install: $(VENV)/.installed            ## create .venv with the pinned dependencies

test-install: $(VENV)/.test-installed  ## add the pinned test dependencies

# The action plan as one PDF (macros/build/print/pdf.py), printed by Chromium in every build and publish
# (KB_PDF=on: a build without Chromium stops and says so); `make serve` leaves it and its
# links out for fast rebuilds. `KB_PDF=off make build` builds without it.
KB_PDF ?= on

serve: install                         ## serve the site at http://127.0.0.1:8000
	KB_PDF=off $(BIN)/mkdocs serve -a $(ADDR)

build: install browser                 ## build both languages into site/, strict, with the plan's PDF
	KB_PDF=$(KB_PDF) $(BIN)/mkdocs build --strict --clean

check: install                         ## check every data file (kb check)
	$(BIN)/kb check

review: install                        ## review dates by owner (kb review); exit 1 when overdue
	$(BIN)/kb review

codeowners: install                    ## regenerate .github/CODEOWNERS from the owners
	$(BIN)/kb codeowners

schema: install                        ## regenerate schemas/ from the data model
	$(BIN)/kb schema

links: build                           ## fast offline check of internal links and #anchors
	$(BIN)/kb links site

linkcheck: test-install build          ## LinkChecker over the built site served on 127.0.0.1
	$(BIN)/kb linkcheck site

# External links change without us: report them, never block a pull request on them.
linkcheck-external: test-install build ## check external links (needs internet)
	$(BIN)/kb linkcheck site --external

# Publishing: every check and one strict build first; only then does mike commit the version
# to the deploy branch (BRANCH, default from mkdocs.yml: site). A failure leaves it untouched.
#   make publish VERSION=2026 ALIAS=gallande [PUSH=origin] [BRANCH=site]
VERSION ?=
ALIAS   ?=
PUSH    ?=
BRANCH  ?=
publish: install browser               ## check, build and deploy VERSION with mike (ALIAS=gallande)
	@test -n "$(VERSION)" || { echo "usage: make publish VERSION=<version from routines/revisions.yml> [ALIAS=gallande] [PUSH=origin]"; exit 2; }
	KB_PDF=$(KB_PDF) $(BIN)/kb publish "$(VERSION)" $(if $(ALIAS),--alias "$(ALIAS)") $(if $(PUSH),--push "$(PUSH)") $(if $(BRANCH),--branch "$(BRANCH)")

# The deploy branch as files for nginx or IIS: a folder, or a file ending in .tar.gz
EXPORT ?= site-export
export-site: install                   ## write every published version to EXPORT (folder or .tar.gz)
	$(BIN)/kb export-site "$(EXPORT)" $(if $(BRANCH),--branch "$(BRANCH)")

# The browser tests and the plan's PDF need Debian's Chromium. Install it when missing and we
# may (root); otherwise the browser tests skip with a reason (and fail under CI=true).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Chromium for the browser tests…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "Could not install Chromium: browser tests will skip (fail under CI=true)"; \
	else echo "Chromium missing and not root (sudo make browser): browser tests will skip and the plan's PDF cannot be made"; fi

# The web-server tests (tests/servers/) run Debian's nginx and Apache httpd as plain
# processes on free ports, and check `kb server-config nginx|apache --tls` against Debian's test
# certificate (ssl-cert). Install them when missing and we may (root), without starting the
# system services (policy-rc.d); otherwise those tests skip with a reason (fail under CI=true).
servers:
	@missing=""; \
	for pair in nginx:nginx apache2:apache2 make-ssl-cert:ssl-cert; do \
	  command -v "$${pair%%:*}" >/dev/null || [ -x "/usr/sbin/$${pair%%:*}" ] || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing$$missing for the web-server tests…"; \
	    guard=""; if [ ! -e /usr/sbin/policy-rc.d ]; then \
	      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; guard=1; fi; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "Could not install$$missing: web-server tests will skip (fail under CI=true)"; \
	    if [ -n "$$guard" ]; then rm -f /usr/sbin/policy-rc.d; fi; \
	  else echo "Missing$$missing and not root (sudo make servers): web-server tests will skip"; fi; \
	fi
	@if [ ! -e /etc/ssl/certs/ssl-cert-snakeoil.pem ] && command -v make-ssl-cert >/dev/null \
	    && [ "$$(id -u)" = 0 ]; then make-ssl-cert generate-default-snakeoil; fi

# The Node tools pinned in package-lock.json: axe-core, whose rules the accessibility tests
# inject into Chromium (tests/axe.py), and Lighthouse. Node.js and npm from Debian when missing
# and we may (root); otherwise the axe tests skip with a reason (and fail under CI=true).
node:
	@if command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Node.js and npm for axe-core and Lighthouse…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) \
	    || echo "Could not install npm: the axe tests will skip (fail under CI=true)"; \
	else echo "npm missing and not root (sudo make node): the axe tests will skip"; fi

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm missing: node_modules/ not installed"; fi

# Lighthouse with Debian's Chromium on the published site served by nginx from
# `kb server-config nginx`: four pages, median of RUNS runs; a report, not a test.
RUNS ?= 3
lighthouse: test-install browser servers node node_modules/.installed  ## Lighthouse scores of four pages
	$(BIN)/python -m tests.lighthouse --runs $(RUNS)

# The accessibility figures (tests/a11y_report.py): axe violations and undecided results per
# page type, language and window, targets under 24 px on a phone, page width at 320 px.
a11y-report: test-install browser servers node node_modules/.installed  ## axe, targets and reflow per page type
	$(BIN)/python -m tests.a11y_report

# Benchmark (macros/bench_*.py): N synthetic routines (besides the real ones) in our data
# format, built with ours (a), naive Material + static-i18n (b) and (b) + navigation.prune (c).
#   make bench-corpus N=1000 [OUT=.bench/n1000]
#   make bench N=1000 [PAIRS=3] [OUT=…] [BENCH_JSON=results.json] [BENCH_FORMAT=--markdown]
N      ?= 1000
PAIRS  ?= 3
OUT    ?= .bench/n$(N)
BENCH_JSON   ?=
BENCH_FORMAT ?=
bench-corpus: install                  ## write the benchmark corpus (N routines) to OUT
	$(BIN)/kb bench-corpus --routines $(N) --out "$(OUT)"

bench: test-install browser servers    ## build the corpus a/b/c PAIRS times; print the table
	$(BIN)/kb bench --routines $(N) --out "$(OUT)" --pairs $(PAIRS) $(if $(BENCH_JSON),--json "$(BENCH_JSON)") $(BENCH_FORMAT)

# The successor (issue 21): Zensical + zensical-i18n in their own virtual environment, pinned
# in requirements-successor.txt, so the main build's pins never move. `kb stage` writes every
# page as Markdown with the macros expanded, the navigation and a manifest (SUCCESSOR_DIR:
# docs/, nav.yml, pages.json); `kb successor prepare` makes one Zensical project per language
# of it (SUCCESSOR_DIR/sv, /en); zensical-i18n builds both side by side; `kb successor finish`
# puts the site together in site-successor/ with one sitemap and api/.
SUCCESSOR_VENV := .venv-successor
SUCCESSOR_BIN  := $(SUCCESSOR_VENV)/bin
SUCCESSOR_DIR  ?= .successor

$(SUCCESSOR_BIN)/python:
	$(PYTHON) -m venv $(SUCCESSOR_VENV)

$(SUCCESSOR_VENV)/.installed: requirements-successor.txt | $(SUCCESSOR_BIN)/python
	$(SUCCESSOR_BIN)/python -m pip --disable-pip-version-check -q install -r requirements-successor.txt
	touch $@

install-successor: $(SUCCESSOR_VENV)/.installed  ## create .venv-successor (Zensical, pinned)

# For make test: the successor's test needs .venv-successor. Install it (from PyPI); when that
# fails, say so: the successor tests then skip with the reason (and fail under CI=true).
successor:
	@$(MAKE) --no-print-directory install-successor \
	  || echo "Could not install .venv-successor (requirements-successor.txt): the successor tests will skip (fail under CI=true)"

# PYTHONPATH: our Markdown extension macros.build.tasklist_labels (it needs only Markdown).
# KB_PDF as for make build: the plan's PDF, printed by Chromium after Zensical.
build-successor: install install-successor browser  ## build both languages with Zensical into site-successor/
	KB_PDF=$(KB_PDF) $(BIN)/kb stage --out "$(SUCCESSOR_DIR)"
	$(BIN)/kb successor prepare "$(SUCCESSOR_DIR)"
	PYTHONPATH="$(CURDIR)" $(SUCCESSOR_BIN)/python -m macros.successor.run "$(SUCCESSOR_DIR)"
	$(BIN)/kb successor finish "$(SUCCESSOR_DIR)" site-successor

# What differs between our build (site/) and the successor's (site-successor/), by kind.
parity: build build-successor          ## kb compare-sites --by-kind site site-successor
	$(BIN)/kb compare-sites --by-kind site site-successor

# Search evaluation (tests/search_eval/, macros/bench/search/): build, serve on 127.0.0.1 with
# nginx as `kb server-config nginx` configures it (Python's server when nginx is missing), type
# every query into the real search box in Chromium; prints top-1, top-3 and MRR per language
# and kind and every miss.
#   make search-eval [SEARCH_JSON=results.json] [SEARCH_LANG=sv|en] [SEARCH_SITE=site]
#   make search-timing [SEARCH_SITE=.bench/n1000/ours/site]: ms from the last keystroke to the
#   first result and bytes before it, cold / warm / next query (macros/bench/search/timing.py)
SEARCH_JSON ?=
SEARCH_LANG ?=
SEARCH_SITE ?=
search-eval: test-install browser      ## findability: top-1, top-3, MRR of the evaluation and held-out sets
	$(if $(SEARCH_SITE),,KB_PDF=off $(BIN)/mkdocs build --strict --clean --quiet)
	$(BIN)/python -m macros.bench.search.evaluate --site $(or $(SEARCH_SITE),site) $(if $(SEARCH_JSON),--json "$(SEARCH_JSON)") $(if $(SEARCH_LANG),--lang $(SEARCH_LANG))

search-eval-quick: test-install browser  ## the same figures, the queries posted to the search worker (~30 s): for trying changes
	$(if $(SEARCH_SITE),,KB_PDF=off $(BIN)/mkdocs build --strict --clean --quiet)
	$(BIN)/python -m macros.bench.search.evaluate --direct --site $(or $(SEARCH_SITE),site) $(if $(SEARCH_JSON),--json "$(SEARCH_JSON)") $(if $(SEARCH_LANG),--lang $(SEARCH_LANG))

search-timing: test-install browser servers  ## search speed and bytes in Chromium (see Makefile)
	$(if $(SEARCH_SITE),,KB_PDF=off $(BIN)/mkdocs build --strict --clean --quiet)
	$(BIN)/python -m macros.bench.search.timing --site $(or $(SEARCH_SITE),site)

# Hostile text in every string field of the data model (tests/unit/render/test_hostile_text.py):
# `make test` runs a few examples per field; this runs many more (hypothesis' "fuzz" profile).
fuzz: test-install                     ## property-based tests with many hostile examples
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/unit/render/test_hostile_text.py -q

# Mutation testing (mutmut, configured in pyproject [tool.mutmut]) of the escaping, the link
# rule, the personal-data check and the output gate: a report with the share of mutants the
# tests kill, per module. Not part of `make test` (it takes a quarter of an hour).
$(VENV)/.mutation-installed: requirements-mutation.txt $(VENV)/.test-installed
	$(PIP) install -r requirements-mutation.txt
	touch $@

mutation: $(VENV)/.mutation-installed  ## mutation score of the security modules (a report)
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2 > /dev/null || true
	$(BIN)/python -m tests.mutation_report

lint: test-install
	$(BIN)/ruff check macros tests

# The unit tier (tests/unit/, and tests/content/ without a build): no site, browser or server.
test-unit: test-install                ## the fast tier: pytest -m "not site and not browser"
	$(BIN)/python -m pytest -m "not site and not browser"

test: test-install browser servers node node_modules/.installed successor  ## install test dependencies and run the whole suite
	$(BIN)/ruff check macros tests
	$(BIN)/kb check
	$(BIN)/kb review
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

clean:
	rm -rf site site-export site-successor .successor .pytest_cache .ruff_cache .lighthouse
