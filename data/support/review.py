"""Review of reports by the support team: publish (bulk too), reject, mark a duplicate, correct,
and the queue and full detail they work from.

Every review action runs in one transaction that writes the change, its audit row
(``data.support.audit``) and the data-version bump, so the public dashboard and the audit log can
never disagree with the reports.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from data.aggregates import keep as aggregates_keep
from data.aggregates import write as aggregates_write
from data.models import Report, ReportGroup, Status
from data.reference import reference
from data.reports.duplicates import event_key
from data.support.accounts import Account
from data.support.audit import CORRECTABLE, log, snapshot
from data.text_policy import TextRefused, check
from data.version import bump_version


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
    """Decide that report ``report_id`` repeats report ``of``: its status "duplicate" (counted
    nowhere, as a rejection) and ``duplicate_of`` set, audited with the other report's
    number."""
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
        # The report model's rules (data.reports.parts.Participants): the total may be unknown,
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
            if "event_name" in fields:  # the duplicate rule compares the corrected name
                r.event_key = event_key(r.event_name)
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
