"""A corpus of content mistakes: (file, text to replace, replacement) → expected problem."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from macros.checks.project import open_project, review_problems
from macros.checks.registry import check_project
from macros.model.problems import Problem

ROUTINE = "routines/socialtjanst/orosanmalan.yml"
ORG = "routines/organisation.yml"
MATRIX = "routines/matrices/ansvar.yml"
TRAINING = "routines/training.yml"
SITUATIONS = "routines/situations.yml"
GLOSSARY = "routines/glossary.yml"
SYNONYMS = "routines/synonyms.yml"


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    old: str | None  # None: write `new` as the whole file; "" with new "": delete the file
    new: str
    field: str  # the field the message must name ("" for file-level problems)
    says: str  # a phrase the message must contain
    line: int | None = None
    reported_file: str | None = None  # when the problem is reported in another file
    severity: str = "error"

    def apply(self, project: Path) -> None:
        path = project / self.file
        if self.old is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.new, encoding="utf-8")
        elif self.old == "" and self.new == "":
            path.unlink()
        else:
            text = path.read_text(encoding="utf-8")
            assert self.old in text, f"{self.name}: {self.old!r} not in {self.file}"
            path.write_text(text.replace(self.old, self.new, 1), encoding="utf-8")


CASES = [
    Case("yaml syntax error", ORG, "committees:\n", "committees:\n  - id: [oops\n",
         "", "YAML syntax error"),
    Case("bad indentation", ROUTINE, "department: socialtjanst\n", "  department: socialtjanst\n",
         "", "YAML syntax error", line=3),
    Case("duplicate key", ROUTINE, "unit: barn-och-unga\n", "unit: barn-och-unga\nunit: x\n",
         "", "duplicate key"),
    Case("unknown unit", ROUTINE, "unit: barn-och-unga", "unit: barn-och-ungdom", "unit",
         "did you mean `barn-och-unga`", line=4),
    Case("unknown department", ROUTINE, "department: socialtjanst", "department: soc",
         "department", "unknown department `soc`", line=3),
    Case("duplicate routine id", "routines/skola/kopia.yml", None,
         (Path(__file__).parent / "fixtures/site" / ROUTINE).read_text(encoding="utf-8"),
         "id", "duplicate routine id `orosanmalan`", line=1,
         reported_file="routines/socialtjanst/orosanmalan.yml"),
    Case("bad date", ROUTINE, "last_reviewed: 2026-01-10", "last_reviewed: 2026-13-01",
         "last_reviewed", "is not a date", line=10),
    Case("date in words", ROUTINE, "adopted_on: 2019-05-22", "adopted_on: 22 maj 2019",
         "adopted_on", "use YYYY-MM-DD", line=8),
    Case("unknown field", ROUTINE, "audience:", "titel: {sv: x}\naudience:", "titel",
         "did you mean `title`", line=6),
    Case("html in title", ROUTINE, "title: {sv: Orosanmälan om barn,",
         "title: {sv: Orosanmälan <script>alert(1)</script>,", "title.sv", "HTML", line=2),
    Case("missing swedish", ROUTINE,
         "audience: {sv: Alla anställda, en: All employees}", "audience: {en: All employees}",
         "audience.sv", "Swedish text is missing", line=6),
    Case("text not bilingual", ROUTINE,
         "audience: {sv: Alla anställda, en: All employees}", "audience: Alla anställda",
         "audience", "must be Swedish and English text", line=6),
    Case("unknown owner", ROUTINE, "owner: enhetschef-barn", "owner: kalle", "owner",
         "unknown owner role `kalle`", line=7),
    Case("unknown contact", ROUTINE, "contacts: [mottagning,", "contacts: [mottagningen,",
         "contacts[0]", "did you mean `mottagning`"),
    Case("unknown related routine", ROUTINE, "related: [delvis-oversatt]",
         "related: [finns-inte]", "related[0]", "unknown routine `finns-inte`"),
    Case("unknown tag", ROUTINE, "tags: [orosanmalan]", "tags: [orosanmälan-typo, orosanmalen]",
         "tags[1]", "did you mean `orosanmalan`"),
    Case("unknown legal source", ROUTINE, "  - source: sol", "  - source: sfb",
         "legal_basis[0].source", "unknown legal source `sfb`"),
    Case("id not a slug", ROUTINE, "id: orosanmalan", "id: Orosanmälan", "id",
         "not a valid id", line=1),
    Case("required field missing", ROUTINE, "owner: enhetschef-barn\n", "", "owner",
         "is required"),
    Case("list expected", ROUTINE, "tags: [orosanmalan]", "tags: orosanmalan", "tags",
         "must be a list"),
    Case("two review rules", ROUTINE, "review_interval_months: 12",
         "review_interval_months: 12\nreview_by: 2090-01-01", "review_interval_months",
         "exactly one"),
    Case("unsafe link in a step", ROUTINE, 'Anmäl **direkt** till socialtjänsten.',
         'Anmäl [här](javascript:alert(1)).', "steps[0].sv", "not allowed"),
    Case("number where text is needed", "routines/revisions.yml", 'version: "2019"',
         "version: 2019", "revisions[0].version", "put the value in quotes", line=2),
    Case("revision without a change summary", "routines/revisions.yml",
         "    changes: {sv: Första versionen., en: First version.}\n", "",
         "revisions[0].changes", "required"),
    Case("letter not in legend", MATRIX, "skola: S", "skola: X", "rows[0].cells.skola",
         "not in the legend"),
    Case("unknown matrix column", MATRIX, "columns: [socialtjanst, skola]",
         "columns: [socialtjanst, skolan]", "columns[1]", "did you mean `skola`"),
    Case("unknown committee", ORG, "    committee: socialnamnden\n    units:",
         "    committee: socialnamnd\n    units:", "departments[0].committee",
         "unknown committee"),
    Case("unit of another department", ROUTINE, "department: socialtjanst",
         "department: skola", "unit", "belongs to `socialtjanst`"),
    Case("routine in another department's folder", ROUTINE, "department: socialtjanst",
         "department: skola", "department", "move the file to routines/skola/"),
    Case("additions on a local routine", ROUTINE, "municipality_wide: true",
         "municipality_wide: false", "additions[0]", "only for municipality-wide"),
    Case("contact without a way to reach it", "routines/contacts.yml",
         "    phone: 020-50 50 50\n    web: https://kvinnofridslinjen.se\n", "",
         "contacts[0].phone", "needs at least one of phone"),
    Case("bad phone number", "routines/contacts.yml", "phone: 08-000 000 00",
         "phone: ring växeln", "contacts[1].phone", "is not a phone number"),
    Case("empty file", "routines/skola/tom.yml", None, "", "", "file is empty"),
    Case("list at top level", "routines/skola/lista.yml", None, "- a\n- b\n", "",
         "top level must be a mapping", line=1),
    Case("missing organisation file", ORG, "", "", "", "file is missing"),
    Case("intranet origin with a path", ORG, "  site_url: https://rutiner.testby.example/\n",
         "  site_url: https://rutiner.testby.example/\n"
         "  intranet_origins: [https://intranat.testby.example/start]\n",
         "municipality.intranet_origins[0]", "is not an origin", line=4),
    Case("situation leads to an unknown routine", SITUATIONS, "routine: delvis-oversatt",
         "routine: delvis-oversat", "situations[1].routine", "did you mean `delvis-oversatt`",
         line=8),
    Case("glossary term without definition", GLOSSARY,
         "    definition: {sv: Våld från en närstående., en: Violence from someone close.}\n",
         "", "terms[1].definition", "is required"),
    Case("glossary abbreviation in lower case", GLOSSARY, "abbreviation: VINR",
         "abbreviation: vinr", "terms[1].abbreviation", "abbreviation"),
    Case("training requirement for an unknown group", TRAINING, "{group: alla, course: grund,",
         "{group: allla, course: grund,", "requirements[0].group", "did you mean `alla`"),
    Case("training requirement twice", TRAINING,
         "  - {group: handlaggare, course: grund, within_months: 0}",
         "  - {group: handlaggare, course: grund, within_months: 0}\n"
         "  - {group: handlaggare, course: grund, within_months: 2}",
         "requirements[2]", "already has a requirement for `grund`"),
    Case("synonym group of one word", SYNONYMS, "  - sv: [dagis, förskola]",
         "  - sv: [dagis]", "groups[1].sv", "one word is not a group", line=5),
    Case("synonym group without words", SYNONYMS, "  - sv: [dagis, förskola]",
         "  - {}", "groups[1].sv", "has no words", line=5),
    Case("synonym that is a sentence", SYNONYMS, "soc-anmälan]",
         "soc-anmälan, 'anmälan (till soc)']", "groups[0].sv[3]",
         "is not a word or short phrase", line=3),
    Case("synonym in an unknown language", SYNONYMS, "  - sv: [dagis, förskola]",
         "  - sv: [dagis, förskola]\n    de: [Kita, Kindergarten]", "groups[1].de",
         "unknown field `de`", line=6),
    Case("synonym list with a group that is not a list", SYNONYMS,
         "  - sv: [dagis, förskola]", "  - sv: dagis förskola", "groups[1].sv",
         "must be a list", line=5),
    Case("training course with an unknown organiser", TRAINING,
         "    organiser: enhetschef-barn\n  - id: freda",
         "    organiser: samordnare\n  - id: freda", "courses[0].organiser",
         "unknown organiser role `samordnare`"),
    Case("training months out of range", TRAINING, "within_months: 3,", "within_months: 48,",
         "requirements[0].within_months", "36"),
    # the trust boundary (issue 15): one link rule for every text, YAML limits, dates
    Case("unsafe link in a title", ROUTINE, "title: {sv: Orosanmälan om barn,",
         "title: {sv: \"[Orosanmälan](javascript:alert(1))\",", "title.sv",
         "goes to javascript:, which is not allowed", line=2),
    Case("entity-encoded scheme in a summary", ROUTINE,
         "summary: {sv: Anmäl oro för ett barn utan dröjsmål.,",
         "summary: {sv: \"[Anmäl](java&#x09;script:alert(1))\",", "summary.sv",
         "goes to javascript:", line=12),
    Case("data link in a contact name", "routines/contacts.yml",
         "name: {sv: Kvinnofridslinjen,", "name: {sv: \"[K](data:text/html,x)\",",
         "contacts[0].name.sv", "goes to data:", line=4),
    Case("script link in a keyword", ROUTINE, "tags: [orosanmalan]",
         "tags: [orosanmalan]\nkeywords: {sv: [\"<vbscript:x>\", \"[x](vbscript:y)\"]}",
         "keywords.sv", "vbscript:"),
    Case("scheme-relative link in a decision reference", ROUTINE,
         "decision_ref: SN 2019/1", "decision_ref: \"[SN](//evil.example)\"", "decision_ref",
         "goes to //", line=9),
    Case("web address with a script scheme", "routines/contacts.yml",
         "web: https://kvinnofridslinjen.se", "web: \"JaVaScRiPt:alert(1)\"",
         "contacts[0].web", "goes to javascript:", line=6),
    Case("alias bomb", "routines/socialtjanst/bomb.yml", None,
         "id: bomb\na: &a [lol, lol, lol]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n", "",
         "anchors and aliases (&a) are not allowed", line=2),
    Case("nested too deeply", "routines/socialtjanst/djup.yml", None,
         "id: djup\nx: " + "[" * 5000 + "]" * 5000 + "\n", "", "nested deeper than 20 levels",
         line=2),
    Case("reviewed after the review-by date", ROUTINE, "review_interval_months: 12",
         "review_by: 2025-12-31", "last_reviewed", "after review_by 2025-12-31"),
]


PAGE = "docs/bara-svenska.md"
# (old, new) in ROUTINE: adopted, reviewed and due in 1990, which has passed whenever tests run
OVERDUE_ROUTINE = (
    "adopted_on: 2019-05-22\ndecision_ref: SN 2019/1\nlast_reviewed: 2026-01-10\n"
    "review_interval_months: 12",
    "adopted_on: 1990-01-01\ndecision_ref: SN 2019/1\nlast_reviewed: 1990-01-10\n"
    "review_by: 1990-06-30")
CONTACTS = "routines/contacts.yml"
ROLES = "routines/roles.yml"
PAGE_FRONT = "owner: enhetschef-barn\nlast_reviewed: 2026-01-10\nreview_interval_months: 12\n"

# Mistakes `kb check` (and `kb review`) find beyond the schema: pages' front matter, review
# dates, personal data, English texts, contact verification, CODEOWNERS. Dates are age-proof:
# 1990 has passed and 2090 has not, whenever the tests run.
CHECK_CASES = [
    Case("synonym given twice in a group", SYNONYMS, "[dagis, förskola]",
         "[dagis, förskola, Dagis]", "groups[1].sv[2]", "already in this group", line=5,
         severity="warning"),
    Case("page without review fields", "docs/ny.md", None, "# Ny sida\n", "owner",
         "the page has no review fields", line=1),
    Case("page review field misspelt", PAGE, "review_interval_months: 12",
         "review_intervall_months: 12", "review_intervall_months",
         "did you mean `review_interval_months`", line=5),
    Case("page date not a date", PAGE, "last_reviewed: 2026-01-10", "last_reviewed: 2026-02-30",
         "last_reviewed", "is not a date", line=4),
    Case("page owner unknown", PAGE, "owner: enhetschef-barn", "owner: enhetschef-barnen",
         "owner", "did you mean `enhetschef-barn`", line=3),
    Case("page with two review rules", PAGE, "review_interval_months: 12",
         "review_interval_months: 12\nreview_by: 2090-01-01", "review_interval_months",
         "exactly one"),
    # a consistent overdue review: adopted and reviewed before the review-by date
    Case("routine review overdue", ROUTINE, OVERDUE_ROUTINE[0], OVERDUE_ROUTINE[1],
         "review_by", "review overdue since 1990-06-30", line=11),
    Case("page review overdue", PAGE, "last_reviewed: 2026-01-10\nreview_interval_months: 12",
         "last_reviewed: 1990-01-10\nreview_by: 1990-06-30",
         "review_by", "review overdue since 1990-06-30", line=5),
    Case("personal identity number in a step", ROUTINE, "Anmäl **direkt** till socialtjänsten.",
         "Anmäl direkt; barnet har nummer 121212-1212.", "steps[0].sv",
         "personal identity number", line=14),
    Case("personal identity number in a page", PAGE, "Den här sidan saknar engelsk version.",
         "Eleven 191212121212 berättade.", "text", "personal identity number", line=9),
    Case("mobile number of a contact", CONTACTS, "phone: 08-000 000 00",
         "phone: 070-123 45 67", "contacts[1].phone", "mobile phone number", line=14),
    Case("mobile number in a page", PAGE, "Den här sidan saknar engelsk version.",
         "Ring mig på +46 73 123 45 67.", "text", "mobile phone number", line=9),
    Case("contact verified long ago", CONTACTS, "verified_on: 2090-01-01",
         "verified_on: 1990-01-01", "contacts[0].verified_on", "more than a year ago", line=8,
         severity="warning"),
    Case("contact never verified", CONTACTS, "    verified_on: 2090-01-01\n", "",
         "contacts[0].verified_on", "has never been verified", severity="warning"),
    Case("verified contact without the page it was checked on", CONTACTS,
         "    source: https://kvinnofridslinjen.se/om-oss\n", "", "contacts[0].source",
         "does not say where", line=8, severity="warning"),
    Case("unit called by another English name", ROUTINE,
         "en: Report concern about a child without delay.",
         "en: Tell the child and youth unit about a child without delay.", "summary.en",
         "names the unit `barn-och-unga` differently", line=12, severity="warning"),
    Case("unit name in other capitals in an English page", "docs/index.en.md", "\n",
         "\nCall the children and young people intake.\n", "text",
         "write `Children and young people`", severity="warning"),
    Case("English text missing", ROUTINE, "audience: {sv: Alla anställda, en: All employees}",
         "audience: {sv: Alla anställda}", "audience.en", "English text is missing", line=6,
         severity="warning"),
    Case("page without English version", "docs/ny.md", None,
         "---\n" + PAGE_FRONT + "---\n# Ny\n", "", "has no English version",
         severity="warning"),
    Case("CODEOWNERS out of date", ROLES, '"@testby/enhetschef-barn"', '"@testby/barnchefer"',
         "", "out of date with the owners", reported_file=".github/CODEOWNERS"),
    Case("owner role without a GitHub team", ROLES, '    github: "@testby/enhetschef-barn"\n',
         "", "roles[0].github", "has no GitHub team", severity="warning"),
    Case("GitHub team written without @", ROLES, '"@testby/enhetschef-barn"', "testby/barn",
         "roles[0].github", "is not a GitHub user or team", line=3),
    Case("overview review missing", ORG, "overview_review:\n", "overview_reviews:\n",
         "overview_reviews", "did you mean `overview_review`"),
    Case("review warning window out of range", ORG, "overview_review:\n",
         "review_policy: {due_soon_days: 1000}\noverview_review:\n",
         "review_policy.due_soon_days", "out of range"),
    # dates after today (issue 15): 2090 has not come, whenever the tests run
    Case("routine adopted in the future", ROUTINE,
         "adopted_on: 2019-05-22\ndecision_ref: SN 2019/1\nlast_reviewed: 2026-01-10",
         "adopted_on: 2090-01-01\ndecision_ref: SN 2019/1\nlast_reviewed: 2090-01-10",
         "adopted_on", "2090-01-01 is in the future", line=8),
    Case("routine reviewed in the future", ROUTINE, "last_reviewed: 2026-01-10",
         "last_reviewed: 2090-01-10", "last_reviewed", "2090-01-10 is in the future", line=10),
    Case("revision adopted in the future", "routines/revisions.yml", "adopted_on: 2019-05-22",
         "adopted_on: 2090-05-22", "revisions[0].adopted_on", "is in the future", line=3),
    Case("page reviewed in the future", PAGE, "last_reviewed: 2026-01-10",
         "last_reviewed: 2090-01-10", "last_reviewed", "is in the future", line=4),
    Case("page reviewed after its review-by date", PAGE, "review_interval_months: 12",
         "review_by: 2025-06-30", "last_reviewed", "after review_by 2025-06-30"),
    Case("script link in a page", PAGE, "Den här sidan saknar engelsk version.",
         "Se [här](JaVaScRiPt:alert(1)).", "link", "goes to javascript:", line=9),
    Case("entity-encoded script link in a page", PAGE, "Den här sidan saknar engelsk version.",
         "[x][r]\n\n[r]: java&#x09;script:alert(1)", "link", "goes to javascript:", line=11),
    Case("event handler in a page", PAGE, "Den här sidan saknar engelsk version.",
         "<details open ontoggle=alert(1)>x</details>", "html", "ontoggle on <details>",
         line=9),
    Case("svg link in a page", PAGE, "Den här sidan saknar engelsk version.",
         '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "html", "<svg>", line=9),
    Case("attr_list handler in a page", PAGE, "# Bara på svenska",
         "# Bara på svenska {: onclick=alert(1) }", "attr_list", "attr_list sets onclick",
         line=7),
    Case("iframe in a page", PAGE, "Den här sidan saknar engelsk version.",
         '<iframe src="https://example.org"></iframe>', "html", "<iframe>", line=9),
    Case("unsafe link in a page title", PAGE, "title: Bara svenska",
         "title: \"[Bara](javascript:alert(1))\"", "title", "goes to javascript:", line=2),
]


def all_problems(root: Path) -> list[Problem]:
    """Everything `kb check` reports for a project: the checks, and the review when the data
    is valid (shared by the corpus and bilingual-message tests)."""
    project = open_project(root)
    problems = check_project(project, date.today())
    if project.kb is not None:
        problems += review_problems(project, date.today())
    return problems
