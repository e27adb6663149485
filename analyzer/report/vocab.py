"""The report's vocabularies, declared once: every stage that sets a claim's kind or
modality and every renderer that names one uses these, so a new value is added in one place.
No spaCy here: readers of finished reports (tables, renderers) import this alone.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

# What a claim states, in the order the claims stage checks: a reported statement is an
# attribution even when it holds a figure; a figure outranks the cause or comparison it sits in.
KINDS = ("attribution", "quantity", "cause", "comparison", "event", "state")
ATTRIBUTION, QUANTITY, CAUSE, COMPARISON, EVENT, STATE = KINDS

# How a claim is put forward, strongest first: one cue of an earlier kind decides, whatever
# else the clause holds (a question stays a question even when it hedges).
MODALITIES = ("question", "speculation", "proposal", "opinion", "hedged", "asserted")
QUESTION, SPECULATION, PROPOSAL, OPINION, HEDGED, ASSERTED = MODALITIES

POLARITIES = ("affirmative", "negated")
AFFIRMATIVE, NEGATED = POLARITIES

# What a modifier did to a marker (a marker's ``adjusted_by[].kind``), and the words a report
# says it with. A negation the writer takes back ("won't pretend … did not hurt") does nothing.
# A negated verb of thinking said of a word a "not …" row holds ("don't think … fair").
UNDONE_NEGATION, RAISED_NEGATION = "undone negation", "raised negation"
ADJUSTMENTS = {"negation": "negated by", "intensifier": "intensified by", "hedge": "hedged by",
               UNDONE_NEGATION: "negation taken back by", RAISED_NEGATION: "negation read from"}
