"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("event_name", sa.String(length=200), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("region", sa.String(length=8), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("organizer_name", sa.String(length=200), nullable=False),
        sa.Column("organizer_email", sa.String(length=254), nullable=False),
        sa.Column("organizer_affiliate", sa.String(length=200), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("facilitators", sa.Text(), nullable=False),
        sa.Column("note_takers", sa.Text(), nullable=False),
        sa.Column("participants_total", sa.Integer(), nullable=False),
        sa.Column("resources_needed", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("written_in", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["reports.id"],
            name=op.f("fk_reports_duplicate_of_reports"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.UniqueConstraint("client_id", name=op.f("uq_reports_client_id")),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reports_country"), ["country"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reports_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reports_event_date"), ["event_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_reports_format"), ["format"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_reports_is_demo"), ["is_demo"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_reports_region"), ["region"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_status"), ["status"], unique=False)

    op.create_table(
        "report_coordination",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("initiative_code", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_coordination_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "report_id", "initiative_code", name=op.f("pk_report_coordination")
        ),
    )
    op.create_table(
        "report_groups",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("group_code", sa.String(length=24), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_groups_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "report_id", "group_code", name=op.f("pk_report_groups")
        ),
    )
    op.create_table(
        "report_initiatives",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=False),
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_initiatives_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "report_id", "rank", name=op.f("pk_report_initiatives")
        ),
        sa.UniqueConstraint(
            "report_id", "code", name=op.f("uq_report_initiatives_report_id")
        ),
    )
    with op.batch_alter_table("report_initiatives", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_initiatives_code"), ["code"], unique=False
        )

    op.create_table(
        "report_languages",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("language_code", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_languages_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "report_id", "language_code", name=op.f("pk_report_languages")
        ),
    )
    op.create_table(
        "report_recommendations",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=False),
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_recommendations_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "report_id", "rank", name=op.f("pk_report_recommendations")
        ),
        sa.UniqueConstraint(
            "report_id", "code", name=op.f("uq_report_recommendations_report_id")
        ),
    )
    with op.batch_alter_table("report_recommendations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_recommendations_code"), ["code"], unique=False
        )

    op.create_table(
        "report_themes",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("theme_code", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_themes_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "report_id", "theme_code", name=op.f("pk_report_themes")
        ),
    )
    # The single data-version row every reader polls.
    op.execute("INSERT INTO data_version (id, version) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table("report_themes")
    with op.batch_alter_table("report_recommendations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_recommendations_code"))

    op.drop_table("report_recommendations")
    op.drop_table("report_languages")
    with op.batch_alter_table("report_initiatives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_initiatives_code"))

    op.drop_table("report_initiatives")
    op.drop_table("report_groups")
    op.drop_table("report_coordination")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_status"))
        batch_op.drop_index(batch_op.f("ix_reports_region"))
        batch_op.drop_index(batch_op.f("ix_reports_is_demo"))
        batch_op.drop_index(batch_op.f("ix_reports_format"))
        batch_op.drop_index(batch_op.f("ix_reports_event_date"))
        batch_op.drop_index(batch_op.f("ix_reports_created_at"))
        batch_op.drop_index(batch_op.f("ix_reports_country"))

    op.drop_table("reports")
    op.drop_table("data_version")
