"""URLs of the isolated H5P player (``media/h5p_player.py``).

Mounted outside the language prefix, at ``/h5p/``: the player's URLs are
addresses its scripts build (``<base>/h5p.json``, ``<libraries>/<Name-1.6>/
library.json``), the same in every language.
"""

from django.urls import path

from media import h5p_player

app_name = "h5p"

urlpatterns = [
    path("play/<uuid:package_id>/", h5p_player.player, name="player"),
    path("play/<uuid:package_id>/h5p.json", h5p_player.manifest, name="manifest"),
    path("files/<path:path>", h5p_player.file, name="file"),
]
