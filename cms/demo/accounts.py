"""Demo accounts: one person per role, plus an administrator.

The passwords are public (printed by ``make run`` and listed in the README):
``seed_demo`` refuses to create them outside DEBUG unless told to.  A
partner's editors and moderators also name their partner (``partner``, a
partner slug) and their part in its space (``space_role``): two editors of
two institutions, each publishing only in their own space, and a moderator
who approves what Lisbon's editor submits.
"""

from cms.roles import (
    LEARNER,
    NETWORK_COORDINATOR,
    PARTNER_COORDINATOR,
    PARTNER_EDITOR,
    TRAINER,
)

DEMO_ACCOUNTS = [
    {
        "email": "admin@chainon.example",
        "password": "chainon-admin-demo",
        "first_name": "Ada",
        "last_name": "Admin",
        "role": None,
        "superuser": True,
    },
    {
        "email": "coordinatrice@chainon.example",
        "password": "chainon-coordinator-demo",
        "first_name": "Camille",
        "last_name": "Coordination",
        "role": NETWORK_COORDINATOR,
    },
    {
        "email": "coordination.lisboa@chainon.example",
        "password": "chainon-coordinator-demo",
        "first_name": "Inês",
        "last_name": "Coordenação",
        "role": PARTNER_COORDINATOR,
        "partner": "mnac-lisboa",
    },
    {
        "email": "formatrice@chainon.example",
        "password": "chainon-trainer-demo",
        "first_name": "Fatima",
        "last_name": "Formation",
        "role": TRAINER,
    },
    {
        "email": "formador.lisboa@chainon.example",
        "password": "chainon-trainer-demo",
        "first_name": "Tiago",
        "last_name": "Formador",
        "role": TRAINER,
    },
    {
        "email": "editeur.lisboa@chainon.example",
        "password": "chainon-editor-demo",
        "first_name": "João",
        "last_name": "Editor",
        "role": PARTNER_EDITOR,
        "partner": "mnac-lisboa",
        "space_role": "editor",
    },
    {
        "email": "moderateur.lisboa@chainon.example",
        "password": "chainon-moderator-demo",
        "first_name": "Rui",
        "last_name": "Moderador",
        "role": PARTNER_EDITOR,
        "partner": "mnac-lisboa",
        "space_role": "moderator",
    },
    {
        "email": "editrice.torino@chainon.example",
        "password": "chainon-editor-demo",
        "first_name": "Giulia",
        "last_name": "Editrice",
        "role": PARTNER_EDITOR,
        "partner": "accademia-albertina",
        "space_role": "editor",
    },
    {
        "email": "apprenant@chainon.example",
        "password": "chainon-learner-demo",
        "first_name": "Lucas",
        "last_name": "Relais",
        "role": LEARNER,
    },
]
