"""The support team's full export: every report as flat rows (rows, sql), read ahead in a
thread (prefetch)."""
