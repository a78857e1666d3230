"""Reading and writing ecosystems and graphs: CSV/XLSX/JSON templates, Parquet, GEXF, GraphML."""
