"""The sections stage: sentence starts from line layout, headings, metadata, and the outline.

``line_breaks`` runs before the parser; ``outline`` holds the ``analyzer_sections`` component
and the pure ``find_sections``; ``headings``, ``layout`` and ``metadata`` hold the rules.
"""
