"""The seven partners of the Digital Culture Link Erasmus+ project.

Presentations are short public descriptions in the five languages; the
other fields are the same in every language.
"""

PARTNERS = [
    {
        "slug": "sagiterre",
        "name": "Sagiterre",
        "kind": "association",
        "is_coordinator": True,
        "country": "FR",
        "city": "Marseille",
        "presentation": {
            "fr": "Association d'innovation sociale qui coordonne le réseau et forme les accompagnateur·rices territoriaux·ales.",
            "en": "Social innovation association that coordinates the network and trains territorial facilitators.",
            "pt": "Associação de inovação social que coordena a rede e forma facilitadores territoriais.",
            "es": "Asociación de innovación social que coordina la red y forma a acompañantes territoriales.",
            "it": "Associazione di innovazione sociale che coordina la rete e forma i facilitatori territoriali.",
        },
    },
    {
        "slug": "musee-cantini",
        "name": "Musée Cantini",
        "kind": "museum",
        "country": "FR",
        "city": "Marseille",
        "presentation": {
            "fr": "Musée d'art moderne de la Ville de Marseille, engagé dans la médiation auprès des publics éloignés.",
            "en": "The City of Marseille's modern art museum, committed to mediation with audiences far from museums.",
            "pt": "Museu de arte moderna da cidade de Marselha, empenhado na mediação junto de públicos afastados.",
            "es": "Museo de arte moderno de la ciudad de Marsella, comprometido con la mediación hacia públicos alejados.",
            "it": "Museo d'arte moderna della città di Marsiglia, impegnato nella mediazione verso i pubblici lontani.",
        },
    },
    {
        "slug": "poppet-art",
        "name": "Poppet'ARt",
        "kind": "company",
        "country": "FR",
        "city": "",
        "presentation": {
            "fr": "Jeune entreprise culturelle qui conçoit des dispositifs de médiation immersifs et en réalité augmentée.",
            "en": "Cultural start-up designing immersive and augmented-reality mediation devices.",
            "pt": "Empresa cultural emergente que concebe dispositivos de mediação imersivos e em realidade aumentada.",
            "es": "Empresa cultural emergente que diseña dispositivos de mediación inmersivos y de realidad aumentada.",
            "it": "Start-up culturale che progetta dispositivi di mediazione immersivi e in realtà aumentata.",
        },
    },
    {
        "slug": "mnac-lisboa",
        "name": "Museu Nacional de Arte Contemporânea",
        "kind": "museum",
        "country": "PT",
        "city": "Lisboa",
        "presentation": {
            "fr": "Musée national d'art contemporain de Lisbonne (Museu do Chiado).",
            "en": "Lisbon's national museum of contemporary art (Museu do Chiado).",
            "pt": "Museu Nacional de Arte Contemporânea de Lisboa (Museu do Chiado).",
            "es": "Museo nacional de arte contemporáneo de Lisboa (Museu do Chiado).",
            "it": "Museo nazionale d'arte contemporanea di Lisbona (Museu do Chiado).",
        },
    },
    {
        "slug": "cultura-canarias",
        "name": "Viceconsejería de Cultura y Patrimonio Cultural",
        "kind": "public_body",
        "country": "ES",
        "city": "Canarias",
        "presentation": {
            "fr": "Direction régionale de la culture et du patrimoine du gouvernement des Canaries.",
            "en": "The Canary Islands government's regional department for culture and cultural heritage.",
            "pt": "Direção regional de cultura e património cultural do governo das Canárias.",
            "es": "Viceconsejería de Cultura y Patrimonio Cultural del Gobierno de Canarias.",
            "it": "Assessorato regionale alla cultura e al patrimonio culturale del governo delle Canarie.",
        },
    },
    {
        "slug": "accademia-albertina",
        "name": "Accademia Albertina delle Belle Arti",
        "kind": "academy",
        "country": "IT",
        "city": "Torino",
        "presentation": {
            "fr": "Académie des beaux-arts de Turin, qui forme les artistes et médiateur·rices de demain.",
            "en": "Turin's academy of fine arts, training tomorrow's artists and mediators.",
            "pt": "Academia de belas-artes de Turim, que forma os artistas e mediadores de amanhã.",
            "es": "Academia de bellas artes de Turín, que forma a los artistas y mediadores del mañana.",
            "it": "Accademia di belle arti di Torino, che forma gli artisti e i mediatori di domani.",
        },
    },
    {
        "slug": "museo-trame-mediterranee",
        "name": "Museo delle Trame Mediterranee, Fondazione Orestiadi",
        "kind": "museum",
        "country": "IT",
        "city": "Gibellina (Sicilia)",
        "presentation": {
            "fr": "Musée de la Fondation Orestiadi consacré aux cultures de la Méditerranée.",
            "en": "The Orestiadi Foundation's museum devoted to Mediterranean cultures.",
            "pt": "Museu da Fundação Orestiadi dedicado às culturas do Mediterrâneo.",
            "es": "Museo de la Fundación Orestiadi dedicado a las culturas del Mediterráneo.",
            "it": "Museo della Fondazione Orestiadi dedicato alle culture del Mediterraneo.",
        },
    },
]
