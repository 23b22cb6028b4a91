from .pages import ContentPage, HomePage
from .tokens import ApiToken
from .users import User

__all__ = ["ApiToken", "ContentPage", "HomePage", "User"]
