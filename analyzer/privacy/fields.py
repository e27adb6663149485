"""Which strings of a report came from the document, and how to name where one sits.

A report mixes two kinds of text: what it quotes or derives from the memo (titles, quotes,
claims, speakers, the source label) and our own vocabulary (marker categories, theme labels,
claim kinds, field names). Only the first can name a person of the memo. Redaction rewrites it
and leaves our vocabulary alone, so a person called "Joy" does not turn the emotion category
"joy" into a pseudonym; the leak check looks for names in it and names the field and line of
a hit, never the name.

Any field not listed here counts as document text, so a field a later stage adds is redacted
and checked until someone declares it vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

# Fields whose values are our own words (lexicon categories and labels, rule names, enums),
# never text of the memo. Matched on the field's own name, wherever it sits.
VOCABULARY = frozenset({
    "analyzer", "schema_version", "sha256", "cue", "level", "category", "group", "entry", "kind",
    "modality", "marks", "polarity", "dimension", "unit", "feature", "label", "privacy", "role",
})
# What a redacted report calls its source file: our words, whatever names the text holds.
SOURCE_LABEL = "[source]"
# Digest items whose ``label`` is not ours but the title of the part they sum up, quoted.
_TITLED_ROLES = frozenset({"gist"})
# Field names (by key) that read better than the path in a message: "claims.subject" is a
# "claim subject". The last list name before the field is singular in these.
_SINGULAR = {"claims": "claim", "sections": "section", "markers": "marker", "emails": "e-mail",
             "turns": "chat turn", "evidence": "evidence", "emotional": "takeaway", "factual": "takeaway",
             "quantities": "figure", "cues": "cue", "drivers": "stress driver", "adjusted_by": "adjustment",
             "words": "word", "people": "person"}
# The fields that say which line of the memo a dict quotes, in order of preference.
_LINE_KEYS = ("line", "body_line")

Path = tuple[Any, ...]


def document_strings(report: Any) -> Iterator[tuple[Path, str]]:
    """Every string of ``report`` that came from the document, with its path of keys and indexes."""
    yield from _walk(report, ())


def _walk(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not is_vocabulary(key, node):
                yield from _walk(value, (*path, key))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _walk(value, (*path, i))


def rewrite(node: Any, value: Callable[[str], str], key: Callable[[str], str]) -> Any:
    """A copy of ``node`` with ``value`` applied to its document strings and ``key`` to its keys.

    Tuples become lists, as JSON would write them; vocabulary fields are copied as they are.
    """
    if isinstance(node, str):
        return value(node)
    if isinstance(node, dict):
        return {(key(k) if isinstance(k, str) else k): (v if is_vocabulary(k, node) else rewrite(v, value, key))
                for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [rewrite(v, value, key) for v in node]
    return node


def is_vocabulary(key: Any, owner: dict[Any, Any]) -> bool:
    """Whether the field ``key`` of ``owner`` holds our own words rather than the memo's.

    A digest gist's label is the title of the section it sums up, so it is the memo's text
    even though theme and item labels elsewhere are ours. A redacted report's source is our
    label for it: a person called "Source" is not found in "[source]".
    """
    if key == "label" and owner.get("role") in _TITLED_ROLES:
        return False
    return key in VOCABULARY or (key == "source" and owner.get(key) == SOURCE_LABEL)


def field_kind(path: Path) -> str:
    """A reader's name for the field at ``path``: "claim subject", "section title", "document source"."""
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return "report"
    leaf = names[-1]
    owner = next((_SINGULAR.get(n, n) for n in reversed(names[:-1])), "report")
    return f"{owner} {leaf.replace('_', ' ')}"


def source_line(report: Any, path: Path, text: str, offset: int) -> int | None:
    """The memo line the string at ``path`` quotes, at character ``offset`` of it, if the report says.

    The nearest dict on the path with a ``line`` (or a section's ``body_line``) gives the line;
    a hit further down a multi-line quote is that many lines later.
    """
    nodes, node = [report], report
    for step in path[:-1]:
        node = node[step]
        nodes.append(node)
    for owner in reversed(nodes):
        if isinstance(owner, dict):
            line = next((owner[k] for k in _LINE_KEYS if isinstance(owner.get(k), int)), None)
            if line is not None:
                return line + text.count("\n", 0, offset)
    return None
