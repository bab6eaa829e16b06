"""Views across the corpus: comparisons, the commitments register, theme coverage and exports."""
