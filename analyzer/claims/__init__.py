"""The claims stage: clauses read as claims, with kind, modality, polarity, speaker and figures."""
