"""From hits to answers: quotable units, extractive answers, refusals, LLM answers and their verification."""
