"""Every user-visible string the code writes, in Swedish and English."""

from __future__ import annotations

from macros.model.text import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "routines": {"sv": "Rutiner", "en": "Routines"},
    "all_routines": {"sv": "Alla rutiner", "en": "All routines"},
    "steps": {"sv": "Gör så här", "en": "What to do"},
    "additions_for": {"sv": "Tillägg för {name}", "en": "Additional steps for {name}"},
    "contacts": {"sv": "Kontakter", "en": "Contacts"},
    "legal_basis": {"sv": "Lagstöd och föreskrifter", "en": "Legal basis and regulations"},
    "related": {"sv": "Relaterade rutiner", "en": "Related routines"},
    "tags": {"sv": "Ämnen", "en": "Topics"},
    "about_routine": {"sv": "Om rutinen", "en": "About this routine"},
    "applies_to": {"sv": "Gäller för", "en": "Applies to"},
    "department": {"sv": "Förvaltning", "en": "Department"},
    "unit": {"sv": "Enhet", "en": "Unit"},
    "committee": {"sv": "Nämnd", "en": "Committee"},
    "owner": {"sv": "Ansvarig", "en": "Owner"},
    "adopted": {"sv": "Antagen", "en": "Adopted"},
    "decision": {"sv": "beslut {ref}", "en": "decision {ref}"},
    "last_reviewed": {"sv": "Senast granskad", "en": "Last reviewed"},
    "review_by": {"sv": "Nästa granskning senast", "en": "Next review due by"},
    "whole_municipality": {"sv": "Hela kommunen", "en": "The whole municipality"},
    "example_title": {"sv": "Exempeldata", "en": "Example data"},
    "example_body": {
        "sv": "Beslutsnummer, telefonnummer, adresser, tidsgränser och andra uppgifter om "
        "kommunens egen organisation på den här sidan är påhittade exempel. Kontrollera dem "
        "innan de används.",
        "en": "Decision numbers, phone numbers, addresses, deadlines and other details of the "
        "municipality's own organisation on this page are invented examples. Check them "
        "before use.",
    },
    "section_unverified": {"sv": "paragrafen ej kontrollerad",
                           "en": "section not verified"},
    "caveat": {"sv": "Ej kontrollerat", "en": "Not verified"},
    "example_mark": {"sv": "exempel", "en": "example"},
    "fallback_title": {"sv": "Ej översatt", "en": "Not yet translated"},
    "fallback_body": {
        "sv": "Delar av texten finns ännu inte på engelska och visas på svenska.",
        "en": "Parts of this text are not yet available in English and are shown in Swedish.",
    },
    "fallback_page": {
        "sv": "Den här sidan finns ännu inte på engelska och visas på svenska.",
        "en": "This page is not yet available in English and is shown in Swedish.",
    },
    "contact_name": {"sv": "Kontakt", "en": "Contact"},
    "phone": {"sv": "Telefon", "en": "Phone"},
    "email_web": {"sv": "E-post / webb", "en": "E-mail / web"},
    "hours": {"sv": "Öppettider", "en": "Opening hours"},
    "for_whom": {"sv": "För vem", "en": "For whom"},
    "verified": {"sv": "Kontrollerad", "en": "Verified"},
    "not_verified": {"sv": "Ej kontrollerad", "en": "Not verified"},
    "no_contacts": {"sv": "Inga kontakter.", "en": "No contacts."},
    "task": {"sv": "Uppgift", "en": "Task"},
    "legend": {"sv": "Förklaring", "en": "Legend"},
    "units": {"sv": "Enheter", "en": "Units"},
    "own_routines": {"sv": "Förvaltningens rutiner", "en": "The department's routines"},
    "shared_routines": {
        "sv": "Rutiner för hela kommunen",
        "en": "Routines for the whole municipality",
    },
    "has_additions": {
        "sv": "med tillägg för förvaltningen",
        "en": "with additional steps for this department",
    },
    "no_routines": {"sv": "Inga egna rutiner ännu.", "en": "No routines of its own yet."},
    "routines_intro": {
        "sv": "Rutinerna är ordnade efter förvaltning. Rutiner för hela kommunen gäller "
        "alla anställda.",
        "en": "Routines are grouped by department. Routines for the whole municipality "
        "apply to every employee.",
    },
    "what_if_lead": {"sv": "Vad gör jag om", "en": "What do I do if"},
    "read_routine": {"sv": "Rutin", "en": "Routine"},
    "no_terms": {"sv": "Ordlistan är tom.", "en": "The glossary is empty."},
    "in_other_language": {"sv": "På engelska", "en": "In Swedish"},
    "read_more": {"sv": "Läs mer", "en": "Read more"},
    "target_group": {"sv": "Målgrupp", "en": "Target group"},
    "target_groups": {"sv": "Målgrupper", "en": "Target groups"},
    "courses": {"sv": "Utbildningarna", "en": "The courses"},
    "organiser": {"sv": "Ansvarar", "en": "Organised by"},
    "before_start": {"sv": "Innan man arbetar självständigt",
                     "en": "Before working independently"},
    "within_months": {"sv": "Inom {n} mån. från start", "en": "Within {n} months of starting"},
    "repeat_years": {"sv": "sedan vart {n}:e år", "en": "then every {n} years"},
    "repeat_months": {"sv": "sedan var {n}:e månad", "en": "then every {n} months"},
    "training_intro": {
        "sv": "Tabellen visar när varje målgrupp senast ska ha gått varje utbildning, räknat "
        "från anställningens eller uppdragets början. Ett streck betyder att utbildningen "
        "inte krävs för gruppen.",
        "en": "The table shows when each target group must have completed each course, "
        "counted from the start of employment or of the assignment. A dash means the course "
        "is not required for that group.",
    },
    "training_routine": {"sv": "Så går det till", "en": "How it works"},
    "read_law": {"sv": "Läs författningen", "en": "Read the text (in Swedish)"},
    "cited_in": {"sv": "Används i", "en": "Cited in"},
    "no_revisions": {"sv": "Ingen versionshistorik ännu.", "en": "No revision history yet."},
    "version": {"sv": "Version", "en": "Version"},
    "in_force": {"sv": "Gällde", "en": "In force"},
    "in_force_since": {"sv": "från {start} (gäller nu)", "en": "from {start} (in force now)"},
    "in_force_range": {"sv": "{start} – {end}", "en": "{start} – {end}"},
    "outdated_banner": {
        "sv": "Du läser version {version} av handlingsplanen. Den gäller inte längre.",
        "en": "You are reading version {version} of the action plan. It is no longer in force.",
    },
    "outdated_link": {"sv": "Gå till den version som gäller nu",
                      "en": "Go to the version in force"},
    "decision_ref": {"sv": "Beslut", "en": "Decision"},
    "changes": {"sv": "Vad som ändrades", "en": "What changed"},
    "keywords": {"sv": "Sökord", "en": "Search words"},
    "topics": {"sv": "Ämnen", "en": "Topics"},
    "topics_intro": {
        "sv": "Alla rutiner ordnade efter ämne. En rutin kan höra till flera ämnen.",
        "en": "All routines grouped by topic. A routine can belong to several topics.",
    },
    "no_topic_routines": {"sv": "Inga rutiner ännu.", "en": "No routines yet."},
    # review notice on every page (macros/build/review_notice.py)
    "notice_aria": {"sv": "Granskning", "en": "Review"},
    "notice_reviewed": {"sv": "Granskad {date}", "en": "Reviewed {date}"},
    "notice_review_by": {"sv": "Nästa granskning senast {date}", "en": "Next review by {date}"},
    "notice_owner": {"sv": "Ansvarig: {owner}", "en": "Owner: {owner}"},
    "notice_overdue": {
        "sv": "Granskningen är försenad: sidan skulle ha granskats senast {date} och kan vara "
        "inaktuell. Kontrollera med ansvarig ({owner}) innan du följer den.",
        "en": "The review is overdue: this page should have been reviewed by {date} and may be "
        "out of date. Check with its owner ({owner}) before you follow it.",
    },
    # kb review (macros/review/report.py)
    "report_title": {"sv": "Granskning av rutiner och sidor {today}",
                     "en": "Review of routines and pages {today}"},
    "report_scope": {"sv": "Försenat eller att granska inom {days} dagar.",
                     "en": "Overdue or due for review within {days} days."},
    "report_scope_all": {"sv": "Allt med granskningsdatum.",
                         "en": "Everything with a review date."},
    "report_counts": {"sv": "{overdue} försenade · {due_soon} snart · {current} aktuella",
                      "en": "{overdue} overdue · {due_soon} due soon · {current} current"},
    "report_nothing": {"sv": "Inget är försenat eller ska granskas inom {days} dagar.",
                       "en": "Nothing is overdue or due for review within {days} days."},
    "status_overdue": {"sv": "Försenad", "en": "Overdue"},
    "status_due_soon": {"sv": "Snart", "en": "Due soon"},
    "status_current": {"sv": "Aktuell", "en": "Current"},
    "kind_routine": {"sv": "rutin", "en": "routine"},
    "kind_page": {"sv": "sida", "en": "page"},
    "kind_overview": {"sv": "förvaltningssidor", "en": "department pages"},
    "col_status": {"sv": "Status", "en": "Status"},
    "col_review_by": {"sv": "Granska senast", "en": "Review by"},
    "col_what": {"sv": "Vad", "en": "What"},
    "col_file": {"sv": "Fil att ändra", "en": "File to edit"},
    "days_late": {"sv": "{days} dagar sen", "en": "{days} days late"},
    "days_left": {"sv": "om {days} dagar", "en": "in {days} days"},
    "report_howto": {
        "sv": "Granska innehållet, ändra det som behövs och sätt `last_reviewed` till dagens "
        "datum i filen. Skicka ändringen som en pull request.",
        "en": "Review the content, change what is needed and set `last_reviewed` to today's "
        "date in the file. Send the change as a pull request.",
    },
    # change date from git in the review notice (macros/load/git_dates.py,
    # macros/build/review_notice.py)
    "notice_changed": {"sv": "Ändrad {date}", "en": "Changed {date}"},
    "notice_built": {"sv": "Byggd {date} (ändringsdatum saknas)",
                     "en": "Built {date} (change date unknown)"},
    # "What changed" between two published versions (macros/render/changes.py)
    "chg_page_title": {"sv": "Vad har ändrats", "en": "What changed"},
    "chg_reason_first": {
        "sv": "Version {version} är den första versionen av handlingsplanen här.",
        "en": "Version {version} is the first version of the action plan here.",
    },
    "chg_reason_no_branch": {
        "sv": "De publicerade versionerna (grenen {branch}) finns inte i den här byggningen, så "
        "jämförelsen med version {version} görs när versionen publiceras.",
        "en": "The published versions (branch {branch}) are not available to this build, so the "
        "comparison with version {version} is made when this version is published.",
    },
    "chg_reason_unpublished": {
        "sv": "Version {version} och äldre versioner publicerades inte med sina data, så "
        "ändringarna kan inte räknas fram. Se sammanfattningen i versionshistoriken.",
        "en": "Version {version} and older versions were not published with their data, so the "
        "changes cannot be computed. See the summary in the revision history.",
    },
    "chg_reason_unreadable": {
        "sv": "Data för version {version} kunde inte läsas ({problem}).",
        "en": "The data of version {version} could not be read ({problem}).",
    },
    "chg_compared": {"sv": "Version {current} jämfört med version {previous}.",
                     "en": "Version {current} compared with version {previous}."},
    "chg_no_baseline_title": {"sv": "Ingen tidigare version att jämföra med",
                              "en": "No earlier version to compare with"},
    "chg_nothing": {"sv": "Inget innehåll har ändrats sedan version {previous}.",
                    "en": "No content has changed since version {previous}."},
    "chg_not_compared": {
        "sv": "Kan inte jämföras: den tidigare versionen saknar de här uppgifterna.",
        "en": "Cannot be compared: the earlier version does not have this data.",
    },
    "chg_matrices": {"sv": "Ansvarsmatriser", "en": "Responsibility matrices"},
    "chg_roles_contacts": {"sv": "Roller och kontakter", "en": "Roles and contacts"},
    "chg_roles": {"sv": "Roller", "en": "Roles"},
    "chg_added": {"sv": "Nya", "en": "Added"},
    "chg_removed": {"sv": "Borttagna", "en": "Removed"},
    "chg_changed": {"sv": "Ändrade", "en": "Changed"},
    "chg_reviewed": {"sv": "Granskade utan ändringar i innehållet",
                     "en": "Reviewed, content unchanged"},
    "chg_added_list": {"sv": "nya: {items}", "en": "added: {items}"},
    "chg_removed_list": {"sv": "borttagna: {items}", "en": "removed: {items}"},
    "chg_changed_list": {"sv": "ändrade: {items}", "en": "changed: {items}"},
    "chg_field_changed": {"sv": "{field} har ändrats", "en": "{field} changed"},
    "chg_field_added": {"sv": "{field} har lagts till", "en": "{field} added"},
    "chg_field_removed": {"sv": "{field} har tagits bort", "en": "{field} removed"},
    "chg_value_changed": {"sv": "{field} har ändrats: {old} → {new}",
                          "en": "{field} changed: {old} → {new}"},
    "chg_value_added": {"sv": "{field} har lagts till: {new}", "en": "{field} added: {new}"},
    "chg_value_removed": {"sv": "{field} har tagits bort (var: {old})",
                          "en": "{field} removed (was: {old})"},
    "chg_count_changed": {"sv": "{field} har ändrats ({old} → {new})",
                          "en": "{field} changed ({old} → {new})"},
    "chg_count_same": {"sv": "{field} har ändrats ({new})", "en": "{field} changed ({new})"},
    "chg_count_added": {"sv": "{field} har lagts till ({new})", "en": "{field} added ({new})"},
    "chg_count_removed": {"sv": "{field} har tagits bort (var: {old})",
                          "en": "{field} removed (was: {old})"},
    "chg_only_sv": {"sv": "(bara den svenska texten)", "en": "(only the Swedish text)"},
    "chg_only_en": {"sv": "(bara den engelska texten)", "en": "(only the English text)"},
    "chg_was": {"sv": "(tidigare: {old})", "en": "(was: {old})"},
    "chg_yes": {"sv": "ja", "en": "yes"},
    "chg_no": {"sv": "nej", "en": "no"},
    "chg_field_unknown": {"sv": "Fältet {name}", "en": "Field {name}"},
    "chg_field_id": {"sv": "Id", "en": "Id"},
    "chg_field_title": {"sv": "Titeln", "en": "Title"},
    "chg_field_description": {"sv": "Beskrivningen", "en": "Description"},
    "chg_field_department": {"sv": "Förvaltningen", "en": "Department"},
    "chg_field_unit": {"sv": "Enheten", "en": "Unit"},
    "chg_field_municipality_wide": {"sv": "Gäller hela kommunen",
                                    "en": "Applies to the whole municipality"},
    "chg_field_audience": {"sv": "Målgruppen", "en": "Audience"},
    "chg_field_owner": {"sv": "Ansvarig", "en": "Owner"},
    "chg_field_adopted_on": {"sv": "Antagandedatumet", "en": "Adoption date"},
    "chg_field_decision_ref": {"sv": "Beslutsnumret", "en": "Decision reference"},
    "chg_field_last_reviewed": {"sv": "Granskningsdatumet", "en": "Last reviewed date"},
    "chg_field_review_interval_months": {"sv": "Granskningsintervallet (månader)",
                                         "en": "Review interval (months)"},
    "chg_field_review_by": {"sv": "Datumet för nästa granskning", "en": "Review-by date"},
    "chg_field_summary": {"sv": "Sammanfattningen", "en": "Summary"},
    "chg_field_steps": {"sv": "Stegen", "en": "Steps"},
    "chg_field_contacts": {"sv": "Kontakterna", "en": "Contacts"},
    "chg_field_legal_basis": {"sv": "Lagstödet", "en": "Legal basis"},
    "chg_field_related": {"sv": "Relaterade rutiner", "en": "Related routines"},
    "chg_field_tags": {"sv": "Ämnena", "en": "Topics"},
    "chg_field_keywords": {"sv": "Sökorden", "en": "Search words"},
    "chg_field_example": {"sv": "Markeringen som exempeldata", "en": "Example-data marking"},
    "chg_field_source": {"sv": "Källan för kontrollen", "en": "Source of the check"},
    "chg_field_additions": {"sv": "Förvaltningarnas tillägg",
                            "en": "Departments' additional steps"},
    "chg_field_columns": {"sv": "Kolumnerna", "en": "Columns"},
    "chg_field_legend": {"sv": "Förklaringen", "en": "Legend"},
    "chg_field_rows": {"sv": "Raderna", "en": "Rows"},
    "chg_field_transpose": {"sv": "Visning med enheterna som rader",
                            "en": "Units shown as rows"},
    "chg_n_steps": {"sv": "{n} steg", "en": "{n} steps"},
    "chg_n_steps_one": {"sv": "{n} steg", "en": "{n} step"},
    "chg_n_contacts": {"sv": "{n} kontakter", "en": "{n} contacts"},
    "chg_n_contacts_one": {"sv": "{n} kontakt", "en": "{n} contact"},
    "chg_n_legal_basis": {"sv": "{n} hänvisningar", "en": "{n} references"},
    "chg_n_legal_basis_one": {"sv": "{n} hänvisning", "en": "{n} reference"},
    "chg_n_related": {"sv": "{n} rutiner", "en": "{n} routines"},
    "chg_n_related_one": {"sv": "{n} rutin", "en": "{n} routine"},
    "chg_n_tags": {"sv": "{n} ämnen", "en": "{n} topics"},
    "chg_n_tags_one": {"sv": "{n} ämne", "en": "{n} topic"},
    "chg_n_additions": {"sv": "{n} tillägg", "en": "{n} additions"},
    "chg_n_additions_one": {"sv": "{n} tillägg", "en": "{n} addition"},
    "chg_n_columns": {"sv": "{n} kolumner", "en": "{n} columns"},
    "chg_n_columns_one": {"sv": "{n} kolumn", "en": "{n} column"},
    "chg_n_rows": {"sv": "{n} rader", "en": "{n} rows"},
    "chg_n_rows_one": {"sv": "{n} rad", "en": "{n} row"},
    "chg_n_legend": {"sv": "{n} bokstäver", "en": "{n} letters"},
    "chg_n_legend_one": {"sv": "{n} bokstav", "en": "{n} letter"},
    # --- embedding (issue 6) ---
    "not_found_title": {"sv": "Sidan finns inte", "en": "Page not found"},
    "not_found_body": {
        "sv": "Adressen kan vara felskriven, eller så har sidan flyttats. Börja på startsidan "
        "eller sök efter det du letar efter i sökrutan högst upp.",
        "en": "The address may be mistyped, or the page has moved. Start from the start page or "
        "search for what you are looking for in the search box at the top.",
    },
    "not_found_start": {"sv": "Till startsidan", "en": "Go to the start page"},
    "embed_bar": {"sv": "Inbäddad sida", "en": "Embedded page"},
    "embed_open_full": {"sv": "Öppna sidan i ett nytt fönster",
                        "en": "Open this page in a new window"},
    "embed_title": {"sv": "Bädda in sidan på intranätet", "en": "Embed this page in the intranet"},
    "embed_help": {
        "sv": "Klistra in koden på en intranätsida. Sidan visas då utan webbplatsens meny och "
        "sökruta, anpassar sin höjd och visar alltid den version som gäller.",
        "en": "Paste the code into an intranet page. The page is then shown without the site's "
        "menu and search box, adjusts its height and always shows the version in force.",
    },
    "embed_more": {"sv": "Så fungerar inbäddning", "en": "How embedding works"},
    "embed_code_label": {"sv": "HTML-kod att klistra in", "en": "HTML code to paste"},
    "embed_copy": {"sv": "Kopiera koden", "en": "Copy the code"},
    "embed_copied": {"sv": "Koden är kopierad.", "en": "The code has been copied."},
    "embed_copy_failed": {"sv": "Det gick inte att kopiera. Markera koden och kopiera den själv.",
                          "en": "Copying did not work. Select the code and copy it yourself."},
    # --- print and PDF (issue 6) ---
    "print_page_title": {"sv": "Hela planen för utskrift", "en": "The whole plan for printing"},
    "print_plan_name": {
        "sv": "Handlingsplan mot våld i nära relationer och hedersrelaterat våld och förtryck",
        "en": "Action plan against violence in close relationships and honour-related "
        "violence and oppression",
    },
    "print_version": {"sv": "Version {version}", "en": "Version {version}"},
    "print_adopted": {"sv": "Antagen {date} av {committee}, beslut {ref}",
                      "en": "Adopted on {date} by the {committee}, decision {ref}"},
    "print_compiled": {"sv": "Sammanställd {date}", "en": "Compiled on {date}"},
    "print_web": {"sv": "Webbplats: {url}", "en": "Website: {url}"},
    "print_contents": {"sv": "Innehåll", "en": "Contents"},
    "print_screen_note": {
        "sv": "Sidan samlar handlingsplanens alla kapitel för utskrift. Skriv ut den med "
        "webbläsarens utskriftsfunktion (Ctrl+P).",
        "en": "This page collects every chapter of the action plan for printing. Print it with "
        "your browser's print function (Ctrl+P).",
    },
    "print_heading": {"sv": "Skriva ut", "en": "Printing"},
    "print_help": {
        "sv": "Alla sidor går att skriva ut med webbläsarens utskriftsfunktion (Ctrl+P). "
        "Utskriften visar bara innehållet: en rutins steg blir en checklista med rutor att "
        "kryssa i, kontaktlistan följer med och sidfoten visar sidans adress och när sidan ska "
        "granskas nästa gång.",
        "en": "Every page can be printed with your browser's print function (Ctrl+P). The "
        "print shows only the content: a routine's steps become a checklist with boxes to "
        "tick, the contact list is included, and the footer shows the page's address and when "
        "the page must next be reviewed.",
    },
    "print_whole_link": {"sv": "Hela planen på en sida", "en": "The whole plan on one page"},
    "print_whole_desc": {"sv": "alla kapitel med innehållsförteckning, för utskrift",
                         "en": "every chapter with a table of contents, for printing"},
    "print_pdf_link": {"sv": "Hela planen som PDF", "en": "The whole plan as a PDF"},
    "print_pdf_desc": {"sv": "samma innehåll, att spara eller skriva ut",
                       "en": "the same content, to save or print"},
    "print_footer": {"sv": "{url} · Nästa granskning senast {date}",
                     "en": "{url} · Next review due by {date}"},
    "print_page_of": {"sv": "Sida {page} av {pages}", "en": "Page {page} of {pages}"},
    # --- accessibility (issue 6) ---
    "a11y_statement": {"sv": "Tillgänglighetsredogörelse", "en": "Accessibility statement"},
    # --- exports and feed (issue 6) ---
    "feed_title": {"sv": "Ändrade rutiner – {municipality}",
                   "en": "Changed routines – {municipality}"},
    "feed_subtitle": {"sv": "Rutinerna mot våld i nära relationer och hedersrelaterat våld "
                            "och förtryck, den senast ändrade först.",
                      "en": "The routines against violence in close relationships and "
                            "honour-related violence and oppression, most recently changed "
                            "first."},
    "feed_link": {"sv": "Ändrade rutiner (Atom-flöde)", "en": "Changed routines (Atom feed)"},
    # --- build messages (issue 7) ---
    "macro_unsafe": {
        "sv": "sidan försöker nå Pythons interna delar, vilket inte är tillåtet ({detail}) — "
              "använd bara makrona i README, avsnittet Macros for prose pages",
        "en": "the page reaches for Python internals, which is not allowed ({detail}) — use "
              "only the macros listed in README, section Macros for prose pages"},
    "macro_undefined": {
        "sv": "`{name}` är inget makro eller ingen variabel — kontrollera stavningen (makrona "
              "står i README, avsnittet Macros for prose pages)",
        "en": "`{name}` is not a macro or variable — check its spelling (the macros are listed "
              "in README, section Macros for prose pages)"},
}


def label(key: str, lang: Lang, **values: object) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text
