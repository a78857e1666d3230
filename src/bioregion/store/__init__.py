"""The ecosystem store: one SQLite file per ecosystem by default, PostgreSQL by URL."""
