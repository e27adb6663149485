"""The data files under lexicons/: where they live, and one reader for their tables."""
