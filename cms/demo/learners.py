"""The demo's participants: who they are and how far each one got.

Enough people for the dashboards to tell a story: a previous session in
four territories (Marseille, a transnational training week in Lisbon,
Turin, Gran Canaria) that began about five months ago, with people who
finished, people half-way, people who stalled and people who never
started; and this spring's two cohorts, one just begun and one not yet.
The Gran Canaria cohort keeps three people so that the coordinators' pages
show how small counts are hidden ("<5").

Participants cannot sign in (no password): they exist to be counted and
followed.  Their profiles spread over the Erasmus+ breakdowns (country,
role, age band); about a third declared situations that make taking part
harder *and* consented to their counting, two declared some without
consenting, so the indicators can be seen to ignore them.

A plan gives, for each unit done in reading order, how many days before
the seed it was completed (``units``), and when a field report waits for
feedback (``awaiting``, days ago, for the unit after the last one done).
Days are counted from the cohort's start as the seed first created it, so
a later run rebuilds exactly the same history.  The existing learners of
``cms.demo.course.COHORTS`` (``@chainon.example``) get a profile and a plan
too; the demo learner account (``apprenant@``) is left as it is.
"""

import unicodedata

from cms.models.profile import FewerOpportunity as Reason
from cms.models.profile import TerritorialRole as Role

EMAIL_DOMAIN = "participants.chainon.example"

FACILITATOR = Role.TERRITORIAL_FACILITATOR.value
RELAY = Role.RESIDENT_RELAY.value
MEDIATOR = Role.CULTURAL_MEDIATOR.value
OTHER = Role.OTHER.value

FATIMA = "formatrice@chainon.example"
TIAGO = "formador.lisboa@chainon.example"

# The previous session's cohorts; "marseille-sud" and "lisboa" are this
# spring's, made by ``cms.demo.courses.ensure_cohorts``.  The first trainer
# listed answers the field reports.
COHORTS = [
    {
        "key": "noailles",
        "name": "Noailles–Belsunce — automne",
        "language": "fr",
        # Not "Marseille, …": the spring cohort is the one found by that name.
        "territory": "Noailles et Belsunce (Marseille)",
        "partner_slug": "musee-cantini",
        "start_offset_days": -165,
        "length_days": 180,
        "trainers": [FATIMA],
    },
    {
        "key": "lisboa-transnational",
        "name": "Lisbon transnational training — autumn",
        "language": "en",
        "territory": "Lisboa, Marvila (transnational training)",
        "partner_slug": "mnac-lisboa",
        "start_offset_days": -150,
        "length_days": 170,
        "trainers": [TIAGO, FATIMA],
    },
    {
        "key": "torino",
        "name": "Torino, Barriera di Milano — autunno",
        "language": "it",
        "territory": "Torino, Barriera di Milano",
        "partner_slug": "accademia-albertina",
        "start_offset_days": -140,
        "length_days": 180,
        "trainers": [FATIMA, TIAGO],
    },
    {
        "key": "canarias",
        "name": "Las Palmas de Gran Canaria — otoño",
        "language": "es",
        "territory": "Las Palmas de Gran Canaria",
        "partner_slug": "cultura-canarias",
        "start_offset_days": -120,
        "length_days": 180,
        "trainers": [TIAGO, FATIMA],
    },
]

# Where each cohort's field actions took place, one per field assignment
# in reading order.
PLACES = {
    "noailles": [
        "Marché des Capucins, Noailles",
        "Local associatif, rue d'Aubagne",
        "Musée Cantini",
    ],
    "lisboa-transnational": [
        "Mercado de Marvila",
        "Biblioteca de Marvila",
        "Museu Nacional de Arte Contemporânea do Chiado",
    ],
    "torino": [
        "Mercato di piazza Foroni",
        "Bagni pubblici di via Agliè",
        "Accademia Albertina",
    ],
    "canarias": [
        "Mercado de Vegueta",
        "Centro cívico de La Isleta",
        "Centro Atlántico de Arte Moderno",
    ],
    "marseille-sud": [
        "Marché de la Capelette",
        "Centre social Sainte-Marguerite",
        "Musée Cantini",
    ],
    "lisboa": [
        "Mercado de Marvila",
        "Biblioteca de Marvila",
        "Museu Nacional de Arte Contemporânea do Chiado",
    ],
}

