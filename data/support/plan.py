"""The draft implementation plan: the initiatives the support team shortlists, each with a note
and an owner; every change is audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from data.models import Base, _utcnow
from data.reference import reference
from data.support.accounts import Account
from data.support.audit import log
from data.support.review import ReviewError, support_text


class PlanItem(Base):
    """One shortlisted initiative of the draft implementation plan."""

    __tablename__ = "plan_items"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    updated_by: Mapped[str] = mapped_column(String(254), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)


@dataclass(frozen=True)
class PlanEntry:
    code: str
    note: str
    owner: str
    updated_by: str
    updated_at: dt.datetime


def plan_items(session: Session) -> list[PlanEntry]:
    rows = session.scalars(select(PlanItem).order_by(PlanItem.code))
    return [PlanEntry(r.code, r.note, r.owner, r.updated_by, r.updated_at) for r in rows]


def save_plan_item(session: Session, code: str, note: str, owner: str, who: Account) -> None:
    if not isinstance(code, str) or code not in reference().initiatives:
        raise ReviewError("unknown initiative")
    note, owner = support_text(note, multiline=True), support_text(owner)
    row = session.get(PlanItem, code)
    before = {"note": row.note, "owner": row.owner} if row else None
    if row is None:
        row = PlanItem(code=code)
        session.add(row)
    row.note, row.owner, row.updated_by = note, owner, who.email
    log(session, who, "plan_save", None, before, {"code": code, "note": note, "owner": owner})


def remove_plan_item(session: Session, code: str, who: Account) -> None:
    row = session.get(PlanItem, code)
    if row is not None:
        log(session, who, "plan_remove", None, {"code": code, "note": row.note}, None)
        session.delete(row)
