"""Is it WebVTT?  The format's signature, per the W3C specification: an
optional byte-order mark, the word ``WEBVTT``, then a space, a tab or the
end of the line.  Plain Python, no Django."""

_BOM = b"\xef\xbb\xbf"


def is_webvtt(head: bytes) -> bool:
    text = head.removeprefix(_BOM)
    if not text.startswith(b"WEBVTT"):
        return False
    rest = text[6:7]
    return rest in (b"", b" ", b"\t", b"\n", b"\r")