# What learners wrote in their reports, by cohort language and field
# assignment in reading order (market outing, listening circle, co-designed
# visit).
REPORT_TEXTS = {
    "fr": [
        "Deux heures au marché un samedi matin, avec un stand de café offert. "
        "Beaucoup de personnes ne savaient pas que le musée est gratuit le "
        "dimanche ; trois mères de famille veulent venir avec leurs enfants.",
        "Cercle d'écoute au local associatif, invitations faites de porte à "
        "porte. Les besoins revenus le plus souvent : des horaires en soirée, "
        "une visite en arabe, un lieu où laisser les poussettes.",
        "Visite co-conçue avec cinq habitantes en trois rencontres : elles ont "
        "choisi quatre œuvres et raconté chacune un souvenir lié au port. Le "
        "musée garde leur parcours pour ses visites du samedi.",
    ],
    "en": [
        "Two hours at the market with a free tea stand. Most people we met had "
        "never been inside the museum; an older couple asked for a visit with "
        "seats along the way.",
        "A listening circle at the library, people invited door to door. "
        "What came back most: visits at the weekend, a guide who speaks "
        "Cape Verdean Creole, and being welcome with children.",
        "A visit designed with five residents over three meetings. They chose "
        "the works, wrote the captions in their own words and guided the "
        "first group themselves.",
    ],
    "it": [
        "Due ore al mercato con un tavolino e delle cartoline del museo. Molte "
        "persone non conoscevano l'Accademia; un gruppo di ragazzi ha chiesto "
        "di vedere i laboratori.",
        "Cerchio di ascolto ai bagni pubblici, inviti passati dai negozianti. "
        "I bisogni più frequenti: orari serali, visite in arabo e in rumeno, "
        "un posto per i bambini.",
        "Visita progettata con cinque abitanti in tre incontri: hanno scelto "
        "le opere e raccontato il quartiere di una volta. Il percorso è ora "
        "proposto ogni primo sabato del mese.",
    ],
    "es": [
        "Dos horas en el mercado con una mesa y café. Casi nadie conocía el "
        "centro de arte; varias vecinas pidieron una visita en horario de "
        "tarde.",
        "Círculo de escucha en el centro cívico, con invitaciones de la "
        "asociación vecinal. Lo que más se repitió: transporte desde el "
        "barrio, visitas en familia y actividades al aire libre.",
        "Visita diseñada con cinco vecinos en tres encuentros: eligieron las "
        "obras y las relacionaron con la historia del puerto.",
    ],
}

FEEDBACK = {
    "fr": "Merci pour ce compte rendu précis : les phrases entendues disent "
    "beaucoup. Validé.",
    "en": "Thank you, a clear and honest report. Accepted.",
    "it": "Grazie, un resoconto chiaro e concreto. Accettato.",
    "es": "Gracias por este informe claro y concreto. Aceptado.",
    "pt": "Obrigado, um relatório claro e concreto. Aceite.",
}


def _p(first, last, cohort, country, organisation, role, born, **plan):
    name = unicodedata.normalize("NFKD", f"{first}.{last}".lower())
    slug = "".join(char for char in name if not unicodedata.combining(char))
    return {
        "email": f"{slug.replace(' ', '-')}@{EMAIL_DOMAIN}",
        "first_name": first,
        "last_name": last,
        "cohort": cohort,
        "country": country,
        "organisation": organisation,
        "role": role,
        "birth_year": born,
        "reasons": plan.pop("reasons", []),
        "consent": plan.pop("consent", True),
        "units": plan.pop("units", []),
        "awaiting": plan.pop("awaiting", None),
        **plan,
    }


