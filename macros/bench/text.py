"""Deterministic filler prose for the benchmark corpus, in Swedish and English.

The words are ordinary words from the routines' subject, so the search index and the page
sizes behave like real text; the same seed always gives the same text.
"""

from __future__ import annotations

import random

from macros.model.text import Lang

_WORDS: dict[Lang, tuple[str, ...]] = {
    "sv": (
        "medarbetaren", "socialtjänsten", "barnet", "den våldsutsatta", "chefen", "enheten",
        "kontakta", "dokumentera", "bedöma", "samverka", "erbjuda", "stöd", "skydd",
        "riskbedömning", "samtal", "vårdnadshavare", "uppföljning", "rutinen", "ansvar",
        "anmälan", "omedelbart", "tillsammans", "sekretess", "insatser", "boende", "trygghet",
        "hedersrelaterat", "våld", "förtryck", "närstående", "kommunen", "förvaltningen",
        "handläggaren", "beslut", "utredning", "planering", "information", "tolk", "säkerhet",
        "akut", "fara", "hjälp", "samordnaren", "underlag", "journal", "samtycke", "behov",
        "åtgärder", "rådgivning", "polisen", "vården", "skolan", "förskolan", "elevhälsan",
        "och", "som", "för", "med", "när", "till", "av", "om", "att", "det", "ska", "kan",
    ),
    "en": (
        "the employee", "social services", "the child", "the victim", "the manager", "the unit",
        "contact", "record", "assess", "cooperate", "offer", "support", "protection",
        "risk assessment", "conversation", "guardians", "follow-up", "the routine",
        "responsibility", "report", "at once", "together", "confidentiality", "measures",
        "housing", "safety", "honour-related", "violence", "oppression", "relatives",
        "the municipality", "the department", "the case worker", "decision", "investigation",
        "planning", "information", "interpreter", "security", "emergency", "danger", "help",
        "the coordinator", "documentation", "case file", "consent", "needs", "actions", "advice",
        "the police", "health care", "the school", "the preschool", "pupil health",
        "and", "who", "for", "with", "when", "to", "of", "about", "that", "it", "must", "can",
    ),
}


class Prose:
    """Sentences and paragraphs of a given length from one seeded random generator."""

    def __init__(self, seed: int | str) -> None:
        self.random = random.Random(str(seed))

    def sentence(self, lang: Lang, words: int) -> str:
        chosen = [self.random.choice(_WORDS[lang]) for _ in range(max(words, 3))]
        text = " ".join(chosen)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, lang: Lang, words: int) -> str:
        """About ``words`` words in sentences of 8 to 16 words."""
        sentences, left = [], words
        while left > 0:
            length = min(left, self.random.randint(8, 16))
            sentences.append(self.sentence(lang, length))
            left -= length
        return " ".join(sentences)

    def title(self, lang: Lang, words: int = 4) -> str:
        return self.sentence(lang, words).removesuffix(".")
