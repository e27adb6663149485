"""The JSON report: the one contract every renderer, writer and table reads."""
