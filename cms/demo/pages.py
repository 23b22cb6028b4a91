"""Texts of the demo site's pages, in the five languages of the network.

Each entry gives a page's fields per language code; the French text is the
original and the others are its translations (Wagtail pages that share a
translation key).  Bodies are lists of (block type, value) pairs.  Home pages of all languages
are siblings under the tree's root, so their slugs must differ (they never
show in URLs).
"""

HOME = {
    "fr": {
        "title": "Chaînon, le réseau qui relie les territoires et les musées",
        "slug": "accueil",
        "intro": (
            "Une plateforme de formation-action et de médiation culturelle pour "
            "les accompagnateur·rices territoriaux·ales, les habitant·es-relais "
            "et les médiateur·rices culturel·les du projet Digital Culture Link."
        ),
        "body": [
            ("heading", "Apprendre en faisant"),
            (
                "paragraph",
                "<p>Chaque parcours alterne des séquences courtes, des activités "
                "interactives, des ressources de médiation des musées partenaires et "
                "des mises en situation menées sur votre territoire, puis partagées "
                "avec le groupe.</p>",
            ),
            ("heading", "Sept partenaires, quatre pays"),
            (
                "paragraph",
                "<p>Associations, musées, académies et institutions culturelles de "
                "France, du Portugal, d'Espagne et d'Italie co-construisent les "
                "modules et publient des ressources accessibles à toutes et tous.</p>",
            ),
        ],
    },
    "en": {
        "title": "Chaînon, the network linking territories and museums",
        "slug": "home",
        "intro": (
            "An action-based training and cultural mediation platform for the "
            "territorial facilitators, resident relays and cultural mediators of "
            "the Digital Culture Link project."
        ),
        "body": [
            ("heading", "Learning by doing"),
            (
                "paragraph",
                "<p>Each course alternates short units, interactive activities, "
                "mediation resources from partner museums and field assignments "
                "carried out in your own territory, then shared with the group.</p>",
            ),
            ("heading", "Seven partners, four countries"),
            (
                "paragraph",
                "<p>Associations, museums, academies and cultural institutions from "
                "France, Portugal, Spain and Italy co-construct the modules and "
                "publish resources that are accessible to everyone.</p>",
            ),
        ],
    },
    "pt": {
        "title": "Chaînon, a rede que liga territórios e museus",
        "slug": "inicio",
        "intro": (
            "Uma plataforma de formação-ação e de mediação cultural para os "
            "facilitadores territoriais, os moradores-relé e os mediadores "
            "culturais do projeto Digital Culture Link."
        ),
        "body": [
            ("heading", "Aprender fazendo"),
            (
                "paragraph",
                "<p>Cada percurso alterna unidades curtas, atividades interativas, "
                "recursos de mediação dos museus parceiros e tarefas de terreno "
                "realizadas no seu território e depois partilhadas com o grupo.</p>",
            ),
            ("heading", "Sete parceiros, quatro países"),
            (
                "paragraph",
                "<p>Associações, museus, academias e instituições culturais de "
                "França, Portugal, Espanha e Itália coconstroem os módulos e publicam "
                "recursos acessíveis a todas as pessoas.</p>",
            ),
        ],
    },
    "es": {
        "title": "Chaînon, la red que une territorios y museos",
        "slug": "inicio-es",
        "intro": (
            "Una plataforma de formación-acción y de mediación cultural para "
            "los acompañantes territoriales, los vecinos-enlace y los mediadores "
            "culturales del proyecto Digital Culture Link."
        ),
        "body": [
            ("heading", "Aprender haciendo"),
            (
                "paragraph",
                "<p>Cada itinerario alterna unidades breves, actividades interactivas, "
                "recursos de mediación de los museos socios y tareas de campo "
                "realizadas en su propio territorio y compartidas después con el "
                "grupo.</p>",
            ),
            ("heading", "Siete socios, cuatro países"),
            (
                "paragraph",
                "<p>Asociaciones, museos, academias e instituciones culturales de "
                "Francia, Portugal, España e Italia co-construyen los módulos y "
                "publican recursos accesibles para todas las personas.</p>",
            ),
        ],
    },
    "it": {
        "title": "Chaînon, la rete che collega territori e musei",
        "slug": "home-it",
        "intro": (
            "Una piattaforma di formazione-azione e di mediazione culturale per "
            "i facilitatori territoriali, gli abitanti-ponte e i mediatori "
            "culturali del progetto Digital Culture Link."
        ),
        "body": [
            ("heading", "Imparare facendo"),
            (
                "paragraph",
                "<p>Ogni percorso alterna unità brevi, attività interattive, risorse "
                "di mediazione dei musei partner e compiti sul campo svolti nel "
                "proprio territorio e poi condivisi con il gruppo.</p>",
            ),
            ("heading", "Sette partner, quattro paesi"),
            (
                "paragraph",
                "<p>Associazioni, musei, accademie e istituzioni culturali di "
                "Francia, Portogallo, Spagna e Italia co-costruiscono i moduli e "
                "pubblicano risorse accessibili a tutte e a tutti.</p>",
            ),
        ],
    },
}

