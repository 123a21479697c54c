"""Login, the second factor, logout, the language switch, and the start page."""

from django.urls import include, path

from accounts.views import login

urlpatterns = [
    path("", login.home, name="home"),
    path("inloggen/", login.LoginView.as_view(), name="login"),
    path("inloggen/code/", login.verify, name="verify"),
    path("uitloggen/", login.LogoutView.as_view(), name="logout"),
    path("taal/", include("django.conf.urls.i18n")),
]
