"""The replay server's KOOP SRU 2.0 answers (searchRetrieveResponse with gzd records).

The records are BUILT in the layout of the one real SRU record we have (a Gemeenteblad record,
devtools/recorded/samples/koop_sru_gzd_record_example_gmb.xml): originalData/meta/{owmskern,
owmsmantel, tpmeta} and enrichedData/{url, preferredUrl, itemUrl[@manifestation]}. The
Kamerstuk-specific tpmeta elements (dossiernummer, ondernummer, publicatienaam,
subrubriek[@scheme='OVERHEIDop.KamerstukTypen']) follow the live records; the SRU envelope uses the
OASIS searchRetrieveResponse namespace as repository.overheid.nl does. Titles have KOOP's
form "dossier title; type; title" ("JBZ-Raad; Brief regering; Geannoteerde agenda …"), the
chamber is `creator` (scheme OVERHEID.StatenGeneraal), and a record without XML lists only its
PDF. An index real clients do not use (`dt.modified`) gets an SRU diagnostic, with HTTP 200.
"""

import re
from xml.sax.saxutils import escape, quoteattr

from devtools.replay_data import Scenario, SruRecord

SRU_NS = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
GZD_NS = "http://standaarden.overheid.nl/sru"


# Indexes seen in working public clients (parlhist, wetsuite) or in the CQL the replay answers;
# anything else is "Unsupported index" as on the live server.
KNOWN_INDEXES = {"c.product-area", "w.dossiernummer", "w.publicatienaam", "w.ondernummer",
                 "dt.identifier", "dt.date", "dt.title", "dt.type", "dt.creator"}  # fmt: skip
DIAG_NS = "http://docs.oasis-open.org/ns/search-ws/diagnostic"
CREATOR = {"TK": "Tweede Kamer der Staten-Generaal", "EK": "Eerste Kamer der Staten-Generaal"}


def _record_xml(rec: SruRecord, position: int, base_url: str) -> str:
    year = rec.dated[:4]
    frbr = f"{base_url}/frbr/officielepublicaties/kst/{year}/{rec.identifier}/1"
    listed_xml = rec.xml or rec.lists_missing_xml
    kinds = ("html", "metadata", "pdf", "xml") if listed_xml else ("metadata", "pdf")
    files = {"html": f"html/{rec.identifier}.html", "metadata": "metadata/metadata.xml",
             "pdf": f"pdf/{rec.identifier}.pdf", "xml": f"xml/{rec.identifier}.xml"}  # fmt: skip
    items = "".join(
        f"<gzd:itemUrl manifestation={quoteattr(m)}>{escape(frbr)}/{files[m]}</gzd:itemUrl>"
        for m in kinds
    )
    return (
        "<sru:record><sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>"
        "<sru:recordPacking>xml</sru:recordPacking><sru:recordData>"
        "<gzd:gzd><gzd:originalData><overheidwetgeving:meta><overheidwetgeving:owmskern>"
        f"<dcterms:identifier>{escape(rec.identifier)}</dcterms:identifier>"
        f"<dcterms:title>{escape(rec.full_title)}</dcterms:title><dcterms:language>nl"
        '</dcterms:language><dcterms:type scheme="OVERHEIDop.Parlementair">Kamerstuk</dcterms:type>'
        '<dcterms:creator scheme="OVERHEID.StatenGeneraal">'
        f"{CREATOR[rec.chamber]}</dcterms:creator>"
        f"<dcterms:modified>{rec.modified}</dcterms:modified></overheidwetgeving:owmskern>"
        f"<overheidwetgeving:owmsmantel><dcterms:available>{rec.dated}</dcterms:available>"
        f"<dcterms:date>{rec.dated}</dcterms:date></overheidwetgeving:owmsmantel>"
        "<overheidwetgeving:tpmeta><c:product-area>officielepublicaties</c:product-area>"
        f"<overheidwetgeving:dossiernummer>{rec.dossier}</overheidwetgeving:dossiernummer>"
        f"<overheidwetgeving:ondernummer>{rec.ondernummer}</overheidwetgeving:ondernummer>"
        "<overheidwetgeving:publicatienaam>Kamerstuk</overheidwetgeving:publicatienaam>"
        '<overheidwetgeving:subrubriek scheme="OVERHEIDop.KamerstukTypen">'
        f"{escape(rec.kamerstuktype)}</overheidwetgeving:subrubriek>"
        "</overheidwetgeving:tpmeta></overheidwetgeving:meta></gzd:originalData><gzd:enrichedData>"
        f"<gzd:url>{escape(frbr)}/{files[kinds[-1]]}</gzd:url><gzd:preferredUrl>{base_url}/koop/"
        f"{escape(rec.identifier)}.html</gzd:preferredUrl>{items}</gzd:enrichedData></gzd:gzd>"
        f"</sru:recordData><sru:recordPosition>{position}</sru:recordPosition></sru:record>"
    )


def _envelope(inner: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><sru:searchRetrieveResponse xmlns:sru="{SRU_NS}" '
        f'xmlns:gzd="{GZD_NS}" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" '
        'xmlns:c="http://standaarden.overheid.nl/collectie/">'
        f"<sru:version>2.0</sru:version>{inner}</sru:searchRetrieveResponse>"
    ).encode()


def diagnostic(index: str) -> bytes:
    """What repository.overheid.nl answers (HTTP 200) for an index it does not know."""
    return _envelope(
        "<sru:numberOfRecords>0</sru:numberOfRecords><sru:diagnostics>"
        f'<diag:diagnostic xmlns:diag="{DIAG_NS}"><diag:uri>info:srw/diagnostic/1/16</diag:uri>'
        f"<diag:details>{escape(index)}"
        "</diag:details><diag:message>Unsupported index</diag:message></diag:diagnostic>"
        "</sru:diagnostics>"
    )


def sru_response(sc: Scenario, query: dict[str, str], base_url: str) -> bytes:
    """Records of `w.dossiernummer==N`, newest first by their document date (sortBy
    dt.date/sort.descending, as the live server: not by their change time), one page."""
    cql = query.get("query", "")
    clauses = cql.split(" sortBy ")[0]
    for index in re.findall(r"([\w.-]+)\s*(?:==|>=|<=|=|>|<)", clauses):
        if index not in KNOWN_INDEXES:
            return diagnostic(index)
    dossier = re.search(r"w\.dossiernummer==\"?([\w-]+)", cql)
    recs = [r for r in sc.sru_records if dossier is None or r.dossier == dossier.group(1)]
    recs.sort(key=lambda r: (r.dated, r.identifier), reverse=True)
    start = max(1, int(query.get("startRecord", "1")))
    size = max(1, min(1000, int(query.get("maximumRecords", "50"))))
    page = recs[start - 1 : start - 1 + size]
    body = "".join(_record_xml(r, start + i, base_url) for i, r in enumerate(page))
    nxt = start + size
    next_xml = f"<sru:nextRecordPosition>{nxt}</sru:nextRecordPosition>" if nxt <= len(recs) else ""
    return _envelope(
        f"<sru:numberOfRecords>{len(recs)}</sru:numberOfRecords>"
        f"<sru:records>{body}</sru:records>{next_xml}"
    )