ABOUT = {
    "fr": {
        "title": "Le réseau",
        "slug": "le-reseau",
        "intro": "Digital Culture Link, un projet de coopération Erasmus+.",
        "body": [
            (
                "paragraph",
                "<p>Coordonné par Sagiterre, le projet réunit des acteurs de "
                "l'innovation sociale et des institutions culturelles pour rendre "
                "les musées accessibles aux personnes en situation de handicap, aux "
                "jeunes des quartiers prioritaires et aux publics ruraux.</p>",
            ),
        ],
    },
    "en": {
        "title": "The network",
        "slug": "the-network",
        "intro": "Digital Culture Link, an Erasmus+ cooperation project.",
        "body": [
            (
                "paragraph",
                "<p>Coordinated by Sagiterre, the project brings together social "
                "innovation actors and cultural institutions to make museums "
                "accessible to people with disabilities, young people from deprived "
                "neighbourhoods and rural audiences.</p>",
            ),
        ],
    },
    "pt": {
        "title": "A rede",
        "slug": "a-rede",
        "intro": "Digital Culture Link, um projeto de cooperação Erasmus+.",
        "body": [
            (
                "paragraph",
                "<p>Coordenado pela Sagiterre, o projeto reúne atores da inovação "
                "social e instituições culturais para tornar os museus acessíveis a "
                "pessoas com deficiência, a jovens de bairros desfavorecidos e aos "
                "públicos rurais.</p>",
            ),
        ],
    },
    "es": {
        "title": "La red",
        "slug": "la-red",
        "intro": "Digital Culture Link, un proyecto de cooperación Erasmus+.",
        "body": [
            (
                "paragraph",
                "<p>Coordinado por Sagiterre, el proyecto reúne a actores de la "
                "innovación social e instituciones culturales para hacer los museos "
                "accesibles a las personas con discapacidad, a los jóvenes de barrios "
                "desfavorecidos y al público rural.</p>",
            ),
        ],
    },
    "it": {
        "title": "La rete",
        "slug": "la-rete",
        "intro": "Digital Culture Link, un progetto di cooperazione Erasmus+.",
        "body": [
            (
                "paragraph",
                "<p>Coordinato da Sagiterre, il progetto riunisce attori "
                "dell'innovazione sociale e istituzioni culturali per rendere i musei "
                "accessibili alle persone con disabilità, ai giovani dei quartieri "
                "svantaggiati e al pubblico delle aree rurali.</p>",
            ),
        ],
    },
}

