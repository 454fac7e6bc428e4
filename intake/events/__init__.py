"""Announcing an event: the form (``/<lang>/events/new``), its edit page, the calendar feeds
and ``POST /api/v1/events``."""


def init_app(app) -> None:
    from intake.events import api, page

    app.server.register_blueprint(api.blueprint)
    page.register(app)
