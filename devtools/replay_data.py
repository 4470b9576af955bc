"""What the replay server serves: the recorded payloads of devtools/recorded/samples, as a Scenario.

Real: the 131 TK `Document` records, the 898/956 Document records and their publication ids (from
the Zaak samples), the KOOP XML of kst-32317-898 and -956, the v4 `$metadata`.
Generated (deterministic, said here because they are not recordings): the file bodies of the
sample records (a minimal PDF or docx per ContentType carrying the Onderwerp), the v5 renames,
the SRU records of the Kamerstukken (built in the layout of the one real gzd record, a
Gemeenteblad record) and minimal KOOP XML for Kamerstukken without a recorded one.
"""

import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from devtools.recorded import SAMPLES
from devtools.replay_fracties import load_fracties
from flows.config import TK_FIELDS

RECORDS_FILE = "tk_odata_document_records_jbz-raad_2024-2025.json"
ZAAK_FILES = (
    "tk_odata_zaak_2024Z15493_kst-32317-898_expand_document_versie_publicatie.json",
    "tk_odata_zaak_2025Z11930_kst-32317-956_expand_document_versie_publicatie.json",
)
KOOP_XML_FILES = {
    "kst-32317-898": "koop_kst-32317-898_via_DocumentPublicatie_resource.xml",
    "kst-32317-956": "koop_kst-32317-956_via_DocumentPublicatie_resource.xml",
}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# v5 renames of `Document` fields (as flows/config.py knows them); v5 payloads and
# metadata are derived from v4.
V5_RENAMES = {
    getattr(TK_FIELDS["v4"], key): getattr(TK_FIELDS["v5"], key)
    for key in ("document_number", "ondernummer")
}  # the renames written once, in flows.config.TK_FIELDS
# KamerstukTypen as KOOP prints them, for the Soorten of the sample records (built SRU records).
KAMERSTUK_TYPEN = {"Brief regering": "Brief", "Motie": "Motie", "Motie (gewijzigd/nader)": "Motie"}


def minimal_pdf(text: str) -> bytes:
    """A valid one-page PDF showing `text` (Helvetica, latin-1)."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 11 Tf 72 720 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def minimal_docx(text: str) -> bytes:
    """A valid Word document with one paragraph per line of `text` (fixed zip timestamps)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paras = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.split("\n"))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas'
        '.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
        'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="'
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas'
        '.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        '" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}">'
        f"<w:body>{paras}</w:body></w:document>",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content)
    return buf.getvalue()


def generated_body(raw: dict[str, Any]) -> bytes:
    """A small file of the record's ContentType carrying its Onderwerp (generated, not recorded)."""
    text = f"{raw.get('Soort') or ''}\n{raw.get('Onderwerp') or ''}\n{raw.get('Id')}"
    ctype = str(raw.get("ContentType") or "")
    if ctype == DOCX_TYPE:
        return minimal_docx(text)
    if ctype.startswith("text/"):
        return text.encode("utf-8")
    return minimal_pdf(text)


