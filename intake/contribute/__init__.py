"""One person's contribution: the form (``/<lang>/contribute``) and
``/api/v1/contributions``."""


def init_app(app) -> None:
    from intake.contribute import api, page

    app.server.register_blueprint(api.blueprint)
    page.register(app)
