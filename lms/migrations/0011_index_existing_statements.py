"""Statements stored before the related-activity and related-agent tables
existed get their rows, their StatementRef target and their activity
definitions, so the broad filters see them too."""

import uuid

from django.db import migrations


def index_existing(apps, schema_editor):
    from lms.xapi.related import (
        defined_activities,
        related_activities,
        related_agents,
    )

    Statement = apps.get_model("lms", "Statement")
    StatementActivity = apps.get_model("lms", "StatementActivity")
    StatementAgent = apps.get_model("lms", "StatementAgent")
    ActivityDefinition = apps.get_model("lms", "ActivityDefinition")
    definitions = {}
    for row in Statement.objects.order_by("stored").iterator(chunk_size=1000):
        target = row.data.get("object", {})
        if target.get("objectType") == "StatementRef":
            row.refers_to = uuid.UUID(target["id"])
            row.save(update_fields=["refers_to"])
        StatementActivity.objects.bulk_create(
            StatementActivity(statement_id=row.pk, activity=iri[:400])
            for iri in related_activities(row.data)
        )
        StatementAgent.objects.bulk_create(
            StatementAgent(statement_id=row.pk, agent=ifi[:400])
            for ifi in related_agents(row.data)
        )
        for iri, definition in defined_activities(row.data).items():
            definitions.setdefault(iri[:400], definition)
    ActivityDefinition.objects.bulk_create(
        [ActivityDefinition(iri=i, definition=d) for i, d in definitions.items()],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("lms", "0010_lrs_documents_relations_forwarding")]

    operations = [migrations.RunPython(index_existing, migrations.RunPython.noop)]
