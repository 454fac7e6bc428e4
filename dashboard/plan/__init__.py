"""The planning workspace (``/<lang>/plan``): overlap, gaps, the draft plan."""


def init_app(app) -> None:
    from dashboard.plan import page

    page.register(app)
