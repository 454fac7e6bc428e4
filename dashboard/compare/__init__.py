"""The dashboard's "Compare with": the comparison (model), its figure and card."""


def init_app(app) -> None:
    from dashboard.compare import callbacks

    callbacks.register(app)
