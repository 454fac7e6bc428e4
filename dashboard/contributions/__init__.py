"""Individual contributions beside the events' results: the dashboard card, the planning
column, and their review queue (page and ``/api/v1/contributions/review``)."""


def init_app(app) -> None:
    from dashboard.contributions import callbacks, review_api, review_page

    app.server.register_blueprint(review_api.blueprint)
    callbacks.register(app)
    review_page.register(app)
