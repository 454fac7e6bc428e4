"""The report: its form (``/<lang>/report``) and edit page, validation, the bulk import, and
the reports API (``/api/v1/reports``, ``/summary``, ``/reference``, ``/openapi.json``)."""


def init_app(app) -> None:
    from intake.report import api, page

    app.server.register_blueprint(api.blueprint)
    page.register(app)
