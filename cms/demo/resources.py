"""The demo's partner area: the partner list, the catalogue, one page per
partner and two or three mediation resources for each of the seven partners.

Each resource is written in French, the network's source language, and
translated into the partner's own language (English for the French
partners); its files are drawn by ``cms.demo.media_files``.  A resource is
known by a translation key derived from its name here, so seeding again
finds it even after an editor changed its title or slug, and leaves it as
the editor left it.
"""

import hashlib
import json
import sys
import uuid
from collections.abc import Callable
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from taggit.models import Tag
from wagtail.documents import get_document_model

from cms.models import HomePage
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerInstitution,
    PartnerListPage,
    ResourceCatalogPage,
    ResourceContributor,
    ResourceTag,
)
from mediation.spaces import space_of

from . import media_files as files
from .h5p import ensure_h5p_package

SOURCE_LANGUAGE = "fr"
DEMO_NAMESPACE = uuid.UUID("0b5d7c2e-2f4a-4e0e-9a57-6c1f0d3e8b21")

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
CC_BY = "http://creativecommons.org/licenses/by/4.0/"
CC_BY_SA = "http://creativecommons.org/licenses/by-sa/4.0/"
CC_BY_NC = "http://creativecommons.org/licenses/by-nc/4.0/"
CC_BY_NC_SA = "http://creativecommons.org/licenses/by-nc-sa/4.0/"
CC_BY_NC_ND = "http://creativecommons.org/licenses/by-nc-nd/4.0/"
IN_COPYRIGHT_EDU = "http://rightsstatements.org/vocab/InC-EDU/1.0/"

NO_HAZARDS = ["noFlashingHazard", "noMotionSimulationHazard", "noSoundHazard"]
EVERY_CONTROL = ["fullKeyboardControl", "fullMouseControl", "fullTouchControl"]

PARTNER_LIST = {
    "fr": {
        "title": "Partenaires",
        "intro": "Les sept organisations du réseau Digital Culture Link et leurs "
        "ressources de médiation, à utiliser au musée ou à distance.",
    },
    "en": {
        "title": "Partners",
        "intro": "The seven organisations of the Digital Culture Link network and "
        "their mediation resources, for use in the museum or remotely.",
    },
    "pt": {
        "title": "Parceiros",
        "intro": "As sete organizações da rede Digital Culture Link e os seus "
        "recursos de mediação, para usar no museu ou à distância.",
    },
    "es": {
        "title": "Socios",
        "intro": "Las siete organizaciones de la red Digital Culture Link y sus "
        "recursos de mediación, para usar en el museo o a distancia.",
    },
    "it": {
        "title": "Partner",
        "intro": "Le sette organizzazioni della rete Digital Culture Link e le loro "
        "risorse di mediazione, da usare al museo o a distanza.",
    },
}
PARTNER_LIST_SLUG = "partners"

CATALOGUE = {
    "fr": {
        "title": "Ressources de médiation",
        "slug": "ressources",
        "intro": "Toutes les ressources publiées par les partenaires du réseau : "
        "visites à 360°, objets 3D, vidéos, guides d'animation… À filtrer par "
        "public, par accessibilité, par langue ou par licence.",
    },
    "en": {
        "title": "Mediation resources",
        "slug": "resources",
        "intro": "Every resource published by the network's partners: 360° tours, "
        "3D objects, videos, activity guides… Filter them by audience, "
        "accessibility, language or licence.",
    },
    "pt": {
        "title": "Recursos de mediação",
        "slug": "recursos",
        "intro": "Todos os recursos publicados pelos parceiros da rede: visitas a "
        "360°, objetos 3D, vídeos, guias de animação… Filtre por público, "
        "acessibilidade, língua ou licença.",
    },
    "es": {
        "title": "Recursos de mediación",
        "slug": "recursos",
        "intro": "Todos los recursos publicados por los socios de la red: visitas "
        "en 360°, objetos 3D, vídeos, guías de animación… Fíltrelos por "
        "público, accesibilidad, idioma o licencia.",
    },
    "it": {
        "title": "Risorse di mediazione",
        "slug": "risorse",
        "intro": "Tutte le risorse pubblicate dai partner della rete: visite a "
        "360°, oggetti 3D, video, guide di animazione… Filtrale per pubblico, "
        "accessibilità, lingua o licenza.",
    },
}

PARTNER_INTRO = {
    "fr": "Les ressources de médiation publiées par {name}.",
    "en": "The mediation resources published by {name}.",
    "pt": "Os recursos de mediação publicados por {name}.",
    "es": "Los recursos de mediación publicados por {name}.",
    "it": "Le risorse di mediazione pubblicate da {name}.",
}

# -- The two guides printed as PDF -------------------------------------------------

OUTING_GUIDE = (
    "Préparer une sortie au musée avec des habitant·es-relais",
    [
        (
            "Pourquoi ce guide",
            [
                "Une sortie au musée réussie se construit avec les habitant·es-"
                "relais, pas seulement pour eux. Ce guide propose une méthode en "
                "quatre temps, éprouvée dans les quartiers du réseau Digital "
                "Culture Link.",
            ],
        ),
        (
            "1. Choisir ensemble (trois semaines avant)",
            [
                "Réunissez les habitant·es-relais et présentez deux ou trois "
                "propositions : une exposition, une visite à 360° en ligne, un "
                "atelier. Laissez le groupe choisir et fixer la date.",
                "Recensez les freins : transport, coût, garde des enfants, "
                "horaires, besoins d'accessibilité. Signalez chaque besoin au "
                "service des publics du musée.",
            ],
        ),
        (
            "2. Préparer la visite (la semaine d'avant)",
            [
                "Montrez quelques œuvres en ligne pour que personne ne découvre "
                "tout le jour même. Confiez à chaque habitant·e-relais un petit "
                "groupe et une œuvre à présenter avec ses mots.",
            ],
        ),
        (
            "3. Vivre la sortie",
            [
                "Prévoyez un point de rendez-vous connu de tous, des pauses et un "
                "temps libre dans les salles. Le ou la médiateur·rice du musée "
                "intervient à la demande du groupe.",
            ],
        ),
        (
            "4. Garder trace et prolonger",
            [
                "Dans la semaine, organisez un retour dans le quartier : photos, "
                "impressions, photolangage. Notez les idées pour la prochaine "
                "sortie et partagez-les avec le musée.",
            ],
        ),
    ],
)

WEAVING_GUIDE = (
    "Atelier « Tisser les récits du quartier » : guide d'animation",
    [
        (
            "L'atelier en bref",
            [
                "Durée : deux heures. Groupe : 6 à 12 personnes, dès 8 ans. Lieu : "
                "une salle calme avec de grandes tables, au musée ou dans le "
                "quartier.",
            ],
        ),
        (
            "Matériel",
            [
                "Un métier à tisser en carton par personne, de la laine de six "
                "couleurs au moins, des aiguilles à bout rond, des ciseaux, un "
                "carnet pour noter les récits (avec l'accord des participant·es).",
            ],
        ),
        (
            "Déroulé",
            [
                "Accueil et présentation de deux tissus de la collection (20 minutes).",
                "Tissage et récits : chacun·e tisse une bande en racontant un "
                "souvenir lié à un tissu, un vêtement ou une fête (1 heure).",
                "Assemblage : les bandes sont cousues ensemble pour former une "
                "trame collective (30 minutes).",
                "Clôture : chaque personne dit un mot sur la trame (10 minutes).",
            ],
        ),
        (
            "Accessibilité",
            [
                "Les métiers en carton épais se tiennent facilement ; pour les "
                "mains qui serrent peu, fixez-les à la table. Décrivez à voix "
                "haute les couleurs choisies pour les personnes malvoyantes.",
            ],
        ),
        (
            "Après l'atelier",
            [
                "Exposez la trame avec les récits recueillis, au musée ou dans un "
                "lieu du quartier, et invitez les familles au vernissage.",
            ],
        ),
    ],
)

# -- The resources -------------------------------------------------------------------
#
# ``texts`` holds what is written in each language (French first); ``media``
# the files in the order visitors meet them, whose captions and alternatives
# per language are the ``media`` entries of ``texts``.  Everything else is
# the same in every language.

