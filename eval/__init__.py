"""Evaluation: gold questions and metrics; `python -m eval` scores the running system."""
