"""What the public JSON API shares across features: its OpenAPI document (openapi*,
responses) and the Wikimedia publishing routes (wikimedia). Each feature serves its own routes
(intake.report.api, intake.events.api, intake.contribute.api)."""


def init_app(app) -> None:
    from intake.api import wikimedia

    app.server.register_blueprint(wikimedia.blueprint)
