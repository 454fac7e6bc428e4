"""At start-up, say in the log when files the build makes are missing: the vendor files
(scripts/fetch_vendor.sh, run by ``make install`` and by a Procfile deploy's bin/post_compile) and
the compiled catalogs. Both are git-ignored, so a deploy that skipped the build step serves
pages whose stylesheets answer 404, or only English. The pages still render; the log says why
they look wrong and what to run."""

from __future__ import annotations

import logging
from pathlib import Path

from components.compression import PARTIAL_PLOTLY
from components.index import BOOTSTRAP, BOOTSTRAP_RTL, ICONS

# What every page links to or loads (the map's data too), under the assets folder.
VENDOR_FILES = (BOOTSTRAP, BOOTSTRAP_RTL, ICONS, "vendor/topojson/world_110m.json", PARTIAL_PLOTLY)


def missing_vendor_files(assets: Path) -> list[str]:
    return [name for name in VENDOR_FILES if not (assets / name).is_file()]


def uncompiled_catalogs(translations: Path) -> list[str]:
    """The languages with a catalog (.po) and no compiled one (.mo)."""
    return sorted(
        po.parent.parent.name
        for po in translations.glob("*/LC_MESSAGES/messages.po")
        if not po.with_suffix(".mo").is_file()
    )


def log_missing(logger: logging.Logger, assets: Path, translations: Path) -> None:
    vendor = missing_vendor_files(assets)
    if vendor:
        logger.error(
            "missing vendor files %s: pages render without their stylesheets, icons, map or "
            "partial plotly.js; run scripts/fetch_vendor.sh at build time (make install, or "
            "bin/post_compile on a Procfile deploy)",
            ", ".join(vendor),
        )
    catalogs = uncompiled_catalogs(translations)
    if catalogs:
        logger.error(
            "uncompiled translations (%s): those languages show English; run "
            "`pybabel compile -d translations` at build time (make install, or bin/post_compile)",
            ", ".join(catalogs),
        )
