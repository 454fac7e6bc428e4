"""Support-team accounts: who they are, what a new account must hold, and sessions that end.

A sign-in session carries the account's ``session_version`` (``dashboard.auth.login``); every
request
compares it with the stored one, so bumping it (signing out, a password change, disabling the
account) ends every session of that account on every device and worker at once, copied cookies
included.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
from dataclasses import dataclass
from functools import cache

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import DateTime, Integer, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from data.models import Base, _utcnow

MIN_PASSWORD = 12


class Role(enum.StrEnum):
    REVIEWER = "reviewer"
    ADMIN = "admin"


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default=Role.REVIEWER)
    password_hash: Mapped[str | None] = mapped_column(String(256))
    # A Wikimedia (OAuth) account may be linked later; password_hash may then be empty.
    external_provider: Mapped[str | None] = mapped_column(String(32))
    external_id: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    # Bumped to end every session of the account (see the module's docstring).
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    name: str
    role: str
    session_version: int = 0


def _account(user: User) -> Account:
    return Account(user.id, user.email, user.name, user.role, user.session_version)


class AccountInvalid(ValueError):
    """A new account or password that breaks the rules; ``errors`` maps field to message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def normalize_email(email: str) -> str:
    """The stored form of an address (the login form's input goes through it too)."""
    with contextlib.suppress(EmailNotValidError):
        email = validate_email(email.strip(), check_deliverability=False).normalized
    return email.strip().lower()


def _password_problem(password: str, email: str, name: str) -> str | None:
    guessable = {email.casefold(), email.split("@")[0].casefold(), name.strip().casefold()}
    if len(password) < MIN_PASSWORD or password.strip().casefold() in guessable:
        return f"at least {MIN_PASSWORD} characters, not the e-mail or the name"
    return None


def check_new_account(email: str, name: str, password: str) -> str:
    """The normalized e-mail of a valid new account, else AccountInvalid."""
    errors = {}
    try:
        email = validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        errors["email"] = "not a valid e-mail address"
    if not name.strip():
        errors["name"] = "required"
    problem = _password_problem(password, email, name)
    if problem:
        errors["password"] = problem
    if errors:
        raise AccountInvalid(errors)
    return email


def create_user(session: Session, email: str, name: str, role: str, password: str) -> Account:
    """Every way to make an account (``POST /api/v1/users``, ``flask create-user``) goes
    through here, so the rules cannot be skipped."""
    if role not in set(Role):
        raise AccountInvalid({"role": "unknown"})
    user = User(
        email=check_new_account(email, name, password),
        name=name.strip(),
        role=role,
        password_hash=generate_password_hash(password),
    )
    session.add(user)
    session.flush()
    return _account(user)


def get_account(session: Session, user_id: int) -> Account | None:
    """An account that may be signed in (disabled ones are not)."""
    user = session.get(User, user_id)
    return _account(user) if user and user.disabled_at is None else None


@cache
def dummy_hash() -> str:
    # Made once, with the same method and cost as real hashes: an unknown address then costs
    # one verification, exactly as a known one does.
    return generate_password_hash("no account has this password")


def authenticate(session: Session, email: str, password: str) -> Account | None:
    """The account for this e-mail and password; one hash verification whatever the outcome,
    so timing does not reveal which addresses have an account."""
    user = session.scalar(select(User).where(User.email == normalize_email(email)))
    stored = user.password_hash if user is not None else None
    matches = check_password_hash(stored or dummy_hash(), password)
    if user is None or not stored or user.disabled_at is not None or not matches:
        return None
    return _account(user)


def end_sessions(session: Session, user_id: int) -> None:
    """End every session of the account (signing out ends them on every device)."""
    session.execute(
        update(User)
        .where(User.id == user_id)
        .values(session_version=User.session_version + 1)
        .execution_options(synchronize_session=False)
    )


def _find(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == normalize_email(email)))
    if user is None:
        raise AccountInvalid({"email": "no such account"})
    return user


def set_password(session: Session, email: str, password: str) -> Account:
    """A new password; every session of the account ends."""
    user = _find(session, email)
    problem = _password_problem(password, user.email, user.name)
    if problem:
        raise AccountInvalid({"password": problem})
    user.password_hash = generate_password_hash(password)
    user.session_version += 1
    session.flush()
    return _account(user)


def disable_user(session: Session, email: str) -> Account:
    """The account can no longer sign in, and its sessions end."""
    user = _find(session, email)
    user.disabled_at = user.disabled_at or _utcnow()
    user.session_version += 1
    session.flush()
    return _account(user)
