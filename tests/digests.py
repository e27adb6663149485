"""How tests read a report's digest: its items and the writer's sentences they quote, in
reading order. Importable from any test folder, as batch_files is."""

from __future__ import annotations


def items_of(takeaways: dict) -> list[dict]:
    """The digest's items, emotional and factual, in the order a reader reads them."""
    return sorted(takeaways["emotional"] + takeaways["factual"], key=lambda t: t["order"])


def evidence_of(takeaways: dict) -> list[dict]:
    """Every quote of the digest with its section and line, in reading order."""
    return [e for t in items_of(takeaways) for e in t["evidence"]]


def quotes_of(items) -> list[str]:
    """The writer's sentences the items quote, in order."""
    return [e["text"] for t in items for e in t["evidence"]]


def digest_quotes(takeaways: dict) -> list[str]:
    """The writer's sentences the whole digest quotes, in reading order."""
    return quotes_of(items_of(takeaways))
