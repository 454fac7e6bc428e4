"""The start-up check names the build's missing files (vendor files, compiled catalogs) in the
log, and stays quiet when the build made them."""

from __future__ import annotations

import logging

from components.assets_check import VENDOR_FILES, log_missing


def test_missing_files_are_named_in_one_error_each(tmp_path, caplog):
    assets, translations = tmp_path / "assets", tmp_path / "translations"
    (assets / VENDOR_FILES[0]).parent.mkdir(parents=True)
    (assets / VENDOR_FILES[0]).write_text("/* css */")
    for lang, compiled in (("fr", True), ("sw", False)):
        folder = translations / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "messages.po").write_text("")
        if compiled:
            (folder / "messages.mo").write_bytes(b"")
    with caplog.at_level(logging.ERROR):
        log_missing(logging.getLogger("check"), assets, translations)
    vendor, catalogs = (r.getMessage() for r in caplog.records)
    assert VENDOR_FILES[0] not in vendor
    assert all(name in vendor for name in VENDOR_FILES[1:])
    assert "scripts/fetch_vendor.sh" in vendor and "bin/post_compile" in vendor
    assert "(sw)" in catalogs and "fr" not in catalogs and "pybabel compile" in catalogs


def test_a_complete_build_logs_nothing(tmp_path, caplog):
    assets = tmp_path / "assets"
    for name in VENDOR_FILES:
        (assets / name).parent.mkdir(parents=True, exist_ok=True)
        (assets / name).write_text("x")
    with caplog.at_level(logging.ERROR):
        log_missing(logging.getLogger("check"), assets, tmp_path / "translations")
    assert caplog.records == []
