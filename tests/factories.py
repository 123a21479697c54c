# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""factory-boy factories; cases, consents and referrals go through the real services."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import forget_actor
from directory.models import Category, Organisation, Service, Wijk
from referrals import services


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.LazyAttribute(lambda o: o.username.capitalize())
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.invalid")
    password = factory.django.Password("correct horse battery staple")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    kind = Organisation.Kind.SOCIAL_WORK
    agreement_signed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"cat-{n}")
    name = factory.LazyAttribute(lambda o: o.code.title())


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ("name",)

    name = "Prinsenhof"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Dienst {n}")
    response_days = 5
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


def member(user, organisation, role):
    """A membership that counts at once: confirmed directly, as if a second person had done it."""
    Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role, ended_at=None, defaults={"confirmed_at": timezone.now()}
    )
    forget_actor(user)
    return user


def administrator(user, organisation=None):
    """A functional administrator: staff, with the admin's rights on users and memberships (as in the demo)."""
    from django.contrib.auth.models import Permission

    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["accounts", "auth"], content_type__model__in=["membership", "user"]
        )
    )
    if organisation is not None:
        member(user, organisation, "admin")
    # Permissions are cached on the user object.
    for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cache, None)
    return user


def open_case(*, actor, organisation, family_name="Jansen", birth_year=1985, categories=None, **kwargs):
    categories = categories or [CategoryFactory(code="schulden", name="Schulden")]
    return services.case_open(
        actor=actor,
        organisation=organisation,
        given_name=kwargs.pop("given_name", "Sanne"),
        family_name=family_name,
        birth_year=birth_year,
        phone=kwargs.pop("phone", "0612345678"),
        categories=categories,
        wijk=kwargs.pop("wijk", None) or WijkFactory(),
        **kwargs,
    )


def give_consent(
    *,
    case,
    actor,
    organisation,
    recipients,
    data_categories=("contact", "summary", "needs"),
    valid_until=None,
    **kwargs,
):
    return services.consent_record(
        case=case,
        actor=actor,
        organisation=organisation,
        purpose=kwargs.pop("purpose", "Hulp bij schulden"),
        recipients=recipients,
        data_categories=list(data_categories),
        given_how=kwargs.pop("given_how", "spoken"),
        informed_language=kwargs.pop("informed_language", "nl"),
        valid_until=valid_until or timezone.localdate() + timedelta(days=90),
        **kwargs,
    )
