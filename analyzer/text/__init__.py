"""Reading a document and the facts about its text every stage shares: lines, words, dates."""
