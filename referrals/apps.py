from django.apps import AppConfig
from django.core import checks


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = "Overdracht"

    def ready(self):
        from referrals.services.erasure_journal import check_erasure_journal

        checks.register(check_erasure_journal, checks.Tags.security, deploy=True)
