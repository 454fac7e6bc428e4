"""Announced events for the public (``/<lang>/events``: list, month, calendar feeds) and their
review queue."""


def init_app(app) -> None:
    from dashboard.events import page

    page.register(app)
