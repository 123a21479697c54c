# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The partners, services and wijken of Sterk voor Noord (DOMAIN.md), and demo users."""

from datetime import date
from typing import Any

# (code, name, group)
CATEGORIES = [
    ("nt2", "Nederlands als tweede taal", "Taal"),
    ("laaggeletterdheid", "Laaggeletterdheid", "Taal"),
    ("digitale-vaardigheden", "Digitale vaardigheden", "Taal"),
    ("schulden", "Schulden", "Geld en schulden"),
    ("rekeningen", "Rekeningen en aanmaningen", "Geld en schulden"),
    ("deurwaarder", "Deurwaarder of incasso", "Geld en schulden"),
    ("huisuitzetting", "Dreigende huisuitzetting", "Geld en schulden"),
    ("energiekosten", "Energiekosten", "Geld en schulden"),
    ("formulieren", "Formulieren en toeslagen", "Geld en schulden"),
    ("ooievaarspas", "Ooievaarspas", "Geld en schulden"),
    ("werk", "Werk en participatie", "Werk"),
    ("ve", "Voorschoolse educatie (VE)", "Jeugd, onderwijs en opvoeding"),
    ("schoolverzuim", "Schoolverzuim", "Jeugd, onderwijs en opvoeding"),
    ("opvoeding", "Opvoeding", "Jeugd, onderwijs en opvoeding"),
    ("18-worden", "18 worden", "Jeugd, onderwijs en opvoeding"),
    ("huurachterstand", "Huurachterstand", "Wonen"),
    ("overbewoning", "Overbewoning", "Wonen"),
    ("vocht", "Vocht en schimmel", "Wonen"),
    ("gezondheid", "Gezondheid", "Gezondheid"),
    ("psychisch", "Psychische gezondheid", "Gezondheid"),
    ("eenzaamheid", "Eenzaamheid en sociaal contact", "Sociaal contact"),
    ("huiselijk-geweld", "Huiselijk geweld", "Veiligheid"),
    ("ondernemen", "Ondernemen", "Ondernemen"),
    ("mantelzorg", "Mantelzorg", "Mantelzorg"),
]

WIJKEN = ["Prinsenhof", "De Heuvel/Amstelwijk", "Bovenveen"]

AGREEMENT = date(2024, 1, 15)

# Where services are given (HSDS locations): (name, description, street, postcode, wijk, latitude,
# longitude). Leidschendam-Noord; the coordinates are plausible for the demo, not surveyed.
LOCATIONS = [
    ("Tuinkamer van Noord", "In Sporthal de Fluit", "Fluitpolderplein 1", "2262 EB", "Prinsenhof", 52.0912, 4.3968),
    ("Bibliotheek aan de Vliet", "", "Fluitpolderplein 5", "2262 EB", "Prinsenhof", 52.0915, 4.3974),
    ("Sociaal Servicepunt", "", "Damplein 1", "2265 AB", "De Heuvel/Amstelwijk", 52.0857, 4.3903),
    ("Buurtkamer Woej", "", "Prinsenhoflaan 22", "2264 AG", "Prinsenhof", 52.0888, 4.4010),
    (
        "IKEC De Waterlelie",
        "Integraal kindcentrum",
        "Waterlelie 30",
        "2262 TD",
        "De Heuvel/Amstelwijk",
        52.0948,
        4.3897,
    ),
]

# Age ranges where a service has them (HSDS eligibility): (org slug, service name, minimum, maximum).
AGES = [
    ("jpf", "Trajectbegeleiding jongeren", 18, 27),
    ("jpf", "Jongeradviespunt", 16, 27),
    ("senw", "Buurtcoach", 12, 23),
    ("studielokalen", "Zaterdagles en coaching", 6, 18),
]

