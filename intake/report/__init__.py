"""The report: its form (``/<lang>/report``) and edit page, validation, the bulk import, and
the reports API (``/api/v1/reports``, ``/summary``, ``/reference``, ``/openapi.json``)."""


def init_app(app) -> None:
    from components import mail
    from intake.report import api, page

    mail.init_app(app.server)  # checks SMTP_URL: the receipt's e-mail
    app.server.register_blueprint(api.blueprint)
    page.register(app)
