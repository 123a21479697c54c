from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = "Overdracht"

    def ready(self):
        from referrals import audit, audit_registry

        audit.connect()
        audit_registry.register_all()