RESOURCES = [
    # Sagiterre: the coordinating association writes guides for mediators.
    {
        "key": "sagiterre/preparer-une-sortie",
        "partner": "sagiterre",
        "resource_type": "mediator_guide",
        "rights": CC_BY_SA,
        "credit_line": "Sagiterre, réseau Digital Culture Link",
        "rights_holder": "Sagiterre",
        "audiences": ["mediators"],
        "use_context": "both",
        "access_modes": ["textual"],
        "access_modes_sufficient": ["textual"],
        "accessibility_features": ["structuralNavigation"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 30,
        "contributors": [("Nadia Belkacem", "author"), ("Karim Haddad", "mediator")],
        "media": [
            {
                "kind": "document",
                "file": "guide-sortie-au-musee",
                "language": "fr",
                "make": partial(files.pdf, *OUTING_GUIDE),
            }
        ],
        "texts": {
            "fr": {
                "title": "Préparer une sortie au musée avec des habitant·es-relais",
                "slug": "preparer-une-sortie-au-musee",
                "summary": "Un guide pas à pas pour construire une sortie au musée "
                "avec les habitant·es-relais d'un quartier : choisir ensemble, "
                "préparer la visite, la vivre et en garder trace.",
                "easy_to_read": "Ce guide aide à préparer une sortie au musée.\n"
                "Les habitants choisissent la sortie avec vous.\n"
                "Ensemble, vous préparez le trajet et la visite.\n"
                "Après la visite, vous parlez de ce que vous avez vu.",
                "accessibility_summary": "Le guide est un PDF en texte, que l'on "
                "peut sélectionner et faire lire par un lecteur d'écran ; ses "
                "conseils principaux sont repris sur cette page. Ses titres ne "
                "sont pas encore balisés dans le PDF.",
                "device_requirements": "Un ordinateur ou une tablette pour lire le "
                "guide ; il s'imprime aussi sur une page.",
                "learning_outcomes": "<ul><li>Co-construire le programme d'une "
                "sortie avec les habitant·es-relais</li><li>Anticiper les freins : "
                "transport, coût, horaires, accessibilité</li><li>Animer un temps "
                "d'échange après la visite</li></ul>",
                "mediator_guide": "<h4>Avant</h4><p>Réunissez les habitant·es-"
                "relais trois semaines avant la sortie et laissez le groupe "
                "choisir entre deux ou trois propositions.</p><h4>Pendant</h4>"
                "<p>Confiez à chaque habitant·e-relais un petit groupe et une "
                "œuvre à présenter avec ses mots.</p><h4>Après</h4><p>Dans la "
                "semaine, organisez un retour dans le quartier : photos, "
                "impressions, idées pour la prochaine sortie.</p>",
                "themes": [
                    "sortie culturelle",
                    "habitant·es-relais",
                    "co-construction",
                ],
                "media": [
                    {"title": "Guide : préparer une sortie au musée (PDF, une page)"}
                ],
            },
            "en": {
                "title": "Preparing a museum outing with resident relays",
                "slug": "preparing-a-museum-outing",
                "summary": "A step-by-step guide to building a museum outing with "
                "a neighbourhood's resident relays: choosing together, preparing "
                "the visit, living it and keeping a record of it.",
                "easy_to_read": "This guide helps you prepare a museum outing.\n"
                "The residents choose the outing with you.\n"
                "Together, you prepare the journey and the visit.\n"
                "After the visit, you talk about what you saw.",
                "accessibility_summary": "The guide is a text PDF in French, which "
                "can be selected and read aloud by a screen reader; its main "
                "advice is given on this page. Its headings are not yet tagged in "
                "the PDF.",
                "device_requirements": "A computer or tablet to read the guide; it "
                "also prints on one page.",
                "learning_outcomes": "<ul><li>Co-construct an outing's programme "
                "with resident relays</li><li>Anticipate obstacles: transport, "
                "cost, timetables, accessibility</li><li>Lead a discussion after "
                "the visit</li></ul>",
                "mediator_guide": "<h4>Before</h4><p>Bring the resident relays "
                "together three weeks before the outing and let the group choose "
                "between two or three proposals.</p><h4>During</h4><p>Give each "
                "resident relay a small group and an artwork to present in their "
                "own words.</p><h4>After</h4><p>Within a week, hold a debrief in "
                "the neighbourhood: photos, impressions, ideas for the next "
                "outing.</p>",
                "themes": ["cultural outing", "resident relays", "co-construction"],
                "media": [
                    {
                        "title": "Guide: preparing a museum outing (PDF in French, one page)"
                    }
                ],
            },
        },
    },
    {
        "key": "sagiterre/vrai-ou-faux",
        "partner": "sagiterre",
        "resource_type": "h5p_activity",
        "rights": CC_BY_SA,
        "credit_line": "Sagiterre, d'après H5P True/False (MIT)",
        "rights_holder": "Sagiterre",
        "audiences": ["mediators"],
        "age_min": 16,
        "use_context": "remote",
        "access_modes": ["textual", "visual"],
        "access_modes_sufficient": ["textual"],
        "accessibility_features": ["structuralNavigation"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 5,
        "contributors": [("Nadia Belkacem", "author"), ("Sagiterre", "developer")],
        "media": [{"kind": "h5p"}],
        "texts": {
            "fr": {
                "title": "Vrai ou faux : une sortie au musée avec des "
                "habitant·es-relais",
                "slug": "vrai-ou-faux-sortie-au-musee",
                "summary": "Une question courte pour vérifier un principe de la "
                "formation-action : une sortie se construit avec les "
                "habitant·es-relais, pas seulement pour eux.",
                "easy_to_read": "Lisez la phrase.\n"
                "Dites si elle est vraie ou fausse.\n"
                "Cliquez sur « Vérifier » pour voir la réponse.",
                "accessibility_summary": "L'activité se joue au clavier, à la "
                "souris ou au toucher ; les lecteurs d'écran lisent la question, "
                "les réponses et le résultat. Elle est en français.",
                "device_requirements": "Un navigateur récent avec JavaScript, sur "
                "ordinateur, tablette ou téléphone.",
                "learning_outcomes": "<ul><li>Distinguer « faire pour » et « faire "
                "avec » les habitant·es</li></ul>",
                "mediator_guide": "<p>Ouvrez une séance avec cette question : "
                "chacun·e répond seul·e, puis le groupe discute des réponses "
                "avant de voir la solution.</p>",
                "themes": ["formation-action", "habitant·es-relais", "quiz"],
                "media": [{"title": "Activité : vrai ou faux"}],
            },
            "en": {
                "title": "True or false: a museum outing with resident relays "
                "(in French)",
                "slug": "true-or-false-museum-outing",
                "summary": "A short question to check a principle of action-based "
                "training: an outing is built with resident relays, not only for "
                "them.",
                "easy_to_read": "Read the sentence.\n"
                "Say if it is true or false.\n"
                "Click “Vérifier” (check) to see the answer.",
                "accessibility_summary": "The activity works with the keyboard, the "
                "mouse or touch; screen readers read the question, the answers "
                "and the result. It is in French.",
                "device_requirements": "A recent browser with JavaScript, on a "
                "computer, tablet or phone.",
                "learning_outcomes": "<ul><li>Tell “doing for” from “doing with” "
                "residents</li></ul>",
                "mediator_guide": "<p>Open a session with this question: everyone "
                "answers alone, then the group discusses the answers before "
                "looking at the solution.</p>",
                "themes": ["action-based training", "resident relays", "quiz"],
                "media": [{"title": "Activity: true or false (in French)"}],
            },
        },
    },
    {
        "key": "sagiterre/photolangage",
        "partner": "sagiterre",
        "resource_type": "mediator_guide",
        "rights": CC_BY_SA,
        "credit_line": "Sagiterre, réseau Digital Culture Link",
        "rights_holder": "Sagiterre",
        "audiences": ["mediators", "youth", "rural", "disability"],
        "disabilities": ["intellectual", "cognitive"],
        "age_min": 12,
        "use_context": "on_site",
        "access_modes": ["textual"],
        "access_modes_sufficient": ["textual"],
        "accessibility_features": ["structuralNavigation"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 45,
        "contributors": [
            ("Karim Haddad", "mediator"),
            ("Nadia Belkacem", "easy_to_read_writer"),
        ],
        "media": [],
        "texts": {
            "fr": {
                "title": "Animer un photolangage après une visite",
                "slug": "animer-un-photolangage",
                "summary": "Une fiche d'animation pour aider un groupe à mettre des "
                "mots sur une visite : chacun·e choisit une image, dit pourquoi, "
                "et le groupe construit un récit commun.",
                "easy_to_read": "Après la visite, le groupe s'assoit en cercle.\n"
                "Des images sont posées sur la table.\n"
                "Chaque personne choisit une image.\n"
                "Elle dit pourquoi elle l'a choisie.\n"
                "Personne n'a tort.",
                "accessibility_summary": "Fiche en texte, structurée par des titres. "
                "Avec des personnes aveugles, remplacez les photos par des objets "
                "ou par des images décrites à voix haute.",
                "device_requirements": "Pas d'écran pendant l'animation : une "
                "trentaine d'images imprimées et une grande table.",
                "learning_outcomes": "<ul><li>Faciliter la prise de parole de "
                "personnes peu habituées au musée</li><li>Recueillir la parole "
                "des participant·es sans la juger</li></ul>",
                "mediator_guide": "<h4>Préparer</h4><p>Choisissez 30 à 40 images "
                "variées : œuvres vues pendant la visite, paysages, objets du "
                "quotidien, visages.</p><h4>Animer (45 minutes)</h4><ol><li>Posez "
                "la question : « Que retenez-vous de la visite ? »</li><li>Chacun·e "
                "choisit une image en silence.</li><li>Tour de parole : une image, "
                "une phrase.</li><li>Le groupe relie les images pour raconter la "
                "visite.</li></ol><h4>Garder trace</h4><p>Photographiez la table "
                "à la fin : la composition devient la trace de la séance, à "
                "partager avec le musée.</p>",
                "themes": ["photolangage", "prise de parole", "après la visite"],
                "media": [],
            },
            "en": {
                "title": "Leading a photolanguage session after a visit",
                "slug": "leading-a-photolanguage-session",
                "summary": "An activity sheet to help a group put words to a "
                "visit: everyone picks a picture, says why, and the group builds "
                "a shared story.",
                "easy_to_read": "After the visit, the group sits in a circle.\n"
                "Pictures are laid on the table.\n"
                "Each person picks a picture.\n"
                "They say why they picked it.\n"
                "Nobody is wrong.",
                "accessibility_summary": "A text sheet, structured with headings. "
                "With blind participants, replace the photos with objects or with "
                "pictures described aloud.",
                "device_requirements": "No screen during the session: about thirty "
                "printed pictures and a large table.",
                "learning_outcomes": "<ul><li>Help people who rarely visit museums "
                "to speak up</li><li>Collect what participants say without "
                "judging it</li></ul>",
                "mediator_guide": "<h4>Prepare</h4><p>Choose 30 to 40 varied "
                "pictures: artworks seen during the visit, landscapes, everyday "
                "objects, faces.</p><h4>Lead (45 minutes)</h4><ol><li>Ask: “What "
                "do you remember from the visit?”</li><li>Everyone picks a "
                "picture in silence.</li><li>Round of speaking: one picture, one "
                "sentence.</li><li>The group links the pictures to tell the "
                "visit.</li></ol><h4>Keep a record</h4><p>Photograph the table at "
                "the end: the layout becomes the record of the session, to share "
                "with the museum.</p>",
                "themes": ["photolanguage", "speaking up", "after the visit"],
                "media": [],
            },
        },
    },
    # Musée Cantini: modern art in Marseille.
    {
        "key": "musee-cantini/salle-360",
        "partner": "musee-cantini",
        "resource_type": "tour_360",
        "related_works": "Collections d'art moderne du Musée Cantini, "
        "19 rue Grignan, Marseille",
        "rights": IN_COPYRIGHT_EDU,
        "credit_line": "© Ville de Marseille, Musée Cantini — vue de salle",
        "rights_holder": "Ville de Marseille",
        "audiences": ["disability", "rural", "families"],
        "disabilities": ["motor"],
        "age_min": 7,
        "use_context": "remote",
        "access_modes": ["visual", "textual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["alternativeText", "longDescription"],
        "accessibility_hazards": [
            "motionSimulation",
            "noFlashingHazard",
            "noSoundHazard",
        ],
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 20,
        "contributors": [
            ("Claire Martin", "mediator"),
            ("Louis Ferrand", "photographer"),
        ],
        "media": [
            {
                "kind": "panorama",
                "file": "salle-des-avant-gardes-360",
                "make": partial(files.panorama, "gallery"),
            }
        ],
        "texts": {
            "fr": {
                "title": "La salle des avant-gardes en 360°",
                "slug": "salle-des-avant-gardes-360",
                "summary": "Entrez dans une salle du musée sans vous déplacer : "
                "tournez la vue pour découvrir les huit tableaux accrochés tout "
                "autour, puis choisissez celui dont vous parlerez avec le groupe.",
                "easy_to_read": "Vous êtes dans une salle du musée.\n"
                "Il y a 8 tableaux sur les murs.\n"
                "Vous pouvez tourner l'image avec les flèches du clavier.\n"
                "Choisissez un tableau.\n"
                "Dites ce que vous voyez.",
                "accessibility_summary": "La vue se tourne au clavier (flèches), à "
                "la souris ou au toucher. Une description détaillée de la salle la "
                "remplace pour les personnes aveugles. La rotation de la vue peut "
                "donner le mal des transports : un avertissement s'affiche avant "
                "de l'ouvrir.",
                "device_requirements": "Un ordinateur, une tablette ou un "
                "smartphone récents ; pas besoin de casque de réalité virtuelle.",
                "period": "XXe siècle",
                "learning_outcomes": "<ul><li>Préparer une visite avec un groupe "
                "qui ne peut pas se déplacer</li><li>Faire choisir une œuvre et "
                "en parler avec ses propres mots</li></ul>",
                "mediator_guide": "<p>Projetez la vue sur un grand écran et confiez "
                "la rotation à un·e participant·e. Arrêtez-vous devant chaque "
                "tableau : « Qu'est-ce qui attire votre regard ? » Terminez par "
                "un vote pour choisir le tableau à voir en vrai lors de la "
                "sortie.</p>",
                "themes": ["art moderne", "avant-gardes", "visite virtuelle"],
                "media": [
                    {
                        "title": "La salle en 360°",
                        "alt": "Vue à 360° d'une salle de musée aux murs blancs, "
                        "éclairée par quatre plafonniers. Huit tableaux carrés aux "
                        "cadres bruns sont accrochés à hauteur des yeux tout "
                        "autour de la salle : sur des fonds rouge, bleu, jaune, "
                        "vert, violet, noir, orange et bleu ciel, un triangle et "
                        "un disque de couleur vive alternent. Le sol est un "
                        "parquet brun.",
                    }
                ],
            },
            "en": {
                "title": "The avant-garde room in 360°",
                "slug": "the-avant-garde-room-in-360",
                "summary": "Step into one of the museum's rooms without leaving "
                "your seat: turn the view to discover the eight paintings hung "
                "all around, then choose the one you will talk about with the "
                "group.",
                "easy_to_read": "You are in a room of the museum.\n"
                "There are 8 paintings on the walls.\n"
                "You can turn the picture with the arrow keys.\n"
                "Choose a painting.\n"
                "Say what you see.",
                "accessibility_summary": "The view turns with the keyboard (arrow "
                "keys), the mouse or touch. A detailed description of the room "
                "replaces it for blind visitors. Turning the view may cause "
                "motion sickness: a warning is shown before it opens.",
                "device_requirements": "A recent computer, tablet or smartphone; no "
                "virtual-reality headset needed.",
                "period": "20th century",
                "learning_outcomes": "<ul><li>Prepare a visit with a group that "
                "cannot travel</li><li>Have people choose an artwork and talk "
                "about it in their own words</li></ul>",
                "mediator_guide": "<p>Project the view on a large screen and let a "
                "participant turn it. Stop in front of each painting: “What "
                "catches your eye?” End with a vote on the painting to see for "
                "real during the outing.</p>",
                "themes": ["modern art", "avant-garde", "virtual tour"],
                "media": [
                    {
                        "title": "The room in 360°",
                        "alt": "A 360° view of a white-walled museum room lit by "
                        "four ceiling lights. Eight square paintings in brown "
                        "frames hang at eye level all around the room: on red, "
                        "blue, yellow, green, purple, black, orange and sky-blue "
                        "grounds, a brightly coloured triangle and disc "
                        "alternate. The floor is brown parquet.",
                    }
                ],
            },
        },
    },
    {
        "key": "musee-cantini/deux-details",
        "partner": "musee-cantini",
        "resource_type": "image_set",
        "related_works": "Collections d'art moderne du Musée Cantini, Marseille",
        "rights": CC_BY_NC_SA,
        "credit_line": "Musée Cantini, service des publics",
        "rights_holder": "Ville de Marseille",
        "audiences": ["families", "disability", "youth"],
        "disabilities": ["intellectual", "cognitive", "visual"],
        "age_min": 6,
        "use_context": "both",
        "access_modes": ["visual", "textual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": [
            "alternativeText",
            "highContrastDisplay",
            "largePrint",
        ],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 15,
        "contributors": [
            ("Claire Martin", "mediator"),
            ("Sophie Arnaud", "easy_to_read_writer"),
        ],
        "media": [
            {
                "kind": "image",
                "file": "detail-rond-rouge",
                "make": partial(files.picture, "circle-and-line"),
            },
            {
                "kind": "image",
                "file": "detail-formes-noires",
                "make": partial(files.picture, "tilted-rectangles"),
            },
        ],
        "texts": {
            "fr": {
                "title": "Deux détails à regarder ensemble",
                "slug": "deux-details-a-regarder-ensemble",
                "summary": "Deux détails agrandis, une question par image : un "
                "support simple pour lancer la discussion devant une œuvre "
                "moderne, avec des enfants ou des adultes qui découvrent le musée.",
                "easy_to_read": "Regardez la première image.\n"
                "Il y a un grand rond rouge et une ligne jaune.\n"
                "À quoi cela vous fait-il penser ?\n"
                "Regardez la deuxième image.\n"
                "Il y a trois formes noires penchées.\n"
                "Est-ce qu'elles tombent ou est-ce qu'elles marchent ?",
                "accessibility_summary": "Chaque image est décrite. Les questions "
                "existent en facile à lire et à comprendre (FALC). Les détails "
                "agrandis et très contrastés aident les personnes malvoyantes.",
                "device_requirements": "Une tablette ou un écran ; les images "
                "s'impriment aussi en grand format.",
                "period": "XXe siècle",
                "learning_outcomes": "<ul><li>Lancer une discussion à partir d'un "
                "détail plutôt que de l'œuvre entière</li><li>Accueillir toutes "
                "les interprétations</li></ul>",
                "mediator_guide": "<p>Montrez un détail sans dire de quelle œuvre "
                "il vient. Laissez le groupe imaginer, puis partez ensemble à la "
                "recherche de l'œuvre dans les salles.</p>",
                "themes": ["art moderne", "regarder ensemble", "famille"],
                "media": [
                    {
                        "title": "Détail 1 : le rond rouge",
                        "alt": "Sur un fond bleu nuit, un grand disque rouge à "
                        "gauche. Une ligne jaune, fine et droite, le traverse en "
                        "montant vers la droite. En bas à droite, un petit "
                        "croissant de lune blanc.",
                    },
                    {
                        "title": "Détail 2 : les formes noires",
                        "alt": "Sur un fond ocre, trois formes noires étroites et "
                        "penchées, côte à côte, comme trois silhouettes qui "
                        "avancent. Au-dessus de la troisième, un petit trait "
                        "blanc en forme de V, comme un oiseau.",
                    },
                ],
            },
            "en": {
                "title": "Two details to look at together",
                "slug": "two-details-to-look-at-together",
                "summary": "Two enlarged details, one question per picture: a "
                "simple way to start a discussion in front of a modern artwork, "
                "with children or adults new to the museum.",
                "easy_to_read": "Look at the first picture.\n"
                "There is a big red circle and a yellow line.\n"
                "What does it make you think of?\n"
                "Look at the second picture.\n"
                "There are three black shapes leaning over.\n"
                "Are they falling or are they walking?",
                "accessibility_summary": "Each picture is described. The questions "
                "are also written in easy-to-read language. The enlarged, "
                "high-contrast details help partially sighted visitors.",
                "device_requirements": "A tablet or a screen; the pictures also "
                "print in large format.",
                "period": "20th century",
                "learning_outcomes": "<ul><li>Start a discussion from a detail "
                "rather than the whole artwork</li><li>Welcome every "
                "interpretation</li></ul>",
                "mediator_guide": "<p>Show a detail without saying which artwork it "
                "comes from. Let the group imagine, then go and find the artwork "
                "together in the galleries.</p>",
                "themes": ["modern art", "looking together", "family"],
                "media": [
                    {
                        "title": "Detail 1: the red circle",
                        "alt": "On a midnight-blue ground, a large red disc on the "
                        "left. A thin, straight yellow line crosses it, rising "
                        "to the right. Bottom right, a small white crescent moon.",
                    },
                    {
                        "title": "Detail 2: the black shapes",
                        "alt": "On an ochre ground, three narrow black shapes lean "
                        "side by side, like three figures walking. Above the "
                        "third, a small white V-shaped stroke, like a bird.",
                    },
                ],
            },
        },
    },
    {
        "key": "musee-cantini/ecouter-un-tableau",
        "partner": "musee-cantini",
        "resource_type": "audio_guide",
        "related_works": "Collections d'art moderne du Musée Cantini, Marseille",
        "rights": CC_BY_NC_ND,
        "credit_line": "Création sonore : Musée Cantini et réseau Chaînon",
        "rights_holder": "Ville de Marseille",
        "audiences": ["disability", "families"],
        "disabilities": ["visual", "autism"],
        "age_min": 5,
        "use_context": "both",
        "access_modes": ["auditory"],
        "access_modes_sufficient": ["auditory", "textual"],
        "accessibility_features": ["transcript"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 5,
        "contributors": [("Élise Roux", "creator"), ("Claire Martin", "mediator")],
        "media": [
            {
                "kind": "audio",
                "file": "creation-sonore",
                "make": partial(
                    files.tones,
                    [
                        (0.0, 2.6, 220, 220, 0.6),
                        (0.8, 2.6, 277, 277, 0.5),
                        (1.6, 2.6, 330, 330, 0.5),
                        (3.2, 2.6, 440, 660, 0.4),
                    ],
                    6,
                ),
                "transcript": {
                    "fr": "<p>[Pièce sans paroles, 6 secondes.] Trois notes graves "
                    "et douces se posent l'une après l'autre, puis une note plus "
                    "aiguë monte lentement et s'éteint. Le silence revient.</p>",
                    "en": "<p>[Piece without words, 6 seconds.] Three soft, low "
                    "notes settle one after the other, then a higher note slowly "
                    "rises and fades away. Silence returns.</p>",
                },
            }
        ],
        "texts": {
            "fr": {
                "title": "Écouter un tableau : une création sonore",
                "slug": "ecouter-un-tableau",
                "summary": "Une courte pièce sonore composée d'après un tableau de "
                "la collection : des notes douces qui se répondent, pour regarder "
                "(ou imaginer) l'œuvre autrement.",
                "easy_to_read": "Mettez un casque ou montez le son.\n"
                "Écoutez les notes.\n"
                "Fermez les yeux si vous voulez.\n"
                "Quelles couleurs imaginez-vous ?",
                "accessibility_summary": "La pièce est sans paroles ; sa "
                "transcription décrit ce que l'on entend, pour les personnes "
                "sourdes ou malentendantes. Le lecteur se commande au clavier. "
                "Le son est doux, sans bruit soudain.",
                "device_requirements": "Un appareil avec haut-parleurs ou un casque.",
                "period": "XXe siècle",
                "learning_outcomes": "<ul><li>Proposer une entrée sensorielle dans "
                "une œuvre</li><li>Faire le lien entre sons, couleurs et "
                "émotions</li></ul>",
                "mediator_guide": "<p>Faites écouter la pièce une première fois les "
                "yeux fermés, puis une seconde fois devant l'œuvre. Demandez quels "
                "sons vont avec quelles couleurs.</p>",
                "themes": ["création sonore", "sens", "art moderne"],
                "media": [{"title": "Création sonore (6 secondes, sans paroles)"}],
            },
            "en": {
                "title": "Listening to a painting: a sound piece",
                "slug": "listening-to-a-painting",
                "summary": "A short sound piece composed after a painting in the "
                "collection: soft notes answering one another, to look at (or "
                "imagine) the artwork differently.",
                "easy_to_read": "Put on headphones or turn up the sound.\n"
                "Listen to the notes.\n"
                "Close your eyes if you like.\n"
                "Which colours do you imagine?",
                "accessibility_summary": "The piece has no words; its transcript "
                "describes what can be heard, for deaf and hard-of-hearing "
                "visitors. The player works with the keyboard. The sound is soft, "
                "with no sudden noise.",
                "device_requirements": "A device with speakers or headphones.",
                "period": "20th century",
                "learning_outcomes": "<ul><li>Offer a sensory way into an "
                "artwork</li><li>Link sounds, colours and emotions</li></ul>",
                "mediator_guide": "<p>Play the piece once with eyes closed, then "
                "again in front of the artwork. Ask which sounds go with which "
                "colours.</p>",
                "themes": ["sound piece", "senses", "modern art"],
                "media": [{"title": "Sound piece (6 seconds, no words)"}],
            },
        },
    },
    # Museu Nacional de Arte Contemporânea, Lisbon.
    {
        "key": "mnac-lisboa/generique",
        "partner": "mnac-lisboa",
        "resource_type": "video",
        "related_works": "Museu Nacional de Arte Contemporânea do Chiado, "
        "Rua Serpa Pinto 4, Lisboa",
        "rights": CC_BY_NC_ND,
        "credit_line": "MNAC – Museu do Chiado et réseau Chaînon",
        "rights_holder": "Museu Nacional de Arte Contemporânea",
        "audiences": ["youth", "disability"],
        "disabilities": ["hearing"],
        "age_min": 12,
        "use_context": "remote",
        "access_modes": ["visual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["closedCaptions", "transcript"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 1,
        "contributors": [("Rita Almeida", "creator"), ("Marta Sousa", "translator")],
        "media": [
            {
                "kind": "video",
                "file": "generique-le-musee-va-au-quartier",
                "make": files.title_sequence,
                "captions": {
                    "fr": [
                        (0, 1, "[Générique sans paroles]"),
                        (1, 2, "Chainon — Le musée va au quartier"),
                    ],
                    "pt": [
                        (0, 1, "[Genérico sem palavras]"),
                        (1, 2, "Chainon — O museu vai ao bairro"),
                    ],
                },
                "transcript": {
                    "fr": "<p>Sur un fond bleu, un carré jaune glisse de gauche à "
                    "droite. En bas, le mot « Chainon » est écrit en blanc. La "
                    "vidéo n'a pas de son.</p>",
                    "pt": "<p>Sobre um fundo azul, um quadrado amarelo desliza da "
                    "esquerda para a direita. Em baixo, a palavra «Chainon» está "
                    "escrita a branco. O vídeo não tem som.</p>",
                },
            }
        ],
        "texts": {
            "fr": {
                "title": "« Le musée va au quartier » : le générique de la série",
                "slug": "le-musee-va-au-quartier-generique",
                "summary": "Le générique de la série vidéo que le musée tourne avec "
                "les habitant·es du Chiado et de la Mouraria : deux secondes pour "
                "reconnaître la série, sous-titrées et transcrites.",
                "easy_to_read": "C'est une vidéo très courte.\n"
                "On voit un carré jaune qui bouge sur un fond bleu.\n"
                "On lit le mot « Chainon ».\n"
                "Il n'y a pas de son.",
                "accessibility_summary": "Vidéo sans son, sous-titrée (les "
                "sous-titres disent ce qui s'affiche) et transcrite. Aucun "
                "clignotement. Le lecteur se commande au clavier.",
                "device_requirements": "Un navigateur récent qui lit les vidéos WebM.",
                "period": "Art contemporain",
                "learning_outcomes": "<ul><li>Présenter une série vidéo "
                "participative avant une projection</li></ul>",
                "mediator_guide": "<p>Diffusez le générique avant chaque épisode "
                "projeté dans le quartier : il installe un rituel et le groupe "
                "reconnaît la série.</p>",
                "themes": ["vidéo participative", "quartier", "art contemporain"],
                "media": [{"title": "Générique (2 secondes, sans son)"}],
            },
            "pt": {
                "title": "«O museu vai ao bairro»: o genérico da série",
                "slug": "o-museu-vai-ao-bairro-generico",
                "summary": "O genérico da série de vídeo que o museu filma com os "
                "moradores do Chiado e da Mouraria: dois segundos para reconhecer "
                "a série, legendados e transcritos.",
                "easy_to_read": "É um vídeo muito curto.\n"
                "Vê-se um quadrado amarelo a mexer-se sobre um fundo azul.\n"
                "Lê-se a palavra «Chainon».\n"
                "Não tem som.",
                "accessibility_summary": "Vídeo sem som, legendado (as legendas "
                "dizem o que aparece no ecrã) e transcrito. Sem luzes "
                "intermitentes. O leitor usa-se com o teclado.",
                "device_requirements": "Um navegador recente que reproduza vídeos "
                "WebM.",
                "period": "Arte contemporânea",
                "learning_outcomes": "<ul><li>Apresentar uma série de vídeo "
                "participativa antes de uma projeção</li></ul>",
                "mediator_guide": "<p>Passe o genérico antes de cada episódio "
                "projetado no bairro: cria um ritual e o grupo reconhece a "
                "série.</p>",
                "themes": ["vídeo participativo", "bairro", "arte contemporânea"],
                "media": [{"title": "Genérico (2 segundos, sem som)"}],
            },
        },
    },
    {
        "key": "mnac-lisboa/couleurs-du-modernisme",
        "partner": "mnac-lisboa",
        "resource_type": "image_set",
        "related_works": "Amadeo de Souza-Cardoso (1887–1918), peintre moderniste\n"
        "Almada Negreiros (1893–1970), peintre et écrivain",
        "rights": CC_BY_NC_SA,
        "credit_line": "MNAC – Museu do Chiado, serviço educativo",
        "rights_holder": "Museu Nacional de Arte Contemporânea",
        "audiences": ["youth", "families"],
        "age_min": 8,
        "age_max": 16,
        "use_context": "both",
        "access_modes": ["visual", "textual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["alternativeText", "highContrastDisplay"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 15,
        "contributors": [("Rita Almeida", "mediator"), ("Marta Sousa", "translator")],
        "media": [
            {
                "kind": "image",
                "file": "disques-de-couleur",
                "make": partial(files.picture, "discs"),
            },
            {
                "kind": "image",
                "file": "bandes-de-couleur",
                "make": partial(files.picture, "bands"),
            },
        ],
        "texts": {
            "fr": {
                "title": "Couleurs du modernisme portugais",
                "slug": "couleurs-du-modernisme-portugais",
                "summary": "Deux images inspirées des recherches de couleur des "
                "peintres modernistes portugais, pour préparer la visite des "
                "salles du XXe siècle : des disques, des bandes et beaucoup de "
                "questions.",
                "easy_to_read": "Voici deux images très colorées.\n"
                "La première montre des ronds de couleur.\n"
                "La deuxième montre des bandes de couleur.\n"
                "Quelle couleur préférez-vous ?",
                "accessibility_summary": "Chaque image a une description précise "
                "des formes et des couleurs. Les images n'existent pas encore en "
                "relief pour le toucher.",
                "device_requirements": "Une tablette, un ordinateur ou un tableau "
                "blanc interactif.",
                "period": "1910–1930",
                "learning_outcomes": "<ul><li>Relier formes et couleurs à une "
                "époque, le modernisme</li><li>Préparer le regard avant la visite "
                "des salles</li></ul>",
                "mediator_guide": "<p>Demandez de décrire les images sans les "
                "nommer (« un rond dans un rond »), puis cherchez dans les salles "
                "des œuvres qui jouent avec les mêmes formes.</p>",
                "themes": ["modernisme", "couleur", "Portugal"],
                "media": [
                    {
                        "title": "Disques de couleur",
                        "alt": "Sur un fond crème, deux grands disques se "
                        "chevauchent. Celui de gauche est fait d'anneaux orange, "
                        "vert et bleu autour d'un cœur rose ; celui de droite "
                        "d'anneaux bleu et jaune autour d'un cœur rouge.",
                    },
                    {
                        "title": "Bandes de couleur",
                        "alt": "Des bandes diagonales vertes, rouges et jaunes se "
                        "répètent sur toute l'image, séparées par de fines lignes "
                        "noires, comme un tissu rayé penché vers la droite.",
                    },
                ],
            },
            "pt": {
                "title": "Cores do modernismo português",
                "slug": "cores-do-modernismo-portugues",
                "summary": "Duas imagens inspiradas nas pesquisas de cor dos "
                "pintores modernistas portugueses, para preparar a visita às "
                "salas do século XX: discos, faixas e muitas perguntas.",
                "easy_to_read": "Aqui estão duas imagens muito coloridas.\n"
                "A primeira mostra círculos de cor.\n"
                "A segunda mostra faixas de cor.\n"
                "De que cor gosta mais?",
                "accessibility_summary": "Cada imagem tem uma descrição precisa das "
                "formas e das cores. As imagens ainda não existem em relevo para "
                "explorar com o tato.",
                "device_requirements": "Um tablet, um computador ou um quadro "
                "interativo.",
                "period": "1910–1930",
                "learning_outcomes": "<ul><li>Relacionar formas e cores com uma "
                "época, o modernismo</li><li>Preparar o olhar antes da visita às "
                "salas</li></ul>",
                "mediator_guide": "<p>Peça para descreverem as imagens sem lhes "
                "dar nome («um círculo dentro de um círculo») e procurem depois "
                "nas salas obras que brincam com as mesmas formas.</p>",
                "themes": ["modernismo", "cor", "Portugal"],
                "media": [
                    {
                        "title": "Discos de cor",
                        "alt": "Sobre um fundo creme, dois grandes discos "
                        "sobrepõem-se. O da esquerda é feito de anéis laranja, "
                        "verde e azul à volta de um centro cor-de-rosa; o da "
                        "direita, de anéis azul e amarelo à volta de um centro "
                        "vermelho.",
                    },
                    {
                        "title": "Faixas de cor",
                        "alt": "Faixas diagonais verdes, vermelhas e amarelas "
                        "repetem-se em toda a imagem, separadas por linhas pretas "
                        "finas, como um tecido às riscas inclinado para a direita.",
                    },
                ],
            },
        },
    },
    # Poppet'ARt: immersive and augmented-reality devices.
    {
        "key": "poppet-art/cube-marionnette",
        "partner": "poppet-art",
        "resource_type": "augmented_reality",
        "rights": CC_BY_NC,
        "credit_line": "Poppet'ARt",
        "rights_holder": "Poppet'ARt",
        "audiences": ["youth", "families", "disability"],
        "disabilities": ["hearing", "motor"],
        "age_min": 8,
        "age_max": 14,
        "use_context": "on_site",
        "access_modes": ["visual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["alternativeText"],
        "accessibility_hazards": ["flashing", "noSoundHazard"],
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 25,
        "contributors": [("Léa Moreau", "developer"), ("Hugo Lambert", "illustrator")],
        "media": [
            {
                "kind": "model",
                "file": "cube-marionnette",
                "make": partial(
                    files.glb,
                    "cube",
                    [
                        (0.85, 0.2, 0.2),
                        (0.95, 0.55, 0.15),
                        (0.98, 0.85, 0.2),
                        (0.2, 0.65, 0.35),
                        (0.2, 0.4, 0.85),
                        (0.55, 0.3, 0.7),
                    ],
                    name="Cube-marionnette",
                ),
            }
        ],
        "texts": {
            "fr": {
                "title": "Le cube-marionnette en réalité augmentée",
                "slug": "cube-marionnette-realite-augmentee",
                "summary": "Posez un cube coloré sur une table, dans la salle ou "
                "chez vous, et faites-le tourner : chaque face est une couleur à "
                "associer à une émotion, pour inventer en groupe l'histoire d'une "
                "marionnette.",
                "easy_to_read": "Le cube apparaît sur l'écran du téléphone.\n"
                "Il a 6 faces de couleurs différentes.\n"
                "Tournez le cube.\n"
                "Choisissez une couleur.\n"
                "Dites quelle émotion elle vous donne.",
                "accessibility_summary": "L'objet se manipule au clavier, à la "
                "souris ou au toucher, avec ou sans réalité augmentée. Les effets "
                "lumineux du mode réalité augmentée clignotent : un avertissement "
                "s'affiche avant de l'ouvrir. Un texte décrit chaque face.",
                "device_requirements": "Pour la réalité augmentée, un smartphone ou "
                "une tablette récents avec caméra (ARCore ou ARKit) ; sinon, tout "
                "navigateur récent.",
                "learning_outcomes": "<ul><li>Utiliser la réalité augmentée comme "
                "support de récit</li><li>Faire exprimer des émotions à partir "
                "des couleurs</li></ul>",
                "mediator_guide": "<p>Testez le mode réalité augmentée dans la salle "
                "avant la séance (lumière, réseau). Prévoyez un appareil pour "
                "trois participant·es et alternez : un·e manipule, les autres "
                "racontent.</p>",
                "themes": ["réalité augmentée", "marionnette", "émotions"],
                "media": [
                    {
                        "title": "Le cube-marionnette",
                        "alt": "Un cube de 30 centimètres de côté dont chaque face "
                        "a une couleur différente : rouge, orange, jaune, vert, "
                        "bleu et violet. Les faces sont mates et unies.",
                    }
                ],
            },
            "en": {
                "title": "The puppet cube in augmented reality",
                "slug": "puppet-cube-augmented-reality",
                "summary": "Place a coloured cube on a table, in the gallery or at "
                "home, and turn it: each face is a colour to match with an "
                "emotion, so the group can invent a puppet's story together.",
                "easy_to_read": "The cube appears on the phone's screen.\n"
                "It has 6 faces of different colours.\n"
                "Turn the cube.\n"
                "Choose a colour.\n"
                "Say which emotion it gives you.",
                "accessibility_summary": "The object can be handled with the "
                "keyboard, the mouse or touch, with or without augmented reality. "
                "The light effects of the augmented-reality mode flash: a warning "
                "is shown before it opens. A text describes each face.",
                "device_requirements": "For augmented reality, a recent smartphone "
                "or tablet with a camera (ARCore or ARKit); otherwise any recent "
                "browser.",
                "learning_outcomes": "<ul><li>Use augmented reality to support "
                "storytelling</li><li>Help people express emotions through "
                "colours</li></ul>",
                "mediator_guide": "<p>Try the augmented-reality mode in the room "
                "before the session (light, network). Plan one device for three "
                "participants and take turns: one handles, the others tell the "
                "story.</p>",
                "themes": ["augmented reality", "puppet", "emotions"],
                "media": [
                    {
                        "title": "The puppet cube",
                        "alt": "A cube 30 centimetres wide whose faces each have a "
                        "different colour: red, orange, yellow, green, blue and "
                        "purple. The faces are matt and plain.",
                    }
                ],
            },
        },
    },
    {
        "key": "poppet-art/pyramide",
        "partner": "poppet-art",
        "resource_type": "object_3d",
        "rights": CC0,
        "credit_line": "Poppet'ARt",
        "rights_holder": "Poppet'ARt",
        "audiences": ["mediators", "rural", "families"],
        "age_min": 6,
        "use_context": "remote",
        "access_modes": ["visual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["alternativeText"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 5,
        "contributors": [("Léa Moreau", "developer")],
        "media": [
            {
                "kind": "model",
                "file": "pyramide-quatre-faces",
                "make": partial(
                    files.glb,
                    "tetrahedron",
                    [
                        (0.1, 0.65, 0.65),
                        (0.95, 0.45, 0.4),
                        (0.98, 0.8, 0.25),
                        (0.45, 0.55, 0.7),
                    ],
                    name="Pyramide",
                ),
            }
        ],
        "texts": {
            "fr": {
                "title": "La pyramide à quatre faces : un objet 3D pour s'exercer",
                "slug": "pyramide-objet-3d",
                "summary": "Un objet 3D très simple pour apprendre à manipuler une "
                "visionneuse avant une visite : tourner, zoomer, revenir au "
                "début. La pyramide a quatre faces de couleur, une par consigne.",
                "easy_to_read": "Voici une pyramide en 3D.\n"
                "Elle a 4 faces.\n"
                "Tournez-la avec le doigt, la souris ou les flèches du clavier.\n"
                "Comptez les couleurs.",
                "accessibility_summary": "La visionneuse se commande au clavier, à "
                "la souris et au toucher ; une description en texte remplace "
                "l'objet. Pas de clignotement ni de mouvement automatique.",
                "device_requirements": "Tout navigateur récent ; un écran tactile "
                "est plus confortable.",
                "learning_outcomes": "<ul><li>Se familiariser avec une visionneuse "
                "3D avant une visite numérique</li></ul>",
                "mediator_guide": "<p>Avant de montrer les objets 3D d'un musée, "
                "laissez chacun·e manipuler la pyramide deux minutes : le groupe "
                "apprend les gestes sans avoir peur d'abîmer une œuvre.</p>",
                "themes": ["3D", "prise en main", "numérique"],
                "media": [
                    {
                        "title": "La pyramide",
                        "alt": "Une pyramide à base triangulaire (un tétraèdre) "
                        "d'environ 30 centimètres, dont les quatre faces sont "
                        "turquoise, corail, jaune et gris-bleu.",
                    }
                ],
            },
            "en": {
                "title": "The four-sided pyramid: a 3D object to practise with",
                "slug": "pyramid-3d-object",
                "summary": "A very simple 3D object to learn how to use a viewer "
                "before a visit: turn, zoom, go back to the start. The pyramid has "
                "four coloured faces, one per instruction.",
                "easy_to_read": "Here is a pyramid in 3D.\n"
                "It has 4 faces.\n"
                "Turn it with your finger, the mouse or the arrow keys.\n"
                "Count the colours.",
                "accessibility_summary": "The viewer works with the keyboard, the "
                "mouse and touch; a text description replaces the object. No "
                "flashing and no automatic movement.",
                "device_requirements": "Any recent browser; a touch screen is more "
                "comfortable.",
                "learning_outcomes": "<ul><li>Get used to a 3D viewer before a "
                "digital visit</li></ul>",
                "mediator_guide": "<p>Before showing a museum's 3D objects, let "
                "everyone handle the pyramid for two minutes: the group learns "
                "the gestures without fearing to damage an artwork.</p>",
                "themes": ["3D", "getting started", "digital"],
                "media": [
                    {
                        "title": "The pyramid",
                        "alt": "A triangular-based pyramid (a tetrahedron) about "
                        "30 centimetres high, whose four faces are turquoise, "
                        "coral, yellow and blue-grey.",
                    }
                ],
            },
        },
    },
    # Viceconsejería de Cultura y Patrimonio Cultural, Canary Islands.
    {
        "key": "cultura-canarias/cueva-pintada",
        "partner": "cultura-canarias",
        "resource_type": "tour_360",
        "related_works": "Parque Arqueológico Cueva Pintada, Gáldar (Gran Canaria)",
        "rights": CC_BY,
        "credit_line": "Gobierno de Canarias, Viceconsejería de Cultura y "
        "Patrimonio Cultural",
        "rights_holder": "Gobierno de Canarias",
        "audiences": ["rural", "youth", "disability"],
        "disabilities": ["motor"],
        "age_min": 8,
        "use_context": "remote",
        "access_modes": ["visual", "textual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["alternativeText", "longDescription"],
        "accessibility_hazards": [
            "motionSimulation",
            "noFlashingHazard",
            "noSoundHazard",
        ],
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 15,
        "contributors": [
            ("Ana Suárez", "mediator"),
            ("Pedro Quintana", "photographer"),
        ],
        "media": [
            {
                "kind": "panorama",
                "file": "cueva-pintada-360",
                "make": partial(files.panorama, "cave"),
            }
        ],
        "texts": {
            "fr": {
                "title": "La Cueva Pintada de Gáldar en 360°",
                "slug": "cueva-pintada-galdar-360",
                "summary": "Une vue à 360° inspirée de la grotte peinte de Gáldar, "
                "sur l'île de Grande Canarie : une frise de carrés et de "
                "triangles rouges, blancs et noirs fait le tour de la chambre "
                "creusée dans la roche.",
                "easy_to_read": "Vous êtes dans une grotte.\n"
                "Les murs sont en roche.\n"
                "Tout autour, il y a des dessins : des carrés et des triangles.\n"
                "Ils sont rouges, blancs et noirs.\n"
                "Les anciens habitants de l'île les ont peints il y a très "
                "longtemps.",
                "accessibility_summary": "La vue se tourne au clavier, à la souris "
                "ou au toucher ; une description détaillée la remplace. La "
                "rotation peut donner le mal des transports : un avertissement "
                "s'affiche avant l'ouverture.",
                "device_requirements": "Un ordinateur, une tablette ou un "
                "smartphone récents.",
                "period": "Époque préhispanique",
                "learning_outcomes": "<ul><li>Présenter un site patrimonial fragile, "
                "qui ne se visite qu'accompagné</li><li>Observer un décor "
                "géométrique et en trouver la règle</li></ul>",
                "mediator_guide": "<p>Demandez au groupe de trouver la règle de la "
                "frise (triangle, carré, triangle…), puis d'inventer sa propre "
                "frise avec trois couleurs. Rappelez que la grotte se visite avec "
                "un·e guide, pour la protéger.</p>",
                "themes": ["archéologie", "Canaries", "motifs géométriques"],
                "media": [
                    {
                        "title": "La grotte en 360°",
                        "alt": "Vue à 360° d'une chambre creusée dans la roche "
                        "brune. À hauteur des yeux, une frise fait tout le tour : "
                        "triangles et carrés alternent en rouge, blanc et noir, "
                        "entre deux traits rouges. D'un côté, une ouverture "
                        "laisse voir le ciel bleu. Le sol est sombre.",
                    }
                ],
            },
            "es": {
                "title": "La Cueva Pintada de Gáldar en 360°",
                "slug": "cueva-pintada-galdar-360",
                "summary": "Una vista en 360° inspirada en la cueva pintada de "
                "Gáldar, en Gran Canaria: un friso de cuadrados y triángulos "
                "rojos, blancos y negros recorre la cámara excavada en la roca.",
                "easy_to_read": "Está dentro de una cueva.\n"
                "Las paredes son de roca.\n"
                "Alrededor hay dibujos: cuadrados y triángulos.\n"
                "Son rojos, blancos y negros.\n"
                "Los antiguos habitantes de la isla los pintaron hace mucho "
                "tiempo.",
                "accessibility_summary": "La vista se gira con el teclado, el ratón "
                "o la pantalla táctil; una descripción detallada la sustituye. "
                "El giro puede causar mareo: se muestra un aviso antes de "
                "abrirla.",
                "device_requirements": "Un ordenador, una tableta o un teléfono "
                "inteligente recientes.",
                "period": "Época prehispánica",
                "learning_outcomes": "<ul><li>Presentar un sitio patrimonial "
                "frágil, que solo se visita acompañado</li><li>Observar una "
                "decoración geométrica y descubrir su regla</li></ul>",
                "mediator_guide": "<p>Pida al grupo que descubra la regla del friso "
                "(triángulo, cuadrado, triángulo…) y que invente después su "
                "propio friso con tres colores. Recuerde que la cueva se visita "
                "con guía, para protegerla.</p>",
                "themes": ["arqueología", "Canarias", "motivos geométricos"],
                "media": [
                    {
                        "title": "La cueva en 360°",
                        "alt": "Vista en 360° de una cámara excavada en la roca "
                        "marrón. A la altura de los ojos, un friso da toda la "
                        "vuelta: triángulos y cuadrados alternan en rojo, blanco "
                        "y negro, entre dos trazos rojos. A un lado, una abertura "
                        "deja ver el cielo azul. El suelo es oscuro.",
                    }
                ],
            },
        },
    },
    {
        "key": "cultura-canarias/silbo-gomero",
        "partner": "cultura-canarias",
        "resource_type": "audio_guide",
        "related_works": "Silbo gomero, patrimonio cultural inmaterial de la "
        "humanidad (UNESCO, 2009)",
        "rights": CC_BY,
        "credit_line": "Gobierno de Canarias, grabación de demostración",
        "rights_holder": "Gobierno de Canarias",
        "audiences": ["families", "youth", "disability"],
        "disabilities": ["visual"],
        "age_min": 6,
        "use_context": "both",
        "access_modes": ["auditory"],
        "access_modes_sufficient": ["auditory", "textual"],
        "accessibility_features": ["transcript"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 5,
        "contributors": [("Ana Suárez", "author"), ("Carmen Darias", "narrator")],
        "media": [
            {
                "kind": "audio",
                "file": "silbo-gomero",
                "language": "es",
                "make": partial(
                    files.tones,
                    [
                        (0.2, 1.2, 1400, 2500, 1.0),
                        (2.2, 0.6, 2300, 2100, 0.9),
                        (3.0, 1.2, 2400, 1500, 0.9),
                    ],
                    5,
                ),
                "transcript": {
                    "fr": "<p>[Sifflements aigus, 5 secondes.] Premier sifflement, "
                    "qui monte : une question, « ¿Vienes? » (« Tu viens ? »). "
                    "Silence. Deux sifflements qui redescendent : la réponse, "
                    "« Sí, voy » (« Oui, j'arrive »).</p>",
                    "es": "<p>[Silbidos agudos, 5 segundos.] Primer silbido, que "
                    "sube: una pregunta, «¿Vienes?». Silencio. Dos silbidos que "
                    "bajan: la respuesta, «Sí, voy».</p>",
                },
            }
        ],
        "texts": {
            "fr": {
                "title": "Le silbo gomero, la langue sifflée de La Gomera",
                "slug": "silbo-gomero-langue-sifflee",
                "summary": "Écoutez quelques sifflements du silbo gomero, la langue "
                "sifflée de l'île de La Gomera, inscrite au patrimoine culturel "
                "immatériel de l'UNESCO : on y reconnaît une question et sa "
                "réponse.",
                "easy_to_read": "À La Gomera, une île des Canaries, on parle en "
                "sifflant.\n"
                "Cette langue s'appelle le silbo.\n"
                "Écoutez les sifflements.\n"
                "Le premier pose une question.\n"
                "Les suivants répondent.",
                "accessibility_summary": "L'enregistrement a une transcription qui "
                "décrit chaque sifflement et son sens. Les sifflements sont aigus "
                "mais pas forts.",
                "device_requirements": "Un appareil avec haut-parleurs ou un casque.",
                "period": "Patrimoine vivant",
                "learning_outcomes": "<ul><li>Présenter un patrimoine immatériel, "
                "vivant et transmis à l'école</li><li>Faire écouter avant "
                "d'expliquer</li></ul>",
                "mediator_guide": "<p>Faites écouter sans rien dire, puis demandez : "
                "« Qu'est-ce que c'est ? Un oiseau, une personne, un instrument ? » "
                "Lisez ensuite la transcription. Le silbo est enseigné dans les "
                "écoles de La Gomera depuis 1999.</p>",
                "themes": ["patrimoine immatériel", "Canaries", "langues"],
                "media": [{"title": "Sifflements du silbo (5 secondes)"}],
            },
            "es": {
                "title": "El silbo gomero, la lengua silbada de La Gomera",
                "slug": "silbo-gomero-lengua-silbada",
                "summary": "Escuche algunos silbidos del silbo gomero, la lengua "
                "silbada de La Gomera, inscrita en el patrimonio cultural "
                "inmaterial de la UNESCO: se reconocen una pregunta y su "
                "respuesta.",
                "easy_to_read": "En La Gomera, una isla de Canarias, se habla "
                "silbando.\n"
                "Esta lengua se llama silbo.\n"
                "Escuche los silbidos.\n"
                "El primero hace una pregunta.\n"
                "Los siguientes responden.",
                "accessibility_summary": "La grabación tiene una transcripción que "
                "describe cada silbido y su sentido. Los silbidos son agudos pero "
                "no fuertes.",
                "device_requirements": "Un aparato con altavoces o auriculares.",
                "period": "Patrimonio vivo",
                "learning_outcomes": "<ul><li>Presentar un patrimonio inmaterial, "
                "vivo y transmitido en la escuela</li><li>Hacer escuchar antes de "
                "explicar</li></ul>",
                "mediator_guide": "<p>Haga escuchar sin decir nada y pregunte: "
                "«¿Qué es? ¿Un pájaro, una persona, un instrumento?». Lean "
                "después la transcripción. El silbo se enseña en las escuelas de "
                "La Gomera desde 1999.</p>",
                "themes": ["patrimonio inmaterial", "Canarias", "lenguas"],
                "media": [{"title": "Silbidos del silbo (5 segundos)"}],
            },
        },
    },
    # Accademia Albertina delle Belle Arti, Turin.
    {
        "key": "accademia-albertina/cartons",
        "partner": "accademia-albertina",
        "resource_type": "image_set",
        "related_works": "Gaudenzio Ferrari (vers 1475–1546), cartons pour "
        "fresques — Pinacothèque de l'Accademia Albertina, Turin",
        "rights": CC_BY_NC,
        "credit_line": "Accademia Albertina delle Belle Arti di Torino, études "
        "d'étudiant·es",
        "rights_holder": "Accademia Albertina delle Belle Arti",
        "audiences": ["youth", "mediators"],
        "age_min": 14,
        "use_context": "both",
        "access_modes": ["visual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["alternativeText"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 20,
        "contributors": [
            ("Giulia Rinaldi", "mediator"),
            ("Marco Bellini", "illustrator"),
            ("Francesca Conti", "translator"),
        ],
        "media": [
            {
                "kind": "image",
                "file": "etude-de-drape",
                "make": partial(files.picture, "drapery"),
            },
            {
                "kind": "image",
                "file": "etude-d-arcade",
                "make": partial(files.picture, "arcade"),
            },
        ],
        "texts": {
            "fr": {
                "title": "Les cartons de Gaudenzio Ferrari : regarder un dessin",
                "slug": "cartons-gaudenzio-ferrari",
                "summary": "Deux études au fusain réalisées par des étudiant·es de "
                "l'Académie d'après les cartons de Gaudenzio Ferrari, pour "
                "comprendre ce qu'était un carton : le dessin à taille réelle "
                "qui préparait une fresque.",
                "easy_to_read": "Un carton est un grand dessin.\n"
                "Le peintre le faisait avant de peindre sur le mur.\n"
                "Voici deux dessins d'étudiants.\n"
                "Le premier montre un tissu avec des plis.\n"
                "Le deuxième montre une arche entre deux colonnes.",
                "accessibility_summary": "Chaque image est décrite. Les traits sont "
                "fins et peu contrastés : agrandissez-les avec la visionneuse "
                "(zoom au clavier, à la souris ou au toucher).",
                "device_requirements": "Un écran assez grand pour zoomer ; une "
                "tablette convient.",
                "period": "XVIe siècle",
                "learning_outcomes": "<ul><li>Expliquer la fabrication d'une "
                "fresque, du dessin au mur</li><li>Faire observer le trait : "
                "épaisseur, répétition, direction</li></ul>",
                "mediator_guide": "<p>Proposez au groupe de reproduire un pli de "
                "tissu au fusain ou au crayon gras, puis comparez avec l'étude. "
                "À Turin, les cartons sont exposés dans la pinacothèque de "
                "l'Académie.</p>",
                "themes": ["dessin", "fresque", "Renaissance"],
                "media": [
                    {
                        "title": "Étude de drapé",
                        "alt": "Sur un papier beige, une douzaine de lignes courbes "
                        "fines et sombres, parallèles, tracées au fusain l'une "
                        "sous l'autre, comme les plis d'un tissu suspendu.",
                    },
                    {
                        "title": "Étude d'arcade",
                        "alt": "Sur un papier beige, au trait fin et sombre : deux "
                        "colonnes rectangulaires posées sur une ligne de sol, "
                        "reliées en haut par un arc en demi-cercle.",
                    },
                ],
            },
            "it": {
                "title": "I cartoni di Gaudenzio Ferrari: guardare un disegno",
                "slug": "cartoni-gaudenzio-ferrari",
                "summary": "Due studi a carboncino realizzati da studenti "
                "dell'Accademia a partire dai cartoni di Gaudenzio Ferrari, per "
                "capire che cos'era un cartone: il disegno a grandezza naturale "
                "che preparava un affresco.",
                "easy_to_read": "Un cartone è un grande disegno.\n"
                "Il pittore lo faceva prima di dipingere sul muro.\n"
                "Ecco due disegni di studenti.\n"
                "Il primo mostra una stoffa con delle pieghe.\n"
                "Il secondo mostra un arco tra due colonne.",
                "accessibility_summary": "Ogni immagine è descritta. I tratti sono "
                "sottili e poco contrastati: ingranditeli con il visualizzatore "
                "(zoom con la tastiera, il mouse o il tocco).",
                "device_requirements": "Uno schermo abbastanza grande per "
                "ingrandire; va bene un tablet.",
                "period": "XVI secolo",
                "learning_outcomes": "<ul><li>Spiegare come nasce un affresco, dal "
                "disegno al muro</li><li>Far osservare il tratto: spessore, "
                "ripetizione, direzione</li></ul>",
                "mediator_guide": "<p>Proponete al gruppo di riprodurre una piega "
                "di stoffa a carboncino o con una matita grassa, poi confrontate "
                "con lo studio. A Torino i cartoni sono esposti nella pinacoteca "
                "dell'Accademia.</p>",
                "themes": ["disegno", "affresco", "Rinascimento"],
                "media": [
                    {
                        "title": "Studio di panneggio",
                        "alt": "Su una carta beige, una dozzina di linee curve "
                        "sottili e scure, parallele, tracciate a carboncino una "
                        "sotto l'altra, come le pieghe di una stoffa appesa.",
                    },
                    {
                        "title": "Studio di arcata",
                        "alt": "Su una carta beige, a tratto sottile e scuro: due "
                        "colonne rettangolari poggiate su una linea di terra, "
                        "unite in alto da un arco a tutto sesto.",
                    },
                ],
            },
        },
    },
    {
        "key": "accademia-albertina/socle-gipsotheque",
        "partner": "accademia-albertina",
        "resource_type": "object_3d",
        "related_works": "Gipsoteca dell'Accademia Albertina, Turin",
        "rights": CC0,
        "credit_line": "Accademia Albertina, laboratoire de numérisation",
        "rights_holder": "Accademia Albertina delle Belle Arti",
        "audiences": ["disability", "mediators"],
        "disabilities": ["visual"],
        "age_min": 12,
        "use_context": "both",
        "access_modes": ["visual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": ["alternativeText", "tactileObject"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 10,
        "contributors": [
            ("Marco Bellini", "developer"),
            ("Giulia Rinaldi", "mediator"),
        ],
        "media": [
            {
                "kind": "model",
                "file": "socle-gipsotheque",
                "make": partial(
                    files.glb,
                    "cube",
                    [
                        (0.85, 0.83, 0.78),
                        (0.85, 0.83, 0.78),
                        (0.93, 0.91, 0.86),
                        (0.7, 0.68, 0.64),
                        (0.85, 0.83, 0.78),
                        (0.85, 0.83, 0.78),
                    ],
                    name="Socle",
                ),
            }
        ],
        "texts": {
            "fr": {
                "title": "Un socle de la gipsothèque en 3D",
                "slug": "socle-gipsotheque-3d",
                "summary": "Le premier modèle de la numérisation de la gipsothèque "
                "de l'Académie : un socle de plâtre simplifié, qui prépare les "
                "étudiant·es au relevé 3D des moulages.",
                "easy_to_read": "La gipsothèque est une salle pleine de statues en "
                "plâtre.\n"
                "Voici un socle en 3D.\n"
                "Un socle, c'est le bloc sous une statue.\n"
                "Vous pouvez le tourner et le regarder de tous les côtés.",
                "accessibility_summary": "L'objet se tourne au clavier, à la souris "
                "ou au toucher ; une description en texte le remplace. Une copie "
                "imprimée en 3D peut être touchée à l'Académie.",
                "device_requirements": "Tout navigateur récent.",
                "period": "XIXe siècle",
                "learning_outcomes": "<ul><li>Comprendre les étapes d'une "
                "numérisation 3D</li><li>Décrire un volume simple avec "
                "précision</li></ul>",
                "mediator_guide": "<p>Une personne manipule l'objet à l'écran et le "
                "décrit à une autre qui ne le voit pas ; comparez ensuite avec la "
                "copie imprimée.</p>",
                "themes": ["3D", "moulages", "numérisation"],
                "media": [
                    {
                        "title": "Le socle",
                        "alt": "Un cube couleur plâtre, blanc cassé, d'environ "
                        "30 centimètres de côté, aux faces lisses et unies ; le "
                        "dessus est plus clair, le dessous plus sombre.",
                    }
                ],
            },
            "it": {
                "title": "Un basamento della gipsoteca in 3D",
                "slug": "basamento-gipsoteca-3d",
                "summary": "Il primo modello della digitalizzazione della gipsoteca "
                "dell'Accademia: un basamento in gesso semplificato, che prepara "
                "gli studenti al rilievo 3D dei calchi.",
                "easy_to_read": "La gipsoteca è una sala piena di statue di gesso.\n"
                "Ecco un basamento in 3D.\n"
                "Il basamento è il blocco sotto una statua.\n"
                "Potete girarlo e guardarlo da tutti i lati.",
                "accessibility_summary": "L'oggetto si gira con la tastiera, il "
                "mouse o il tocco; una descrizione testuale lo sostituisce. Una "
                "copia stampata in 3D si può toccare in Accademia.",
                "device_requirements": "Qualsiasi browser recente.",
                "period": "XIX secolo",
                "learning_outcomes": "<ul><li>Capire le fasi di una "
                "digitalizzazione 3D</li><li>Descrivere con precisione un volume "
                "semplice</li></ul>",
                "mediator_guide": "<p>Una persona gira l'oggetto sullo schermo e lo "
                "descrive a un'altra che non lo vede; poi confrontate con la "
                "copia stampata.</p>",
                "themes": ["3D", "calchi", "digitalizzazione"],
                "media": [
                    {
                        "title": "Il basamento",
                        "alt": "Un cubo color gesso, bianco sporco, di circa 30 "
                        "centimetri di lato, con facce lisce e uniformi; la faccia "
                        "superiore è più chiara, quella inferiore più scura.",
                    }
                ],
            },
        },
    },
    # Museo delle Trame Mediterranee, Fondazione Orestiadi, Gibellina (Sicily).
    {
        "key": "museo-trame-mediterranee/motifs",
        "partner": "museo-trame-mediterranee",
        "resource_type": "image_set",
        "related_works": "Museo delle Trame Mediterranee, Fondazione Orestiadi, "
        "Gibellina — collection de textiles",
        "rights": CC_BY_SA,
        "credit_line": "Fondazione Orestiadi, Museo delle Trame Mediterranee",
        "rights_holder": "Fondazione Orestiadi",
        "audiences": ["families", "youth", "disability"],
        "disabilities": ["visual"],
        "age_min": 6,
        "use_context": "both",
        "access_modes": ["visual", "textual"],
        "access_modes_sufficient": ["visual", "textual"],
        "accessibility_features": [
            "alternativeText",
            "highContrastDisplay",
            "tactileObject",
        ],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 15,
        "contributors": [
            ("Lucia Ferrara", "mediator"),
            ("Youssef Ben Ali", "photographer"),
        ],
        "media": [
            {
                "kind": "image",
                "file": "motif-losanges",
                "make": partial(files.picture, "lozenges"),
            },
            {
                "kind": "image",
                "file": "motif-bandes",
                "make": partial(files.picture, "stripes"),
            },
        ],
        "texts": {
            "fr": {
                "title": "Trames : motifs tissés de la Méditerranée",
                "slug": "trames-motifs-tisses",
                "summary": "Deux motifs relevés sur des tissages de la collection, "
                "du Maghreb à la Sicile : des losanges et des bandes que l'on "
                "retrouve d'une rive à l'autre de la Méditerranée.",
                "easy_to_read": "Voici deux motifs de tissus.\n"
                "Le premier a des losanges rouges et blancs sur du bleu.\n"
                "Le deuxième a des bandes de couleur et une ligne en zigzag.\n"
                "On trouve ces motifs dans plusieurs pays autour de la mer "
                "Méditerranée.",
                "accessibility_summary": "Chaque motif est décrit et ses couleurs "
                "sont très contrastées. Des échantillons de tissu à toucher sont "
                "prêtés aux groupes qui le demandent.",
                "device_requirements": "Une tablette ou un écran ; les motifs "
                "s'impriment aussi.",
                "period": "XIXe–XXe siècle",
                "learning_outcomes": "<ul><li>Montrer comment les motifs circulent "
                "entre les cultures méditerranéennes</li><li>Faire décrire un "
                "motif : forme, couleur, rythme</li></ul>",
                "mediator_guide": "<p>Invitez les participant·es à apporter un tissu "
                "de chez eux et cherchez ensemble ce qu'il partage avec ceux du "
                "musée : chaque famille a souvent une histoire méditerranéenne à "
                "raconter.</p>",
                "themes": ["textile", "Méditerranée", "motifs"],
                "media": [
                    {
                        "title": "Motif de losanges",
                        "alt": "Sur un fond bleu indigo, cinq rangées de losanges "
                        "posés sur la pointe, alternativement rouges et blanc "
                        "cassé, comme sur un tapis tissé.",
                    },
                    {
                        "title": "Motif de bandes",
                        "alt": "Des bandes horizontales ocre, safran, noires et "
                        "blanc cassé se répètent de haut en bas. Au milieu, une "
                        "ligne rouge en zigzag traverse l'image.",
                    },
                ],
            },
            "it": {
                "title": "Trame: motivi tessuti del Mediterraneo",
                "slug": "trame-motivi-tessuti",
                "summary": "Due motivi rilevati su tessuti della collezione, dal "
                "Maghreb alla Sicilia: rombi e fasce che si ritrovano da una "
                "sponda all'altra del Mediterraneo.",
                "easy_to_read": "Ecco due motivi di tessuti.\n"
                "Il primo ha rombi rossi e bianchi sul blu.\n"
                "Il secondo ha fasce colorate e una linea a zigzag.\n"
                "Questi motivi si trovano in molti paesi intorno al mare "
                "Mediterraneo.",
                "accessibility_summary": "Ogni motivo è descritto e i suoi colori "
                "sono molto contrastati. Campioni di tessuto da toccare sono "
                "prestati ai gruppi che li chiedono.",
                "device_requirements": "Un tablet o uno schermo; i motivi si "
                "possono anche stampare.",
                "period": "XIX–XX secolo",
                "learning_outcomes": "<ul><li>Mostrare come i motivi circolano tra "
                "le culture del Mediterraneo</li><li>Far descrivere un motivo: "
                "forma, colore, ritmo</li></ul>",
                "mediator_guide": "<p>Invitate i partecipanti a portare un tessuto "
                "di casa e cercate insieme che cosa ha in comune con quelli del "
                "museo: ogni famiglia ha spesso una storia mediterranea da "
                "raccontare.</p>",
                "themes": ["tessile", "Mediterraneo", "motivi"],
                "media": [
                    {
                        "title": "Motivo a rombi",
                        "alt": "Su un fondo blu indaco, cinque file di rombi "
                        "poggiati sulla punta, alternativamente rossi e bianco "
                        "sporco, come su un tappeto tessuto.",
                    },
                    {
                        "title": "Motivo a fasce",
                        "alt": "Fasce orizzontali ocra, zafferano, nere e bianco "
                        "sporco si ripetono dall'alto in basso. Al centro, una "
                        "linea rossa a zigzag attraversa l'immagine.",
                    },
                ],
            },
        },
    },
    {
        "key": "museo-trame-mediterranee/atelier-tissage",
        "partner": "museo-trame-mediterranee",
        "resource_type": "mediator_guide",
        "related_works": "Collection textile du Museo delle Trame Mediterranee, "
        "Gibellina",
        "rights": CC_BY_SA,
        "credit_line": "Fondazione Orestiadi, servizi educativi",
        "rights_holder": "Fondazione Orestiadi",
        "audiences": ["mediators", "families", "disability"],
        "disabilities": ["motor", "intellectual"],
        "age_min": 8,
        "use_context": "on_site",
        "access_modes": ["textual"],
        "access_modes_sufficient": ["textual"],
        "accessibility_features": ["structuralNavigation"],
        "accessibility_hazards": NO_HAZARDS,
        "accessibility_controls": EVERY_CONTROL,
        "time_needed": 120,
        "contributors": [
            ("Lucia Ferrara", "author"),
            ("Francesca Conti", "translator"),
        ],
        "media": [],
        "guide_document": {
            "file": "guide-atelier-tisser-les-recits",
            "make": partial(files.pdf, *WEAVING_GUIDE),
            "title": WEAVING_GUIDE[0],
        },
        "texts": {
            "fr": {
                "title": "Atelier : tisser les récits du quartier",
                "slug": "atelier-tisser-les-recits",
                "summary": "Un atelier de deux heures où chaque participant·e tisse "
                "une bande de laine en racontant un souvenir ; cousues ensemble, "
                "les bandes forment une trame collective exposée au musée ou "
                "dans le quartier.",
                "easy_to_read": "Chaque personne reçoit un petit métier à tisser.\n"
                "Elle choisit des fils de couleur.\n"
                "En tissant, elle raconte un souvenir.\n"
                "À la fin, on coud toutes les bandes ensemble.\n"
                "Cela fait un grand tissu du groupe.",
                "accessibility_summary": "Le guide (PDF en texte) et cette page sont "
                "structurés par des titres. L'atelier se pratique assis, avec des "
                "métiers à tisser adaptés aux mains qui serrent peu.",
                "device_requirements": "Pour l'atelier : petits métiers à tisser en "
                "carton, laine de couleurs, aiguilles à bout rond. Pour le "
                "guide : tout appareil qui ouvre un PDF.",
                "learning_outcomes": "<ul><li>Animer un atelier manuel qui fait "
                "parler</li><li>Transformer des récits individuels en œuvre "
                "collective</li></ul>",
                "mediator_guide": "<h4>Préparer</h4><p>Prévoyez un métier à tisser "
                "par personne et des fils de six couleurs au moins.</p>"
                "<h4>Animer</h4><p>Montrez d'abord deux tissus de la collection, "
                "puis lancez le tissage : chacun·e raconte pendant que ses mains "
                "travaillent.</p><h4>Exposer</h4><p>Cousez les bandes ensemble "
                "et exposez la trame avec les récits, recueillis avec l'accord "
                "des participant·es.</p>",
                "themes": ["textile", "récits de vie", "atelier"],
                "media": [],
            },
            "it": {
                "title": "Laboratorio: tessere i racconti del quartiere",
                "slug": "laboratorio-tessere-i-racconti",
                "summary": "Un laboratorio di due ore in cui ogni partecipante "
                "tesse una striscia di lana raccontando un ricordo; cucite "
                "insieme, le strisce formano una trama collettiva esposta al "
                "museo o nel quartiere.",
                "easy_to_read": "Ogni persona riceve un piccolo telaio.\n"
                "Sceglie dei fili colorati.\n"
                "Mentre tesse, racconta un ricordo.\n"
                "Alla fine si cuciono insieme tutte le strisce.\n"
                "Diventa un grande tessuto del gruppo.",
                "accessibility_summary": "La guida (PDF di testo, in francese) e "
                "questa pagina sono strutturate con titoli. Il laboratorio si "
                "svolge seduti, con telai adatti alle mani che stringono poco.",
                "device_requirements": "Per il laboratorio: piccoli telai di "
                "cartone, lana colorata, aghi a punta arrotondata. Per la guida: "
                "qualsiasi dispositivo che apra un PDF.",
                "learning_outcomes": "<ul><li>Condurre un laboratorio manuale che "
                "fa parlare</li><li>Trasformare racconti individuali in un'opera "
                "collettiva</li></ul>",
                "mediator_guide": "<h4>Preparare</h4><p>Prevedete un telaio per "
                "persona e fili di almeno sei colori.</p><h4>Condurre</h4><p>"
                "Mostrate prima due tessuti della collezione, poi avviate la "
                "tessitura: ognuno racconta mentre le mani lavorano.</p>"
                "<h4>Esporre</h4><p>Cucite insieme le strisce ed esponete la "
                "trama con i racconti, raccolti con il consenso dei "
                "partecipanti.</p>",
                "themes": ["tessile", "racconti di vita", "laboratorio"],
                "media": [],
            },
        },
    },
]

# -- Seeding ------------------------------------------------------------------------

TRANSLATED_FIELDS = (
    "title",
    "summary",
    "easy_to_read",
    "accessibility_summary",
    "device_requirements",
    "period",
    "learning_outcomes",
    "mediator_guide",
)
SHARED_FIELDS = (
    "resource_type",
    "related_works",
    "rights",
    "credit_line",
    "rights_holder",
    "audiences",
    "disabilities",
    "age_min",
    "age_max",
    "use_context",
    "access_modes",
    "access_modes_sufficient",
    "accessibility_features",
    "accessibility_hazards",
    "accessibility_controls",
    "time_needed",
)


def _print(line):
    sys.stdout.write(f"{line}\n")


def resource_key(data) -> uuid.UUID:
    """The resource's translation key: the same on every seeded database."""
    return uuid.uuid5(DEMO_NAMESPACE, data["key"])


def _publish(page):
    page.save_revision().publish()


def _ensure_section(model, texts, homes, locales, slug=None):
    """The one page of ``model`` under each home page, in every language."""
    source_home = homes[SOURCE_LANGUAGE]
    source = model.objects.child_of(source_home).first()
    if source is None:
        fields = texts[SOURCE_LANGUAGE]
        source = model(
            locale=locales[SOURCE_LANGUAGE],
            title=fields["title"],
            slug=slug or fields["slug"],
            intro=fields["intro"],
        )
        source_home.add_child(instance=source)
        _publish(source)
    pages = {SOURCE_LANGUAGE: source}
    existing = {
        page.locale_id: page
        for page in model.objects.filter(translation_key=source.translation_key)
    }
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE or homes.get(code) is None:
            continue
        page = existing.get(locale.pk) or model.objects.child_of(homes[code]).first()
        if page is None:
            fields = texts[code]
            page = model(
                locale=locale,
                translation_key=source.translation_key,
                title=fields["title"],
                slug=slug or fields["slug"],
                intro=fields["intro"],
            )
            homes[code].add_child(instance=page)
            _publish(page)
        pages[code] = page
    return pages


def _ensure_index_pages(lists, locales):
    """Each partner's page under the partner list, in every language, for the
    partner's record in that language: {(partner slug, code): page}."""
    partners = {
        (partner.slug, partner.locale_id): partner
        for partner in PartnerInstitution.objects.all()
    }
    found = {}
    for code, parent in lists.items():
        for page in PartnerIndexPage.objects.child_of(parent).select_related("partner"):
            found[(page.partner.slug, code)] = page
    source_locale = locales[SOURCE_LANGUAGE]
    for (slug, locale_id), partner in sorted(partners.items()):
        if locale_id != source_locale.pk:
            continue
        source = found.get((slug, SOURCE_LANGUAGE))
        if source is None:
            source = _add_index_page(lists[SOURCE_LANGUAGE], partner, SOURCE_LANGUAGE)
            found[(slug, SOURCE_LANGUAGE)] = source
        for code, locale in locales.items():
            if (slug, code) in found or code not in lists:
                continue
            local = partners.get((slug, locale.pk), partner)
            found[(slug, code)] = _add_index_page(
                lists[code], local, code, translation_key=source.translation_key
            )
    return found


def _add_index_page(parent, partner, code, **extra):
    page = PartnerIndexPage(
        locale=parent.locale,
        title=partner.name,
        slug=partner.slug,
        partner=partner,
        intro=PARTNER_INTRO[code].format(name=partner.name),
        **extra,
    )
    parent.add_child(instance=page)
    _publish(page)
    return page


class _Files:
    """Stores a resource's files: media in ``mediation/``, WebVTT tracks and
    guides as documents of the partner's collection."""

    def __init__(self, partner_slug, collection):
        self.folder = f"mediation/demo/{partner_slug}"
        self.partner_slug = partner_slug
        self.collection = collection

    def media(self, spec):
        made = spec["make"]()
        name = default_storage.save(
            f"{self.folder}/{spec['file']}.{made.extension}", ContentFile(made.data)
        )
        return name, made

    def document(self, title, file_name, data):
        document = get_document_model()(
            title=title,
            file=ContentFile(data, name=f"{self.partner_slug}-{file_name}"),
            file_size=len(data),
            file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        )
        if self.collection is not None:
            document.collection = self.collection
        document.save()
        return document

    def tracks(self, spec, code, title):
        """The caption track and transcript of ``spec`` in language ``code``."""
        blocks = []
        cues = spec.get("captions", {}).get(code)
        if cues:
            document = self.document(
                f"{title} ({code}.vtt)",
                f"{spec['file']}-{code}.vtt",
                files.webvtt(cues),
            )
            blocks.append(
                {
                    "type": "track",
                    "value": {
                        "kind": "captions",
                        "language": code,
                        "file": document.pk,
                    },
                }
            )
        text = spec.get("transcript", {}).get(code)
        if text:
            blocks.append(
                {"type": "transcript", "value": {"language": code, "text": text}}
            )
        return blocks


def _media_item(spec, text, position, stored, package):
    if spec["kind"] == "h5p":
        item = MediaItem(kind="h5p", h5p_package=package, title=text["title"])
    else:
        name, made = stored.media(spec)
        item = MediaItem(
            kind=spec["kind"],
            file=name,
            title=text["title"],
            text_alternative=text.get("alt", ""),
            language=spec.get("language", ""),
            width=made.width,
            height=made.height,
            duration=made.duration,
            tracks=json.dumps(stored.tracks(spec, SOURCE_LANGUAGE, text["title"])),
        )
    item.sort_order = position
    item.full_clean(exclude=["page"])
    return item


def _create_source(data, parent, stored, package):
    texts = data["texts"][SOURCE_LANGUAGE]
    page = MediationResourcePage(
        locale=parent.locale,
        translation_key=resource_key(data),
        slug=texts["slug"],
        **{field: texts.get(field, "") for field in TRANSLATED_FIELDS},
        **{field: data[field] for field in SHARED_FIELDS if field in data},
    )
    if "guide_document" in data:
        guide = data["guide_document"]
        page.mediator_guide_document = stored.document(
            guide["title"], f"{guide['file']}.pdf", guide["make"]().data
        )
    page.contributors = [
        ResourceContributor(name=name, role=role, sort_order=n)
        for n, (name, role) in enumerate(data["contributors"])
    ]
    page.media_items = [
        _media_item(spec, text, n, stored, package)
        for n, (spec, text) in enumerate(
            zip(data["media"], texts["media"], strict=True)
        )
    ]
    page.themes.add(*texts["themes"])
    parent.add_child(instance=page)
    _publish(page)
    return page


def _create_translation(source, data, code, parent, stored):
    """``source`` copied under ``parent`` (a translation: same key, new
    language), its texts, themes and media captions replaced by those of
    ``code``; a caption track and transcript in ``code`` join the French ones.
    Copied with the new slug already set, so no redirect is left behind."""
    texts = data["texts"][code]
    source_texts = data["texts"][SOURCE_LANGUAGE]
    themes = dict(zip(source_texts["themes"], texts["themes"], strict=True))
    media = {
        n: (spec, text)
        for n, (spec, text) in enumerate(
            zip(data["media"], texts["media"], strict=True)
        )
    }

    def translate_child(original, copy, relation, child):
        if isinstance(child, MediaItem) and child.sort_order in media:
            spec, text = media[child.sort_order]
            child.title = text["title"]
            if text.get("alt"):
                child.text_alternative = text["alt"]
            added = stored.tracks(spec, code, text["title"])
            if added:
                child.tracks = json.dumps([*child.tracks.raw_data, *added])
        elif isinstance(child, ResourceTag) and child.tag.name in themes:
            child.tag = Tag.objects.get_or_create(name=themes[child.tag.name])[0]

    fields = {field: texts.get(field, "") for field in TRANSLATED_FIELDS}
    return source.copy(
        to=parent,
        update_attrs={
            "locale": parent.locale,
            "slug": texts["slug"],
            "draft_title": texts["title"],
            # The source in memory may still say so from its own publication.
            "has_unpublished_changes": False,
            **fields,
        },
        copy_revisions=False,
        keep_live=True,
        reset_translation_key=False,
        process_child_object=translate_child,
        log_action="wagtail.copy_for_translation",
    )


class _Package:
    """The demo's H5P package, looked up only when a resource needs it."""

    def __init__(self):
        self.looked_up, self.package = False, None

    def get(self):
        if not self.looked_up:
            # ensure_learning has already said why a package is missing.
            self.package = ensure_h5p_package(report=lambda line: None)
            self.looked_up = True
        return self.package


def _ensure_resources(indexes, locales, report):
    keys = [resource_key(data) for data in RESOURCES]
    existing = set(
        MediationResourcePage.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale__language_code"
        )
    )
    spaces = {}
    package = _Package()
    added = translated = skipped = 0
    for data in RESOURCES:
        key, slug = resource_key(data), data["partner"]
        parent = indexes.get((slug, SOURCE_LANGUAGE))
        if parent is None:
            continue
        missing = [
            code
            for code in data["texts"]
            if (key, code) not in existing and (slug, code) in indexes
        ]
        if not missing:
            continue
        if slug not in spaces:
            space = space_of(parent.partner)
            spaces[slug] = _Files(slug, space.collection if space else None)
        stored = spaces[slug]
        if SOURCE_LANGUAGE in missing:
            needs_package = any(spec["kind"] == "h5p" for spec in data["media"])
            if needs_package and package.get() is None:
                report(
                    f"Partner area: “{data['texts'][SOURCE_LANGUAGE]['title']}” "
                    "left out, its interactive activity is missing (see above)."
                )
                skipped += 1
                continue
            source = _create_source(data, parent, stored, package.get())
            added += 1
        else:
            source = MediationResourcePage.objects.get(
                translation_key=key, locale=locales[SOURCE_LANGUAGE]
            )
        for code in missing:
            if code != SOURCE_LANGUAGE:
                _create_translation(source, data, code, indexes[(slug, code)], stored)
                translated += 1
    if skipped and not (added or translated):
        return None, None  # what was left out has been told
    return added, translated


def ensure_partner_area(locales, report: Callable[[str], None] = _print):
    """The partner list and the catalogue in every language, each partner's
    page, and the demo resources with their translations."""
    homes = {
        code: HomePage.objects.filter(locale=locale).first()
        for code, locale in locales.items()
    }
    if homes.get(SOURCE_LANGUAGE) is None:
        report("Partner area skipped: there is no French home page.")
        return
    lists = _ensure_section(
        PartnerListPage, PARTNER_LIST, homes, locales, slug=PARTNER_LIST_SLUG
    )
    _ensure_section(ResourceCatalogPage, CATALOGUE, homes, locales)
    indexes = _ensure_index_pages(lists, locales)
    added, translated = _ensure_resources(indexes, locales, report)
    if added or translated:
        report(
            f"Partner area: mediation resources added: {added}, "
            f"translations added: {translated}."
        )
    elif added is not None:
        report("Partner area: the demo resources are already there.")
