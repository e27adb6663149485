"""Data only (see README.md). This file makes the folder the package ``analyzer.lexicons``,
so editable installs and wheels find the data the same way."""
