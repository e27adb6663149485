"""Options a writer lays out under one heading, and the one they favour.

A proposal that weighs "(horizontal team)", "(catch-up team)" and "(enterprise-first company)",
or "Option A: Stay on PagerDuty" and "Option B: Move to Opsgenie", is only summarised when
the options are named together, with the one the writer speaks of most warmly
(``lexicons/takeaways/option-stance.tsv``): in its own heading and body, or, for an option
with a label, wherever the text names it ("I recommend Option B").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..data.files import DataText, shipped
from ..data.tables import rows
from ..sections.outline import Section

STANCE_FILE = "takeaways/option-stance.tsv"
# "Option A: Stay on PagerDuty", "Alternative 2 - build it ourselves", "Option 3".
_LABELLED = re.compile(
    r"^(?P<label>(?:option|alternative|scenario)\s+(?:[A-Z]|\d{1,2}))\b\s*(?:[:.)–—-]\s*)?(?P<name>.*)$",
    re.IGNORECASE)


class OptionStance:
    """Scores how warmly a passage speaks of an option."""

    def __init__(self, table: DataText | None = None) -> None:
        self.table = table or shipped(STANCE_FILE)
        self.weights: dict[str, float] = {}
        for row in rows(self.table, ("phrase", "weight")):
            try:
                self.weights[" ".join(row["phrase"].lower().split())] = float(row["weight"])
            except ValueError:
                raise row.error(f"weight '{row['weight']}' is not a number") from None
        phrases = sorted(self.weights, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w'’])", re.I)

    def __call__(self, text: str) -> float:
        text = text.replace("’", "'")
        return sum(self.weights[" ".join(m.group(1).lower().split())] for m in self.pattern.finditer(text))


@dataclass(frozen=True)
class Options:
    """The options laid out, the one favoured (if the text says), and where they stand."""

    parent: Section | None
    options: tuple[Section, ...]
    favoured: Section | None

    def summary(self, brief: bool = False) -> str:
        """The options by name and the one the writer favours; ``brief``, when words are
        short, only the favoured one, which a reader cannot find alone."""
        favours = f"The writer favours “{option_name(self.favoured.title)}”" if self.favoured else ""
        if brief and favours:
            return f"{favours} of {len(self.options)} options."
        names = "; ".join(f"“{option_name(s.title)}”" for s in self.options)
        return f"{len(self.options)} options are laid out: {names}." + (f" {favours}." if favours else "")


def is_option(section: Section) -> bool:
    """A heading that names an option: bracketed ("(horizontal team)") or labelled ("Option A: …")."""
    return section.cue == "bracket" or bool(section.title and _LABELLED.match(section.title))


def option_label(section: Section) -> str | None:
    """The label a text names a labelled option by elsewhere: "Option B"."""
    match = _LABELLED.match(section.title or "")
    return " ".join(match.group("label").split()) if match else None


def laid_out_options(sections: Sequence[Section], support: dict[int, float]) -> Options | None:
    """The largest group of option headings under one parent, if any."""
    by_parent: dict[int | None, list[Section]] = defaultdict(list)
    for section in sections:
        if is_option(section):
            by_parent[section.parent].append(section)
    groups = [group for group in by_parent.values() if len(group) >= 2]
    if not groups:
        return None
    options = max(groups, key=len)
    favoured = max(options, key=lambda s: support.get(s.id, 0.0))
    parent = next((s for s in sections if s.id == options[0].parent), None)
    return Options(parent, tuple(options), favoured if support.get(favoured.id, 0.0) > 0 else None)


def option_name(title: str) -> str:
    """ "(catch-up team) - the null hypothesis" is the option "catch-up team"; "Option B: Move
    to Opsgenie" the option "Move to Opsgenie"."""
    match = re.match(r"^[(\[]([^()\[\]]+)[)\]]", title)
    if match:
        return match.group(1).strip()
    labelled = _LABELLED.match(title)
    return (labelled.group("name").strip() or labelled.group("label")) if labelled else title
