from .pages import ContentPage, HomePage
from .users import User

__all__ = ["ContentPage", "HomePage", "User"]
