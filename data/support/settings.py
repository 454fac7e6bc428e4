"""The support team's settings (key and value rows), such as auto-publish; every change is
audited."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from data.models import Base, _utcnow
from data.support.accounts import Account
from data.support.audit import log


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)


AUTO_PUBLISH = "auto_publish"


def get_setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def set_setting(session: Session, key: str, value: str, who: Account) -> None:
    row = session.get(Setting, key)
    before = row.value if row else None
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    log(session, who, "setting", None, {key: before}, {key: value})


def auto_publish(db, default: bool) -> bool:
    """Whether new reports publish on arrival: the database setting when set, else ``default``.

    The intake service's callers pass ``auto_publish(db, app.config["AUTO_PUBLISH"])``.
    """
    with db.session(readonly=True) as session:
        value = get_setting(session, AUTO_PUBLISH)
    return default if value is None else value == "1"
