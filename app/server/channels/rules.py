"""Which ticket an alert opens: the administrator's rules, first match wins.

A rule names a label (``severity``, ``alertname``, ``host``...) and a shell-style pattern
for its value; it may be limited to one source. It gives the ticket's type and category (by
catalog code) and level, and whether a resolved alert resolves the ticket. An alert no rule
matches opens a fault in the ``monitoring`` category at the level its severity suggests
(``payloads.severity_level``), and its resolution only adds a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, delete, insert, select

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.server.channels.payloads import severity_level
from app.server.channels.tables import alert_rules

DEFAULT_TYPE, DEFAULT_CATEGORY = "fault", "monitoring"
CODE = r"^[A-Za-z0-9_.-]+$"
MAX_RULES = 200


class Rule(BaseModel):
    """One rule as the API and the rules page carry it."""

    model_config = ConfigDict(frozen=True)

    source_id: str | None = Field(default=None, max_length=36, pattern=CODE)
    label: str = Field(min_length=1, max_length=80, pattern=r"^[^\x00]+$")
    pattern: str = Field(min_length=1, max_length=200, pattern=r"^[^\x00]+$")
    type_code: str = Field(min_length=1, max_length=40, pattern=CODE)
    category_code: str = Field(min_length=1, max_length=40, pattern=CODE)
    level: int = Field(ge=1, le=3)
    resolve: bool = False

    def matches(self, source_id: str, labels: dict[str, str]) -> bool:
        if self.source_id is not None and self.source_id != source_id:
            return False
        value = labels.get(self.label)
        return value is not None and fnmatchcase(value, self.pattern)


class RuleBook(BaseModel):
    rules: list[Rule] = Field(max_length=MAX_RULES)


@dataclass(frozen=True)
class Mapping:
    type_code: str
    category_code: str
    level: int
    resolve: bool


def mapping(rules: list[Rule], source_id: str, labels: dict[str, str]) -> Mapping:
    """What the first matching rule says, else the default."""
    for rule in rules:
        if rule.matches(source_id, labels):
            return Mapping(rule.type_code, rule.category_code, rule.level, rule.resolve)
    return Mapping(DEFAULT_TYPE, DEFAULT_CATEGORY, severity_level(labels), False)


def read_rules(conn: Connection) -> list[Rule]:
    return [Rule(source_id=row.source_id, label=row.label, pattern=row.pattern,
                 type_code=row.type_code, category_code=row.category_code, level=row.level,
                 resolve=row.resolve)
            for row in conn.execute(select(alert_rules).order_by(alert_rules.c.position))]


def replace_rules(conn: Connection, clock: Clock, rules: list[Rule]) -> None:
    """The whole rule book at once, in the order given (the page edits it as one list)."""
    conn.execute(delete(alert_rules))
    if rules:
        conn.execute(insert(alert_rules), [
            {"id": new_id(clock), "position": position, **rule.model_dump()}
            for position, rule in enumerate(rules)])
