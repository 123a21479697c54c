"""Pages of the privacy officer (audit search, access reports, flags, register)."""

urlpatterns: list = []