# (slug, name, kind, domains, has agreement)
ORGANISATIONS = [
    ("gemeente-participatie", "Gemeente — participatieconsulenten", "municipality", "werk en participatie", True),
    ("gemeente-leefbaarheid", "Gemeente — leefbaarheidsregisseur", "municipality", "regie", True),
    ("gemeente-privacy", "Gemeente — privacy en programma", "municipality", "privacy, programma", True),
    ("kwadraad-waterlelie", "Kwadraad — brugfunctionaris IKEC De Waterlelie", "social_work", "school, ouders", True),
    ("kwadraad-margriet", "Kwadraad — brugfunctionaris De Margriet", "social_work", "school, ouders", True),
    ("kwadraad-trampoline", "Kwadraad — brugfunctionaris De Trampoline", "social_work", "school, ouders", True),
    ("kredietbank", "Kredietbank Nederland", "debt", "schuldhulp, budgetbeheer", True),
    ("ping-loket", "Ping-loket", "debt", "geldzaken, juridische vragen, formulieren", True),
    ("sociaal-servicepunt", "Sociaal Servicepunt", "social_work", "informatie, advies, cliëntondersteuning", True),
    ("taalhuis", "Taalhuis — Bibliotheek aan de Vliet", "language", "taal, laaggeletterdheid", True),
    ("woej", "Woej", "social_work", "schuldhulpmaatjes, taal, welzijn", True),
    ("foxtaal", "Foxtaal", "language", "taallessen", True),
    ("studielokalen", "Stichting Studielokalen", "education", "bijles, coaching, oudercursus", True),
    ("vluchtelingenwerk", "Vluchtelingenwerk", "other", "inburgering", True),
    ("jpf", "Jongeren Perspectief Fonds", "debt", "jongeren 18–27, schulden, perspectief", True),
    ("senw", "SenW (Sport en Welzijn)", "youth", "jongerenwerk, buurtcoach", True),
    ("vlietkinderen", "Vlietkinderen / Spel- en Opvoedpunt", "youth", "kinderopvang, VE, opvoeding", True),
    ("jgz", "JGZ / consultatiebureau", "health", "jeugdgezondheid, VE-indicatie", True),
    ("vidomes", "Vidomes", "housing", "wonen, huurachterstand", True),
    ("wooninvest", "Wooninvest", "housing", "wonen, huurachterstand", True),
    ("just-for-you", "Just for you / Energy Common", "other", "energiekosten", True),
    ("inholland", "Hogeschool Inholland — businessloket", "education", "(startende) ondernemers", True),
    ("wijk-ggz", "Wijk-GGZ", "health", "psychische gezondheid", True),
    ("veilig-thuis", "Veilig Thuis", "safety", "huiselijk geweld en kindermishandeling (meldcode)", True),
    # Care and enforcement stay apart: this one can never receive a referral.
    ("handhaving", "Gemeente — handhaving (VTH)", "enforcement", "handhaving", False),
]

# (org slug, name, categories, target groups, wijken ([] = all), languages, location,
#  walk-in hours, response days, accepts, valid until)
SERVICES = [
    (
        "kredietbank",
        "Schuldhulpverlening",
        ["schulden", "deurwaarder", "huisuitzetting", "rekeningen"],
        ["everyone"],
        [],
        ["nl", "en"],
        "Tuinkamer van Noord",
        "di 9:30–11:30",
        5,
        True,
        None,
    ),
    ("kredietbank", "Budgetbeheer", ["schulden", "rekeningen"], ["everyone"], [], ["nl"], "", "", 10, True, None),
    (
        "ping-loket",
        "Hulp bij geldzaken en formulieren",
        ["formulieren", "rekeningen", "ooievaarspas"],
        ["everyone"],
        [],
        ["nl", "en", "ar", "tr"],
        "Tuinkamer van Noord",
        "wo 13:00–15:00",
        3,
        True,
        None,
    ),
    (
        "sociaal-servicepunt",
        "Cliëntondersteuning en juridisch spreekuur",
        ["formulieren", "schulden"],
        ["everyone"],
        [],
        ["nl", "en"],
        "Sociaal Servicepunt",
        "ma–vr 9:00–12:00",
        5,
        True,
        None,
    ),
    (
        "taalhuis",
        "Taalmaatje",
        ["nt2", "laaggeletterdheid"],
        ["newcomers", "low_literacy"],
        [],
        ["nl", "en", "ar"],
        "Bibliotheek aan de Vliet",
        "do 10:00–12:00",
        10,
        True,
        None,
    ),
    (
        "taalhuis",
        "Taalcafé en leesclub",
        ["nt2", "eenzaamheid"],
        ["everyone"],
        [],
        ["nl"],
        "Bibliotheek aan de Vliet",
        "za 10:30–12:00",
        10,
        True,
        None,
    ),
    (
        "taalhuis",
        "Digitaal spreekuur",
        ["digitale-vaardigheden"],
        ["older", "low_literacy"],
        [],
        ["nl"],
        "Bibliotheek aan de Vliet",
        "vr 14:00–16:00",
        5,
        True,
        None,
    ),
    (
        "woej",
        "Schuldhulpmaatje",
        ["schulden", "rekeningen"],
        ["everyone"],
        ["Prinsenhof", "De Heuvel/Amstelwijk"],
        ["nl", "tr"],
        "Buurtkamer Woej",
        "ma 10:00–12:00",
        5,
        True,
        None,
    ),
    ("foxtaal", "Taallessen", ["nt2"], ["newcomers"], [], ["nl", "en", "ar"], "", "", 10, True, None),
    (
        "studielokalen",
        "Zaterdagles en coaching",
        ["schoolverzuim", "opvoeding"],
        ["parents", "youth"],
        [],
        ["nl"],
        "IKEC De Waterlelie",
        "za 9:30–12:30",
        10,
        True,
        None,
    ),
    (
        "vluchtelingenwerk",
        "Begeleiding inburgering",
        ["nt2", "formulieren"],
        ["newcomers"],
        [],
        ["nl", "en", "ar", "ti"],
        "",
        "",
        5,
        True,
        None,
    ),
    (
        "jpf",
        "Trajectbegeleiding jongeren",
        ["schulden", "18-worden", "werk"],
        ["youth"],
        [],
        ["nl"],
        "",
        "",
        5,
        True,
        None,
    ),
    ("jpf", "Jongeradviespunt", ["18-worden"], ["youth"], [], ["nl"], "", "", 5, True, date(2024, 12, 31)),
    ("senw", "Buurtcoach", ["eenzaamheid", "opvoeding"], ["youth", "parents"], [], ["nl"], "", "", 5, True, None),
    ("vlietkinderen", "Spel- en Opvoedpunt", ["ve", "opvoeding"], ["parents"], [], ["nl", "en"], "", "", 5, True, None),
    (
        "vidomes",
        "Huurachterstand: vroeg in gesprek",
        ["huurachterstand"],
        ["everyone"],
        [],
        ["nl"],
        "",
        "",
        5,
        False,
        None,
    ),
    ("just-for-you", "Energiecoach", ["energiekosten"], ["everyone"], [], ["nl", "en"], "", "", 10, True, None),
    ("inholland", "Businessloket", ["ondernemen"], ["entrepreneurs"], [], ["nl", "en"], "", "", 10, True, None),
    ("wijk-ggz", "Wijk-GGZ consult", ["psychisch"], ["everyone"], [], ["nl"], "", "", 5, True, None),
    ("veilig-thuis", "Advies en melding", ["huiselijk-geweld"], ["everyone"], [], ["nl"], "", "", 1, True, None),
    (
        "gemeente-participatie",
        "Participatieconsulent",
        ["werk"],
        ["long_bijstand"],
        [],
        ["nl"],
        "Tuinkamer van Noord",
        "di en do 9:00–12:00",
        10,
        True,
        None,
    ),
]

