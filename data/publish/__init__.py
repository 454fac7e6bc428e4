"""The public aggregates in Wikimedia's formats: wikitext tables and Commons tabular data."""
