"""Reusable UI: the app shell, the language switcher, form fields, chart cards."""
