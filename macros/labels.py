"""Every user-visible string the code writes, in Swedish and English."""

from __future__ import annotations

from macros.text import Lang

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
        "sv": "Beslutsnummer, telefonnummer och adresser på den här sidan är påhittade "
        "exempel. Kontrollera dem innan de används.",
        "en": "Decision numbers, phone numbers and addresses on this page are invented "
        "examples. Check them before use.",
    },
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
    "decision_ref": {"sv": "Beslut", "en": "Decision"},
    "changes": {"sv": "Vad som ändrades", "en": "What changed"},
    "keywords": {"sv": "Sökord", "en": "Search words"},
    "topics": {"sv": "Ämnen", "en": "Topics"},
    "topics_intro": {
        "sv": "Alla rutiner ordnade efter ämne. En rutin kan höra till flera ämnen.",
        "en": "All routines grouped by topic. A routine can belong to several topics.",
    },
    "no_topic_routines": {"sv": "Inga rutiner ännu.", "en": "No routines yet."},
    # review notice on every page (macros/review_notice.py)
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
    # kb review (macros/review_report.py)
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
}


def label(key: str, lang: Lang, **values: object) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text
