"""How the LRS tests call it: a client's Basic credentials as test-client
headers, with the version header every xAPI request carries."""

import base64

from lms.models import LRSClient

VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}


def client_headers(scopes, name="tool") -> dict:
    client, secret = LRSClient.create(name, scopes)
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}", **VERSION}