def minimal_koop_xml(identifier: str, dossier: str, nummer: str, title: str, day: str) -> bytes:
    """KOOP `officiele-publicatie` XML in the layout of the kst-32317-898 sample (generated)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie>\n  <metadata>\n'
        f'    <meta name="DC.identifier" scheme="OVERHEIDop.ParlID" content="{identifier}"/>\n'
        "  </metadata>\n  <kamerstuk>\n    <dossier>\n"
        f"      <dossiernummer><dossiernr>{dossier}</dossiernr></dossiernummer>\n"
        "      <titel>JBZ-Raad</titel>\n    </dossier>\n    <stuk>\n"
        f"      <stuknr>Nr. <ondernummer>{nummer}</ondernummer></stuknr>\n"
        f"      <titel>{escape(title)}</titel>\n"
        f'      <datumtekst><datum isodatum="{day}">{day}</datum></datumtekst>\n'
        f"      <al>{escape(title)}</al>\n    </stuk>\n  </kamerstuk>\n</officiele-publicatie>\n"
    ).encode()


@dataclass
class ScenarioDoc:
    raw: dict[str, Any]  # the TK Document as recorded (v4 names, no $expand)
    body: bytes | None = None  # Document(<id>)/resource; None: generated_body(raw)
    version: int = 1
    koop_id: str | None = None  # HuidigeDocumentVersie.ExterneIdentifier
    xml_publication_id: str | None = None  # DocumentPublicatie (DocumentType 'Xml') id
    # when the publication reached the API (real 898: 2025-04-25, months after the document)
    publication_api_changed: str | None = None
    dossier: str | None = "32317"  # linked through Kamerstukdossier (None: not linked)
    zaak_dossiers: tuple[str, ...] = ()  # dossiers of the document's Zaak (the inbreng's link)

    @property
    def deleted(self) -> bool:
        return self.raw.get("Verwijderd") is True

    def versie(self) -> dict[str, Any]:
        vid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.raw['Id']}/{self.version}"))
        pubs = []
        if self.xml_publication_id:
            when = self.publication_api_changed or self.raw.get("ApiGewijzigdOp")
            for kind, pid in (
                ("Xml", self.xml_publication_id),
                ("Pdf", str(uuid.uuid5(uuid.NAMESPACE_URL, vid))),
            ):
                pubs.append({"Id": pid, "DocumentType": kind, "ApiGewijzigdOp": when,
                             "Identifier": self.koop_id})  # fmt: skip
        ext = ".docx" if self.raw.get("ContentType") == DOCX_TYPE else ".pdf"
        return {
            "Id": vid,
            "Versienummer": self.version,
            "Extensie": ext,
            "ExterneIdentifier": self.koop_id,
            "DocumentPublicatie": pubs,
        }


@dataclass(frozen=True)
class SruRecord:
    identifier: str  # as KOOP prints it; never rebuilt by the client
    title: str
    kamerstuktype: str
    dossier: str
    ondernummer: str
    modified: str  # YYYY-MM-DD: owmskern `modified`, the last change
    xml: bytes | None  # the file behind itemUrl[@manifestation='xml']; None: PDF only
    dossier_title: str = "JBZ-Raad"
    chamber: str = "TK"  # "EK": dcterms:creator is the Eerste Kamer
    title_type: str = ""  # the type as the title prints it ("Brief regering"); "" = kamerstuktype
    date: str = ""  # YYYY-MM-DD: the document's own date (owmsmantel, SRU's dt.date); "" = modified
    # the record lists an XML manifestation that is not there ({id}.xml goes to fout404, as
    # for recent PDF-only publications) while its PDF is
    lists_missing_xml: bool = False

    @property
    def dated(self) -> str:
        return self.date or self.modified

    @property
    def full_title(self) -> str:
        """KOOP's title: "dossier title; type; title" ("JBZ-Raad; Motie; Motie van …")."""
        return f"{self.dossier_title}; {self.title_type or self.kamerstuktype}; {self.title}"

    def pdf(self) -> bytes:
        return minimal_pdf(self.full_title)


@dataclass
class Scenario:
    """Everything the replay server serves; callers extend it (add records, files, SRU records)."""

    docs: dict[str, ScenarioDoc] = field(default_factory=dict)
    publications: dict[str, bytes] = field(default_factory=dict)  # DocumentPublicatie id -> bytes
    sru_records: list[SruRecord] = field(default_factory=list)
    metadata_v4: bytes = b""
    # document id -> how its `/resource` fails, as live files that never come do (SOURCES.md
    # section 5): "204" (no content), "404" (OData error), "json200" (a JSON error with status
    # 200), "short" (a body shorter than the record's ContentLength)
    resource_faults: dict[str, str] = field(default_factory=dict)
    # the live service gives up on a query that ORs a lambda with another predicate after ~30 s
    slow_query_seconds: float = 0.2
    # Document properties the v5 `$metadata` leaves out (v5 dropped fields, TK issue on v5)
    dropped_fields: tuple[str, ...] = ()
    fracties: list[dict[str, Any]] = field(default_factory=list)  # TK `Fractie` records

    def add_document(self, raw: dict[str, Any], body: bytes | None = None, **kw: Any) -> None:
        self.docs[str(raw["Id"])] = ScenarioDoc(raw=dict(raw), body=body, **kw)

    def replace_file(self, doc_id: str, body: bytes, modified: str) -> None:
        """A new version of a document's file (as when a PDF replaces the first docx)."""
        doc = self.docs[doc_id]
        doc.body, doc.version = body, doc.version + 1
        doc.raw["GewijzigdOp"] = doc.raw["ApiGewijzigdOp"] = modified

    def publish(self, doc_id: str, publication_id: str, xml: bytes, api_changed: str) -> None:
        """The KOOP XML of a document appears (its DocumentPublicatie rows reach the API)."""
        doc = self.docs[doc_id]
        doc.xml_publication_id, doc.publication_api_changed = publication_id, api_changed
        self.publications[publication_id] = xml

    def delete(self, doc_id: str, modified: str) -> None:
        """Turn a document into a tombstone: only Id, GewijzigdOp, ApiGewijzigdOp, Verwijderd."""
        doc = self.docs[doc_id]
        doc.raw = {k: None for k in doc.raw} | {
            "Id": doc_id,
            "GewijzigdOp": modified,
            "ApiGewijzigdOp": modified,
            "Verwijderd": True,
        }

    def body(self, doc_id: str) -> bytes:
        doc = self.docs[doc_id]
        if doc.body is None:
            doc.body = generated_body(doc.raw)
        return doc.body


