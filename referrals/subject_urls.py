"""Pages for the resident's rights (inzage, rectification, erasure)."""

urlpatterns: list = []