ECONOMIC, SOCIAL = Reason.ECONOMIC.value, Reason.SOCIAL.value
EDUCATIONAL, CULTURAL = Reason.EDUCATIONAL.value, Reason.CULTURAL.value
GEOGRAPHICAL, HEALTH = Reason.GEOGRAPHICAL.value, Reason.HEALTH.value
DISABILITY = Reason.DISABILITY.value

PARTICIPANTS = [
    # -- Noailles–Belsunce, autumn: four finished, one half-way, one stalled,
    #    one never started.  Most of the autumn cohorts finished within the
    #    same three weeks, so at least one month counts five completions or
    #    more, shown on the chart rather than hidden as "<5".
    _p(
        "Nadia",
        "Haddad",
        "noailles",
        "FR",
        "Centre social Belsunce",
        RELAY,
        1979,
        reasons=[ECONOMIC, SOCIAL],
        units=[158, 152, 146, 140, 135, 128],
    ),
    _p(
        "Karim",
        "Mansouri",
        "noailles",
        "FR",
        "Association Noailles Solidaire",
        FACILITATOR,
        1988,
        reasons=[ECONOMIC],
        units=[155, 146, 135, 118, 90, 52],
    ),
    _p(
        "Élodie",
        "Garnier",
        "noailles",
        "FR",
        "Musée Cantini",
        MEDIATOR,
        1992,
        units=[150, 139, 124, 100, 77, 41],
    ),
    _p(
        "Julie",
        "Fabre",
        "noailles",
        "FR",
        "Association Noailles Solidaire",
        FACILITATOR,
        1983,
        units=[160, 149, 137, 112, 80, 47],
    ),
    _p(
        "Yasmine",
        "Cherif",
        "noailles",
        "FR",
        "Maison pour tous Belsunce",
        RELAY,
        2001,
        reasons=[SOCIAL, CULTURAL],
        units=[120, 108, 90, 45, 12],
        awaiting=4,
    ),
    _p(
        "Thomas",
        "Lefèvre",
        "noailles",
        "FR",
        "Collectif des habitants de Noailles",
        RELAY,
        1958,
        reasons=[ECONOMIC, DISABILITY],
        consent=False,
        units=[140, 131],
    ),
    _p(
        "Awa",
        "Traoré",
        "noailles",
        "FR",
        "Centre social Belsunce",
        RELAY,
        1996,
        reasons=[ECONOMIC, EDUCATIONAL],
    ),
    # -- Lisbon transnational week, autumn: people from the four countries.
    _p(
        "Beatriz",
        "Almeida",
        "lisboa-transnational",
        "PT",
        "Junta de Freguesia de Marvila",
        FACILITATOR,
        1985,
        units=[145, 138, 126, 110, 95, 55],
    ),
    _p(
        "Ricardo",
        "Sousa",
        "lisboa-transnational",
        "PT",
        "Associação Cultural Marvila Viva",
        MEDIATOR,
        1974,
        units=[143, 130, 118, 99, 80, 44],
    ),
    _p(
        "Lucía",
        "Martín",
        "lisboa-transnational",
        "ES",
        "Asociación Vecinal La Isleta",
        FACILITATOR,
        1990,
        units=[140, 128, 112, 90, 66, 36],
    ),
    _p(
        "Pablo",
        "Navarro",
        "lisboa-transnational",
        "ES",
        "Fundación La Isleta",
        MEDIATOR,
        1995,
        units=[142, 131, 119, 97, 70, 38],
    ),
    _p(
        "Marco",
        "Bianchi",
        "lisboa-transnational",
        "IT",
        "Cooperativa Sociale Barriera",
        MEDIATOR,
        1983,
        units=[133, 120, 100, 58, 20],
        awaiting=6,
    ),
    _p(
        "Ana",
        "Rodrigues",
        "lisboa-transnational",
        "PT",
        "Associação de Moradores do Condado",
        RELAY,
        1967,
        reasons=[ECONOMIC, SOCIAL],
        units=[125, 110, 60],
        awaiting=9,
    ),
    _p(
        "Hugo",
        "Pereira",
        "lisboa-transnational",
        "PT",
        "Biblioteca de Marvila",
        OTHER,
        1999,
        reasons=[EDUCATIONAL],
        units=[135, 129, 117],
    ),
    _p(
        "Chiara",
        "Romano",
        "lisboa-transnational",
        "IT",
        "Casa del Quartiere di Barriera",
        RELAY,
        1961,
        reasons=[SOCIAL],
        consent=False,
        units=[128, 96],
    ),
    # -- Turin, Barriera di Milano, autumn.
    _p(
        "Giorgia",
        "Ferri",
        "torino",
        "IT",
        "Accademia Albertina",
        MEDIATOR,
        1994,
        units=[135, 124, 110, 92, 71, 33],
    ),
    _p(
        "Luca",
        "Esposito",
        "torino",
        "IT",
        "Associazione Barriera Viva",
        FACILITATOR,
        1981,
        units=[133, 120, 101, 84, 58, 15],
    ),
    _p(
        "Alessandro",
        "Greco",
        "torino",
        "IT",
        "Accademia Albertina",
        OTHER,
        1972,
        units=[131, 119, 104, 88, 66, 50],
    ),
    _p(
        "Francesca",
        "Conti",
        "torino",
        "IT",
        "Biblioteca civica Primo Levi",
        MEDIATOR,
        1970,
        units=[110, 95, 70, 28, 8],
    ),
    _p(
        "Matteo",
        "Ricci",
        "torino",
        "IT",
        "Casa del Quartiere di Barriera",
        RELAY,
        2003,
        reasons=[SOCIAL, ECONOMIC],
        units=[126],
    ),
    _p(
        "Sara",
        "Colombo",
        "torino",
        "IT",
        "Cooperativa Il Margine",
        RELAY,
        1956,
        reasons=[SOCIAL, HEALTH],
    ),
    # -- Gran Canaria, autumn: three people only.
    _p(
        "Carmen",
        "Suárez",
        "canarias",
        "ES",
        "Cabildo de Gran Canaria",
        FACILITATOR,
        1976,
        reasons=[GEOGRAPHICAL],
        units=[115, 104, 90, 72, 50, 18],
    ),
    _p(
        "Javier",
        "Hernández",
        "canarias",
        "ES",
        "Asociación Vecinal de La Isleta",
        RELAY,
        1998,
        units=[100, 82, 35],
        awaiting=2,
    ),
    _p(
        "Nerea",
        "Santana",
        "canarias",
        "ES",
        "Fundación La Isleta",
        RELAY,
        2000,
        reasons=[GEOGRAPHICAL, ECONOMIC],
        units=[95],
    ),
    # -- Marseille Sud, this spring (begun two weeks ago).
    _p(
        "Samir",
        "Bouzid",
        "marseille-sud",
        "FR",
        "Centre social Sainte-Marguerite",
        RELAY,
        1993,
        reasons=[EDUCATIONAL, SOCIAL],
        units=[9],
    ),
    _p(
        "Manon",
        "Roux",
        "marseille-sud",
        "FR",
        "Association Capelette en fête",
        FACILITATOR,
        1987,
    ),
    # -- Lisbon, Marvila, this spring (begins next week).
    _p(
        "Joana",
        "Ribeiro",
        "lisboa",
        "PT",
        "Junta de Freguesia de Marvila",
        FACILITATOR,
        1991,
    ),
    _p("Duarte", "Nunes", "lisboa", "PT", "Biblioteca de Marvila", OTHER, 1964),
]

