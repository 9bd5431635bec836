"""Turning a found date expression into an ISO value against the publication date.

Values are ISO 8601 at the resolution the text gives: ``2012-10-23`` (day), ``2012-W42`` (week),
``2012-10`` (month), ``2012`` (year). A date without a year ("on 23 October", "on Monday", "in March") is
the most recent such date not after publication, or the next one when the clause speaks of the future.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from .finder import DateMatch

Value = tuple[str | None, str | None]  # (ISO value, resolution)


def parse_iso(text: str | None) -> date | None:
    """The date of an ISO string (its first 10 characters: "2012-10-24T08:00" works), or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def resolve(found: DateMatch, pub: date | None, future: bool = False) -> Value:
    """ISO value and resolution of ``found``; (None, None) when it needs a publication date and has none.
    ``future`` (from the clause's tense) applies only where the expression itself does not say."""
    if found.direction:
        future = found.direction == "future"
    resolver = _RESOLVERS[found.kind]
    return resolver(found, pub, future)


def _date(found: DateMatch, pub: date | None, future: bool) -> Value:
    if found.year is not None:
        return _day(found.year, found.month, found.day)
    if pub is None:
        return None, None
    year = pub.year
    candidate = _safe_date(year, found.month, found.day)
    if future and candidate is not None and candidate < pub:
        year += 1
    elif not future and (candidate is None or candidate > pub):
        year -= 1
    return _day(year, found.month, found.day)


def _month(found: DateMatch, pub: date | None, future: bool) -> Value:
    if found.year is not None:
        return f"{found.year:04d}-{found.month:02d}", "month"
    if pub is None:
        return None, None
    year = pub.year
    if future and found.month < pub.month:
        year += 1
    elif not future and found.month > pub.month:
        year -= 1
    return f"{year:04d}-{found.month:02d}", "month"


def _year(found: DateMatch, pub: date | None, future: bool) -> Value:
    return f"{found.year:04d}", "year"


def _weekday(found: DateMatch, pub: date | None, future: bool) -> Value:
    if pub is None:
        return None, None
    back = (pub.weekday() - found.weekday) % 7
    day = pub + timedelta(days=(-back % 7) if future else -back)
    return day.isoformat(), "day"


def _deictic(found: DateMatch, pub: date | None, future: bool) -> Value:
    if pub is None:
        return None, None
    return (pub + timedelta(days=found.step)).isoformat(), "day"


def _shift(found: DateMatch, pub: date | None, future: bool) -> Value:
    """"last week", "next month", "this year", "last Friday", "next March"."""
    if pub is None:
        return None, None
    return _moved(pub, found.unit or "day", found.step, found)


def _ago(found: DateMatch, pub: date | None, future: bool) -> Value:
    if pub is None:
        return None, None
    return _moved(pub, found.unit or "day", found.step, found)


def _moved(pub: date, unit: str, step: int, found: DateMatch) -> Value:
    if unit == "day":
        return (pub + timedelta(days=step)).isoformat(), "day"
    if unit in ("week", "weekend"):
        year, week, _ = (pub + timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    if unit == "year":
        return f"{pub.year + step:04d}", "year"
    if unit == "weekday":
        return _weekday_shift(pub, found.weekday, step)
    return _month_shift(pub, found.month, step)


def _weekday_shift(pub: date, weekday: int, step: int) -> Value:
    """"last Friday": the latest Friday before publication; "next Friday": the first one after; "this
    Friday": the one in the publication week."""
    if step < 0:
        back = (pub.weekday() - weekday) % 7 or 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    if step > 0:
        ahead = (weekday - pub.weekday()) % 7 or 7
        return (pub + timedelta(days=ahead)).isoformat(), "day"
    return (pub + timedelta(days=weekday - pub.weekday())).isoformat(), "day"


def _month_shift(pub: date, month: int, step: int) -> Value:
    """"last March": the latest March before the publication month; "next March" the first after."""
    year = pub.year
    if step < 0 and month >= pub.month:
        year -= 1
    elif step > 0 and month <= pub.month:
        year += 1
    return f"{year:04d}-{month:02d}", "month"


def _day(year: int, month: int, day: int | None) -> Value:
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    found = _safe_date(year, month, day)
    return (found.isoformat(), "day") if found else (None, None)


def _safe_date(year: int, month: int, day: int | None) -> date | None:
    if day is None or day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


_RESOLVERS = {"date": _date, "month": _month, "year": _year, "weekday": _weekday, "deictic": _deictic,
              "shift": _shift, "ago": _ago}
