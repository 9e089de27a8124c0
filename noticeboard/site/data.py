"""An item's data for download: CSV tables and a datapackage.json describing them.

From the same checked model the poster prints, never from the YAML: a key the clerk
added that no model knows never reaches a file. Each list of rows (收入, 支出, 名单…)
is one table; the item's own fields are a one-row table. The package follows the
Frictionless Tabular Data Package; a ledger (finance, expense) also carries the
Fiscal Data Package `model`: its amounts as measures in CNY, revenue or expenditure.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from noticeboard.kinds.common import Envelope, Period
from noticeboard.kinds.keys import nested_model

ITEM_TABLE = "item"
CSV_ENCODING = "utf-8-sig"  # with a byte-order mark: spreadsheet programs then read Chinese right
# The kinds whose tables are ledgers, and how each table's amounts flow.
LEDGER_DIRECTIONS = {
    "finance": {"income": "revenue", "expense": "expenditure"},
    "expense": {"items": "expenditure"},
}
SKIPPED_FIELDS = frozenset({"kind"})  # said by the package itself


@dataclass(frozen=True)
class Column:
    key: str  # the model's field path, `decision.vote.expected`
    title: str  # the Chinese name, the CSV header
    type: str  # Frictionless field type


@dataclass(frozen=True)
class Table:
    name: str  # a resource name: lower-case ASCII, as the spec asks
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
        writer.writerow([column.title for column in self.columns])
        writer.writerows(self.rows)
        return buffer.getvalue().encode(CSV_ENCODING)


def item_tables(item: Envelope) -> list[Table]:
    """The item's own fields first, then one table per list of rows, in the model's order."""
    scalars: list[tuple[str, str, Any]] = []
    tables: list[Table] = []
    for name, info in type(item).model_fields.items():
        if name in SKIPPED_FIELDS:
            continue
        value = getattr(item, name)
        title = info.title or name
        if isinstance(value, list) and any(isinstance(row, BaseModel) for row in value):
            tables.append(_rows_table(name, title, value))
        else:
            scalars += _flattened(name, title, value, info.annotation)
    own = Table(ITEM_TABLE, "事项", tuple(Column(k, t, _type_of([v])) for k, t, v in scalars),
                (tuple(_cell(v) for _, _, v in scalars),))
    return [own, *tables]


def _rows_table(name: str, title: str, rows: list[Any]) -> Table:
    flat = [_flattened_model(row) for row in rows]
    keys: dict[str, str] = {}
    for row in flat:
        for key, column_title, _ in row:
            keys.setdefault(key, column_title)
    values = [{key: value for key, _, value in row} for row in flat]
    columns = tuple(Column(key, column_title, _type_of([row.get(key) for row in values]))
                    for key, column_title in keys.items())
    cells = tuple(tuple(_cell(row.get(column.key)) for column in columns) for row in values)
    return Table(name.replace("_", "-"), title, columns, cells)


def _flattened_model(model: BaseModel, prefix: str = "",
                     title_prefix: str = "") -> list[tuple[str, str, Any]]:
    found: list[tuple[str, str, Any]] = []
    for name, info in type(model).model_fields.items():
        found += _flattened(prefix + name, title_prefix + (info.title or name),
                            getattr(model, name), info.annotation)
    return found


def _flattened(key: str, title: str, value: Any, annotation: Any) -> list[tuple[str, str, Any]]:
    """A nested model (a decision, its vote) as columns of their own: `决策情况·表决情况·赞成`;
    left out in one row, the same columns stay, empty, so every row has every column."""
    if isinstance(value, BaseModel) and not isinstance(value, Period):
        return _flattened_model(value, f"{key}.", f"{title}·")
    inner, is_list = nested_model(annotation)
    if value is None and inner is not None and not is_list and inner is not Period:
        found: list[tuple[str, str, Any]] = []
        for name, info in inner.model_fields.items():
            found += _flattened(f"{key}.{name}", f"{title}·{info.title or name}", None,
                                info.annotation)
        return found
    return [(key, title, value)]


def _type_of(values: list[Any]) -> str:
    present = [value for value in values if value is not None]
    if not present:
        return "string"
    first = present[0]
    if isinstance(first, bool):
        return "boolean"
    if isinstance(first, int):
        return "integer"
    if isinstance(first, Decimal):
        return "number"
    if isinstance(first, date):
        return "date"
    return "string"


def _cell(value: Any) -> str:
    """A value as a CSV cell: dates ISO, amounts exact, lists joined with 、, a period by its label."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Period):
        return value.label
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    if isinstance(value, list):
        return "、".join(_cell(element) for element in value)
    return str(value)


def datapackage(item: Envelope, name: str, title: str, tables: list[Table],
                record_sha256: str) -> dict[str, Any]:
    """The Frictionless descriptor; a ledger's also follows the Fiscal Data Package."""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "noticeboard": {"kind": item.KIND, "kind_title": item.NAME_ZH,
                        "record_sha256": record_sha256},
        "resources": [_resource(table) for table in tables],
    }
    directions = LEDGER_DIRECTIONS.get(item.KIND)
    if directions:
        package["profile"] = "fiscal-data-package"
        package["countryCode"] = "CN"
        package["fiscalPeriod"] = {"start": item.period.start.isoformat(),
                                   "end": item.period.end.isoformat()}
        package["model"] = _fiscal_model(tables, directions)
    return package


def _resource(table: Table) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {"name": column.title, "title": column.title, "type": column.type,
                                 "noticeboard:key": column.key}
        if column.type == "number":
            field["decimalChar"] = "."
        fields.append(field)
    return {"profile": "tabular-data-resource", "name": table.name, "title": table.title,
            "path": table.path, "format": "csv", "mediatype": "text/csv",
            "encoding": CSV_ENCODING, "schema": {"fields": fields}}


def _fiscal_model(tables: list[Table], directions: dict[str, str]) -> dict[str, Any]:
    measures: dict[str, Any] = {}
    dimensions: dict[str, Any] = {}
    for table in tables:
        direction = directions.get(table.name.replace("-", "_"))
        if direction is None:
            continue
        for column in table.columns:
            if column.key == "amount":
                measures[f"{table.name}-amount"] = {
                    "source": column.title, "resource": table.name, "currency": "CNY",
                    "direction": direction, "title": f"{table.title}·{column.title}"}
            elif column.key in ("date", "category", "summary", "voucher"):
                kind = {"date": "datetime", "category": "classification"}.get(column.key, "other")
                dimensions.setdefault(column.key, {
                    "dimensionType": kind, "primaryKey": [column.key],
                    "attributes": {column.key: {"source": column.title}}})
    return {"measures": measures, "dimensions": dimensions}