# Targets the programme manager agreed with partners (org slug, service name, measure, target), for
# the current year: the Cijfers page sets the result beside them (e.g. 70 taalmaatje pairs).
TARGETS = [
    ("taalhuis", "Taalmaatje", "accepted", 70),
    ("kredietbank", "Schuldhulpverlening", "received", 40),
]

DEMO_PASSWORD = "Overdracht-demo-2026"

# (username, first name, role, org slug, what this persona may see)
USERS = [
    ("fatima", "Fatima", "referrer", "kwadraad-waterlelie", "brugfunctionaris; opent casussen, verwijst"),
    ("ruud", "Ruud", "regisseur", "gemeente-leefbaarheid", "leefbaarheidsregisseur; ziet de hele casus"),
    ("kees", "Kees", "intake", "kredietbank", "intake Kredietbank; inbox van de Kredietbank"),
    ("marieke", "Marieke", "coordinator", "kredietbank", "coördinator Kredietbank; wijst toe, beheert diensten"),
    ("anouk", "Anouk", "intake", "taalhuis", "intake Taalhuis"),
    ("sami", "Sami", "signaller", "woej", "sleutelfiguur; geeft signalen door, ziet geen casusgegevens"),
    ("wendy", "Wendy", "signaller", "vidomes", "Vidomes; geeft signalen van huurachterstand door"),
    ("sanne", "Sanne", "coordinator", "sociaal-servicepunt", "coördinator signaalbalie; maakt signaleerders aan"),
    ("priya", "Priya", "privacy_officer", "gemeente-privacy", "privacyfunctionaris; alleen metadata"),
    ("petra", "Petra", "programme", "gemeente-privacy", "programmamanager; alleen geaggregeerde cijfers"),
    ("beheer", "Bea", "admin", "gemeente-privacy", "functioneel beheer; geen casusinhoud"),
]

# The organisations that receive signals (signals.SignalDesk; the administrator keeps them in the admin).
SIGNAL_DESKS = ["sociaal-servicepunt", "kwadraad-waterlelie"]

# (signaller, category codes, wijk, concern, resident agreed to contact: (name, phone) or None, resident knows)
SIGNALS = [
    (
        "sami",
        ["rekeningen", "nt2"],
        "Prinsenhof",
        "Demo: een gezin uit de gemeenschap krijgt brieven die ze niet kunnen lezen; er liggen veel enveloppen.",
        ("mevrouw A.", "0611122233"),
        True,
    ),
    (
        "wendy",
        ["huurachterstand"],
        "Bovenveen",
        "Demo: twee maanden huurachterstand, geen reactie op brieven.",
        None,
        False,
    ),
]


def regisseur_tools_demo(
    *,
    fatima: Any,
    ruud: Any,
    organisation: Any,
    ruud_organisation: Any,
    wijk: Any,
    categories: list[Any],
    offer_case: Any,
) -> None:
    """The regisseur's tools in the demo: a closed case with its waakvlam check, a pending regie offer.

    Fatima closed an earlier case (the resident was helped): its waakvlam follow-up is planned.
    She offered the regie of `offer_case` to Ruud, who sees the offer on his Casussen page.
    """
    from referrals import services

    closed = services.case_open(
        actor=fatima,
        organisation=organisation,
        given_name="Demo",
        family_name="Inwoner Drie",
        birth_year=1992,
        phone="0611122233",
        wijk=wijk,
        categories=categories,
    )
    services.case_close(case=closed, actor=fatima, reason="resolved")
    services.regie_offer(case=offer_case, actor=fatima, to_user=ruud, organisation=ruud_organisation)
