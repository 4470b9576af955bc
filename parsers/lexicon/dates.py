"""Month names, for the dates the front matter, the timing and the Council meetings print."""

_MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
MONTH = "(?:" + "|".join(MONTHS) + ")"