def _sru_from_doc(doc: ScenarioDoc, xml: bytes | None) -> SruRecord:
    raw, nummer = doc.raw, str(doc.raw["Volgnummer"])
    day = str(raw.get("Datum") or "")[:10]
    ident = doc.koop_id or ""
    title = str(raw.get("Onderwerp") or "").strip()
    return SruRecord(
        identifier=ident,
        title=title,
        kamerstuktype=KAMERSTUK_TYPEN.get(str(raw.get("Soort")), str(raw.get("Soort"))),
        title_type=str(raw.get("Soort")),
        dossier="32317",
        ondernummer=nummer,
        modified=str(raw.get("GewijzigdOp"))[:10],
        xml=xml or minimal_koop_xml(ident, "32 317", nummer, title, day),
    )


def load_sample_scenario(samples: Path = SAMPLES) -> Scenario:
    """The recorded JBZ-Raad dossier: 131 records plus the 898 Document, two EK records (built)."""
    sc = Scenario(metadata_v4=(samples / "tk_odata_v4_2.0_metadata.xml").read_bytes())
    sc.fracties = load_fracties(samples)
    for raw in json.loads((samples / RECORDS_FILE).read_text(encoding="utf-8")):
        sc.add_document(raw)
    for name in ZAAK_FILES:
        for d in json.loads((samples / name).read_text(encoding="utf-8"))["Document"]:
            versie = d.pop("HuidigeDocumentVersie")
            d.pop("HuidigeDocumentVersie_Id", None)
            if d["Id"] not in sc.docs:
                sc.add_document(d)
            doc = sc.docs[d["Id"]]
            doc.version = int(versie["Versienummer"])
            xml_pub = next(p for p in versie["DocumentPublicatie"] if p["DocumentType"] == "Xml")
            doc.xml_publication_id = str(xml_pub["Id"])
            doc.publication_api_changed = str(xml_pub["ApiGewijzigdOp"])
            sc.publications[doc.xml_publication_id] = (
                samples / KOOP_XML_FILES[versie["ExterneIdentifier"]]
            ).read_bytes()
    for doc in sc.docs.values():
        if doc.raw.get("Soort") == "Inbreng verslag schriftelijk overleg":
            # every inbreng hangs off the consultation's Zaak; the two whose Titel is null (no
            # dossier title) are linked through the Zaak only (as live)
            doc.zaak_dossiers = ("32317",)
            doc.dossier = "32317" if doc.raw.get("Titel") else None
        nummer = doc.raw.get("Volgnummer")
        if isinstance(nummer, int) and nummer > 0:
            doc.koop_id = f"kst-32317-{nummer}"  # what TK lists as ExterneIdentifier
            pub = sc.publications.get(doc.xml_publication_id or "")
            sc.sru_records.append(_sru_from_doc(doc, pub))
    for letter, title in (
        ("DQ", "Brief van de minister van Justitie en Veiligheid"),
        ("DR", "Verslag van een schriftelijk overleg over de JBZ-Raad van 6 en 7 maart 2025"),
    ):
        # Eerste Kamer stukken share the dossier but carry letters (built, not recorded).
        ident = f"kst-32317-{letter}"
        xml = minimal_koop_xml(ident, "32 317", letter, title, "2025-03-01")
        kind = "Verslag" if letter == "DR" else "Brief"
        sc.sru_records.append(
            SruRecord(ident, title, kind, "32317", letter, "2025-03-01", xml, chamber="EK")
        )
    return sc


def v5_metadata(metadata_v4: bytes, dropped: tuple[str, ...] = ()) -> bytes:
    """The v5 `$metadata` DERIVED from the real v4 one by renaming the Document fields (and
    leaving out the `dropped` ones)."""
    text = metadata_v4.decode("utf-8")
    m = re.search(r'<EntityType Name="Document">.*?</EntityType>', text, re.S)
    if m is None:
        return metadata_v4
    block = m.group(0)
    for old, new in V5_RENAMES.items():
        block = block.replace(f'Name="{old}"', f'Name="{new}"')
    for name in dropped:
        block = re.sub(rf'\s*<Property Name="{name}"[^>]*/>', "", block)
    return (text[: m.start()] + block + text[m.end() :]).encode("utf-8")
