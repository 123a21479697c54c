# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Loads the Sterk voor Noord partners, services, wijken and one user per role.

Running it twice changes nothing: everything is looked up before it is made.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, WorkContact
from audit.services.trace import TracedCommand
from directory.models import Category, Location, Organisation, Service, ServiceTarget, Wijk
from directory.services.places import set_location, set_walk_in_hours
from programme.services.rollup import rollup_figures
from referrals.models import Case
from referrals.services import demo_data as d

ADMIN_GROUP = "functioneel beheer"
ADMIN_MODELS = [
    "organisation",
    "service",
    "location",
    "serviceatlocation",
    "schedule",
    "membership",
    "category",
    "wijk",
    "user",
    "signaldesk",
]


class Command(TracedCommand):
    help = "Load demo partners, services, wijken and users (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--no-cases", action="store_true", help="Do not create the demo cases.")

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            # Demo users share a published password: never in production.
            raise CommandError("load_demo_data refuses to run in production mode.")
        # The directory and the users in one go; the demo cases then go through the services,
        # each in its own transaction, as they would in use.
        with transaction.atomic():
            self._directory()
            self._users()
            self._targets()
        if not options["no_cases"]:
            self._cases()
            self._regie_world()
            self._signals()
        # The Cijfers page counts from the roll-up; the job runner refreshes it, the demo starts with one.
        rollup_figures()
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Log in at http://127.0.0.1:8000/ as:"))
        for username, _first, role, _slug, note in d.USERS:
            self.stdout.write(f"  {username:<8} {role:<16} {note}")
        self.stdout.write(f"  password for every demo user: {d.DEMO_PASSWORD}")

    def _directory(self):
        for name in d.WIJKEN:
            Wijk.objects.get_or_create(name=name)
        for code, name, group in d.CATEGORIES:
            Category.objects.update_or_create(code=code, defaults={"name": name, "group": group})
        for slug, name, kind, domains, agreement in d.ORGANISATIONS:
            org = Organisation.objects.filter(slug=slug).first() or Organisation(slug=slug)
            org.name, org.kind, org.domains = name, kind, domains
            org.agreement_signed_on = d.AGREEMENT if agreement else None
            org.save()
        for place, about, street, postcode, wijk, lat, lon in d.LOCATIONS:
            Location.objects.update_or_create(
                name=place,
                defaults={
                    "description": about,
                    "address_1": street,
                    "postal_code": postcode,
                    "city": "Leidschendam",
                    "wijk": Wijk.objects.get(name=wijk),
                    "latitude": Decimal(str(lat)),
                    "longitude": Decimal(str(lon)),
                },
            )
        ages = {(slug, name): (low, high) for slug, name, low, high in d.AGES}
        for number, (slug, name, cats, groups, wijken, langs, location, hours, days, accepts, until) in enumerate(
            d.SERVICES
        ):
            service, _ = Service.objects.update_or_create(
                organisation=Organisation.objects.get(slug=slug),
                name=name,
                defaults={
                    "target_groups": groups,
                    "languages": langs,
                    "response_days": days,
                    "accepts_referrals": accepts,
                    "valid_until": until,
                    "valid_from": d.AGREEMENT,
                    "description": f"{name} — {location}".strip(" —"),
                    "minimum_age": ages.get((slug, name), (None, None))[0],
                    "maximum_age": ages.get((slug, name), (None, None))[1],
                    "contact_name": "Intake",
                    "contact_phone": f"070 123 45 {number:02d}",
                    "contact_email": f"verwijzen@{slug}.demo.invalid",
                    "website": f"https://{slug}.demo.invalid/",
                },
            )
            service.categories.set(Category.objects.filter(code__in=cats))
            service.wijken.set(Wijk.objects.filter(name__in=wijken))
            # The same path as a coordinator's form: hours typed as text become HSDS schedules.
            set_location(service, Location.objects.filter(name=location).first())
            set_walk_in_hours(service, hours)

    def _targets(self):
        year = timezone.localdate().year
        for slug, name, measure, target in d.TARGETS:
            service = Service.objects.filter(organisation__slug=slug, name=name).first()
            if service is not None:
                ServiceTarget.objects.get_or_create(
                    service=service,
                    starts_on=date(year, 1, 1),
                    ends_on=date(year, 12, 31),
                    measure=measure,
                    defaults={"target": target},
                )

    def _users(self):
        user_model = get_user_model()
        admin_group, _ = Group.objects.get_or_create(name=ADMIN_GROUP)
        admin_group.permissions.set(
            Permission.objects.filter(
                content_type__model__in=ADMIN_MODELS,
                content_type__app_label__in=["directory", "accounts", "auth", "signals"],
            )
        )
        for username, first, role, slug, _note in d.USERS:
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model(
                    username=username, first_name=first, last_name="(demo)", email=f"{username}@demo.invalid"
                )
                user.set_password(d.DEMO_PASSWORD)
                user.save()
            # A made-up work number, so that the demo's contact cards show one.
            WorkContact.objects.get_or_create(user=user, defaults={"phone": f"070 300 {user.pk:04d}"})
            # Demo memberships count at once: there is no second person to confirm them.
            Membership.objects.get_or_create(
                user=user,
                organisation=Organisation.objects.get(slug=slug),
                role=role,
                ended_at=None,
                defaults={
                    "confirmed_at": timezone.now(),
                    # A signaller's access runs out (policies.signals).
                    "valid_until": timezone.localdate() + timedelta(days=365) if role == "signaller" else None,
                },
            )
            if role == "admin" and not user.is_staff:
                user.is_staff = True
                user.save()
                user.groups.add(admin_group)

    def _signals(self):
        from signals.models import Signal, SignalDesk
        from signals.services.signals import signal_hand_in

        for slug in d.SIGNAL_DESKS:
            SignalDesk.objects.get_or_create(organisation=Organisation.objects.get(slug=slug))
        user_model = get_user_model()
        for username, codes, wijk, concern, contact, knows in d.SIGNALS:
            user = user_model.objects.get(username=username)
            if Signal.objects.filter(signalled_by=user).exists():
                continue
            name, phone = contact or ("", "")
            signal_hand_in(
                actor=user,
                organisation=Membership.objects.get(user=user, role="signaller", ended_at=None).organisation,
                categories=list(Category.objects.filter(code__in=codes)),
                wijk=Wijk.objects.get(name=wijk),
                concern=concern,
                resident_knows=knows,
                resident_agreed_to_contact=contact is not None,
                contact_name=name,
                phone=phone,
            )

    def _cases(self):
        from referrals import services

        user_model = get_user_model()
        fatima = user_model.objects.get(username="fatima")
        if Case.objects.filter(opened_by=fatima).exists():
            return
        waterlelie = Organisation.objects.get(slug="kwadraad-waterlelie")
        kredietbank = Organisation.objects.get(slug="kredietbank")
        taalhuis = Organisation.objects.get(slug="taalhuis")
        prinsenhof = Wijk.objects.get(name="Prinsenhof")
        debts = list(Category.objects.filter(code__in=["schulden", "rekeningen"]))
        language = list(Category.objects.filter(code__in=["nt2"]))
        schuldhulp = Service.objects.get(organisation=kredietbank, name="Schuldhulpverlening")
        taalmaatje = Service.objects.get(organisation=taalhuis, name="Taalmaatje")
        until = timezone.localdate() + timedelta(days=180)
        demo = [
            ("Demo", "Inwoner Een", 1986, "0612345678", debts, schuldhulp, "urgent"),
            ("Demo", "Inwoner Twee", 1979, "0687654321", debts + language, taalmaatje, "normal"),
        ]
        cases = []
        for given, family, year, phone, cats, service, urgency in demo:
            case = services.case_open(
                actor=fatima,
                organisation=waterlelie,
                given_name=given,
                family_name=family,
                birth_year=year,
                phone=phone,
                preferred_language="nl",
                wijk=prinsenhof,
                categories=cats,
            )
            services.consent_record(
                case=case,
                actor=fatima,
                organisation=waterlelie,
                purpose="Hulp bij geldzaken en taal",
                recipients=[kredietbank, taalhuis],
                data_categories=["contact", "summary", "needs", "finances"],
                given_how="spoken",
                informed_language="nl",
                valid_until=until,
            )
            services.referral_create_and_send(
                case=case,
                actor=fatima,
                organisation=waterlelie,
                service=service,
                urgency=urgency,
                summary="Demo: moeder met twee kinderen, aanmaningen van energie en zorgverzekering; "
                "wil graag hulp en spreekt redelijk Nederlands.",
                categories=cats,
                shared_data=["contact", "summary", "needs"],
            )
            cases.append(case)
        d.regisseur_tools_demo(
            fatima=fatima,
            ruud=user_model.objects.get(username="ruud"),
            organisation=waterlelie,
            ruud_organisation=Organisation.objects.get(slug="gemeente-leefbaarheid"),
            wijk=prinsenhof,
            categories=debts,
            offer_case=cases[0],
        )

    def _regie_world(self):
        """Ruud's world as regisseur: a household with two partners helping at the same time, plan
        goals, follow-ups due and overdue, an overdue referral, a declined referral, a withdrawn
        consent and a flag for the privacy officer — every role finds something on its pages."""
        from audit.models import PrivacyFlag
        from referrals import services
        from referrals.models import FollowUp, Referral

        user_model = get_user_model()
        people = {u.username: u for u in user_model.objects.filter(username__in=["ruud", "kees", "anouk", "marieke"])}
        ruud, kees, anouk = people["ruud"], people["kees"], people["anouk"]
        if Case.objects.filter(opened_by=ruud).exists():
            return
        gemeente = Organisation.objects.get(slug="gemeente-leefbaarheid")
        kredietbank = Organisation.objects.get(slug="kredietbank")
        taalhuis = Organisation.objects.get(slug="taalhuis")
        heuvel = Wijk.objects.get(name="De Heuvel/Amstelwijk")
        debts = list(Category.objects.filter(code__in=["schulden"]))
        language = list(Category.objects.filter(code__in=["nt2"]))
        schuldhulp = Service.objects.get(organisation=kredietbank, name="Schuldhulpverlening")
        taalmaatje = Service.objects.get(organisation=taalhuis, name="Taalmaatje")
        today = timezone.localdate()

        def household(family, year, phone, cats):
            case = services.case_open(
                actor=ruud,
                organisation=gemeente,
                given_name="Demo",
                family_name=family,
                birth_year=year,
                phone=phone,
                preferred_language="ar",
                needs_interpreter=True,
                wijk=heuvel,
                categories=cats,
            )
            consent = services.consent_record(
                case=case,
                actor=ruud,
                organisation=gemeente,
                purpose="Hulp bij geldzaken en taal",
                recipients=[kredietbank, taalhuis],
                data_categories=["contact", "summary", "needs", "finances"],
                given_how="spoken",
                informed_language="ar",
                valid_until=today + timedelta(days=365),
            )
            return case, consent

        def send(case, service, summary, cats, **extra):
            return services.referral_create_and_send(
                case=case,
                actor=ruud,
                organisation=gemeente,
                service=service,
                summary=summary,
                categories=cats,
                shared_data=["contact", "summary", "needs"],
                **extra,
            )

        # 1. Two partners at once: the Kredietbank helps with debts and asked the Taalhuis in addition.
        case, _consent = household("Inwoner Drie", 1983, "0611112222", debts + language)
        services.case_add_goal(case=case, actor=ruud, text="Vaste lasten op tijd betaald")
        services.case_add_goal(case=case, actor=ruud, text="Brieven van instanties zelf kunnen lezen")
        debt = send(case, schuldhulp, "Demo: statushouder, achterstand huur en energie; tolk Arabisch nodig.", debts)
        services.referral_accept(referral=debt, actor=kees)
        services.referral_record_first_contact(referral=debt, actor=kees, on=today, way="home_visit")
        language_help = services.referral_refer_in_addition(
            referral=debt,
            actor=kees,
            service=taalmaatje,
            summary="Demo: wil Nederlands leren om post zelf te lezen; beginnersniveau.",
            categories=language,
        )
        services.referral_accept(referral=language_help, actor=anouk)
        # One follow-up overdue, one due today: the demo's 'vinger aan de pols' has work waiting.
        follow_ups = list(FollowUp.objects.filter(case=case).order_by("pk"))
        FollowUp.objects.filter(pk=follow_ups[0].pk).update(due_on=today - timedelta(days=3))
        FollowUp.objects.filter(pk=follow_ups[-1].pk).update(due_on=today)

        # 2. An overdue referral nobody answered, and a declined one.
        case, consent = household("Inwoner Vier", 1991, "0633334444", debts)
        overdue = send(case, schuldhulp, "Demo: beslag op loon aangekondigd.", debts)
        Referral.objects.filter(pk=overdue.pk).update(
            sent_at=timezone.now() - timedelta(days=12), respond_by=timezone.now() - timedelta(days=5)
        )
        declined = send(case, taalmaatje, "Demo: wil taalles in de avond.", language)
        services.referral_decline(
            referral=declined, actor=anouk, reason="no_capacity", note="Avondgroep zit vol tot maart."
        )

        # 3. A withdrawn consent: the resident no longer wants data shared.
        case, consent = household("Inwoner Vijf", 1968, "0655556666", debts)
        services.consent_withdraw(
            consent=consent, actor=ruud, organisation=gemeente, reason="De inwoner wil het zelf regelen."
        )

        # 4. A referral on another legal basis than consent: the privacy officer gets a flag to review.
        case, _consent = household("Inwoner Zes", 1975, "0677778888", debts)
        send(
            case,
            schuldhulp,
            "Demo: dreigende huisuitzetting volgende week; inwoner nu niet bereikbaar voor toestemming.",
            debts,
            urgency="urgent",
            legal_basis="vital_interest",
            legal_basis_justification="Demo: huisuitzetting dreigt binnen een week.",
        )
        assert PrivacyFlag.objects.exists()  # noqa: S101 - the demo promises the privacy officer a flag
