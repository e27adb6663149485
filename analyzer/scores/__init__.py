"""Scores per sentence, section and document: sentiment (VADER), readability, stress."""
