"""Announced events: the model and public queries, announcing and amending one (announce),
the rows and tokens behind it (write)."""
