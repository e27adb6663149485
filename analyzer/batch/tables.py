"""The batch's tables: a row per document, per section, per claim and per failure.

Rows are rendered once, when a document's result arrives, and kept in the manifest; the
table files are then written whole from the manifest in name order. So the columns are
fixed here, a table has one header, and a rerun can neither drop nor repeat a row.

The CSV files are UTF-8 with one header line, ``\\n`` line ends and the usual quoting, so
pandas, R and spreadsheets read them as they are. A cell that starts like a spreadsheet
formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'``, so opening a table never runs
anything a document's heading smuggled in.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..render.text import tone
from ..output import open_atomic
from .manifest import Rows

DOCUMENT_COLUMNS = (
    "path", "title", "date", "words", "sentiment", "tone", "stress_index", "stress_level",
    "top_categories", "claims", "status", "sections", "sentences", "lines", "reading_ease",
    "grade_level", "sha256", "report",
)
SECTION_COLUMNS = (
    "path", "section", "title", "level", "parent", "line", "end_line", "words", "sentences",
    "sentiment", "tone", "reading_ease", "grade_level", "stress_index", "stress_level",
    "top_categories", "claims",
)
ERROR_COLUMNS = ("path", "error", "message")
TOP_CATEGORIES = 3
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    file: str
    field: str  # the Rows field that holds a document's rows for this table
    columns: tuple[str, ...] | None  # None for JSON Lines, which has no header


TABLES = (
    Table("documents.csv", "documents_csv", DOCUMENT_COLUMNS),
    Table("sections.csv", "sections_csv", SECTION_COLUMNS),
    Table("claims.jsonl", "claims_jsonl", None),
    Table("errors.csv", "errors_csv", ERROR_COLUMNS),
)
# Part of the manifest's fingerprint: a change of columns redoes the rows.
LAYOUT = [[t.file, t.columns] for t in TABLES]


def report_rows(name: str, report: dict[str, Any], report_path: str) -> Rows:
    sections = report.get("sections") or []
    claims = list(report.get("claims") or [])
    claims_by_section = Counter(c["section"] for c in claims)
    return Rows(
        documents_csv=csv_rows([document_values(name, report, report_path, len(claims))], DOCUMENT_COLUMNS),
        sections_csv=csv_rows(
            [section_values(name, s, claims_by_section[s.get("id")]) for s in sections], SECTION_COLUMNS
        ),
        claims_jsonl="".join(_json_line({"document": name, **c}) for c in claims),
    )


def failure_rows(name: str, error: str, message: str, *, listed: bool = True) -> Rows:
    """A failed document: a row in errors.csv, and in documents.csv with status ``error``.

    ``listed=False`` is for an input that names no document (a missing file): it only
    gets its errors.csv row.
    """
    document = {"path": name, "status": "error"}
    return Rows(
        documents_csv=csv_rows([document], DOCUMENT_COLUMNS) if listed else "",
        errors_csv=csv_rows([{"path": name, "error": error, "message": message}], ERROR_COLUMNS),
    )


def document_values(name: str, report: dict[str, Any], report_path: str, claims: int) -> dict[str, Any]:
    doc = report.get("document") or {}
    sentiment = report.get("sentiment") or {}
    readability = report.get("readability") or {}
    return {
        "path": name,
        "title": doc.get("title"),
        "date": doc.get("date"),
        "words": doc.get("words"),
        **_sentiment_values(sentiment),
        **stress_values(report.get("stress"), report.get("markers")),
        "claims": claims,
        "status": "ok",
        "sections": len(report.get("sections") or []),
        "lines": doc.get("lines"),
        **_readability_values(readability),
        "sha256": doc.get("sha256"),
        "report": report_path,
    }


def section_values(name: str, section: dict[str, Any], claims: int) -> dict[str, Any]:
    return {
        "path": name,
        "section": section.get("id"),
        **{key: section.get(key) for key in ("title", "level", "parent", "line", "end_line", "words")},
        **_sentiment_values(section.get("sentiment") or {}),
        **_readability_values(section.get("readability") or {}),
        **stress_values(section.get("stress"), section.get("markers")),
        "claims": claims,
    }


def _sentiment_values(sentiment: dict[str, Any]) -> dict[str, Any]:
    scored = bool(sentiment.get("sentences"))
    compound = sentiment.get("compound") if scored else None
    return {
        "sentiment": compound,
        "tone": tone(compound) if compound is not None else None,
        "sentences": sentiment.get("sentences"),
    }


def _readability_values(readability: dict[str, Any]) -> dict[str, Any]:
    return {
        "reading_ease": readability.get("flesch_reading_ease"),
        "grade_level": readability.get("flesch_kincaid_grade"),
    }


def stress_values(stress: Any, markers: Any) -> dict[str, Any]:
    """The stress columns from a report's (or a section's) ``stress`` and ``markers`` entries.

    A text too short to measure has an index but no level; its index is left out too, so a
    one-line section does not rank among the most stressed in a spreadsheet.
    """
    if not isinstance(stress, dict) or stress.get("too_short"):
        return {"stress_index": None, "stress_level": None, "top_categories": None}
    return {
        "stress_index": stress.get("index"),
        "stress_level": stress.get("level"),
        "top_categories": top_categories(stress.get("categories"), topical(markers)),
    }


def top_categories(categories: Any, wanted: set[str], limit: int = TOP_CATEGORIES) -> str | None:
    """The heaviest of the ``wanted`` categories with any weight, heaviest first: ``"workload; anxiety"``."""
    if not isinstance(categories, dict):
        return None
    weighted = sorted((-weight, name) for name, weight in categories.items() if name in wanted and weight)
    return "; ".join(name for _, name in weighted[:limit]) or None


def topical(markers: Any) -> set[str]:
    """The stress and emotion categories among a report's markers, as the report names them.

    Tone modifiers (hedges, negators, intensifiers...) are left out: they say how a text is
    worded, not what it is about, and a table of top categories is read for the latter.
    A category with weight in the stress entry always has markers in the same text."""
    return {m["category"] for m in markers or () if isinstance(m, dict) and m.get("group") != "tone"}


def csv_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_tables(folder: Path, rows: Iterable[tuple[str, Rows]], *, scratch: Path | None = None) -> None:
    """Write every table at once from rows sorted by name; each file appears whole or not at all."""
    with ExitStack() as stack:
        handles = {t.file: stack.enter_context(open_atomic(folder / t.file, overwrite=True, newline="",
                                                           scratch=scratch))
                   for t in TABLES}
        for table in TABLES:
            if table.columns:
                handles[table.file].write(",".join(table.columns) + "\n")
        for _, document in rows:
            for table in TABLES:
                text = getattr(document, table.field)
                if text:
                    handles[table.file].write(text)