# The learners ``cms.demo.courses.ensure_cohorts`` creates: a profile (set
# only while theirs is empty) and a plan.
EXISTING = [
    {
        "email": "amina.benali@chainon.example",
        "cohort": "marseille-sud",
        "country": "FR",
        "organisation": "Centre social Sainte-Marguerite",
        "role": RELAY,
        "birth_year": 1984,
        "units": [12, 6],
    },
    {
        "email": "julien.moreau@chainon.example",
        "cohort": "marseille-sud",
        "country": "FR",
        "organisation": "Sagiterre",
        "role": FACILITATOR,
        "birth_year": 1990,
        "units": [11],
        "awaiting": 2,
    },
    {
        "email": "sophie.ferrandi@chainon.example",
        "cohort": "marseille-sud",
        "country": "FR",
        "organisation": "Musée Cantini",
        "role": MEDIATOR,
        "birth_year": 1978,
        "units": [10, 4, 2],
    },
    {
        "email": "moussa.diallo@chainon.example",
        "cohort": "marseille-sud",
        "country": "FR",
        "organisation": "Association Capelette en fête",
        "role": RELAY,
        "birth_year": 2002,
        "units": [13],
    },
    {
        "email": "claire.nguyen@chainon.example",
        "cohort": "marseille-sud",
        "country": "FR",
        "organisation": "Centre social Sainte-Marguerite",
        "role": OTHER,
        "birth_year": 1969,
    },
    {
        "email": "ines.carvalho@chainon.example",
        "cohort": "lisboa",
        "country": "PT",
        "organisation": "Associação Cultural Marvila Viva",
        "role": RELAY,
        "birth_year": 1995,
    },
    {
        "email": "tiago.ferreira@chainon.example",
        "cohort": "lisboa",
        "country": "PT",
        "organisation": "Junta de Freguesia de Marvila",
        "role": FACILITATOR,
        "birth_year": 1980,
    },
    {
        "email": "mariana.lopes@chainon.example",
        "cohort": "lisboa",
        "country": "PT",
        "organisation": "Museu Nacional de Arte Contemporânea do Chiado",
        "role": MEDIATOR,
        "birth_year": 1987,
    },
    {
        "email": "bruno.monteiro@chainon.example",
        "cohort": "lisboa",
        "country": "PT",
        "organisation": "Associação de Moradores do Condado",
        "role": RELAY,
        "birth_year": 1959,
    },
]

