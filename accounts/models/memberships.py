"""Who works where, in which role: every permission is derived from an active membership."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from policies.roles import Role


class Membership(models.Model):
    """A user works for an organisation in one role; roles give permissions."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    # Signallers (volunteers, students) get access that runs out.
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        db_table = "referrals_membership"
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.organisation}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.user.groups.add(self.organisation.group)

    def delete(self, *args, **kwargs):
        user, org = self.user, self.organisation
        result = super().delete(*args, **kwargs)
        if not Membership.objects.filter(user=user, organisation=org).exists():
            user.groups.remove(org.group)
        return result
