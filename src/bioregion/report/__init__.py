"""HTML and PDF reports with figures."""
