"""The markers stage: stress, emotion and tone words from lexicons, weighed in context."""
