from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = "Overdracht"

    def ready(self) -> None:
        # Registers the key checks (no database query here; they run when asked).
        from referrals import checks  # noqa: F401
