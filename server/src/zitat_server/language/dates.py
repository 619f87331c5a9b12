"""Weekdays and months: capitalised words that are never names, and ordinal dates ("5. März")."""

from __future__ import annotations

WEEKDAYS: tuple[str, ...] = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
#: Month names, with the Austrian Jänner and Feber.
MONTHS: tuple[str, ...] = (
    "Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "Jan", "Feb", "Febr", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
)  # fmt: skip
