"""The support team's storage: settings, the audit log, the draft plan, review actions.

Every review action runs in one transaction that writes the change, its audit row (who, when,
what, before and after as JSON) and the data-version bump, so the public dashboard and the
audit log can never disagree with the reports. Accounts and sign-in live in
``data.support.accounts``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    Select,
    String,
    Text,
    and_,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from data.aggregates import keep as aggregates_keep
from data.aggregates import write as aggregates_write
from data.models import Base, Report, ReportGroup, Status, _utcnow
from data.reference import reference
from data.reports.write import bump_version
from data.support.accounts import (  # noqa: F401 (accounts live in data.support.accounts; named from here too)
    Account,
    Role,
    User,
    authenticate,
    create_user,
    get_account,
)
from data.text_policy import TextRefused, check


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_email: Mapped[str] = mapped_column(String(254))  # kept if the user is removed
    action: Mapped[str] = mapped_column(String(32))
    report_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)


class PlanItem(Base):
    """One shortlisted initiative of the draft implementation plan."""

    __tablename__ = "plan_items"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    updated_by: Mapped[str] = mapped_column(String(254), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)


# Settings ---------------------------------------------------------------------------------

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


# Audit ------------------------------------------------------------------------------------


def log(session, who: Account, action: str, report_id, before=None, after=None) -> None:
    session.add(
        AuditLog(
            user_id=who.id,
            user_email=who.email,
            action=action,
            report_id=report_id,
            before=before,
            after=after,
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    user: str
    action: str
    report_id: int | None
    before: Any
    after: Any


def audit_entries(session: Session, limit: int = 500) -> list[AuditEntry]:
    rows = session.execute(
        select(AuditLog).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)
    ).scalars()
    return [AuditEntry(r.at, r.user_email, r.action, r.report_id, r.before, r.after) for r in rows]


# Review -----------------------------------------------------------------------------------

CORRECTABLE = (
    "event_name",
    "country",
    "region",
    "format",
    "participants_total",
    "total_precision",
)


def snapshot(report: Report) -> dict[str, Any]:
    """The reviewable state of a report, for the audit log."""
    return {
        "status": report.status,
        "status_reason": report.status_reason,
        "duplicate_of": report.duplicate_of,
        **{name: getattr(report, name) for name in CORRECTABLE},
        "groups": {
            g.group_code: g.count for g in sorted(report.groups, key=lambda g: g.group_code)
        },
    }


class ReviewError(ValueError):
    """An action that cannot apply (unknown report, bad value); the message is for people."""


def _load(session: Session, report_id: int) -> Report:
    report = session.get(Report, report_id)
    if report is None:
        raise ReviewError(f"report {report_id} not found")
    return report


def _apply(session, who, action, report, change) -> dict:
    """Change the report and log it; returns what the change does to the aggregate tables, for
    the caller to ``aggregates_write.apply`` once, after every change and before the version
    bump (one pass in the writers' fixed order: no deadlock, hot rows locked last)."""
    before = snapshot(report)
    # Every review action can change what is published: what it counted before (taken out),
    # what it counts after (put back); each nothing for a report that is not published then.
    was = aggregates_keep.read(session, [report.id], -1)
    change(report)
    now = aggregates_keep.read(session, [report.id], 1)
    log(session, who, action, report.id, before, snapshot(report))
    return aggregates_keep.merge(was, now)


def publish(db, report_ids: list[int], who: Account) -> int:
    """Publish reports (bulk too); returns how many changed."""
    with db.session() as session:
        changed = []
        for report_id in report_ids:
            report = _load(session, report_id)
            if report.status == Status.PUBLISHED:
                continue
            publish_it = _set(status=Status.PUBLISHED, status_reason="")
            changed.append(_apply(session, who, "publish", report, publish_it))
        if changed:
            aggregates_write.apply(session, aggregates_keep.merge(*changed))
            bump_version(session)
        return len(changed)


def support_text(value: Any, *, multiline: bool = False, required: bool = False) -> str:
    """Text typed by the support team, under the same policy as the reports'
    (data.text_policy): a NUL (which PostgreSQL refuses), a control or bidi character, or a
    value that is not text at all (a list sent in a callback body) is a ReviewError, never a
    500."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ReviewError("expected text")
    try:
        return check(value.strip(), multiline=multiline, required=required)
    except TextRefused as refused:
        raise ReviewError(str(refused)) from None


def reject(db, report_id: int, reason: str, who: Account) -> None:
    reason = support_text(reason, multiline=True)
    if not reason:
        raise ReviewError("a reason is required")
    with db.session() as session:
        report = _load(session, report_id)
        reject_it = _set(status=Status.REJECTED, status_reason=reason)
        aggregates_write.apply(session, _apply(session, who, "reject", report, reject_it))
        bump_version(session)


def mark_duplicate(db, report_id: int, of: int, who: Account) -> None:
    if report_id == of:
        raise ReviewError("a report cannot duplicate itself")
    with db.session() as session:
        _load(session, of)
        report = _load(session, report_id)
        mark = _set(status=Status.DUPLICATE, duplicate_of=of)
        aggregates_write.apply(session, _apply(session, who, "duplicate", report, mark))
        bump_version(session)


def correct(db, report_id: int, changes: dict[str, Any], who: Account) -> None:
    """Correct fields (CORRECTABLE) and group counts (``groups``: {code: count or None})."""
    ref = reference()
    fields = {k: v for k, v in changes.items() if k in CORRECTABLE}
    for name in ("country", "region", "format", "total_precision"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise ReviewError(f"{name}: expected a code")
    total = fields.get("participants_total")
    if total is not None and (isinstance(total, bool) or not isinstance(total, int)):
        raise ReviewError("participants_total: expected a whole number")
    groups = changes.get("groups") or {}
    if not isinstance(groups, dict) or any(
        c is not None and (isinstance(c, bool) or not isinstance(c, int)) for c in groups.values()
    ):
        raise ReviewError("groups: expected whole numbers")
    if fields.get("country") and fields["country"] not in ref.countries:
        raise ReviewError("unknown country")
    if "region" in fields and fields["region"] not in ref.regions:
        raise ReviewError("unknown region")
    if "format" in fields and fields["format"] not in ref.formats:
        raise ReviewError("unknown format")
    if "event_name" in fields:
        fields["event_name"] = support_text(fields["event_name"], required=True)
    with db.session() as session:
        report = _load(session, report_id)
        total = fields.get("participants_total", report.participants_total)
        precision = fields.get("total_precision", report.total_precision)
        if precision not in ("exact", "about", "at_least"):
            raise ReviewError("unknown precision")
        # The report model's rules (intake.report.schema.Participants): the total may be unknown,
        # and
        # only an exact total bounds the groups.
        bound = int(total) if total is not None and precision == "exact" else None
        if (total is not None and int(total) < 1) or any(
            c is not None and (int(c) < 0 or (bound is not None and int(c) > bound))
            for c in groups.values()
        ):
            raise ReviewError("counts must be between 0 and the total")

        if fields.get("country") and "region" not in fields:
            fields["region"] = ref.region_of(fields["country"])

        def change(r: Report) -> None:
            for name, value in fields.items():
                setattr(r, name, (value or None) if name == "country" else value)
            current = {g.group_code: g for g in r.groups}
            for code, count in groups.items():
                if code not in ref.groups:
                    continue
                if count is None and code in current:
                    r.groups.remove(current[code])
                elif count is not None and code in current:
                    current[code].count = int(count)
                elif count is not None:
                    r.groups.append(ReportGroup(group_code=code, count=int(count)))

        aggregates_write.apply(session, _apply(session, who, "correct", report, change))
        bump_version(session)


def _set(**values):
    def change(report: Report) -> None:
        for name, value in values.items():
            setattr(report, name, value)

    return change


@dataclass(frozen=True)
class QueueRow:
    id: int
    event_name: str
    event_date: dt.date
    country: str | None
    region: str
    status: str
    created_at: dt.datetime
    possible_duplicate: bool


def queue(
    session: Session,
    status: str | None = None,
    region: str | None = None,
    duplicates_only: bool = False,
    limit: int = 200,
    within: Select | None = None,
) -> list[QueueRow]:
    """Reports for review, pending first; a possible duplicate shares its date and country (or
    its name, case-insensitively) with another report that is not itself a marked duplicate.
    ``within``: a select of report ids to keep
    (``data.initiative_list.retired.touched_reports``)."""
    other = aliased(Report)
    dup = exists().where(
        other.id != Report.id,
        other.status != Status.DUPLICATE,
        or_(
            and_(other.event_date == Report.event_date, other.country == Report.country),
            func.lower(other.event_name) == func.lower(Report.event_name),
        ),
    )
    q = select(
        Report.id,
        Report.event_name,
        Report.event_date,
        Report.country,
        Report.region,
        Report.status,
        Report.created_at,
        dup.label("dup"),
    )
    if status:
        q = q.where(Report.status == status)
    if region:
        q = q.where(Report.region == region)
    if duplicates_only:
        q = q.where(dup)
    if within is not None:
        q = q.where(Report.id.in_(within))
    pending_first = (Report.status != Status.PENDING).label("pending_last")
    q = q.order_by(pending_first, Report.created_at.desc(), Report.id.desc()).limit(limit)
    return [QueueRow(*row[:7], bool(row[7])) for row in session.execute(q)]


def report_detail(session: Session, report_id: int) -> dict[str, Any] | None:
    """Every field of a report, private ones included (for reviewers only)."""
    report = session.get(Report, report_id)
    if report is None:
        return None
    columns = {c.key: getattr(report, c.key) for c in Report.__table__.columns}
    return {
        **columns,
        # (code, rank or None, why), in the order the report gave them.
        "priorities": [(i.code, i.rank, i.why) for i in report.initiatives],
        "recommendations": [(r.code, r.rank, r.why) for r in report.recommendations],
        "groups": {g.group_code: g.count for g in report.groups},
        "themes": sorted(t.theme_code for t in report.themes),
        "languages": sorted(lang.language_code for lang in report.languages),
        "global_coordination": sorted(c.initiative_code for c in report.coordination),
        "coordination_reasons": sorted({c.why for c in report.coordination if c.why}),
    }


# The draft plan ---------------------------------------------------------------------------


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
