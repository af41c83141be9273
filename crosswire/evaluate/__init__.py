"""Evaluation: ROUGE on Multi-News and DUC, peers, benchmarks and the quality gate."""
