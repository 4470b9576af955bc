"""Download a document file and recognise its format from the bytes (shared by TK and KOOP)."""

from contract.records import FetchedFile
from flows.sources.formats import sniff
from flows.sources.http import BadResponse, HttpClient


def download_file(client: HttpClient, url: str, *, allow_html: bool = False) -> FetchedFile:
    """The file at `url`; an HTML page (soft 404, from `get_file`, unless an HTML publication is
    asked for) or unrecognisable bytes are SourceErrors."""
    dl = client.get_file(url, allow_html=allow_html)
    fmt = dl.fmt or sniff(dl.data)  # get_file has sniffed the bytes already
    if fmt == "unknown":
        raise BadResponse(f"unrecognised file content ({len(dl.data)} bytes)", url=dl.url)
    return FetchedFile(dl.data, dl.sha256, fmt, dl.url, dl.content_type)
