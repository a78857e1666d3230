"""Readers for public sources from downloaded files (ClinicalTrials.gov/AACT, Eurostat, EIS)."""
