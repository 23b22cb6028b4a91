"""The demo formation-action course and the two demo cohorts that follow it.

"Aller vers les habitants" is the course partners see when they first open
the platform: three modules of two units (séquences) each, every module ending
with a field assignment (mise en situation) carried out in the learner's own
territory and reported back as a field report (compte rendu de terrain).

Texts are given per language code; French is the original and the other
languages are its translations (Wagtail pages sharing a translation key).
Unit bodies are lists of (block type, value) pairs, and every translation of
a unit has the same block types in the same order as the French one, so the
seed maps them one to one.  Quote attributions read "First name, role, city".
Partner slugs refer to ``cms.demo.partners.PARTNERS``.
"""

COURSE = {
    "slug": "aller-vers-les-habitants",
    "duration_hours": 21,
    "licence": "cc-by-sa-4.0",
    "lead_partner_slug": "sagiterre",
    "texts": {
        "fr": {
            "title": "Aller vers les habitants : la médiation citoyenne de terrain",
            "slug": "aller-vers-les-habitants",
            "intro": (
                "Une formation-action pour aller à la rencontre des habitant·es là où "
                "ils et elles vivent, bâtir la confiance et co-construire avec eux "
                "des projets culturels qui leur ressemblent."
            ),
            "objectives": [
                "Préparer et mener une démarche d'« aller vers » dans l'espace public",
                "Installer une relation de confiance durable avec les habitant·es",
                "Animer un temps d'écoute entre pairs avec des habitant·es-relais",
                "Co-construire une action culturelle avec les habitant·es et un musée",
            ],
            "audience": (
                "Ce parcours s'adresse aux accompagnateur·rices territoriaux·ales, "
                "aux habitant·es-relais et aux médiateur·rices culturel·les qui "
                "souhaitent toucher les publics éloignés des institutions "
                "culturelles. Aucune expérience préalable de la médiation n'est "
                "requise."
            ),
            "prerequisites": (
                "Pouvoir consacrer quelques heures par semaine à des mises en "
                "situation sur son territoire, idéalement aux côtés d'une structure "
                "partenaire."
            ),
        },
        "en": {
            "title": "Reaching out to residents: grassroots citizen mediation",
            "slug": "reaching-out-to-residents",
            "intro": (
                "An action-based training course to meet residents where they live, "
                "build trust and co-construct with them cultural projects that "
                "reflect who they are."
            ),
            "objectives": [
                "Prepare and carry out outreach in public spaces",
                "Build a lasting relationship of trust with residents",
                "Run a peer listening session with resident relays",
                "Co-construct a cultural action with residents and a museum",
            ],
            "audience": (
                "This course is for territorial facilitators, resident relays and "
                "cultural mediators who want to reach people far from cultural "
                "institutions. No prior experience of mediation is required."
            ),
            "prerequisites": (
                "Being able to spend a few hours a week on field assignments in your "
                "own territory, ideally alongside a partner organisation."
            ),
        },
        "pt": {
            "title": "Ir ao encontro dos moradores: a mediação cidadã no terreno",
            "slug": "ir-ao-encontro-dos-moradores",
            "intro": (
                "Uma formação-ação para ir ao encontro dos moradores onde vivem, "
                "construir confiança e coconstruir com eles projetos culturais à sua "
                "imagem."
            ),
            "objectives": [
                (
                    "Preparar e conduzir uma abordagem de «ir ao encontro» no espaço "
                    "público"
                ),
                "Construir uma relação de confiança duradoura com os moradores",
                "Dinamizar um momento de escuta entre pares com moradores-relé",
                "Coconstruir uma ação cultural com os moradores e um museu",
            ],
            "audience": (
                "Este percurso destina-se a facilitadores territoriais, "
                "moradores-relé e mediadores culturais que querem chegar aos públicos "
                "afastados das instituições culturais. Não é necessária experiência "
                "prévia em mediação."
            ),
            "prerequisites": (
                "Poder dedicar algumas horas por semana a tarefas de terreno no seu "
                "território, de preferência ao lado de uma estrutura parceira."
            ),
        },
        "es": {
            "title": (
                "Ir al encuentro de los vecinos: la mediación ciudadana sobre el "
                "terreno"
            ),
            "slug": "ir-al-encuentro-de-los-vecinos",
            "intro": (
                "Una formación-acción para ir al encuentro de los vecinos y vecinas "
                "allí donde viven, construir confianza y co-construir con ellos "
                "proyectos culturales que se les parezcan."
            ),
            "objectives": [
                (
                    "Preparar y llevar a cabo una acción de «ir al encuentro» en el "
                    "espacio público"
                ),
                "Construir una relación de confianza duradera con el vecindario",
                "Dinamizar un espacio de escucha entre iguales con vecinos-enlace",
                "Co-construir una acción cultural con el vecindario y un museo",
            ],
            "audience": (
                "Este itinerario se dirige a acompañantes territoriales, "
                "vecinos-enlace y mediadores culturales que desean llegar a los "
                "públicos alejados de las instituciones culturales. No se requiere "
                "experiencia previa en mediación."
            ),
            "prerequisites": (
                "Poder dedicar algunas horas a la semana a tareas de campo en su "
                "territorio, idealmente junto a una entidad socia."
            ),
        },
        "it": {
            "title": "Andare verso gli abitanti: la mediazione civica sul campo",
            "slug": "andare-verso-gli-abitanti",
            "intro": (
                "Una formazione-azione per andare incontro agli abitanti là dove "
                "vivono, costruire fiducia e co-costruire con loro progetti culturali "
                "che li rispecchino."
            ),
            "objectives": [
                (
                    "Preparare e condurre un'azione di «andare verso» nello spazio "
                    "pubblico"
                ),
                "Costruire un rapporto di fiducia duraturo con gli abitanti",
                "Condurre un momento di ascolto tra pari con gli abitanti-ponte",
                "Co-costruire un'azione culturale con gli abitanti e un museo",
            ],
            "audience": (
                "Questo percorso si rivolge a facilitatori territoriali, "
                "abitanti-ponte e mediatori culturali che vogliono raggiungere i "
                "pubblici lontani dalle istituzioni culturali. Non è richiesta alcuna "
                "esperienza di mediazione."
            ),
            "prerequisites": (
                "Poter dedicare alcune ore alla settimana a compiti sul campo nel "
                "proprio territorio, idealmente insieme a un'organizzazione partner."
            ),
        },
    },
    "modules": [
        # Module 1 — Aller vers
        {
            "slug": "aller-vers",
            "texts": {
                "fr": {
                    "title": "Aller vers",
                    "slug": "aller-vers",
                    "intro": (
                        "Sortir de nos locaux pour rencontrer les habitant·es là où "
                        "ils et elles vivent : au marché, à la sortie de l'école, "
                        "dans les halls d'immeuble ou en porte-à-porte. Ce module "
                        "donne le sens de la démarche et les gestes concrets pour la "
                        "préparer, la mener et en rendre compte."
                    ),
                },
                "en": {
                    "title": "Reaching out",
                    "slug": "reaching-out",
                    "intro": (
                        "Leaving our premises to meet residents where they live: at "
                        "the market, at the school gates, in building halls or door "
                        "to door. This module explains why the approach matters and "
                        "gives the practical steps to prepare it, carry it out and "
                        "report on it."
                    ),
                },
                "pt": {
                    "title": "Ir ao encontro",
                    "slug": "ir-ao-encontro",
                    "intro": (
                        "Sair das nossas instalações para encontrar os moradores onde "
                        "vivem: no mercado, à porta da escola, nas entradas dos "
                        "prédios ou porta a porta. Este módulo explica o sentido da "
                        "abordagem e os gestos concretos para a preparar, conduzir e "
                        "relatar."
                    ),
                },
                "es": {
                    "title": "Ir al encuentro",
                    "slug": "ir-al-encuentro",
                    "intro": (
                        "Salir de nuestros locales para encontrar a los vecinos y "
                        "vecinas allí donde viven: en el mercado, a la salida del "
                        "colegio, en los portales o puerta a puerta. Este módulo "
                        "explica el sentido del enfoque y los gestos concretos para "
                        "prepararlo, llevarlo a cabo y dar cuenta de él."
                    ),
                },
                "it": {
                    "title": "Andare verso",
                    "slug": "andare-verso",
                    "intro": (
                        "Uscire dalle nostre sedi per incontrare gli abitanti là dove "
                        "vivono: al mercato, davanti alla scuola, negli androni dei "
                        "palazzi o porta a porta. Questo modulo spiega il senso "
                        "dell'approccio e i gesti concreti per prepararlo, condurlo e "
                        "renderne conto."
                    ),
                },
            },
            "units": [
                # Séquence 1.1 — Pourquoi aller vers ?
                {
                    "slug": "pourquoi-aller-vers",
                    "duration_minutes": 45,
                    "texts": {
                        "fr": {
                            "title": "Pourquoi aller vers ?",
                            "slug": "pourquoi-aller-vers",
                            "intro": (
                                "Comprendre pourquoi tant d'habitant·es ne poussent "
                                "jamais la porte des lieux culturels, et ce que "
                                "change le fait d'aller à leur rencontre."
                            ),
                            "body": [
                                (
                                    "heading",
                                    "Ceux qui ne viennent pas ne sont pas « absents »",
                                ),
                                (
                                    "paragraph",
                                    "<p>Les structures sociales et culturelles "
                                    "parlent souvent de « publics éloignés ». "
                                    "Pourtant, ce ne sont pas les habitant·es qui "
                                    "sont loin : ce sont nos lieux, nos horaires et "
                                    "nos codes. Attendre que les personnes viennent à "
                                    "nous, c'est toucher surtout celles et ceux qui "
                                    "connaissent déjà le "
                                    "chemin.</p><p>L'<strong>aller vers</strong> "
                                    "inverse la démarche : c'est à nous de nous "
                                    "déplacer, d'être présent·es avec régularité dans "
                                    "les lieux de vie du quartier et d'accepter de ne "
                                    "pas maîtriser le cadre de la rencontre.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Quelques lieux propices à la rencontre "
                                    ":</p><ul><li><strong>le marché</strong>, où l'on "
                                    "prend son temps et où la conversation vient "
                                    "naturellement ;</li><li><strong>la sortie de "
                                    "l'école</strong>, où se croisent parents, "
                                    "grands-parents et enfants ;</li><li><strong>les "
                                    "halls et pieds d'immeuble</strong>, à condition "
                                    "d'y venir avec des personnes connues des "
                                    "résident·es ;</li><li><strong>le "
                                    "porte-à-porte</strong>, plus intime, qui demande "
                                    "une raison claire de frapper.</li></ul><p>Dans "
                                    "tous les cas, on vient d'abord pour "
                                    "<em>écouter</em>, pas pour distribuer un "
                                    "programme.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "La première fois, j'avais préparé des "
                                            "flyers et personne ne les a pris. La "
                                            "semaine suivante, je suis revenue sans "
                                            "rien, juste avec un thermos de café. "
                                            "C'est là que les gens ont commencé à me "
                                            "parler."
                                        ),
                                        "attribution": (
                                            "Nadia, habitante-relais, Marseille"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Dans votre territoire, quels sont les "
                                            "lieux où les habitant·es se retrouvent "
                                            "spontanément, et qui n'y croise-t-on "
                                            "jamais ?"
                                        ),
                                        "guidance": (
                                            "Pensez aux moments de la journée et de "
                                            "la semaine, aux lieux informels "
                                            "(laverie, arrêt de bus, city stade) et "
                                            "aux personnes invisibles dans l'espace "
                                            "public : personnes âgées isolées, mères "
                                            "au foyer, jeunes travailleur·ses. Notez "
                                            "trois lieux et une personne ou un groupe "
                                            "que vous aimeriez rencontrer."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "en": {
                            "title": "Why reach out?",
                            "slug": "why-reach-out",
                            "intro": (
                                "Understanding why so many residents never walk "
                                "through the door of cultural venues, and what "
                                "changes when we go and meet them."
                            ),
                            "body": [
                                ("heading", "Those who don't come are not “absent”"),
                                (
                                    "paragraph",
                                    "<p>Social and cultural organisations often talk "
                                    "about “hard-to-reach audiences”. Yet it is not "
                                    "the residents who are far away: it is our "
                                    "venues, our opening hours and our codes. Waiting "
                                    "for people to come to us mostly reaches those "
                                    "who already know the way.</p><p><strong>Reaching "
                                    "out</strong> reverses the approach: it is up to "
                                    "us to move, to be regularly present where "
                                    "neighbourhood life happens, and to accept that "
                                    "we do not control the setting of the "
                                    "encounter.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>A few places that lend themselves to meeting "
                                    "people:</p><ul><li><strong>the market</strong>, "
                                    "where people take their time and conversation "
                                    "comes naturally;</li><li><strong>the school "
                                    "gates</strong>, where parents, grandparents and "
                                    "children cross paths;</li><li><strong>building "
                                    "halls and entrances</strong>, provided you come "
                                    "with people the residents "
                                    "know;</li><li><strong>door to door</strong>, "
                                    "more intimate, which needs a clear reason to "
                                    "knock.</li></ul><p>In every case, we come first "
                                    "to <em>listen</em>, not to hand out a "
                                    "programme.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "The first time, I had prepared flyers "
                                            "and nobody took them. The next week I "
                                            "came back empty-handed, just with a "
                                            "flask of coffee. That's when people "
                                            "started talking to me."
                                        ),
                                        "attribution": (
                                            "Nadia, resident relay, Marseille"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "In your territory, where do residents "
                                            "gather spontaneously, and who is never "
                                            "seen there?"
                                        ),
                                        "guidance": (
                                            "Think about times of day and days of the "
                                            "week, informal places (launderette, bus "
                                            "stop, sports ground) and people who are "
                                            "invisible in public space: isolated "
                                            "older people, stay-at-home mothers, "
                                            "young workers. Note three places and one "
                                            "person or group you would like to meet."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "pt": {
                            "title": "Porquê ir ao encontro?",
                            "slug": "porque-ir-ao-encontro",
                            "intro": (
                                "Perceber porque é que tantos moradores nunca entram "
                                "nos espaços culturais, e o que muda quando vamos ao "
                                "seu encontro."
                            ),
                            "body": [
                                ("heading", "Quem não vem não está «ausente»"),
                                (
                                    "paragraph",
                                    "<p>As estruturas sociais e culturais falam "
                                    "muitas vezes de «públicos afastados». No "
                                    "entanto, não são os moradores que estão longe: "
                                    "são os nossos espaços, os nossos horários e os "
                                    "nossos códigos. Esperar que as pessoas venham "
                                    "até nós é chegar sobretudo a quem já conhece o "
                                    "caminho.</p><p><strong>Ir ao encontro</strong> "
                                    "inverte a lógica: cabe-nos a nós deslocar-nos, "
                                    "estar presentes com regularidade nos lugares de "
                                    "vida do bairro e aceitar que não controlamos o "
                                    "enquadramento do encontro.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Alguns lugares propícios ao "
                                    "encontro:</p><ul><li><strong>o mercado</strong>, "
                                    "onde as pessoas têm tempo e a conversa surge com "
                                    "naturalidade;</li><li><strong>a porta da "
                                    "escola</strong>, onde se cruzam pais, avós e "
                                    "crianças;</li><li><strong>as entradas dos "
                                    "prédios</strong>, desde que se vá acompanhado de "
                                    "pessoas conhecidas dos "
                                    "moradores;</li><li><strong>o porta a "
                                    "porta</strong>, mais íntimo, que exige uma razão "
                                    "clara para bater à porta.</li></ul><p>Em todos "
                                    "os casos, vamos primeiro para <em>escutar</em>, "
                                    "não para distribuir um programa.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "Da primeira vez, tinha preparado "
                                            "folhetos e ninguém os quis. Na semana "
                                            "seguinte voltei sem nada, só com um "
                                            "termo de café. Foi aí que as pessoas "
                                            "começaram a falar comigo."
                                        ),
                                        "attribution": "Nadia, moradora-relé, Marselha",
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "No seu território, onde é que os "
                                            "moradores se encontram espontaneamente, "
                                            "e quem nunca se vê por lá?"
                                        ),
                                        "guidance": (
                                            "Pense nos momentos do dia e da semana, "
                                            "nos lugares informais (lavandaria, "
                                            "paragem de autocarro, campo de jogos) e "
                                            "nas pessoas invisíveis no espaço "
                                            "público: pessoas idosas isoladas, mães "
                                            "que ficam em casa, jovens trabalhadores. "
                                            "Anote três lugares e uma pessoa ou grupo "
                                            "que gostaria de conhecer."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "es": {
                            "title": "¿Por qué ir al encuentro?",
                            "slug": "por-que-ir-al-encuentro",
                            "intro": (
                                "Entender por qué tantos vecinos y vecinas nunca "
                                "cruzan la puerta de los espacios culturales, y qué "
                                "cambia cuando vamos a su encuentro."
                            ),
                            "body": [
                                ("heading", "Quien no viene no está «ausente»"),
                                (
                                    "paragraph",
                                    "<p>Las entidades sociales y culturales hablan a "
                                    "menudo de «públicos alejados». Sin embargo, no "
                                    "son los vecinos quienes están lejos: son "
                                    "nuestros espacios, nuestros horarios y nuestros "
                                    "códigos. Esperar a que la gente venga a nosotros "
                                    "es llegar sobre todo a quienes ya conocen el "
                                    "camino.</p><p><strong>Ir al encuentro</strong> "
                                    "invierte la lógica: nos toca a nosotros "
                                    "desplazarnos, estar presentes con regularidad en "
                                    "los lugares de vida del barrio y aceptar que no "
                                    "controlamos el marco del encuentro.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Algunos lugares propicios para el "
                                    "encuentro:</p><ul><li><strong>el "
                                    "mercado</strong>, donde la gente se toma su "
                                    "tiempo y la conversación surge con "
                                    "naturalidad;</li><li><strong>la salida del "
                                    "colegio</strong>, donde se cruzan madres, "
                                    "padres, abuelos y niños;</li><li><strong>los "
                                    "portales y bajos de los edificios</strong>, "
                                    "siempre que se vaya con personas conocidas por "
                                    "el vecindario;</li><li><strong>el puerta a "
                                    "puerta</strong>, más íntimo, que requiere un "
                                    "motivo claro para llamar.</li></ul><p>En todos "
                                    "los casos, vamos primero a <em>escuchar</em>, no "
                                    "a repartir un programa.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "La primera vez había preparado folletos "
                                            "y nadie los cogió. La semana siguiente "
                                            "volví sin nada, solo con un termo de "
                                            "café. Fue entonces cuando la gente "
                                            "empezó a hablarme."
                                        ),
                                        "attribution": "Nadia, vecina-enlace, Marsella",
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "En su territorio, ¿dónde se reúnen "
                                            "espontáneamente los vecinos y vecinas, y "
                                            "a quién no se ve nunca allí?"
                                        ),
                                        "guidance": (
                                            "Piense en los momentos del día y de la "
                                            "semana, en los lugares informales "
                                            "(lavandería, parada de autobús, pista "
                                            "deportiva) y en las personas invisibles "
                                            "en el espacio público: personas mayores "
                                            "aisladas, mujeres que trabajan en casa, "
                                            "jóvenes trabajadores. Anote tres lugares "
                                            "y una persona o grupo que le gustaría "
                                            "conocer."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "it": {
                            "title": "Perché andare verso?",
                            "slug": "perche-andare-verso",
                            "intro": (
                                "Capire perché tanti abitanti non varcano mai la "
                                "soglia dei luoghi culturali, e che cosa cambia "
                                "quando andiamo a incontrarli."
                            ),
                            "body": [
                                ("heading", "Chi non viene non è «assente»"),
                                (
                                    "paragraph",
                                    "<p>Le organizzazioni sociali e culturali parlano "
                                    "spesso di «pubblici lontani». Eppure non sono "
                                    "gli abitanti a essere lontani: lo sono i nostri "
                                    "luoghi, i nostri orari e i nostri codici. "
                                    "Aspettare che le persone vengano da noi "
                                    "significa raggiungere soprattutto chi conosce "
                                    "già la strada.</p><p><strong>Andare "
                                    "verso</strong> ribalta la prospettiva: tocca a "
                                    "noi spostarci, essere presenti con regolarità "
                                    "nei luoghi di vita del quartiere e accettare di "
                                    "non controllare il contesto dell'incontro.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Alcuni luoghi adatti "
                                    "all'incontro:</p><ul><li><strong>il "
                                    "mercato</strong>, dove ci si prende il proprio "
                                    "tempo e la conversazione nasce "
                                    "spontanea;</li><li><strong>l'uscita da "
                                    "scuola</strong>, dove si incrociano genitori, "
                                    "nonni e bambini;</li><li><strong>gli androni e "
                                    "gli ingressi dei palazzi</strong>, a patto di "
                                    "arrivarci con persone conosciute dai "
                                    "residenti;</li><li><strong>il porta a "
                                    "porta</strong>, più intimo, che richiede un "
                                    "motivo chiaro per bussare.</li></ul><p>In ogni "
                                    "caso, si va prima di tutto per "
                                    "<em>ascoltare</em>, non per distribuire un "
                                    "programma.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "La prima volta avevo preparato dei "
                                            "volantini e nessuno li ha presi. La "
                                            "settimana dopo sono tornata a mani "
                                            "vuote, solo con un thermos di caffè. È "
                                            "lì che la gente ha cominciato a parlarmi."
                                        ),
                                        "attribution": (
                                            "Nadia, abitante-ponte, Marsiglia"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Nel tuo territorio, dove si ritrovano "
                                            "spontaneamente gli abitanti, e chi non "
                                            "si vede mai?"
                                        ),
                                        "guidance": (
                                            "Pensa ai momenti della giornata e della "
                                            "settimana, ai luoghi informali "
                                            "(lavanderia, fermata dell'autobus, "
                                            "campetto) e alle persone invisibili "
                                            "nello spazio pubblico: anziani soli, "
                                            "casalinghe, giovani lavoratori. Annota "
                                            "tre luoghi e una persona o un gruppo che "
                                            "vorresti incontrare."
                                        ),
                                    },
                                ),
                            ],
                        },
                    },
                },
                # Séquence 1.2 — Préparer et mener une sortie de terrain
                {
                    "slug": "preparer-une-sortie-de-terrain",
                    "duration_minutes": 60,
                    "texts": {
                        "fr": {
                            "title": "Préparer et mener une sortie de terrain",
                            "slug": "preparer-une-sortie-de-terrain",
                            "intro": (
                                "Les gestes concrets pour organiser une sortie d'« "
                                "aller vers », engager la conversation et garder une "
                                "trace de ce qui a été dit."
                            ),
                            "body": [
                                ("heading", "Avant de partir"),
                                (
                                    "paragraph",
                                    "<p>Une sortie d'aller vers se prépare comme une "
                                    "rencontre, pas comme une opération de "
                                    "communication. Choisissez un lieu et un créneau "
                                    "où les personnes ont un peu de temps, partez "
                                    "<strong>en binôme</strong> — idéalement avec "
                                    "un·e habitant·e-relais ou un·e professionnel·le "
                                    "déjà connu·e dans le quartier — et prévenez les "
                                    "acteurs locaux (centre social, gardien·ne, "
                                    "commerçant·es) de votre présence.</p>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "Dans votre sac",
                                        "items": [
                                            (
                                                "Un badge ou un signe visible qui dit "
                                                "qui vous êtes et pour quelle "
                                                "structure"
                                            ),
                                            (
                                                "Une question d'ouverture simple, "
                                                "testée à voix haute avant de partir"
                                            ),
                                            (
                                                "Un carnet pour noter après chaque "
                                                "échange, jamais pendant"
                                            ),
                                            (
                                                "Quelque chose à offrir ou à partager "
                                                ": café, programme illustré, carte du "
                                                "quartier"
                                            ),
                                            (
                                                "Les coordonnées de votre structure, "
                                                "pour que l'on puisse vous retrouver"
                                            ),
                                        ],
                                    },
                                ),
                                ("heading", "Engager la conversation"),
                                (
                                    "paragraph",
                                    "<p>Présentez-vous en une phrase, puis posez une "
                                    "question ouverte qui parle du quartier plutôt "
                                    "que de votre projet : <em>« Qu'est-ce qui vous "
                                    "plaît ici ? »</em>, <em>« Qu'est-ce qui manque "
                                    "pour les enfants ? »</em>. Laissez les silences "
                                    "exister, acceptez les refus avec le sourire et "
                                    "ne cherchez pas à convaincre : une conversation "
                                    "réussie est une conversation que la personne a "
                                    "envie de poursuivre.</p><p>Juste après chaque "
                                    "échange, notez ce qui a été dit avec les mots de "
                                    "la personne, sans son nom si elle ne l'a pas "
                                    "donné.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": "Deux heures d'aller vers au marché",
                                        "instructions": (
                                            "<p>Avec un·e binôme de votre structure "
                                            "ou d'une structure partenaire, passez "
                                            "<strong>deux heures</strong> sur un "
                                            "marché de votre territoire (ou, à "
                                            "défaut, à la sortie d'une école ou au "
                                            "pied d'un immeuble).</p><ul><li>Préparez "
                                            "ensemble votre question d'ouverture et "
                                            "répartissez-vous les "
                                            "rôles.</li><li>Engagez la conversation "
                                            "avec au moins dix personnes, sans "
                                            "commencer par présenter votre "
                                            "projet.</li><li>Après chaque échange, "
                                            "notez qui vous avez rencontré (âge "
                                            "approximatif, situation) et ce que la "
                                            "personne a dit, avec ses "
                                            "mots.</li><li>Terminez par un débriefing "
                                            "de vingt minutes avec votre "
                                            "binôme.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Déposez un <strong>compte rendu de "
                                            "terrain</strong> d'une page au maximum, "
                                            "comprenant :</p><ul><li>le lieu, le "
                                            "créneau et le nombre de personnes "
                                            "rencontrées ;</li><li>trois phrases "
                                            "entendues qui vous ont marqué·e "
                                            ";</li><li>une photo prise avec l'accord "
                                            "des personnes, ou un croquis du lieu "
                                            ";</li><li>ce que vous changeriez lors de "
                                            "votre prochaine sortie.</li></ul>"
                                        ),
                                        "due_offset_days": 14,
                                    },
                                ),
                            ],
                        },
                        "en": {
                            "title": "Preparing and leading a field outing",
                            "slug": "preparing-a-field-outing",
                            "intro": (
                                "The practical steps to organise an outreach outing, "
                                "start a conversation and keep a record of what was "
                                "said."
                            ),
                            "body": [
                                ("heading", "Before you go"),
                                (
                                    "paragraph",
                                    "<p>An outreach outing is prepared like an "
                                    "encounter, not like a communication campaign. "
                                    "Choose a place and a time slot when people have "
                                    "a little time, go <strong>in pairs</strong> — "
                                    "ideally with a resident relay or a professional "
                                    "already known in the neighbourhood — and let "
                                    "local actors (community centre, caretaker, "
                                    "shopkeepers) know you will be there.</p>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "In your bag",
                                        "items": [
                                            (
                                                "A badge or visible sign saying who "
                                                "you are and which organisation you "
                                                "work for"
                                            ),
                                            (
                                                "A simple opening question, tried out "
                                                "loud before you leave"
                                            ),
                                            (
                                                "A notebook for writing after each "
                                                "conversation, never during it"
                                            ),
                                            (
                                                "Something to offer or share: coffee, "
                                                "an illustrated programme, a map of "
                                                "the neighbourhood"
                                            ),
                                            (
                                                "Your organisation's contact details, "
                                                "so that people can find you again"
                                            ),
                                        ],
                                    },
                                ),
                                ("heading", "Starting the conversation"),
                                (
                                    "paragraph",
                                    "<p>Introduce yourself in one sentence, then ask "
                                    "an open question about the neighbourhood rather "
                                    "than about your project: <em>“What do you like "
                                    "about living here?”</em>, <em>“What is missing "
                                    "for the children?”</em>. Let silences happen, "
                                    "accept refusals with a smile and do not try to "
                                    "convince: a successful conversation is one the "
                                    "other person wants to continue.</p><p>Right "
                                    "after each conversation, write down what was "
                                    "said in the person's own words, without their "
                                    "name if they did not give it.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": "Two hours of outreach at the market",
                                        "instructions": (
                                            "<p>With a partner from your organisation "
                                            "or from a partner organisation, spend "
                                            "<strong>two hours</strong> at a market "
                                            "in your territory (or, failing that, at "
                                            "a school gate or outside a block of "
                                            "flats).</p><ul><li>Prepare your opening "
                                            "question together and share out the "
                                            "roles.</li><li>Start a conversation with "
                                            "at least ten people, without leading "
                                            "with your project.</li><li>After each "
                                            "conversation, note who you met "
                                            "(approximate age, situation) and what "
                                            "they said, in their own "
                                            "words.</li><li>End with a twenty-minute "
                                            "debriefing with your partner.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Submit a <strong>field "
                                            "report</strong> of no more than one "
                                            "page, including:</p><ul><li>the place, "
                                            "the time slot and the number of people "
                                            "you met;</li><li>three things you heard "
                                            "that struck you;</li><li>a photo taken "
                                            "with people's consent, or a sketch of "
                                            "the place;</li><li>what you would change "
                                            "on your next outing.</li></ul>"
                                        ),
                                        "due_offset_days": 14,
                                    },
                                ),
                            ],
                        },
                        "pt": {
                            "title": "Preparar e conduzir uma saída de terreno",
                            "slug": "preparar-uma-saida-de-terreno",
                            "intro": (
                                "Os gestos concretos para organizar uma saída de «ir "
                                "ao encontro», iniciar a conversa e guardar registo "
                                "do que foi dito."
                            ),
                            "body": [
                                ("heading", "Antes de sair"),
                                (
                                    "paragraph",
                                    "<p>Uma saída de ir ao encontro prepara-se como "
                                    "um encontro, não como uma ação de comunicação. "
                                    "Escolha um lugar e um horário em que as pessoas "
                                    "tenham algum tempo, vá <strong>em dupla</strong> "
                                    "— de preferência com um·a morador·a-relé ou com "
                                    "um profissional já conhecido no bairro — e avise "
                                    "os atores locais (centro comunitário, porteiro, "
                                    "comerciantes) da sua presença.</p>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "Na sua mochila",
                                        "items": [
                                            (
                                                "Um crachá ou sinal visível que diga "
                                                "quem é e de que estrutura vem"
                                            ),
                                            (
                                                "Uma pergunta de abertura simples, "
                                                "ensaiada em voz alta antes de sair"
                                            ),
                                            (
                                                "Um caderno para tomar notas depois "
                                                "de cada conversa, nunca durante"
                                            ),
                                            (
                                                "Algo para oferecer ou partilhar: "
                                                "café, um programa ilustrado, um mapa "
                                                "do bairro"
                                            ),
                                            (
                                                "Os contactos da sua estrutura, para "
                                                "que as pessoas o possam voltar a "
                                                "encontrar"
                                            ),
                                        ],
                                    },
                                ),
                                ("heading", "Iniciar a conversa"),
                                (
                                    "paragraph",
                                    "<p>Apresente-se numa frase e depois faça uma "
                                    "pergunta aberta sobre o bairro e não sobre o seu "
                                    "projeto: <em>«De que é que gosta aqui?»</em>, "
                                    "<em>«O que é que falta para as crianças?»</em>. "
                                    "Deixe existir os silêncios, aceite as recusas "
                                    "com um sorriso e não tente convencer: uma "
                                    "conversa bem-sucedida é uma conversa que a "
                                    "pessoa quer continuar.</p><p>Logo depois de cada "
                                    "conversa, anote o que foi dito com as palavras "
                                    "da pessoa, sem o nome dela se não o tiver "
                                    "dado.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Duas horas a ir ao encontro no mercado"
                                        ),
                                        "instructions": (
                                            "<p>Com um colega da sua estrutura ou de "
                                            "uma estrutura parceira, passe "
                                            "<strong>duas horas</strong> num mercado "
                                            "do seu território (ou, na falta dele, à "
                                            "porta de uma escola ou à entrada de um "
                                            "prédio).</p><ul><li>Preparem juntos a "
                                            "pergunta de abertura e distribuam os "
                                            "papéis.</li><li>Converse com pelo menos "
                                            "dez pessoas, sem começar por apresentar "
                                            "o seu projeto.</li><li>Depois de cada "
                                            "conversa, anote quem encontrou (idade "
                                            "aproximada, situação) e o que a pessoa "
                                            "disse, com as palavras "
                                            "dela.</li><li>Termine com um balanço de "
                                            "vinte minutos com o seu colega.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Entregue um <strong>relatório de "
                                            "terreno</strong> de uma página no "
                                            "máximo, com:</p><ul><li>o lugar, o "
                                            "horário e o número de pessoas "
                                            "encontradas;</li><li>três frases ouvidas "
                                            "que o marcaram;</li><li>uma fotografia "
                                            "tirada com o consentimento das pessoas, "
                                            "ou um esboço do lugar;</li><li>o que "
                                            "mudaria na próxima saída.</li></ul>"
                                        ),
                                        "due_offset_days": 14,
                                    },
                                ),
                            ],
                        },
                        "es": {
                            "title": "Preparar y realizar una salida de campo",
                            "slug": "preparar-una-salida-de-campo",
                            "intro": (
                                "Los gestos concretos para organizar una salida de "
                                "«ir al encuentro», iniciar la conversación y dejar "
                                "constancia de lo que se ha dicho."
                            ),
                            "body": [
                                ("heading", "Antes de salir"),
                                (
                                    "paragraph",
                                    "<p>Una salida de ir al encuentro se prepara como "
                                    "un encuentro, no como una campaña de "
                                    "comunicación. Elija un lugar y una franja "
                                    "horaria en la que la gente tenga algo de tiempo, "
                                    "vaya <strong>en pareja</strong> — idealmente con "
                                    "un vecino·a-enlace o con un profesional ya "
                                    "conocido en el barrio — y avise de su presencia "
                                    "a los actores locales (centro social, portero, "
                                    "comercios).</p>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "En su mochila",
                                        "items": [
                                            (
                                                "Una acreditación o señal visible que "
                                                "diga quién es y para qué entidad "
                                                "trabaja"
                                            ),
                                            (
                                                "Una pregunta de apertura sencilla, "
                                                "ensayada en voz alta antes de salir"
                                            ),
                                            (
                                                "Una libreta para tomar notas después "
                                                "de cada conversación, nunca durante"
                                            ),
                                            (
                                                "Algo que ofrecer o compartir: café, "
                                                "un programa ilustrado, un mapa del "
                                                "barrio"
                                            ),
                                            (
                                                "Los datos de contacto de su entidad, "
                                                "para que puedan volver a encontrarle"
                                            ),
                                        ],
                                    },
                                ),
                                ("heading", "Iniciar la conversación"),
                                (
                                    "paragraph",
                                    "<p>Preséntese en una frase y luego haga una "
                                    "pregunta abierta sobre el barrio y no sobre su "
                                    "proyecto: <em>«¿Qué es lo que más le gusta de "
                                    "aquí?»</em>, <em>«¿Qué les falta a los "
                                    "niños?»</em>. Deje que existan los silencios, "
                                    "acepte las negativas con una sonrisa y no "
                                    "intente convencer: una conversación lograda es "
                                    "una conversación que la otra persona quiere "
                                    "continuar.</p><p>Justo después de cada "
                                    "conversación, anote lo que se ha dicho con las "
                                    "palabras de la persona, sin su nombre si no lo "
                                    "ha dado.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Dos horas de ir al encuentro en el mercado"
                                        ),
                                        "instructions": (
                                            "<p>Con un compañero o compañera de su "
                                            "entidad o de una entidad socia, pase "
                                            "<strong>dos horas</strong> en un mercado "
                                            "de su territorio (o, en su defecto, a la "
                                            "salida de un colegio o delante de un "
                                            "bloque de "
                                            "viviendas).</p><ul><li>Preparen juntos "
                                            "la pregunta de apertura y repártanse los "
                                            "papeles.</li><li>Converse con al menos "
                                            "diez personas, sin empezar presentando "
                                            "su proyecto.</li><li>Después de cada "
                                            "conversación, anote con quién ha hablado "
                                            "(edad aproximada, situación) y lo que le "
                                            "ha dicho, con sus propias "
                                            "palabras.</li><li>Termine con una puesta "
                                            "en común de veinte minutos con su "
                                            "compañero o compañera.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Entregue un <strong>informe de "
                                            "campo</strong> de una página como "
                                            "máximo, que incluya:</p><ul><li>el "
                                            "lugar, la franja horaria y el número de "
                                            "personas con las que ha "
                                            "hablado;</li><li>tres frases que ha "
                                            "escuchado y que le han llamado la "
                                            "atención;</li><li>una foto tomada con el "
                                            "consentimiento de las personas, o un "
                                            "boceto del lugar;</li><li>lo que "
                                            "cambiaría en su próxima salida.</li></ul>"
                                        ),
                                        "due_offset_days": 14,
                                    },
                                ),
                            ],
                        },
                        "it": {
                            "title": "Preparare e condurre un'uscita sul campo",
                            "slug": "preparare-un-uscita-sul-campo",
                            "intro": (
                                "I gesti concreti per organizzare un'uscita di "
                                "«andare verso», avviare la conversazione e tenere "
                                "traccia di ciò che è stato detto."
                            ),
                            "body": [
                                ("heading", "Prima di partire"),
                                (
                                    "paragraph",
                                    "<p>Un'uscita di andare verso si prepara come un "
                                    "incontro, non come un'operazione di "
                                    "comunicazione. Scegli un luogo e una fascia "
                                    "oraria in cui le persone abbiano un po' di "
                                    "tempo, vai <strong>in coppia</strong> — "
                                    "idealmente con un abitante-ponte o con un "
                                    "operatore già conosciuto nel quartiere — e "
                                    "avvisa della tua presenza gli attori locali "
                                    "(centro sociale, portiere, negozianti).</p>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "Nello zaino",
                                        "items": [
                                            (
                                                "Un cartellino o un segno visibile "
                                                "che dica chi sei e per quale "
                                                "organizzazione lavori"
                                            ),
                                            (
                                                "Una domanda di apertura semplice, "
                                                "provata ad alta voce prima di uscire"
                                            ),
                                            (
                                                "Un taccuino per prendere appunti "
                                                "dopo ogni scambio, mai durante"
                                            ),
                                            (
                                                "Qualcosa da offrire o condividere: "
                                                "un caffè, un programma illustrato, "
                                                "una mappa del quartiere"
                                            ),
                                            (
                                                "I contatti della tua organizzazione, "
                                                "perché le persone possano ritrovarti"
                                            ),
                                        ],
                                    },
                                ),
                                ("heading", "Avviare la conversazione"),
                                (
                                    "paragraph",
                                    "<p>Presentati in una frase, poi fai una domanda "
                                    "aperta sul quartiere piuttosto che sul tuo "
                                    "progetto: <em>«Che cosa le piace di questo "
                                    "posto?»</em>, <em>«Che cosa manca per i "
                                    "bambini?»</em>. Lascia spazio ai silenzi, "
                                    "accetta i rifiuti con un sorriso e non cercare "
                                    "di convincere: una conversazione riuscita è una "
                                    "conversazione che l'altra persona ha voglia di "
                                    "continuare.</p><p>Subito dopo ogni scambio, "
                                    "annota ciò che è stato detto con le parole della "
                                    "persona, senza il suo nome se non te l'ha "
                                    "dato.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": "Due ore di andare verso al mercato",
                                        "instructions": (
                                            "<p>Con un collega della tua "
                                            "organizzazione o di un'organizzazione "
                                            "partner, trascorri <strong>due "
                                            "ore</strong> in un mercato del tuo "
                                            "territorio (o, in mancanza, all'uscita "
                                            "di una scuola o davanti a un "
                                            "palazzo).</p><ul><li>Preparate insieme "
                                            "la domanda di apertura e dividetevi i "
                                            "ruoli.</li><li>Avvia la conversazione "
                                            "con almeno dieci persone, senza "
                                            "cominciare presentando il tuo "
                                            "progetto.</li><li>Dopo ogni scambio, "
                                            "annota chi hai incontrato (età "
                                            "approssimativa, situazione) e che cosa "
                                            "ha detto, con le sue "
                                            "parole.</li><li>Concludi con un "
                                            "debriefing di venti minuti insieme al "
                                            "tuo collega.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Carica un <strong>resoconto dal "
                                            "campo</strong> di una pagina al massimo, "
                                            "che comprenda:</p><ul><li>il luogo, la "
                                            "fascia oraria e il numero di persone "
                                            "incontrate;</li><li>tre frasi ascoltate "
                                            "che ti hanno colpito;</li><li>una foto "
                                            "scattata con il consenso delle persone, "
                                            "o uno schizzo del luogo;</li><li>che "
                                            "cosa cambieresti nella prossima "
                                            "uscita.</li></ul>"
                                        ),
                                        "due_offset_days": 14,
                                    },
                                ),
                            ],
                        },
                    },
                },
            ],
        },
        # Module 2 — Bâtir la confiance de pair à pair
        {
            "slug": "confiance-de-pair-a-pair",
            "texts": {
                "fr": {
                    "title": "Bâtir la confiance de pair à pair",
                    "slug": "confiance-de-pair-a-pair",
                    "intro": (
                        "La confiance ne se décrète pas : elle se construit dans la "
                        "durée, par des personnes que les habitant·es connaissent "
                        "déjà. Ce module explore le rôle des habitant·es-relais, "
                        "l'écoute active et l'importance de tenir parole."
                    ),
                },
                "en": {
                    "title": "Building peer-to-peer trust",
                    "slug": "peer-to-peer-trust",
                    "intro": (
                        "Trust cannot be decreed: it is built over time, through "
                        "people residents already know. This module explores the role "
                        "of resident relays, active listening and the importance of "
                        "keeping one's word."
                    ),
                },
                "pt": {
                    "title": "Construir a confiança entre pares",
                    "slug": "confianca-entre-pares",
                    "intro": (
                        "A confiança não se decreta: constrói-se com tempo, através "
                        "de pessoas que os moradores já conhecem. Este módulo explora "
                        "o papel dos moradores-relé, a escuta ativa e a importância "
                        "de cumprir a palavra dada."
                    ),
                },
                "es": {
                    "title": "Construir la confianza entre iguales",
                    "slug": "confianza-entre-iguales",
                    "intro": (
                        "La confianza no se decreta: se construye con el tiempo, a "
                        "través de personas que los vecinos y vecinas ya conocen. "
                        "Este módulo explora el papel de los vecinos-enlace, la "
                        "escucha activa y la importancia de cumplir la palabra dada."
                    ),
                },
                "it": {
                    "title": "Costruire la fiducia tra pari",
                    "slug": "fiducia-tra-pari",
                    "intro": (
                        "La fiducia non si decreta: si costruisce nel tempo, grazie a "
                        "persone che gli abitanti conoscono già. Questo modulo "
                        "esplora il ruolo degli abitanti-ponte, l'ascolto attivo e "
                        "l'importanza di mantenere la parola data."
                    ),
                },
            },
            "units": [
                # Séquence 2.1 — Le rôle des habitant·es-relais
                {
                    "slug": "role-des-habitants-relais",
                    "duration_minutes": 45,
                    "texts": {
                        "fr": {
                            "title": "Le rôle des habitant·es-relais",
                            "slug": "role-des-habitants-relais",
                            "intro": (
                                "Comprendre la place des habitant·es-relais dans la "
                                "médiation citoyenne, et les conditions d'une "
                                "collaboration juste avec eux et elles."
                            ),
                            "body": [
                                ("heading", "Des passeur·ses, pas des prestataires"),
                                (
                                    "paragraph",
                                    "<p>Un·e <strong>habitant·e-relais</strong> est "
                                    "une personne du quartier, reconnue par ses "
                                    "voisin·es, qui accepte de faire le lien entre "
                                    "les habitant·es et les structures. Sa force "
                                    "tient à sa légitimité : elle parle la même "
                                    "langue, au sens propre comme au figuré, et elle "
                                    "sera encore là quand le projet sera "
                                    "terminé.</p><p>Ce rôle ne s'improvise pas et ne "
                                    "doit pas être instrumentalisé : "
                                    "l'habitant·e-relais n'est ni un·e bénévole "
                                    "corvéable à merci, ni le ou la porte-parole de "
                                    "tout le quartier.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "On me fait confiance parce que j'habite "
                                            "ici depuis vingt ans et que je connais "
                                            "les enfants de tout le monde. Si "
                                            "j'emmène des voisines à une sortie et "
                                            "que ça se passe mal, c'est moi qu'on "
                                            "viendra voir, pas l'association."
                                        ),
                                        "attribution": (
                                            "Rosa, habitante-relais, Lisbonne (Marvila)"
                                        ),
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Pour une collaboration juste, clarifiez "
                                    "ensemble dès le départ :</p><ul><li>ce que "
                                    "l'habitant·e-relais accepte de faire, et ce "
                                    "qu'il ou elle refuse ;</li><li>la reconnaissance "
                                    "de son engagement : défraiement, rémunération, "
                                    "formation, valorisation ;</li><li>la manière "
                                    "dont ses idées seront prises en compte dans les "
                                    "décisions ;</li><li>la possibilité de se retirer "
                                    "à tout moment sans avoir à se "
                                    "justifier.</li></ul>",
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Qui joue déjà, sans en porter le titre, "
                                            "un rôle de relais dans votre territoire ?"
                                        ),
                                        "guidance": (
                                            "Pensez à la commerçante qui connaît tout "
                                            "le monde, au gardien d'immeuble, à "
                                            "l'entraîneur du club de foot, à la "
                                            "grand-mère qui garde les enfants du "
                                            "palier. Que leur apporterait la "
                                            "reconnaissance de ce rôle ? Que "
                                            "risqueraient ces personnes à être "
                                            "associées à votre structure ?"
                                        ),
                                    },
                                ),
                            ],
                        },
                        "en": {
                            "title": "The role of resident relays",
                            "slug": "the-role-of-resident-relays",
                            "intro": (
                                "Understanding the place of resident relays in "
                                "citizen mediation, and the conditions for a fair "
                                "collaboration with them."
                            ),
                            "body": [
                                ("heading", "Bridge-builders, not service providers"),
                                (
                                    "paragraph",
                                    "<p>A <strong>resident relay</strong> is a person "
                                    "from the neighbourhood, recognised by their "
                                    "neighbours, who agrees to link residents and "
                                    "organisations. Their strength lies in their "
                                    "legitimacy: they speak the same language, "
                                    "literally and figuratively, and they will still "
                                    "be there when the project is over.</p><p>This "
                                    "role cannot be improvised and must not be "
                                    "exploited: a resident relay is neither a "
                                    "volunteer at everyone's beck and call nor the "
                                    "spokesperson for the whole neighbourhood.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "People trust me because I've lived here "
                                            "for twenty years and I know everybody's "
                                            "children. If I take some neighbours on "
                                            "an outing and it goes wrong, it's me "
                                            "they'll come to see, not the association."
                                        ),
                                        "attribution": (
                                            "Rosa, resident relay, Lisbon (Marvila)"
                                        ),
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>For a fair collaboration, agree together from "
                                    "the outset on:</p><ul><li>what the resident "
                                    "relay agrees to do, and what they refuse to "
                                    "do;</li><li>how their commitment is recognised: "
                                    "expenses, payment, training, "
                                    "visibility;</li><li>how their ideas will be "
                                    "taken into account in decisions;</li><li>their "
                                    "freedom to step back at any time without having "
                                    "to justify it.</li></ul>",
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Who already plays a relay role in your "
                                            "territory without holding the title?"
                                        ),
                                        "guidance": (
                                            "Think of the shopkeeper who knows "
                                            "everyone, the building caretaker, the "
                                            "football club coach, the grandmother who "
                                            "looks after the children on her landing. "
                                            "What would recognition of this role "
                                            "bring them? What would they risk by "
                                            "being associated with your organisation?"
                                        ),
                                    },
                                ),
                            ],
                        },
                        "pt": {
                            "title": "O papel dos moradores-relé",
                            "slug": "o-papel-dos-moradores-rele",
                            "intro": (
                                "Compreender o lugar dos moradores-relé na mediação "
                                "cidadã e as condições de uma colaboração justa com "
                                "eles."
                            ),
                            "body": [
                                (
                                    "heading",
                                    "Construtores de pontes, não prestadores de "
                                    "serviços",
                                ),
                                (
                                    "paragraph",
                                    "<p>Um·a <strong>morador·a-relé</strong> é uma "
                                    "pessoa do bairro, reconhecida pelos vizinhos, "
                                    "que aceita fazer a ligação entre os moradores e "
                                    "as estruturas. A sua força está na legitimidade: "
                                    "fala a mesma língua, no sentido próprio e no "
                                    "figurado, e continuará lá quando o projeto "
                                    "terminar.</p><p>Este papel não se improvisa e "
                                    "não deve ser instrumentalizado: o morador-relé "
                                    "não é um voluntário sempre disponível nem o "
                                    "porta-voz de todo o bairro.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "Confiam em mim porque moro aqui há vinte "
                                            "anos e conheço os filhos de toda a "
                                            "gente. Se levo umas vizinhas a uma saída "
                                            "e corre mal, é a mim que vêm pedir "
                                            "contas, não à associação."
                                        ),
                                        "attribution": (
                                            "Rosa, moradora-relé, Lisboa (Marvila)"
                                        ),
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Para uma colaboração justa, clarifiquem "
                                    "juntos desde o início:</p><ul><li>o que o "
                                    "morador-relé aceita fazer e o que "
                                    "recusa;</li><li>o reconhecimento do seu "
                                    "compromisso: ajudas de custo, remuneração, "
                                    "formação, valorização;</li><li>a forma como as "
                                    "suas ideias serão tidas em conta nas "
                                    "decisões;</li><li>a possibilidade de se retirar "
                                    "a qualquer momento sem ter de se "
                                    "justificar.</li></ul>",
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Quem desempenha já, sem ter esse título, "
                                            "um papel de relé no seu território?"
                                        ),
                                        "guidance": (
                                            "Pense na comerciante que conhece toda a "
                                            "gente, no porteiro do prédio, no "
                                            "treinador do clube de futebol, na avó "
                                            "que toma conta das crianças do patamar. "
                                            "O que lhes traria o reconhecimento desse "
                                            "papel? O que arriscariam ao serem "
                                            "associados à sua estrutura?"
                                        ),
                                    },
                                ),
                            ],
                        },
                        "es": {
                            "title": "El papel de los vecinos-enlace",
                            "slug": "el-papel-de-los-vecinos-enlace",
                            "intro": (
                                "Comprender el lugar de los vecinos-enlace en la "
                                "mediación ciudadana y las condiciones de una "
                                "colaboración justa con ellos y ellas."
                            ),
                            "body": [
                                (
                                    "heading",
                                    "Tejedores de vínculos, no prestadores de "
                                    "servicios",
                                ),
                                (
                                    "paragraph",
                                    "<p>Un <strong>vecino·a-enlace</strong> es una "
                                    "persona del barrio, reconocida por sus vecinos, "
                                    "que acepta hacer de puente entre el vecindario y "
                                    "las entidades. Su fuerza reside en su "
                                    "legitimidad: habla el mismo idioma, en sentido "
                                    "literal y figurado, y seguirá allí cuando el "
                                    "proyecto haya terminado.</p><p>Este papel no se "
                                    "improvisa y no debe instrumentalizarse: el "
                                    "vecino·a-enlace no es un voluntario siempre "
                                    "disponible ni el portavoz de todo el barrio.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "La gente confía en mí porque vivo aquí "
                                            "desde hace veinte años y conozco a los "
                                            "hijos de todo el mundo. Si llevo a unas "
                                            "vecinas a una salida y sale mal, es a mí "
                                            "a quien vendrán a pedir cuentas, no a la "
                                            "asociación."
                                        ),
                                        "attribution": (
                                            "Rosa, vecina-enlace, Lisboa (Marvila)"
                                        ),
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Para una colaboración justa, aclaren juntos "
                                    "desde el principio:</p><ul><li>lo que el "
                                    "vecino·a-enlace acepta hacer y lo que "
                                    "rechaza;</li><li>el reconocimiento de su "
                                    "compromiso: dietas, remuneración, formación, "
                                    "visibilidad;</li><li>la manera en que sus ideas "
                                    "se tendrán en cuenta en las "
                                    "decisiones;</li><li>la posibilidad de retirarse "
                                    "en cualquier momento sin tener que "
                                    "justificarse.</li></ul>",
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "¿Quién desempeña ya, sin tener el "
                                            "título, un papel de enlace en su "
                                            "territorio?"
                                        ),
                                        "guidance": (
                                            "Piense en la comerciante que conoce a "
                                            "todo el mundo, en el portero del "
                                            "edificio, en el entrenador del club de "
                                            "fútbol, en la abuela que cuida de los "
                                            "niños del rellano. ¿Qué les aportaría el "
                                            "reconocimiento de ese papel? ¿Qué "
                                            "arriesgarían al asociarse con su entidad?"
                                        ),
                                    },
                                ),
                            ],
                        },
                        "it": {
                            "title": "Il ruolo degli abitanti-ponte",
                            "slug": "il-ruolo-degli-abitanti-ponte",
                            "intro": (
                                "Capire il posto degli abitanti-ponte nella "
                                "mediazione civica e le condizioni di una "
                                "collaborazione equa con loro."
                            ),
                            "body": [
                                (
                                    "heading",
                                    "Tessitori di legami, non fornitori di servizi",
                                ),
                                (
                                    "paragraph",
                                    "<p>Un <strong>abitante-ponte</strong> è una "
                                    "persona del quartiere, riconosciuta dai vicini, "
                                    "che accetta di fare da collegamento tra gli "
                                    "abitanti e le organizzazioni. La sua forza sta "
                                    "nella sua legittimità: parla la stessa lingua, "
                                    "in senso proprio e figurato, e sarà ancora lì "
                                    "quando il progetto sarà finito.</p><p>Questo "
                                    "ruolo non si improvvisa e non deve essere "
                                    "strumentalizzato: l'abitante-ponte non è un "
                                    "volontario sempre a disposizione né il portavoce "
                                    "dell'intero quartiere.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "La gente si fida di me perché abito qui "
                                            "da vent'anni e conosco i figli di tutti. "
                                            "Se porto delle vicine a un'uscita e va "
                                            "male, è da me che vengono a chiedere "
                                            "conto, non dall'associazione."
                                        ),
                                        "attribution": (
                                            "Rosa, abitante-ponte, Lisbona (Marvila)"
                                        ),
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Per una collaborazione equa, chiarite insieme "
                                    "fin dall'inizio:</p><ul><li>che cosa "
                                    "l'abitante-ponte accetta di fare e che cosa "
                                    "rifiuta;</li><li>il riconoscimento del suo "
                                    "impegno: rimborso spese, compenso, formazione, "
                                    "valorizzazione;</li><li>il modo in cui le sue "
                                    "idee saranno prese in considerazione nelle "
                                    "decisioni;</li><li>la possibilità di ritirarsi "
                                    "in qualsiasi momento senza doversi "
                                    "giustificare.</li></ul>",
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Chi svolge già, senza averne il titolo, "
                                            "un ruolo di ponte nel tuo territorio?"
                                        ),
                                        "guidance": (
                                            "Pensa alla negoziante che conosce tutti, "
                                            "al portiere del palazzo, all'allenatore "
                                            "della squadra di calcio, alla nonna che "
                                            "tiene d'occhio i bambini del "
                                            "pianerottolo. Che cosa porterebbe loro "
                                            "il riconoscimento di questo ruolo? Che "
                                            "cosa rischierebbero a essere associati "
                                            "alla tua organizzazione?"
                                        ),
                                    },
                                ),
                            ],
                        },
                    },
                },
                # Séquence 2.2 — Écouter et tenir parole
                {
                    "slug": "ecouter-et-tenir-parole",
                    "duration_minutes": 60,
                    "texts": {
                        "fr": {
                            "title": "Écouter et tenir parole",
                            "slug": "ecouter-et-tenir-parole",
                            "intro": (
                                "Pratiquer une écoute qui ne juge pas et apprendre à "
                                "ne promettre que ce que l'on peut tenir."
                            ),
                            "body": [
                                ("heading", "Écouter vraiment"),
                                (
                                    "paragraph",
                                    "<p>L'écoute active consiste à laisser la "
                                    "personne dérouler sa pensée sans l'interrompre, "
                                    "à reformuler ce que l'on a compris (<em>« Si je "
                                    "vous suis bien… »</em>) et à accueillir la "
                                    "colère comme une information plutôt que comme "
                                    "une attaque. Beaucoup d'habitant·es ont été "
                                    "sollicité·es pour des enquêtes et des "
                                    "concertations restées sans suite : leur méfiance "
                                    "est souvent légitime.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Tenir parole est le socle de la confiance. "
                                    "Concrètement :</p><ul><li>ne promettez que ce "
                                    "qui dépend de vous ;</li><li>revenez toujours "
                                    "donner des nouvelles, même quand la réponse est "
                                    "non ;</li><li>rendez visibles les changements "
                                    "obtenus grâce à ce que les habitant·es ont "
                                    "dit.</li></ul>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": (
                                            "Animer un cercle d'écoute entre pairs"
                                        ),
                                        "items": [
                                            (
                                                "Un lieu neutre et familier, choisi "
                                                "avec les habitant·es-relais"
                                            ),
                                            (
                                                "Des règles posées dès le début : "
                                                "confidentialité, tour de parole, "
                                                "droit de se taire"
                                            ),
                                            (
                                                "Une seule question ouverte pour "
                                                "lancer l'échange"
                                            ),
                                            (
                                                "Une personne qui anime et une autre "
                                                "qui prend des notes, avec l'accord "
                                                "du groupe"
                                            ),
                                            (
                                                "Un retour promis aux participant·es, "
                                                "avec une date"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Pensez à une promesse faite à des "
                                            "habitant·es, par vous ou par votre "
                                            "structure, qui n'a pas été tenue. "
                                            "Qu'est-ce que cela a produit ?"
                                        ),
                                        "guidance": (
                                            "Il ne s'agit pas de chercher un·e "
                                            "coupable mais de comprendre les "
                                            "mécanismes : délais institutionnels, "
                                            "changement d'interlocuteur·rice, budget "
                                            "non confirmé. Que pourriez-vous dire ou "
                                            "faire autrement la prochaine fois, dès "
                                            "la première rencontre ?"
                                        ),
                                    },
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Organiser un cercle d'écoute entre pairs"
                                        ),
                                        "instructions": (
                                            "<p>Avec un·e ou deux habitant·es-relais, "
                                            "organisez un <strong>cercle "
                                            "d'écoute</strong> d'une heure et demie "
                                            "réunissant de six à douze habitant·es "
                                            "autour d'une question qui les concerne "
                                            "(par exemple : <em>« Qu'est-ce qui vous "
                                            "donnerait envie de sortir en famille le "
                                            "week-end ? »</em>).</p><ul><li>Préparez "
                                            "la question, le lieu et les règles avec "
                                            "les "
                                            "habitant·es-relais.</li><li>Confiez-leur "
                                            "l'animation si possible : votre rôle est "
                                            "de soutenir et de prendre des "
                                            "notes.</li><li>Concluez en annonçant "
                                            "clairement quand et comment vous "
                                            "reviendrez vers le groupe.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Déposez un <strong>compte rendu de "
                                            "terrain</strong> d'une page au maximum, "
                                            "comprenant :</p><ul><li>le nombre de "
                                            "participant·es et la façon dont ils et "
                                            "elles ont été invité·es ;</li><li>les "
                                            "trois idées ou besoins revenus le plus "
                                            "souvent ;</li><li>l'engagement pris "
                                            "envers le groupe et la date du retour "
                                            ";</li><li>ce que vous changeriez dans "
                                            "l'animation.</li></ul><p>Un dessin ou "
                                            "une photo du lieu, prise avec l'accord "
                                            "des personnes, est bienvenu.</p>"
                                        ),
                                        "due_offset_days": 21,
                                    },
                                ),
                            ],
                        },
                        "en": {
                            "title": "Listening and keeping your word",
                            "slug": "listening-and-keeping-your-word",
                            "intro": (
                                "Practising non-judgemental listening and learning to "
                                "promise only what you can deliver."
                            ),
                            "body": [
                                ("heading", "Really listening"),
                                (
                                    "paragraph",
                                    "<p>Active listening means letting people follow "
                                    "their train of thought without interrupting, "
                                    "rephrasing what you have understood (<em>“If I "
                                    "follow you correctly…”</em>) and welcoming anger "
                                    "as information rather than as an attack. Many "
                                    "residents have been approached for surveys and "
                                    "consultations that led nowhere: their mistrust "
                                    "is often justified.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Keeping your word is the foundation of trust. "
                                    "In practice:</p><ul><li>only promise what "
                                    "depends on you;</li><li>always come back with "
                                    "news, even when the answer is no;</li><li>make "
                                    "visible the changes achieved thanks to what "
                                    "residents said.</li></ul>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "Running a peer listening circle",
                                        "items": [
                                            (
                                                "A neutral, familiar place, chosen "
                                                "with the resident relays"
                                            ),
                                            (
                                                "Ground rules set from the start: "
                                                "confidentiality, taking turns, the "
                                                "right to stay silent"
                                            ),
                                            (
                                                "A single open question to start the "
                                                "discussion"
                                            ),
                                            (
                                                "One person facilitating and another "
                                                "taking notes, with the group's "
                                                "agreement"
                                            ),
                                            (
                                                "A promised follow-up for "
                                                "participants, with a date"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Think of a promise made to residents, by "
                                            "you or your organisation, that was not "
                                            "kept. What did it lead to?"
                                        ),
                                        "guidance": (
                                            "The aim is not to find someone to blame "
                                            "but to understand the mechanisms: "
                                            "institutional delays, a change of "
                                            "contact person, an unconfirmed budget. "
                                            "What could you say or do differently "
                                            "next time, from the very first meeting?"
                                        ),
                                    },
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": "Organise a peer listening circle",
                                        "instructions": (
                                            "<p>With one or two resident relays, "
                                            "organise a ninety-minute "
                                            "<strong>listening circle</strong> "
                                            "bringing together six to twelve "
                                            "residents around a question that matters "
                                            "to them (for example: <em>“What would "
                                            "make you want to go out as a family at "
                                            "the weekend?”</em>).</p><ul><li>Prepare "
                                            "the question, the venue and the ground "
                                            "rules with the resident "
                                            "relays.</li><li>Let them facilitate if "
                                            "possible: your role is to support and "
                                            "take notes.</li><li>Close by clearly "
                                            "announcing when and how you will get "
                                            "back to the group.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Submit a <strong>field "
                                            "report</strong> of no more than one "
                                            "page, including:</p><ul><li>the number "
                                            "of participants and how they were "
                                            "invited;</li><li>the three ideas or "
                                            "needs that came up most "
                                            "often;</li><li>the commitment made to "
                                            "the group and the follow-up "
                                            "date;</li><li>what you would change in "
                                            "the way the circle was "
                                            "run.</li></ul><p>A drawing or a photo of "
                                            "the venue, taken with people's consent, "
                                            "is welcome.</p>"
                                        ),
                                        "due_offset_days": 21,
                                    },
                                ),
                            ],
                        },
                        "pt": {
                            "title": "Escutar e cumprir a palavra",
                            "slug": "escutar-e-cumprir-a-palavra",
                            "intro": (
                                "Praticar uma escuta sem julgamentos e aprender a "
                                "prometer apenas o que se pode cumprir."
                            ),
                            "body": [
                                ("heading", "Escutar a sério"),
                                (
                                    "paragraph",
                                    "<p>A escuta ativa consiste em deixar a pessoa "
                                    "desenvolver o seu pensamento sem a interromper, "
                                    "reformular o que se compreendeu (<em>«Se bem "
                                    "percebi…»</em>) e acolher a raiva como uma "
                                    "informação e não como um ataque. Muitos "
                                    "moradores já foram abordados para inquéritos e "
                                    "consultas que não tiveram seguimento: a sua "
                                    "desconfiança é muitas vezes legítima.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Cumprir a palavra é a base da confiança. Na "
                                    "prática:</p><ul><li>prometa apenas o que depende "
                                    "de si;</li><li>volte sempre para dar notícias, "
                                    "mesmo quando a resposta é não;</li><li>torne "
                                    "visíveis as mudanças conseguidas graças ao que "
                                    "os moradores disseram.</li></ul>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": (
                                            "Dinamizar um círculo de escuta entre pares"
                                        ),
                                        "items": [
                                            (
                                                "Um lugar neutro e familiar, "
                                                "escolhido com os moradores-relé"
                                            ),
                                            (
                                                "Regras definidas desde o início: "
                                                "confidencialidade, vez de falar, "
                                                "direito ao silêncio"
                                            ),
                                            (
                                                "Uma única pergunta aberta para "
                                                "lançar a conversa"
                                            ),
                                            (
                                                "Uma pessoa que dinamiza e outra que "
                                                "toma notas, com o acordo do grupo"
                                            ),
                                            (
                                                "Um retorno prometido aos "
                                                "participantes, com data marcada"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Pense numa promessa feita a moradores, "
                                            "por si ou pela sua estrutura, que não "
                                            "foi cumprida. O que é que isso provocou?"
                                        ),
                                        "guidance": (
                                            "Não se trata de procurar culpados, mas "
                                            "de compreender os mecanismos: prazos "
                                            "institucionais, mudança de interlocutor, "
                                            "orçamento não confirmado. O que poderia "
                                            "dizer ou fazer de outra forma da próxima "
                                            "vez, logo no primeiro encontro?"
                                        ),
                                    },
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Organizar um círculo de escuta entre pares"
                                        ),
                                        "instructions": (
                                            "<p>Com um ou dois moradores-relé, "
                                            "organize um <strong>círculo de "
                                            "escuta</strong> de hora e meia com seis "
                                            "a doze moradores, em torno de uma "
                                            "pergunta que lhes diga respeito (por "
                                            "exemplo: <em>«O que é que lhe daria "
                                            "vontade de sair em família ao fim de "
                                            "semana?»</em>).</p><ul><li>Prepare a "
                                            "pergunta, o lugar e as regras com os "
                                            "moradores-relé.</li><li>Se possível, "
                                            "confie-lhes a dinamização: o seu papel é "
                                            "apoiar e tomar notas.</li><li>Termine "
                                            "anunciando claramente quando e como "
                                            "voltará a contactar o grupo.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Entregue um <strong>relatório de "
                                            "terreno</strong> de uma página no "
                                            "máximo, com:</p><ul><li>o número de "
                                            "participantes e a forma como foram "
                                            "convidados;</li><li>as três ideias ou "
                                            "necessidades mais referidas;</li><li>o "
                                            "compromisso assumido perante o grupo e a "
                                            "data do retorno;</li><li>o que mudaria "
                                            "na dinamização.</li></ul><p>Um desenho "
                                            "ou uma fotografia do lugar, tirada com o "
                                            "acordo das pessoas, é bem-vindo.</p>"
                                        ),
                                        "due_offset_days": 21,
                                    },
                                ),
                            ],
                        },
                        "es": {
                            "title": "Escuchar y cumplir la palabra",
                            "slug": "escuchar-y-cumplir-la-palabra",
                            "intro": (
                                "Practicar una escucha sin juicios y aprender a "
                                "prometer solo lo que se puede cumplir."
                            ),
                            "body": [
                                ("heading", "Escuchar de verdad"),
                                (
                                    "paragraph",
                                    "<p>La escucha activa consiste en dejar que la "
                                    "persona desarrolle su pensamiento sin "
                                    "interrumpirla, reformular lo que se ha entendido "
                                    "(<em>«Si no le he entendido mal…»</em>) y acoger "
                                    "el enfado como una información y no como un "
                                    "ataque. Muchos vecinos y vecinas han sido "
                                    "consultados en encuestas y procesos "
                                    "participativos que no tuvieron continuidad: su "
                                    "desconfianza suele ser legítima.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Cumplir la palabra es la base de la "
                                    "confianza. En la práctica:</p><ul><li>prometa "
                                    "solo lo que depende de usted;</li><li>vuelva "
                                    "siempre a dar noticias, incluso cuando la "
                                    "respuesta es no;</li><li>haga visibles los "
                                    "cambios logrados gracias a lo que dijeron los "
                                    "vecinos y vecinas.</li></ul>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": (
                                            "Dinamizar un círculo de escucha entre "
                                            "iguales"
                                        ),
                                        "items": [
                                            (
                                                "Un lugar neutral y familiar, elegido "
                                                "con los vecinos-enlace"
                                            ),
                                            (
                                                "Normas fijadas desde el principio: "
                                                "confidencialidad, turnos de palabra, "
                                                "derecho a callar"
                                            ),
                                            (
                                                "Una única pregunta abierta para "
                                                "iniciar el intercambio"
                                            ),
                                            (
                                                "Una persona que dinamiza y otra que "
                                                "toma notas, con el acuerdo del grupo"
                                            ),
                                            (
                                                "Una devolución prometida a los "
                                                "participantes, con fecha"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Piense en una promesa hecha a vecinos y "
                                            "vecinas, por usted o por su entidad, que "
                                            "no se cumplió. ¿Qué provocó?"
                                        ),
                                        "guidance": (
                                            "No se trata de buscar culpables, sino de "
                                            "entender los mecanismos: plazos "
                                            "institucionales, cambio de interlocutor, "
                                            "presupuesto no confirmado. ¿Qué podría "
                                            "decir o hacer de otra manera la próxima "
                                            "vez, desde el primer encuentro?"
                                        ),
                                    },
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Organizar un círculo de escucha entre "
                                            "iguales"
                                        ),
                                        "instructions": (
                                            "<p>Con uno o dos vecinos-enlace, "
                                            "organice un <strong>círculo de "
                                            "escucha</strong> de hora y media que "
                                            "reúna a entre seis y doce vecinos y "
                                            "vecinas en torno a una pregunta que les "
                                            "concierna (por ejemplo: <em>«¿Qué le "
                                            "daría ganas de salir en familia el fin "
                                            "de semana?»</em>).</p><ul><li>Prepare la "
                                            "pregunta, el lugar y las normas con los "
                                            "vecinos-enlace.</li><li>Si es posible, "
                                            "confíeles la dinamización: su papel es "
                                            "apoyar y tomar notas.</li><li>Termine "
                                            "anunciando claramente cuándo y cómo "
                                            "volverá a dirigirse al grupo.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Entregue un <strong>informe de "
                                            "campo</strong> de una página como "
                                            "máximo, que incluya:</p><ul><li>el "
                                            "número de participantes y cómo fueron "
                                            "invitados;</li><li>las tres ideas o "
                                            "necesidades que más se "
                                            "repitieron;</li><li>el compromiso "
                                            "adquirido con el grupo y la fecha de la "
                                            "devolución;</li><li>lo que cambiaría en "
                                            "la dinamización.</li></ul><p>Se "
                                            "agradecerá un dibujo o una foto del "
                                            "lugar, tomada con el consentimiento de "
                                            "las personas.</p>"
                                        ),
                                        "due_offset_days": 21,
                                    },
                                ),
                            ],
                        },
                        "it": {
                            "title": "Ascoltare e mantenere la parola",
                            "slug": "ascoltare-e-mantenere-la-parola",
                            "intro": (
                                "Praticare un ascolto che non giudica e imparare a "
                                "promettere solo ciò che si può mantenere."
                            ),
                            "body": [
                                ("heading", "Ascoltare davvero"),
                                (
                                    "paragraph",
                                    "<p>L'ascolto attivo consiste nel lasciare che la "
                                    "persona sviluppi il proprio pensiero senza "
                                    "interromperla, nel riformulare ciò che si è "
                                    "capito (<em>«Se ho capito bene…»</em>) e "
                                    "nell'accogliere la rabbia come un'informazione "
                                    "piuttosto che come un attacco. Molti abitanti "
                                    "sono stati coinvolti in indagini e consultazioni "
                                    "rimaste senza seguito: la loro diffidenza è "
                                    "spesso legittima.</p>",
                                ),
                                (
                                    "paragraph",
                                    "<p>Mantenere la parola è la base della fiducia. "
                                    "In concreto:</p><ul><li>prometti solo ciò che "
                                    "dipende da te;</li><li>torna sempre a dare "
                                    "notizie, anche quando la risposta è "
                                    "no;</li><li>rendi visibili i cambiamenti "
                                    "ottenuti grazie a ciò che gli abitanti hanno "
                                    "detto.</li></ul>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": (
                                            "Condurre un cerchio di ascolto tra pari"
                                        ),
                                        "items": [
                                            (
                                                "Un luogo neutro e familiare, scelto "
                                                "con gli abitanti-ponte"
                                            ),
                                            (
                                                "Regole stabilite fin dall'inizio: "
                                                "riservatezza, turni di parola, "
                                                "diritto al silenzio"
                                            ),
                                            (
                                                "Una sola domanda aperta per avviare "
                                                "lo scambio"
                                            ),
                                            (
                                                "Una persona che conduce e un'altra "
                                                "che prende appunti, con l'accordo "
                                                "del gruppo"
                                            ),
                                            (
                                                "Un riscontro promesso ai "
                                                "partecipanti, con una data"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Pensa a una promessa fatta agli "
                                            "abitanti, da te o dalla tua "
                                            "organizzazione, che non è stata "
                                            "mantenuta. Che cosa ha prodotto?"
                                        ),
                                        "guidance": (
                                            "Non si tratta di cercare un colpevole, "
                                            "ma di capire i meccanismi: tempi "
                                            "istituzionali, cambio di referente, "
                                            "budget non confermato. Che cosa potresti "
                                            "dire o fare diversamente la prossima "
                                            "volta, fin dal primo incontro?"
                                        ),
                                    },
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Organizzare un cerchio di ascolto tra pari"
                                        ),
                                        "instructions": (
                                            "<p>Con uno o due abitanti-ponte, "
                                            "organizza un <strong>cerchio di "
                                            "ascolto</strong> di un'ora e mezza che "
                                            "riunisca da sei a dodici abitanti "
                                            "intorno a una domanda che li riguarda "
                                            "(per esempio: <em>«Che cosa ti farebbe "
                                            "venire voglia di uscire in famiglia nel "
                                            "fine "
                                            "settimana?»</em>).</p><ul><li>Prepara la "
                                            "domanda, il luogo e le regole con gli "
                                            "abitanti-ponte.</li><li>Se possibile, "
                                            "affida a loro la conduzione: il tuo "
                                            "ruolo è sostenere e prendere "
                                            "appunti.</li><li>Concludi annunciando "
                                            "chiaramente quando e come tornerai dal "
                                            "gruppo.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Carica un <strong>resoconto dal "
                                            "campo</strong> di una pagina al massimo, "
                                            "che comprenda:</p><ul><li>il numero di "
                                            "partecipanti e il modo in cui sono stati "
                                            "invitati;</li><li>le tre idee o i tre "
                                            "bisogni emersi più "
                                            "spesso;</li><li>l'impegno preso con il "
                                            "gruppo e la data del "
                                            "riscontro;</li><li>che cosa cambieresti "
                                            "nella conduzione.</li></ul><p>Un disegno "
                                            "o una foto del luogo, scattata con il "
                                            "consenso delle persone, è benvenuto.</p>"
                                        ),
                                        "due_offset_days": 21,
                                    },
                                ),
                            ],
                        },
                    },
                },
            ],
        },
        # Module 3 — Construire avec et non pour
        {
            "slug": "construire-avec-et-non-pour",
            "texts": {
                "fr": {
                    "title": "Construire avec et non pour",
                    "slug": "construire-avec-et-non-pour",
                    "intro": (
                        "Passer de l'action conçue pour les habitant·es à l'action "
                        "conçue avec eux et elles, en associant les institutions "
                        "culturelles dès le départ. Ce module s'appuie sur l'exemple "
                        "d'une visite de musée co-construite avec des habitant·es."
                    ),
                },
                "en": {
                    "title": "Building with, not for",
                    "slug": "building-with-not-for",
                    "intro": (
                        "Moving from actions designed for residents to actions "
                        "designed with them, involving cultural institutions from the "
                        "start. This module draws on the example of a museum visit "
                        "co-constructed with residents."
                    ),
                },
                "pt": {
                    "title": "Construir com e não para",
                    "slug": "construir-com-e-nao-para",
                    "intro": (
                        "Passar da ação pensada para os moradores à ação pensada com "
                        "eles, envolvendo as instituições culturais desde o início. "
                        "Este módulo apoia-se no exemplo de uma visita ao museu "
                        "coconstruída com moradores."
                    ),
                },
                "es": {
                    "title": "Construir con y no para",
                    "slug": "construir-con-y-no-para",
                    "intro": (
                        "Pasar de la acción pensada para los vecinos y vecinas a la "
                        "acción pensada con ellos, implicando a las instituciones "
                        "culturales desde el principio. Este módulo se apoya en el "
                        "ejemplo de una visita al museo co-construida con el "
                        "vecindario."
                    ),
                },
                "it": {
                    "title": "Costruire con e non per",
                    "slug": "costruire-con-e-non-per",
                    "intro": (
                        "Passare dall'azione pensata per gli abitanti all'azione "
                        "pensata con loro, coinvolgendo le istituzioni culturali fin "
                        "dall'inizio. Questo modulo si basa sull'esempio di una "
                        "visita al museo co-costruita con gli abitanti."
                    ),
                },
            },
            "units": [
                # Séquence 3.1 — Les principes de la co-construction
                {
                    "slug": "principes-de-la-co-construction",
                    "duration_minutes": 45,
                    "texts": {
                        "fr": {
                            "title": "Les principes de la co-construction",
                            "slug": "principes-de-la-co-construction",
                            "intro": (
                                "Distinguer information, consultation et "
                                "co-construction, et repérer ce que chaque partenaire "
                                "apporte à la table."
                            ),
                            "body": [
                                ("heading", "Du « pour » au « avec »"),
                                (
                                    "paragraph",
                                    "<p>On parle volontiers de participation, mais le "
                                    "mot recouvre des réalités très différentes. "
                                    "<strong>Informer</strong>, c'est annoncer une "
                                    "décision déjà prise. <strong>Consulter</strong>, "
                                    "c'est demander un avis sans garantie qu'il soit "
                                    "suivi. <strong>Co-construire</strong>, c'est "
                                    "partager le pouvoir de décision : les "
                                    "habitant·es définissent avec vous le problème, "
                                    "les solutions et la manière d'évaluer le "
                                    "résultat.</p>",
                                ),
                                ("heading", "Croiser trois savoirs"),
                                (
                                    "paragraph",
                                    "<p>Une co-construction réussie croise trois "
                                    "types de savoirs, tous légitimes :</p><ul><li>le "
                                    "<strong>savoir d'usage</strong> des habitant·es, "
                                    "qui connaissent leur quotidien, leurs "
                                    "contraintes et leurs envies ;</li><li>le "
                                    "<strong>savoir professionnel</strong> des "
                                    "accompagnateur·rices territoriaux·ales, qui "
                                    "connaissent les dispositifs et les ressources "
                                    ";</li><li>le <strong>savoir culturel</strong> "
                                    "des médiateur·rices et des institutions, qui "
                                    "connaissent les œuvres, les collections et les "
                                    "lieux.</li></ul><p>Le rôle de "
                                    "l'accompagnateur·rice territorial·e est de "
                                    "veiller à ce qu'aucun de ces savoirs n'écrase "
                                    "les autres.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "Au début, le musée voulait nous "
                                            "présenter sa programmation de l'année. "
                                            "Nous avons proposé l'inverse : que les "
                                            "habitant·es choisissent trois œuvres et "
                                            "racontent pourquoi. Ce jour-là, les "
                                            "médiatrices ont appris autant que nous."
                                        ),
                                        "attribution": (
                                            "Marco, accompagnateur territorial, Turin"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Dans un projet récent de votre "
                                            "structure, à quel moment a-t-on associé "
                                            "les habitant·es : à l'idée, à la "
                                            "préparation, à la réalisation, ou "
                                            "seulement à la fin ?"
                                        ),
                                        "guidance": (
                                            "Situez honnêtement ce projet entre "
                                            "information, consultation et "
                                            "co-construction. Repérez une décision "
                                            "qui aurait pu être partagée avec les "
                                            "habitant·es, et ce qu'il aurait fallu "
                                            "pour cela (temps, budget, accord de la "
                                            "direction, lieu de réunion)."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "en": {
                            "title": "The principles of co-construction",
                            "slug": "principles-of-co-construction",
                            "intro": (
                                "Telling information, consultation and "
                                "co-construction apart, and identifying what each "
                                "partner brings to the table."
                            ),
                            "body": [
                                ("heading", "From “for” to “with”"),
                                (
                                    "paragraph",
                                    "<p>Participation is a popular word, but it "
                                    "covers very different realities. To "
                                    "<strong>inform</strong> is to announce a "
                                    "decision that has already been made. To "
                                    "<strong>consult</strong> is to ask for an "
                                    "opinion with no guarantee that it will be "
                                    "followed. To <strong>co-construct</strong> is to "
                                    "share decision-making power: residents define "
                                    "with you the problem, the solutions and the way "
                                    "the result will be assessed.</p>",
                                ),
                                (
                                    "heading",
                                    "Bringing three kinds of knowledge together",
                                ),
                                (
                                    "paragraph",
                                    "<p>Successful co-construction combines three "
                                    "kinds of knowledge, all equally "
                                    "legitimate:</p><ul><li>the <strong>lived "
                                    "knowledge</strong> of residents, who know their "
                                    "daily lives, their constraints and their "
                                    "wishes;</li><li>the <strong>professional "
                                    "knowledge</strong> of territorial facilitators, "
                                    "who know the schemes and resources "
                                    "available;</li><li>the <strong>cultural "
                                    "knowledge</strong> of mediators and "
                                    "institutions, who know the works, the "
                                    "collections and the venues.</li></ul><p>The "
                                    "territorial facilitator's role is to make sure "
                                    "that none of these kinds of knowledge overrides "
                                    "the others.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "At first, the museum wanted to present "
                                            "its programme for the year. We suggested "
                                            "the opposite: that residents choose "
                                            "three works and explain why. That day, "
                                            "the mediators learnt as much as we did."
                                        ),
                                        "attribution": (
                                            "Marco, territorial facilitator, Turin"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "In a recent project of your "
                                            "organisation, at what stage were "
                                            "residents involved: the idea, the "
                                            "preparation, the delivery, or only at "
                                            "the end?"
                                        ),
                                        "guidance": (
                                            "Place this project honestly between "
                                            "information, consultation and "
                                            "co-construction. Identify one decision "
                                            "that could have been shared with "
                                            "residents, and what that would have "
                                            "required (time, budget, management "
                                            "approval, a meeting place)."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "pt": {
                            "title": "Os princípios da coconstrução",
                            "slug": "principios-da-coconstrucao",
                            "intro": (
                                "Distinguir informação, consulta e coconstrução, e "
                                "identificar o que cada parceiro traz para a mesa."
                            ),
                            "body": [
                                ("heading", "Do «para» ao «com»"),
                                (
                                    "paragraph",
                                    "<p>Fala-se muito de participação, mas a palavra "
                                    "abrange realidades muito diferentes. "
                                    "<strong>Informar</strong> é anunciar uma decisão "
                                    "já tomada. <strong>Consultar</strong> é pedir "
                                    "uma opinião sem garantia de que será seguida. "
                                    "<strong>Coconstruir</strong> é partilhar o poder "
                                    "de decisão: os moradores definem consigo o "
                                    "problema, as soluções e a forma de avaliar o "
                                    "resultado.</p>",
                                ),
                                ("heading", "Cruzar três saberes"),
                                (
                                    "paragraph",
                                    "<p>Uma coconstrução bem-sucedida cruza três "
                                    "tipos de saber, todos legítimos:</p><ul><li>o "
                                    "<strong>saber de experiência</strong> dos "
                                    "moradores, que conhecem o seu quotidiano, as "
                                    "suas limitações e os seus desejos;</li><li>o "
                                    "<strong>saber profissional</strong> dos "
                                    "facilitadores territoriais, que conhecem os "
                                    "dispositivos e os recursos;</li><li>o "
                                    "<strong>saber cultural</strong> dos mediadores e "
                                    "das instituições, que conhecem as obras, as "
                                    "coleções e os espaços.</li></ul><p>O papel do "
                                    "facilitador territorial é garantir que nenhum "
                                    "destes saberes se sobrepõe aos outros.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "No início, o museu queria apresentar-nos "
                                            "a programação do ano. Propusemos o "
                                            "contrário: que os moradores escolhessem "
                                            "três obras e contassem porquê. Nesse "
                                            "dia, as mediadoras aprenderam tanto como "
                                            "nós."
                                        ),
                                        "attribution": (
                                            "Marco, facilitador territorial, Turim"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "Num projeto recente da sua estrutura, em "
                                            "que momento foram os moradores "
                                            "envolvidos: na ideia, na preparação, na "
                                            "realização ou apenas no fim?"
                                        ),
                                        "guidance": (
                                            "Situe honestamente esse projeto entre "
                                            "informação, consulta e coconstrução. "
                                            "Identifique uma decisão que poderia ter "
                                            "sido partilhada com os moradores e o que "
                                            "teria sido necessário para isso (tempo, "
                                            "orçamento, acordo da direção, lugar de "
                                            "reunião)."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "es": {
                            "title": "Los principios de la co-construcción",
                            "slug": "principios-de-la-co-construccion",
                            "intro": (
                                "Distinguir información, consulta y co-construcción, "
                                "e identificar lo que cada socio aporta a la mesa."
                            ),
                            "body": [
                                ("heading", "Del «para» al «con»"),
                                (
                                    "paragraph",
                                    "<p>Se habla mucho de participación, pero la "
                                    "palabra abarca realidades muy distintas. "
                                    "<strong>Informar</strong> es anunciar una "
                                    "decisión ya tomada. <strong>Consultar</strong> "
                                    "es pedir una opinión sin garantía de que se "
                                    "tenga en cuenta. <strong>Co-construir</strong> "
                                    "es compartir el poder de decisión: los vecinos y "
                                    "vecinas definen con usted el problema, las "
                                    "soluciones y la manera de evaluar el "
                                    "resultado.</p>",
                                ),
                                ("heading", "Cruzar tres saberes"),
                                (
                                    "paragraph",
                                    "<p>Una co-construcción lograda cruza tres tipos "
                                    "de saber, todos legítimos:</p><ul><li>el "
                                    "<strong>saber de uso</strong> de los vecinos y "
                                    "vecinas, que conocen su día a día, sus "
                                    "limitaciones y sus deseos;</li><li>el "
                                    "<strong>saber profesional</strong> de los "
                                    "acompañantes territoriales, que conocen los "
                                    "dispositivos y los recursos;</li><li>el "
                                    "<strong>saber cultural</strong> de los "
                                    "mediadores y de las instituciones, que conocen "
                                    "las obras, las colecciones y los "
                                    "espacios.</li></ul><p>El papel del acompañante "
                                    "territorial es velar por que ninguno de estos "
                                    "saberes se imponga a los demás.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "Al principio, el museo quería "
                                            "presentarnos su programación del año. "
                                            "Propusimos lo contrario: que los vecinos "
                                            "eligieran tres obras y contaran por qué. "
                                            "Ese día, las mediadoras aprendieron "
                                            "tanto como nosotros."
                                        ),
                                        "attribution": (
                                            "Marco, acompañante territorial, Turín"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "En un proyecto reciente de su entidad, "
                                            "¿en qué momento se implicó a los vecinos "
                                            "y vecinas: en la idea, en la "
                                            "preparación, en la realización o solo al "
                                            "final?"
                                        ),
                                        "guidance": (
                                            "Sitúe con honestidad ese proyecto entre "
                                            "información, consulta y co-construcción. "
                                            "Identifique una decisión que podría "
                                            "haberse compartido con el vecindario y "
                                            "lo que habría hecho falta para ello "
                                            "(tiempo, presupuesto, acuerdo de la "
                                            "dirección, lugar de reunión)."
                                        ),
                                    },
                                ),
                            ],
                        },
                        "it": {
                            "title": "I principi della co-costruzione",
                            "slug": "principi-della-co-costruzione",
                            "intro": (
                                "Distinguere informazione, consultazione e "
                                "co-costruzione, e individuare ciò che ciascun "
                                "partner porta al tavolo."
                            ),
                            "body": [
                                ("heading", "Dal «per» al «con»"),
                                (
                                    "paragraph",
                                    "<p>Si parla volentieri di partecipazione, ma la "
                                    "parola copre realtà molto diverse. "
                                    "<strong>Informare</strong> significa annunciare "
                                    "una decisione già presa. "
                                    "<strong>Consultare</strong> significa chiedere "
                                    "un parere senza garanzia che venga seguito. "
                                    "<strong>Co-costruire</strong> significa "
                                    "condividere il potere decisionale: gli abitanti "
                                    "definiscono con te il problema, le soluzioni e "
                                    "il modo di valutare il risultato.</p>",
                                ),
                                ("heading", "Incrociare tre saperi"),
                                (
                                    "paragraph",
                                    "<p>Una co-costruzione riuscita incrocia tre tipi "
                                    "di sapere, tutti legittimi:</p><ul><li>il "
                                    "<strong>sapere d'uso</strong> degli abitanti, "
                                    "che conoscono la loro quotidianità, i loro "
                                    "vincoli e i loro desideri;</li><li>il "
                                    "<strong>sapere professionale</strong> dei "
                                    "facilitatori territoriali, che conoscono i "
                                    "dispositivi e le risorse;</li><li>il "
                                    "<strong>sapere culturale</strong> dei mediatori "
                                    "e delle istituzioni, che conoscono le opere, le "
                                    "collezioni e i luoghi.</li></ul><p>Il ruolo del "
                                    "facilitatore territoriale è fare in modo che "
                                    "nessuno di questi saperi prevalga sugli "
                                    "altri.</p>",
                                ),
                                (
                                    "quote",
                                    {
                                        "text": (
                                            "All'inizio il museo voleva presentarci "
                                            "la sua programmazione dell'anno. Abbiamo "
                                            "proposto il contrario: che gli abitanti "
                                            "scegliessero tre opere e raccontassero "
                                            "perché. Quel giorno le mediatrici hanno "
                                            "imparato quanto noi."
                                        ),
                                        "attribution": (
                                            "Marco, facilitatore territoriale, Torino"
                                        ),
                                    },
                                ),
                                (
                                    "reflection",
                                    {
                                        "question": (
                                            "In un progetto recente della tua "
                                            "organizzazione, in quale momento sono "
                                            "stati coinvolti gli abitanti: nell'idea, "
                                            "nella preparazione, nella realizzazione "
                                            "o solo alla fine?"
                                        ),
                                        "guidance": (
                                            "Colloca onestamente quel progetto tra "
                                            "informazione, consultazione e "
                                            "co-costruzione. Individua una decisione "
                                            "che avrebbe potuto essere condivisa con "
                                            "gli abitanti e che cosa sarebbe servito "
                                            "per farlo (tempo, budget, accordo della "
                                            "direzione, un luogo di incontro)."
                                        ),
                                    },
                                ),
                            ],
                        },
                    },
                },
                # Séquence 3.2 — Co-concevoir une visite de musée avec les habitant·es
                {
                    "slug": "co-concevoir-une-visite-de-musee",
                    "duration_minutes": 75,
                    "texts": {
                        "fr": {
                            "title": (
                                "Co-concevoir une visite de musée avec les habitant·es"
                            ),
                            "slug": "co-concevoir-une-visite-de-musee",
                            "intro": (
                                "Les étapes pour concevoir, avec des habitant·es et "
                                "un musée partenaire, une visite qui leur ressemble, "
                                "de la première rencontre au jour J."
                            ),
                            "body": [
                                ("heading", "Une méthode en quatre temps"),
                                (
                                    "paragraph",
                                    "<p>Co-concevoir une visite prend du temps : "
                                    "comptez au moins quatre rencontres, espacées "
                                    "d'une à deux semaines.</p><ol><li><strong>Se "
                                    "rencontrer sur le territoire</strong> : les "
                                    "médiateur·rices du musée viennent dans le "
                                    "quartier avant que les habitant·es ne viennent "
                                    "au musée.</li><li><strong>Explorer "
                                    "ensemble</strong> : une première visite libre, "
                                    "sans discours, où chacun·e repère ce qui "
                                    "l'attire, l'intrigue ou le "
                                    "dérange.</li><li><strong>Choisir et "
                                    "raconter</strong> : le groupe sélectionne "
                                    "quelques œuvres et décide de ce qu'il veut en "
                                    "dire, avec ses mots, ses langues et ses "
                                    "histoires.</li><li><strong>Ouvrir la "
                                    "visite</strong> : les habitant·es guident à leur "
                                    "tour leurs proches ou un autre groupe, "
                                    "accompagné·es par le musée.</li></ol>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "À vérifier avec le musée partenaire",
                                        "items": [
                                            (
                                                "Un·e médiateur·rice référent·e "
                                                "disponible pour toutes les rencontres"
                                            ),
                                            (
                                                "La gratuité ou un tarif adapté pour "
                                                "les participant·es et leurs proches"
                                            ),
                                            (
                                                "L'accessibilité du lieu : "
                                                "transports, horaires, accueil des "
                                                "enfants, personnes à mobilité réduite"
                                            ),
                                            (
                                                "L'accord du musée pour que les "
                                                "habitant·es prennent la parole "
                                                "devant les œuvres"
                                            ),
                                            (
                                                "Une trace valorisée après la visite "
                                                ": cartel, enregistrement, exposition "
                                                "de dessins"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Veillez à ce que le groupe garde la main sur "
                                    "les choix : si le musée impose ses œuvres ou son "
                                    "récit, la visite redevient une visite "
                                    "<em>pour</em>. À l'inverse, respectez les "
                                    "contraintes de conservation et de sécurité du "
                                    "musée, en les expliquant clairement aux "
                                    "habitant·es. La co-construction est une "
                                    "négociation entre partenaires, pas le "
                                    "renoncement de l'un d'eux.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Co-concevoir une visite de musée avec "
                                            "cinq habitant·es"
                                        ),
                                        "instructions": (
                                            "<p>Avec un musée ou un lieu culturel "
                                            "partenaire de votre territoire, "
                                            "réunissez <strong>au moins cinq "
                                            "habitant·es</strong> — dont, si "
                                            "possible, un·e habitant·e-relais — pour "
                                            "co-concevoir une "
                                            "visite.</p><ul><li>Organisez au moins "
                                            "deux rencontres : l'une dans le "
                                            "quartier, l'autre au "
                                            "musée.</li><li>Laissez le groupe choisir "
                                            "les œuvres ou les espaces, et la manière "
                                            "de les présenter.</li><li>Rédigez avec "
                                            "le groupe le déroulé de la visite : "
                                            "parcours, durée, qui prend la parole, à "
                                            "qui elle s'adresse.</li><li>Si la visite "
                                            "a lieu avant l'échéance, participez-y ; "
                                            "sinon, fixez-en la date avec le "
                                            "musée.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Déposez un <strong>compte rendu de "
                                            "terrain</strong> d'une page au maximum, "
                                            "comprenant :</p><ul><li>le nombre "
                                            "d'habitant·es impliqué·es et le nombre "
                                            "de rencontres ;</li><li>le déroulé de la "
                                            "visite tel que le groupe l'a décidé "
                                            ";</li><li>une photo prise avec le "
                                            "consentement des personnes, ou un dessin "
                                            "réalisé par le groupe ;</li><li>ce que "
                                            "le musée et les habitant·es ont chacun "
                                            "appris, et ce que vous "
                                            "changeriez.</li></ul>"
                                        ),
                                        "due_offset_days": 28,
                                    },
                                ),
                            ],
                        },
                        "en": {
                            "title": "Co-designing a museum visit with residents",
                            "slug": "co-designing-a-museum-visit",
                            "intro": (
                                "The steps for designing, with residents and a "
                                "partner museum, a visit that reflects who they are, "
                                "from the first meeting to the day itself."
                            ),
                            "body": [
                                ("heading", "A four-step method"),
                                (
                                    "paragraph",
                                    "<p>Co-designing a visit takes time: allow for at "
                                    "least four meetings, one to two weeks "
                                    "apart.</p><ol><li><strong>Meet in the "
                                    "neighbourhood</strong>: the museum's mediators "
                                    "come to the neighbourhood before residents come "
                                    "to the museum.</li><li><strong>Explore "
                                    "together</strong>: a first free visit, with no "
                                    "commentary, where everyone notes what attracts, "
                                    "intrigues or bothers "
                                    "them.</li><li><strong>Choose and tell</strong>: "
                                    "the group selects a few works and decides what "
                                    "it wants to say about them, in its own words, "
                                    "languages and stories.</li><li><strong>Open the "
                                    "visit</strong>: residents in turn guide their "
                                    "family and friends or another group, supported "
                                    "by the museum.</li></ol>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "To check with the partner museum",
                                        "items": [
                                            (
                                                "A named mediator available for every "
                                                "meeting"
                                            ),
                                            (
                                                "Free entry or an adapted rate for "
                                                "participants and their families"
                                            ),
                                            (
                                                "Accessibility of the venue: "
                                                "transport, opening hours, childcare, "
                                                "access for people with reduced "
                                                "mobility"
                                            ),
                                            (
                                                "The museum's agreement for residents "
                                                "to speak in front of the works"
                                            ),
                                            (
                                                "A lasting trace after the visit: a "
                                                "label, a recording, an exhibition of "
                                                "drawings"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Make sure the group keeps control over the "
                                    "choices: if the museum imposes its works or its "
                                    "narrative, the visit becomes a visit "
                                    "<em>for</em> again. Conversely, respect the "
                                    "museum's conservation and safety constraints, "
                                    "and explain them clearly to residents. "
                                    "Co-construction is a negotiation between "
                                    "partners, not one of them giving up.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Co-design a museum visit with five "
                                            "residents"
                                        ),
                                        "instructions": (
                                            "<p>With a partner museum or cultural "
                                            "venue in your territory, bring together "
                                            "<strong>at least five residents</strong> "
                                            "— including, if possible, a resident "
                                            "relay — to co-design a "
                                            "visit.</p><ul><li>Organise at least two "
                                            "meetings: one in the neighbourhood, one "
                                            "at the museum.</li><li>Let the group "
                                            "choose the works or spaces, and how to "
                                            "present them.</li><li>Write the outline "
                                            "of the visit with the group: route, "
                                            "length, who speaks, who it is "
                                            "for.</li><li>If the visit takes place "
                                            "before the deadline, take part in it; if "
                                            "not, set its date with the "
                                            "museum.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Submit a <strong>field "
                                            "report</strong> of no more than one "
                                            "page, including:</p><ul><li>the number "
                                            "of residents involved and the number of "
                                            "meetings;</li><li>the outline of the "
                                            "visit as the group decided it;</li><li>a "
                                            "photo taken with people's consent, or a "
                                            "drawing made by the group;</li><li>what "
                                            "the museum and the residents each "
                                            "learnt, and what you would "
                                            "change.</li></ul>"
                                        ),
                                        "due_offset_days": 28,
                                    },
                                ),
                            ],
                        },
                        "pt": {
                            "title": "Cocriar uma visita ao museu com os moradores",
                            "slug": "cocriar-uma-visita-ao-museu",
                            "intro": (
                                "As etapas para conceber, com moradores e um museu "
                                "parceiro, uma visita à imagem deles, desde o "
                                "primeiro encontro até ao próprio dia."
                            ),
                            "body": [
                                ("heading", "Um método em quatro tempos"),
                                (
                                    "paragraph",
                                    "<p>Conceber uma visita em conjunto leva tempo: "
                                    "conte com pelo menos quatro encontros, com uma a "
                                    "duas semanas de "
                                    "intervalo.</p><ol><li><strong>Encontrar-se no "
                                    "território</strong>: os mediadores do museu vão "
                                    "ao bairro antes de os moradores irem ao "
                                    "museu.</li><li><strong>Explorar juntos</strong>: "
                                    "uma primeira visita livre, sem discurso, em que "
                                    "cada pessoa identifica o que a atrai, intriga ou "
                                    "incomoda.</li><li><strong>Escolher e "
                                    "contar</strong>: o grupo seleciona algumas obras "
                                    "e decide o que quer dizer sobre elas, com as "
                                    "suas palavras, as suas línguas e as suas "
                                    "histórias.</li><li><strong>Abrir a "
                                    "visita</strong>: os moradores guiam, por sua "
                                    "vez, os seus familiares ou outro grupo, "
                                    "acompanhados pelo museu.</li></ol>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "A verificar com o museu parceiro",
                                        "items": [
                                            (
                                                "Um·a mediador·a de referência "
                                                "disponível para todos os encontros"
                                            ),
                                            (
                                                "Entrada gratuita ou tarifa adaptada "
                                                "para os participantes e as suas "
                                                "famílias"
                                            ),
                                            (
                                                "A acessibilidade do espaço: "
                                                "transportes, horários, acolhimento "
                                                "de crianças, pessoas com mobilidade "
                                                "reduzida"
                                            ),
                                            (
                                                "O acordo do museu para que os "
                                                "moradores tomem a palavra diante das "
                                                "obras"
                                            ),
                                            (
                                                "Um registo valorizado depois da "
                                                "visita: tabela, gravação, exposição "
                                                "de desenhos"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Garanta que o grupo mantém o controlo das "
                                    "escolhas: se o museu impuser as suas obras ou a "
                                    "sua narrativa, a visita volta a ser uma visita "
                                    "<em>para</em>. Inversamente, respeite as "
                                    "restrições de conservação e de segurança do "
                                    "museu, explicando-as com clareza aos moradores. "
                                    "A coconstrução é uma negociação entre parceiros, "
                                    "não a renúncia de um deles.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Cocriar uma visita ao museu com cinco "
                                            "moradores"
                                        ),
                                        "instructions": (
                                            "<p>Com um museu ou espaço cultural "
                                            "parceiro do seu território, reúna "
                                            "<strong>pelo menos cinco "
                                            "moradores</strong> — incluindo, se "
                                            "possível, um·a morador·a-relé — para "
                                            "conceberem juntos uma "
                                            "visita.</p><ul><li>Organize pelo menos "
                                            "dois encontros: um no bairro e outro no "
                                            "museu.</li><li>Deixe o grupo escolher as "
                                            "obras ou os espaços e a forma de os "
                                            "apresentar.</li><li>Redija com o grupo o "
                                            "guião da visita: percurso, duração, quem "
                                            "fala, a quem se destina.</li><li>Se a "
                                            "visita se realizar antes do prazo, "
                                            "participe nela; caso contrário, marque a "
                                            "data com o museu.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Entregue um <strong>relatório de "
                                            "terreno</strong> de uma página no "
                                            "máximo, com:</p><ul><li>o número de "
                                            "moradores envolvidos e o número de "
                                            "encontros;</li><li>o guião da visita tal "
                                            "como o grupo o decidiu;</li><li>uma "
                                            "fotografia tirada com o consentimento "
                                            "das pessoas, ou um desenho feito pelo "
                                            "grupo;</li><li>o que o museu e os "
                                            "moradores aprenderam, cada um do seu "
                                            "lado, e o que mudaria.</li></ul>"
                                        ),
                                        "due_offset_days": 28,
                                    },
                                ),
                            ],
                        },
                        "es": {
                            "title": "Co-diseñar una visita al museo con el vecindario",
                            "slug": "co-disenar-una-visita-al-museo",
                            "intro": (
                                "Los pasos para diseñar, con vecinos y vecinas y un "
                                "museo socio, una visita que se les parezca, desde el "
                                "primer encuentro hasta el día de la visita."
                            ),
                            "body": [
                                ("heading", "Un método en cuatro tiempos"),
                                (
                                    "paragraph",
                                    "<p>Co-diseñar una visita lleva tiempo: cuente "
                                    "con al menos cuatro encuentros, separados por "
                                    "una o dos "
                                    "semanas.</p><ol><li><strong>Encontrarse en el "
                                    "territorio</strong>: los mediadores del museo "
                                    "van al barrio antes de que el vecindario vaya al "
                                    "museo.</li><li><strong>Explorar juntos</strong>: "
                                    "una primera visita libre, sin discurso, en la "
                                    "que cada persona identifica lo que le atrae, le "
                                    "intriga o le incomoda.</li><li><strong>Elegir y "
                                    "contar</strong>: el grupo selecciona algunas "
                                    "obras y decide lo que quiere decir de ellas, con "
                                    "sus palabras, sus lenguas y sus "
                                    "historias.</li><li><strong>Abrir la "
                                    "visita</strong>: los vecinos y vecinas guían a "
                                    "su vez a sus familiares o a otro grupo, "
                                    "acompañados por el museo.</li></ol>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "Para verificar con el museo socio",
                                        "items": [
                                            (
                                                "Un mediador o mediadora de "
                                                "referencia disponible para todos los "
                                                "encuentros"
                                            ),
                                            (
                                                "Entrada gratuita o tarifa adaptada "
                                                "para los participantes y sus familias"
                                            ),
                                            (
                                                "La accesibilidad del lugar: "
                                                "transporte, horarios, atención a la "
                                                "infancia, personas con movilidad "
                                                "reducida"
                                            ),
                                            (
                                                "El acuerdo del museo para que los "
                                                "vecinos y vecinas tomen la palabra "
                                                "ante las obras"
                                            ),
                                            (
                                                "Una huella visible después de la "
                                                "visita: cartela, grabación, "
                                                "exposición de dibujos"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Asegúrese de que el grupo mantiene el control "
                                    "de las decisiones: si el museo impone sus obras "
                                    "o su relato, la visita vuelve a ser una visita "
                                    "<em>para</em>. A la inversa, respete las "
                                    "limitaciones de conservación y de seguridad del "
                                    "museo, explicándolas con claridad al vecindario. "
                                    "La co-construcción es una negociación entre "
                                    "socios, no la renuncia de uno de ellos.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Co-diseñar una visita al museo con cinco "
                                            "vecinos y vecinas"
                                        ),
                                        "instructions": (
                                            "<p>Con un museo o espacio cultural socio "
                                            "de su territorio, reúna a <strong>al "
                                            "menos cinco vecinos y vecinas</strong> — "
                                            "entre ellos, si es posible, un "
                                            "vecino·a-enlace — para co-diseñar una "
                                            "visita.</p><ul><li>Organice al menos dos "
                                            "encuentros: uno en el barrio y otro en "
                                            "el museo.</li><li>Deje que el grupo "
                                            "elija las obras o los espacios y la "
                                            "manera de presentarlos.</li><li>Redacte "
                                            "con el grupo el guion de la visita: "
                                            "recorrido, duración, quién habla, a "
                                            "quién va dirigida.</li><li>Si la visita "
                                            "se realiza antes de la fecha límite, "
                                            "participe en ella; si no, fije la fecha "
                                            "con el museo.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Entregue un <strong>informe de "
                                            "campo</strong> de una página como "
                                            "máximo, que incluya:</p><ul><li>el "
                                            "número de vecinos y vecinas implicados y "
                                            "el número de encuentros;</li><li>el "
                                            "guion de la visita tal como lo decidió "
                                            "el grupo;</li><li>una foto tomada con el "
                                            "consentimiento de las personas, o un "
                                            "dibujo realizado por el "
                                            "grupo;</li><li>lo que aprendieron el "
                                            "museo y el vecindario, cada uno por su "
                                            "lado, y lo que cambiaría.</li></ul>"
                                        ),
                                        "due_offset_days": 28,
                                    },
                                ),
                            ],
                        },
                        "it": {
                            "title": (
                                "Co-progettare una visita al museo con gli abitanti"
                            ),
                            "slug": "co-progettare-una-visita-al-museo",
                            "intro": (
                                "Le tappe per progettare, con gli abitanti e un museo "
                                "partner, una visita che somigli a loro, dal primo "
                                "incontro al giorno della visita."
                            ),
                            "body": [
                                ("heading", "Un metodo in quattro tempi"),
                                (
                                    "paragraph",
                                    "<p>Co-progettare una visita richiede tempo: "
                                    "prevedi almeno quattro incontri, a una o due "
                                    "settimane di "
                                    "distanza.</p><ol><li><strong>Incontrarsi sul "
                                    "territorio</strong>: i mediatori del museo "
                                    "vengono nel quartiere prima che gli abitanti "
                                    "vadano al museo.</li><li><strong>Esplorare "
                                    "insieme</strong>: una prima visita libera, senza "
                                    "spiegazioni, in cui ciascuno individua ciò che "
                                    "lo attira, lo incuriosisce o lo "
                                    "disturba.</li><li><strong>Scegliere e "
                                    "raccontare</strong>: il gruppo seleziona alcune "
                                    "opere e decide che cosa vuole dirne, con le "
                                    "proprie parole, lingue e "
                                    "storie.</li><li><strong>Aprire la "
                                    "visita</strong>: gli abitanti guidano a loro "
                                    "volta familiari e amici o un altro gruppo, "
                                    "accompagnati dal museo.</li></ol>",
                                ),
                                (
                                    "checklist",
                                    {
                                        "title": "Da verificare con il museo partner",
                                        "items": [
                                            (
                                                "Un mediatore o una mediatrice di "
                                                "riferimento disponibile per tutti "
                                                "gli incontri"
                                            ),
                                            (
                                                "Ingresso gratuito o tariffa "
                                                "agevolata per i partecipanti e le "
                                                "loro famiglie"
                                            ),
                                            (
                                                "L'accessibilità del luogo: "
                                                "trasporti, orari, accoglienza dei "
                                                "bambini, persone con mobilità ridotta"
                                            ),
                                            (
                                                "L'accordo del museo perché gli "
                                                "abitanti prendano la parola davanti "
                                                "alle opere"
                                            ),
                                            (
                                                "Una traccia valorizzata dopo la "
                                                "visita: didascalia, registrazione, "
                                                "mostra di disegni"
                                            ),
                                        ],
                                    },
                                ),
                                (
                                    "paragraph",
                                    "<p>Fai in modo che il gruppo mantenga il "
                                    "controllo delle scelte: se il museo impone le "
                                    "sue opere o il suo racconto, la visita torna a "
                                    "essere una visita <em>per</em>. Al contrario, "
                                    "rispetta i vincoli di conservazione e di "
                                    "sicurezza del museo, spiegandoli chiaramente "
                                    "agli abitanti. La co-costruzione è una "
                                    "negoziazione tra partner, non la rinuncia di uno "
                                    "di loro.</p>",
                                ),
                                (
                                    "field_assignment",
                                    {
                                        "title": (
                                            "Co-progettare una visita al museo con "
                                            "cinque abitanti"
                                        ),
                                        "instructions": (
                                            "<p>Con un museo o un luogo culturale "
                                            "partner del tuo territorio, riunisci "
                                            "<strong>almeno cinque abitanti</strong> "
                                            "— tra cui, se possibile, un "
                                            "abitante-ponte — per co-progettare una "
                                            "visita.</p><ul><li>Organizza almeno due "
                                            "incontri: uno nel quartiere, uno al "
                                            "museo.</li><li>Lascia che il gruppo "
                                            "scelga le opere o gli spazi e il modo di "
                                            "presentarli.</li><li>Scrivi con il "
                                            "gruppo la scaletta della visita: "
                                            "percorso, durata, chi parla, a chi si "
                                            "rivolge.</li><li>Se la visita si svolge "
                                            "prima della scadenza, partecipa; "
                                            "altrimenti fissane la data con il "
                                            "museo.</li></ul>"
                                        ),
                                        "expected_evidence": (
                                            "<p>Carica un <strong>resoconto dal "
                                            "campo</strong> di una pagina al massimo, "
                                            "che comprenda:</p><ul><li>il numero di "
                                            "abitanti coinvolti e il numero di "
                                            "incontri;</li><li>la scaletta della "
                                            "visita così come l'ha decisa il "
                                            "gruppo;</li><li>una foto scattata con il "
                                            "consenso delle persone, o un disegno "
                                            "realizzato dal gruppo;</li><li>che cosa "
                                            "hanno imparato il museo e gli abitanti, "
                                            "ciascuno dalla propria parte, e che cosa "
                                            "cambieresti.</li></ul>"
                                        ),
                                        "due_offset_days": 28,
                                    },
                                ),
                            ],
                        },
                    },
                },
            ],
        },
    ],
}

#: Demo cohorts; start and end dates are counted from the day of the seed.
COHORTS = [
    {
        "key": "marseille-sud",
        "name": {
            "fr": "Marseille Sud — printemps",
            "en": "Marseille South — spring",
            "pt": "Marselha Sul — primavera",
            "es": "Marsella Sur — primavera",
            "it": "Marsiglia Sud — primavera",
        },
        "language": "fr",
        "territory": "Marseille, quartiers sud",
        "partner_slug": "sagiterre",
        "start_offset_days": -14,
        "length_days": 120,
        "requires_approval": False,
        "learners": [
            {
                "email": "amina.benali@chainon.example",
                "first_name": "Amina",
                "last_name": "Benali",
            },
            {
                "email": "julien.moreau@chainon.example",
                "first_name": "Julien",
                "last_name": "Moreau",
            },
            {
                "email": "sophie.ferrandi@chainon.example",
                "first_name": "Sophie",
                "last_name": "Ferrandi",
            },
            {
                "email": "moussa.diallo@chainon.example",
                "first_name": "Moussa",
                "last_name": "Diallo",
            },
            {
                "email": "claire.nguyen@chainon.example",
                "first_name": "Claire",
                "last_name": "Nguyen",
            },
        ],
    },
    {
        "key": "lisboa",
        "name": {
            "fr": "Lisbonne, Marvila — printemps",
            "en": "Lisbon, Marvila — spring",
            "pt": "Lisboa, Marvila — primavera",
            "es": "Lisboa, Marvila — primavera",
            "it": "Lisbona, Marvila — primavera",
        },
        "language": "pt",
        "territory": "Lisboa, Marvila",
        "partner_slug": "mnac-lisboa",
        "start_offset_days": 7,
        "length_days": 120,
        "requires_approval": True,
        "learners": [
            {
                "email": "ines.carvalho@chainon.example",
                "first_name": "Inês",
                "last_name": "Carvalho",
            },
            {
                "email": "tiago.ferreira@chainon.example",
                "first_name": "Tiago",
                "last_name": "Ferreira",
            },
            {
                "email": "mariana.lopes@chainon.example",
                "first_name": "Mariana",
                "last_name": "Lopes",
            },
            {
                "email": "bruno.monteiro@chainon.example",
                "first_name": "Bruno",
                "last_name": "Monteiro",
            },
        ],
    },
]