# A few contributions to the course's modules (module by position), by the
# participants who made them; ``reviewed`` is days ago when a trainer
# accepted it, None while it waits.
CONTRIBUTIONS = [
    {
        "author": "nadia.haddad@participants.chainon.example",
        "module": 0,
        "kind": "experience",
        "title": "Un café offert au marché des Capucins",
        "body": "Un thermos et des gobelets suffisent : on s'arrête pour un café, "
        "on reste pour parler du quartier. Nous avons rencontré trente "
        "personnes en deux heures.",
        "created": 140,
        "reviewed": 132,
    },
    {
        "author": "beatriz.almeida@participants.chainon.example",
        "module": 2,
        "kind": "case_study",
        "title": "Marvila residents as museum guides",
        "body": "Five residents co-designed a tour of the Chiado museum and now "
        "guide it once a month for their neighbours.",
        "created": 70,
        "reviewed": 61,
    },
    {
        "author": "giorgia.ferri@participants.chainon.example",
        "module": 1,
        "kind": "resource",
        "title": "Mappa dei luoghi d'incontro di Barriera di Milano",
        "body": "Una mappa disegnata con gli abitanti dei posti dove ci si "
        "incontra davvero: il mercato, i bagni pubblici, la panchina davanti "
        "alla farmacia.",
        "created": 20,
        "reviewed": None,
    },
    {
        "author": "carmen.suarez@participants.chainon.example",
        "module": 0,
        "kind": "improvement",
        "title": "Un ejemplo insular para «Preparar una salida de campo»",
        "body": "En las islas, el transporte decide quién puede venir: propongo "
        "añadir a la lista de comprobación los horarios de guagua.",
        "created": 10,
        "reviewed": None,
    },
]
