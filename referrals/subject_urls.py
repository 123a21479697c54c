"""Pages for the resident's rights (inzage, rectification, erasure); who may use them: policies/subject_rights.py."""

from django.urls import path

from referrals.views.rights_erase import rights_erase
from referrals.views.rights_find import rights_find
from referrals.views.rights_inzage import rights_inzage, rights_inzage_json, rights_overview
from referrals.views.rights_rectify import rights_rectify

app_name = "rights"

urlpatterns = [
    # Before "<pseudonym>/": "zoeken" is not a pseudonym (those start with "R-").
    path("zoeken/", rights_find, name="find"),
    path("<str:pseudonym>/", rights_overview, name="overview"),
    path("<str:pseudonym>/inzage/", rights_inzage, name="inzage"),
    path("<str:pseudonym>/inzage.json", rights_inzage_json, name="inzage_json"),
    path("<str:pseudonym>/correctie/", rights_rectify, name="rectify"),
    path("<str:pseudonym>/verwijderen/", rights_erase, name="erase"),
]
