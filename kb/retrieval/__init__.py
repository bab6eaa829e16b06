"""From a question to ranked hits: query understanding (areas, intent, acronyms, follow-ups) and hybrid search."""
