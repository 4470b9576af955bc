"""The replay server's KOOP SRU 2.0 answers (searchRetrieveResponse with gzd records).

The records are BUILT in the layout of the one real SRU record we have (a Gemeenteblad record,
devtools/recorded/samples/koop_sru_gzd_record_example_gmb.xml): originalData/meta/{owmskern,
owmsmantel, tpmeta} and enrichedData/{url, preferredUrl, itemUrl[@manifestation]}. The
Kamerstuk-specific tpmeta elements (dossiernummer, ondernummer, publicatienaam,
subrubriek[@scheme='OVERHEIDop.KamerstukTypen']) follow SOURCES.md; the SRU envelope uses the
OASIS searchRetrieveResponse namespace as repository.overheid.nl does.
"""

import re
from xml.sax.saxutils import escape, quoteattr

from devtools.replay_data import Scenario, SruRecord

SRU_NS = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
GZD_NS = "http://standaarden.overheid.nl/sru"


def _record_xml(rec: SruRecord, position: int, base_url: str) -> str:
    year = rec.modified[:4]
    frbr = f"{base_url}/frbr/officielepublicaties/kst/{year}/{rec.identifier}/1"
    items = "".join(
        f"<itemUrl manifestation={quoteattr(m)}>{escape(u)}</itemUrl>"
        for m, u in (
            ("html", f"{frbr}/html/{rec.identifier}.html"),
            ("metadata", f"{frbr}/metadata/metadata.xml"),
            ("pdf", f"{frbr}/pdf/{rec.identifier}.pdf"),
            ("xml", f"{frbr}/xml/{rec.identifier}.xml"),
        )
    )
    return (
        "<sru:record><sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>"
        "<sru:recordPacking>xml</sru:recordPacking><sru:recordData>"
        f'<gzd xmlns="{GZD_NS}"><originalData><meta><owmskern>'
        f"<identifier>{escape(rec.identifier)}</identifier><title>{escape(rec.title)}</title>"
        '<language>nl</language><type scheme="OVERHEIDop.Rubriek">Kamerstuk</type>'
        f"<modified>{rec.modified}</modified></owmskern>"
        f"<owmsmantel><available>{rec.modified}</available><date>{rec.modified}</date>"
        "</owmsmantel><tpmeta><product-area>officielepublicaties</product-area>"
        f"<dossiernummer>{rec.dossier}</dossiernummer><ondernummer>{rec.ondernummer}</ondernummer>"
        "<publicatienaam>Kamerstuk</publicatienaam>"
        f'<subrubriek scheme="OVERHEIDop.KamerstukTypen">{escape(rec.kamerstuktype)}</subrubriek>'
        f"</tpmeta></meta></originalData><enrichedData><url>{escape(frbr)}/xml/"
        f"{escape(rec.identifier)}.xml</url><preferredUrl>{base_url}/koop/"
        f"{escape(rec.identifier)}.html</preferredUrl>{items}</enrichedData></gzd>"
        f"</sru:recordData><sru:recordPosition>{position}</sru:recordPosition></sru:record>"
    )


def sru_response(sc: Scenario, query: dict[str, str], base_url: str) -> bytes:
    """Records of `w.dossiernummer==N` (and `dt.modified>=YYYY-MM-DD`), newest first, one page."""
    cql = query.get("query", "")
    dossier = re.search(r"w\.dossiernummer==\"?(\w+)", cql)
    since = re.search(r"dt\.modified>=\"?([\d-]+)", cql)
    recs = [r for r in sc.sru_records if dossier is None or r.dossier == dossier.group(1)]
    if since:
        recs = [r for r in recs if r.modified >= since.group(1)]
    recs.sort(key=lambda r: (r.modified, r.identifier), reverse=True)
    start = max(1, int(query.get("startRecord", "1")))
    size = max(1, min(1000, int(query.get("maximumRecords", "50"))))
    page = recs[start - 1 : start - 1 + size]
    body = "".join(_record_xml(r, start + i, base_url) for i, r in enumerate(page))
    nxt = start + size
    next_xml = f"<sru:nextRecordPosition>{nxt}</sru:nextRecordPosition>" if nxt <= len(recs) else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><sru:searchRetrieveResponse xmlns:sru="{SRU_NS}">'
        f"<sru:version>2.0</sru:version><sru:numberOfRecords>{len(recs)}</sru:numberOfRecords>"
        f"<sru:records>{body}</sru:records>{next_xml}</sru:searchRetrieveResponse>"
    ).encode()
