"""Cross-indexing: themes and people found in the minutes, members and roles over time."""
