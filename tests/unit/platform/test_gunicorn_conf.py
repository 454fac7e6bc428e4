"""The access log never holds an organizer's edit-link token (gunicorn.conf.py's logger)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_procfile_runs_gunicorn_with_the_config():
    web = next(
        line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("web:")
    )
    assert "--config gunicorn.conf.py" in web and "--access-logfile -" in web


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/fr/report/edit/SECRETtoken_-123", ""),
        ("/en/events/edit/SECRETtoken_-123/", "x=1"),
    ],
)
def test_the_access_log_redacts_edit_tokens(conf, caplog, path, query):
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("logger_class", conf.logger_class)
    logger = conf.logger_class(cfg)
    assert isinstance(logger, conf.RedactingLogger)
    uri = path + (f"?{query}" if query else "")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": uri,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_REFERER": "https://example.org" + path,
        "HTTP_USER_AGENT": "test",
    }
    request = SimpleNamespace(headers=[("REFERER", "https://example.org" + path)])
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    cfg.set("access_log_format", '%(h)s "%(r)s" %(s)s %(U)s "%(f)s" %({referer}i)s %({raw_uri}e)s')
    with caplog.at_level(logging.INFO, logger="gunicorn.access"):
        logger.access_log.addHandler(caplog.handler)
        logger.access(response, request, environ, dt.timedelta(milliseconds=3))
    line = caplog.text
    assert "SECRETtoken" not in line
    assert line.count("/edit/[redacted]") == 5, line
    assert "203.0.113.9" in line and " 200 " in line
    # Other paths are logged as they are.
    caplog.clear()
    other = {**environ, "RAW_URI": "/en/report", "PATH_INFO": "/en/report", "HTTP_REFERER": "-"}
    logger.access(response, SimpleNamespace(headers=[]), other, dt.timedelta(milliseconds=3))
    assert "/en/report" in caplog.text
