"""Exports: the support team's full export and planning API (``/api/v1/export``…), and the
public Wikimedia downloads beside the dashboard."""


def init_app(app) -> None:
    from dashboard.export import api, downloads

    app.server.register_blueprint(api.blueprint)
    downloads.register(app)
