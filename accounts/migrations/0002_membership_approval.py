# A membership counts once a second person confirmed it and until it ends (issue 11).
# Memberships that exist already were given before there was a four-eyes step: they stay
# active (confirmed now, by nobody). Going back, memberships that never counted (pending)
# must not start to count, and only one row per user, organisation and role may remain.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def confirm_existing(apps, schema_editor):
    membership = apps.get_model("accounts", "Membership")
    membership.objects.filter(confirmed_at__isnull=True).update(confirmed_at=django.utils.timezone.now())


def drop_what_never_counted(apps, schema_editor):
    membership = apps.get_model("accounts", "Membership")
    membership.objects.filter(confirmed_at__isnull=True, ended_at__isnull=True).delete()
    # An ended membership keeps its end date in the past; a later one for the same role wins.
    for ended in membership.objects.filter(ended_at__isnull=False).order_by("-ended_at"):
        twins = membership.objects.filter(user_id=ended.user_id, organisation_id=ended.organisation_id, role=ended.role)
        if twins.exclude(pk=ended.pk).exists():
            ended.delete()


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('directory', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='membership',
            name='unique_membership',
        ),
        migrations.AddField(
            model_name='membership',
            name='confirmed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='bevestigd op'),
        ),
        migrations.AddField(
            model_name='membership',
            name='confirmed_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='membership',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='aangemaakt op'),
        ),
        migrations.AddField(
            model_name='membership',
            name='created_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='membership',
            name='ended_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='beëindigd op'),
        ),
        migrations.AddField(
            model_name='membership',
            name='ended_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(confirm_existing, drop_what_never_counted),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(condition=models.Q(('ended_at__isnull', True)), fields=('user', 'organisation', 'role'), name='unique_current_membership'),
        ),
    ]
