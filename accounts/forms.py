# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Forms of the login: username and password, the second factor."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, NoticeSettings
from referrals.forms import UtrechtForm


class TokenForm(UtrechtForm):
    token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class LoginForm(AuthenticationForm):
    """Django's login form, with the username's length checked before anyone tries to log in with it.

    Django sets the username's max_length only on the widget: a longer name went on to
    authenticate(), and django-axes then failed to store the failed attempt (its username column
    holds 255 characters on PostgreSQL) — a server error instead of "wrong username or password".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))

    access_expired = False

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # An account whose every membership has run out or ended (a signaller after their twelve
        # months, a leaver) no longer logs in: access expires with the membership, not only the pages.
        # Administrators and accounts that never had a membership (made in the admin) are not affected.
        if user.is_staff or user.is_superuser:
            return
        memberships = Membership.objects.filter(user=user)
        if memberships.exists() and not (memberships.active().exists() or memberships.pending().exists()):
            self.access_expired = True
            raise forms.ValidationError(
                _("Uw toegang is verlopen. Vraag de organisatie die uw account aanmaakte om een nieuwe."),
                code="expired",
            )


class NoticeSettingsForm(UtrechtForm):
    mark_optional = False
    email = forms.ChoiceField(
        label=_("E-mail over berichten die niet urgent zijn"),
        choices=NoticeSettings.Email.choices,
        widget=forms.RadioSelect,
        help_text=_("Over een urgente verwijzing en een verstreken reactietermijn krijgt u altijd direct een e-mail."),
    )
