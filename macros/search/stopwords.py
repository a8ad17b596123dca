"""Snowball's stop words for Swedish and English, and the small words of spoken and typed
language that Snowball's lists (made from written text) lack: the words a query is not ranked
by unless it has no others ("hur gör man en orosanmälan" is ranked by "gör" and
"orosanmälan"). Written into each language's search file for the worker; also used for the
title keys."""

from __future__ import annotations

from macros.search.fold import fold

_SV = """och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas"""
_EN = """i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what which who
whom this that these those am is are was were be been being have has had having do does did
doing a an the and but if or because as until while of at by for with about against between
into through during before after above below to from up down in out on off over under again
further then once here there when where why how all any both each few more most other some
such no nor not only own same so than too very can will just should now i'm don't"""

# Spoken and typed words with no topic of their own ("fast han har slagit henne": although;
# "nåt", "nån" as typed), and the verbs a question is asked with ("måste jag anmäla", "hur vet
# jag", "vad gör jag", "vem ska jag ringa"): on a few pages each, they ranked those pages over
# the ones about the question's topic (tests/search_eval/RESULTS.md, phase 4). Not "får": no
# query of either set changed with it.
_SPOKEN_SV = """fast nåt nån nåra bara också liksom typ asså ju väl även ändå måste behöver vet
gör ska"""
_SPOKEN_EN = """also even though although just really like would could"""

STOP_WORDS: dict[str, frozenset[str]] = {
    "sv": frozenset(fold(w) for w in (_SV + " " + _SPOKEN_SV).split()),
    "en": frozenset(fold(w) for w in (_EN + " " + _SPOKEN_EN).split()),
}


def without_stop_words(folded: str, lang: str) -> str:
    """A folded text less its stop words (the text itself when it has only stop words)."""
    kept = [w for w in folded.split() if w not in STOP_WORDS.get(lang, frozenset())]
    return " ".join(kept) if kept else folded
