"""Synthetic demo data shaped like the 2020 events: reports, announcements, contributions."""
