"""Command-line operations (``flask …``): migrations, start-up initialisation, demo data,
bulk import, the official initiative list."""


def init_app(app) -> None:
    from intake.cli import commands, reference

    commands.register(app.server)
    reference.register(app.server)
