"""Sign-in for the support team (login, throttle) and the role guards every support page and
support API route shares (guards, pages)."""


def init_app(app) -> None:
    from dashboard.auth import login

    login.init_app(app.server)
