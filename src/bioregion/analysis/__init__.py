"""Ecosystem analytics: networks, brokerage, time, portfolios, openness, business models, triple helix, regions, hypotheses, partners."""
