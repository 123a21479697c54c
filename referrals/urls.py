"""Pages of the three journeys (referrer, receiving partner, regisseur)."""

urlpatterns: list = []
