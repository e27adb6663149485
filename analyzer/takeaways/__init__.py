"""The digest: what a reader needs first, emotional and factual, each with its evidence."""