ACCESSIBILITY = {
    "fr": {
        "title": "Déclaration d'accessibilité",
        "slug": "accessibilite",
        "intro": (
            "Chaînon s'engage à rendre son site accessible conformément aux "
            "règles WCAG 2.1 niveau AA."
        ),
        "body": [
            ("heading", "État de conformité"),
            (
                "paragraph",
                "<p>Le site est <b>partiellement conforme</b> aux WCAG 2.1 niveau AA : "
                "aucun audit complet n'a encore été réalisé. Les pages sont testées "
                "au clavier et avec des outils automatiques à chaque évolution.</p>",
            ),
            ("heading", "Signaler un problème"),
            (
                "paragraph",
                "<p>Si vous ne pouvez pas accéder à un contenu ou à un service, "
                "écrivez au coordinateur du réseau : nous vous proposerons une "
                "alternative accessible.</p>",
            ),
            ("heading", "Voies de recours"),
            (
                "paragraph",
                "<p>Si vous n'obtenez pas de réponse satisfaisante, vous pouvez "
                "saisir le Défenseur des droits.</p>",
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "intro": (
            "Chaînon is committed to making its site accessible in line with "
            "WCAG 2.1 level AA."
        ),
        "body": [
            ("heading", "Compliance status"),
            (
                "paragraph",
                "<p>The site is <b>partially compliant</b> with WCAG 2.1 level AA: no "
                "full audit has been carried out yet. Pages are tested with the "
                "keyboard and automated tools at every change.</p>",
            ),
            ("heading", "Report a problem"),
            (
                "paragraph",
                "<p>If you cannot access some content or a service, write to the "
                "network coordinator and we will offer you an accessible "
                "alternative.</p>",
            ),
            ("heading", "Enforcement"),
            (
                "paragraph",
                "<p>If you do not receive a satisfactory answer, you may contact the "
                "national enforcement body of your country.</p>",
            ),
        ],
    },
    "pt": {
        "title": "Declaração de acessibilidade",
        "slug": "acessibilidade",
        "intro": (
            "A Chaînon compromete-se a tornar o seu sítio acessível de acordo "
            "com as WCAG 2.1 nível AA."
        ),
        "body": [
            ("heading", "Estado de conformidade"),
            (
                "paragraph",
                "<p>O sítio está <b>parcialmente conforme</b> com as WCAG 2.1 nível AA: "
                "ainda não foi realizada uma auditoria completa. As páginas são "
                "testadas com o teclado e com ferramentas automáticas a cada "
                "alteração.</p>",
            ),
            ("heading", "Comunicar um problema"),
            (
                "paragraph",
                "<p>Se não conseguir aceder a um conteúdo ou serviço, escreva ao "
                "coordenador da rede: propor-lhe-emos uma alternativa acessível.</p>",
            ),
            ("heading", "Meios de recurso"),
            (
                "paragraph",
                "<p>Se não obtiver uma resposta satisfatória, pode recorrer à "
                "entidade nacional competente do seu país.</p>",
            ),
        ],
    },
    "es": {
        "title": "Declaración de accesibilidad",
        "slug": "accesibilidad",
        "intro": (
            "Chaînon se compromete a hacer su sitio accesible conforme a las "
            "WCAG 2.1 nivel AA."
        ),
        "body": [
            ("heading", "Situación de cumplimiento"),
            (
                "paragraph",
                "<p>El sitio es <b>parcialmente conforme</b> con las WCAG 2.1 nivel AA: "
                "todavía no se ha realizado una auditoría completa. Las páginas se "
                "prueban con el teclado y con herramientas automáticas en cada "
                "cambio.</p>",
            ),
            ("heading", "Comunicar un problema"),
            (
                "paragraph",
                "<p>Si no puede acceder a un contenido o servicio, escriba al "
                "coordinador de la red y le ofreceremos una alternativa "
                "accesible.</p>",
            ),
            ("heading", "Procedimiento de reclamación"),
            (
                "paragraph",
                "<p>Si no obtiene una respuesta satisfactoria, puede dirigirse al "
                "organismo nacional competente de su país.</p>",
            ),
        ],
    },
    "it": {
        "title": "Dichiarazione di accessibilità",
        "slug": "accessibilita",
        "intro": (
            "Chaînon si impegna a rendere il proprio sito accessibile in "
            "conformità alle WCAG 2.1 livello AA."
        ),
        "body": [
            ("heading", "Stato di conformità"),
            (
                "paragraph",
                "<p>Il sito è <b>parzialmente conforme</b> alle WCAG 2.1 livello AA: "
                "non è ancora stato svolto un audit completo. Le pagine vengono "
                "provate con la tastiera e con strumenti automatici a ogni "
                "modifica.</p>",
            ),
            ("heading", "Segnalare un problema"),
            (
                "paragraph",
                "<p>Se non riesci ad accedere a un contenuto o a un servizio, scrivi "
                "al coordinatore della rete: ti proporremo un'alternativa "
                "accessibile.</p>",
            ),
            ("heading", "Procedura di attuazione"),
            (
                "paragraph",
                "<p>Se non ricevi una risposta soddisfacente, puoi rivolgerti "
                "all'organismo nazionale competente del tuo paese.</p>",
            ),
        ],
    },
}
