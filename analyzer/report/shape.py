"""The report object every stage after the pipeline passes along. No spaCy here."""

from __future__ import annotations

from typing import Any


class Report(dict):
    """The JSON report: a plain dict to every reader and to ``json.dumps``.

    Two attributes ride along, never serialised. ``privacy`` (a ``privacy.PrivacyContext``)
    tells writers what was redacted, so they can run the leak check before writing.
    ``bodies`` holds each section's body text, redacted like the rest, when the JSON leaves
    it out (``sections[].text`` is null unless asked for): a format that shows the text
    (HTML) puts it back, so any report can be rendered in any format.
    """

    privacy: Any = None
    bodies: dict[int, str] | None = None

    def _copy(self, content: dict[str, Any]) -> Report:
        report = Report(content)
        report.privacy, report.bodies = self.privacy, self.bodies
        return report

    def without_bodies(self) -> Report:
        """The report with ``sections[].text`` null and the texts kept in ``bodies``."""
        sections = self.get("sections", [])
        copy = self._copy({**self, "sections": [{**s, "text": None} for s in sections]})
        copy.bodies = {s["id"]: s["text"] for s in sections if s.get("text") is not None}
        return copy

    def with_bodies(self) -> Report:
        """The report with each section's text filled in from ``bodies`` where it is null."""
        if not self.bodies:
            return self
        sections = [{**s, "text": self.bodies.get(s["id"])} if s.get("text") is None else s
                    for s in self.get("sections", [])]
        return self._copy({**self, "sections": sections})
