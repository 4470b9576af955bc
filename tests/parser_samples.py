"""Small report texts in the layouts the parser must handle (shared by the parser-core tests)."""

from parsers.blocks import Block, BlockKind

# Older layout: all questions first, then a part "II Antwoord / Reactie van de minister" that
# repeats the VVD questions before each answer and gives the SP answer without repeating it.
OLD_LAYOUT = "\n".join(
    [
        " 32317-270       JBZ-Raad van 12 en 13 maart 2015",
        " ",
        "Verslag van een schriftelijk overleg",
        " ",
        "De vaste commissie voor Veiligheid en Justitie heeft een aantal vragen en opmerkingen",
        "voorgelegd aan de minister van Veiligheid en Justitie over de geannoteerde agenda",
        "(Kamerstuk 32317, nr. 270).",
        " ",
        "De voorzitter van de commissie,",
        "Ten Broeke",
        " ",
        "De griffier van de commissie,",
        "Nava",
        " ",
        "Inhoudsopgave",
        "I Vragen en opmerkingen vanuit de fracties    1",
        "Vragen en opmerkingen van de leden van de VVD-fractie    1",
        "Vragen en opmerkingen van de leden van de SP-fractie    2",
        "II Antwoord / Reactie van de minister    3",
        " ",
        "I Vragen en opmerkingen vanuit de fracties",
        "Vragen en opmerkingen van de leden van de VVD-fractie",
        " ",
        "De leden van de VVD-fractie hebben kennisgenomen van de agenda. Wat is de inzet van de",
        "minister bij Frontex?",
        " ",
        "Deze leden vragen ook naar de stand van zaken rond het Europees Openbaar Ministerie.",
        "Wanneer verwacht de minister een akkoord? Komt er een evaluatie?",
        " ",
        "Vragen en opmerkingen van de leden van de SP-fractie",
        " ",
        "De leden van de SP-fractie vragen waarom de minister de richtlijn steunt. Is dat",
        "verstandig?",
        " ",
        "II Antwoord / Reactie van de minister",
        " ",
        "Vragen en opmerkingen van de leden van de VVD-fractie",
        " ",
        "De leden van de VVD-fractie hebben kennisgenomen van de agenda. Wat is de inzet van de",
        "minister bij Frontex?",
        " ",
        "De minister zet in op versterking van Frontex.",
        " ",
        "Deze leden vragen ook naar de stand van zaken rond het Europees Openbaar Ministerie.",
        "Wanneer verwacht de minister een akkoord? Komt er een evaluatie?",
        " ",
        "Een akkoord wordt in juni verwacht (zie ook Kamerstuk 32317, nr. 271).",
        "Een evaluatie volgt in 2017.",
        " ",
        "Vragen en opmerkingen van de leden van de SP-fractie",
        " ",
        "De minister acht de richtlijn evenwichtig.",
    ]
)

# Questions only (inbreng): no "Antwoord" anywhere.
INBRENG = "\n".join(
    [
        "32317-800       JBZ-Raad op 26 en 27 januari 2023 in Stockholm",
        " ",
        "Inbreng voor een schriftelijk overleg",
        " ",
        "Binnen de vaste commissie voor Justitie en Veiligheid hebben de onderstaande fracties de",
        "behoefte vragen en opmerkingen voor te leggen aan de minister over de volgende stukken:",
        " ",
        "• Geannoteerde agenda JBZ-Raad 26 en 27 januari 2023 (Kamerstuk 32317, nr. 800)",
        " ",
        "Vragen en opmerkingen van de leden van de CDA-fractie",
        " ",
        "De leden van de CDA-fractie vragen naar de inzet op terugkeer. Hoe staat het daarmee?",
        " ",
        "Frontex",
        "Deze leden vragen voorts welke rol Frontex speelt. Kan de minister dat toelichten?",
        " ",
        "Vragen en opmerkingen van het lid van de BBB-fractie",
        "Het lid van de BBB-fractie heeft geen vragen.",
    ]
)

NO_FRACTIES = "\n".join(
    [
        "Geannoteerde agenda van de JBZ-Raad op 8 en 9 december 2022",
        " ",
        "Op 8 en 9 december vindt de JBZ-Raad plaats in Brussel (zie Kamerstuk 32317, nr. 785).",
        "Het kabinet steunt de voorstellen.",
    ]
)


def koop_blocks() -> tuple[Block, ...]:
    """A KOOP (officielebekendmakingen) report as a paragraph-based reader would give it."""
    p, h = BlockKind.PARAGRAPH, BlockKind.HEADING
    items: list[tuple[BlockKind, str, int | None]] = [
        (p, "32 317", None),
        (p, "JBZ-Raad", None),
        (p, "Nr. 909", None),
        (h, "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", 1),
        (p, "Vastgesteld 15 december 2022", None),
        (
            p,
            "De vaste commissie voor Justitie en Veiligheid heeft een aantal vragen en "
            "opmerkingen voorgelegd aan de Staatssecretaris van Justitie en Veiligheid over de "
            "geannoteerde agenda van de JBZ-Raad van 8 en 9 december 2022 (Kamerstuk 32 317, "
            "nr. 790) en de brief van 2 december 2022 over Schengentoetreding (2022Z23952).",
            None,
        ),
        (p, "De voorzitter van de commissie,", None),
        (p, "Van Meenen", None),
        (p, "De adjunct-griffier van de commissie,", None),
        (p, "Meijer", None),
        (h, "Vragen en opmerkingen van de leden van de VVD-fractie", 2),
        (h, "Frontex", 3),
        (p, "De leden van de VVD-fractie vragen naar Frontex. Wat is de inzet?", None),
        (p, "Antwoord", None),
        (p, "Het kabinet steunt Frontex.", None),
        (p, "Het kabinet verwijst ook naar Kamerstuk 21501-20, nr. 1849.", None),
        (h, "Vragen en opmerkingen van de leden van de D66-fractie", 2),
        (p, "De leden van de D66-fractie vragen hetzelfde. Klopt dat?", None),
        (p, "Antwoord", None),
        (p, "Het kabinet verwijst naar het antwoord op de vraag van de VVD-fractie.", None),
    ]  # fmt: skip
    return tuple(
        Block(kind, text, i + 1, level=level) for i, (kind, text, level) in enumerate(items)
    )
