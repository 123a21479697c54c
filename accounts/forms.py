"""Forms of the login: the second factor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from referrals.forms import UtrechtForm


class TokenForm(UtrechtForm):
    token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
