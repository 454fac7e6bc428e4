"""The support team's review queue of reports (``/<lang>/review``) and the audit log."""


def init_app(app) -> None:
    from dashboard.review import page

    page.register(app)
