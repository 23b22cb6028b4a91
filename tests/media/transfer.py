"""Helpers that play the browser's part of a direct upload: ask, send the
bytes where the server says (S3 presigned URLs over real HTTP, or the local
streaming endpoint), finish."""

import os

import urllib3

MiB = 1024 * 1024
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

http = urllib3.PoolManager(retries=False, timeout=30)


def mp4_bytes(size: int) -> bytes:
    """``size`` bytes that start like an MP4 file."""
    return MP4_HEAD + os.urandom(size - len(MP4_HEAD))


def start(
    client,
    *,
    data,
    target="testapp.evidence.file",
    name="visite.mp4",
    content_type="video/mp4",
    size=None,
):
    return client.post(
        "/api/media/uploads/",
        {
            "target": target,
            "filename": name,
            "size": len(data) if size is None else size,
            "content_type": content_type,
        },
        content_type="application/json",
    )


def put_single(client, upload: dict, data: bytes, headers=None):
    """Send the whole file as the widget does; returns the HTTP status."""
    put = upload["put"]
    headers = {**put["headers"], **(headers or {})}
    if put["url"].startswith("/"):
        response = client.generic(
            "PUT",
            put["url"],
            data,
            content_type=headers.pop("Content-Type"),
            headers=headers,
        )
        return response.status_code
    return http.request("PUT", put["url"], body=data, headers=headers).status


def put_part(client, upload: dict, number: int, data: bytes) -> int:
    urls = client.post(
        upload["parts_url"], {"numbers": [number]}, content_type="application/json"
    ).json()["urls"]
    start_at = (number - 1) * upload["part_size"]
    chunk = data[start_at : start_at + upload["part_size"]]
    return http.request("PUT", urls[str(number)], body=chunk).status


def send(client, upload: dict, data: bytes):
    """All of the file, whatever the strategy."""
    if upload["strategy"] == "multipart":
        for number in range(1, upload["part_count"] + 1):
            assert put_part(client, upload, number, data) == 200
    else:
        assert put_single(client, upload, data) in (200, 201)


def complete(client, upload: dict):
    return client.post(upload["url"] + "complete/")


def upload_file(client, data: bytes, **kwargs) -> dict:
    response = start(client, data=data, **kwargs)
    assert response.status_code == 201, response.content
    upload = response.json()
    send(client, upload, data)
    response = complete(client, upload)
    assert response.status_code == 200, response.content
    return response.json()


def fetch(client, url: str, headers=None):
    """GET a file the way a browser would, following a redirect to S3."""
    response = client.get(url, headers=headers or {})
    if response.status_code == 302:
        remote = http.request("GET", response["Location"], headers=headers or {})
        return remote.status, remote.data, remote.headers
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return response.status_code, body, response.headers
