"""The public dashboard (``/<lang>/``): filters, headline numbers, charts, the map; its render
is a view model (view.py) mapped to outputs by name."""


def init_app(app) -> None:
    from dashboard.home import page

    page.register(app)
