"""JSON Schema for every kind and the settings files, accepting the Chinese keys too."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from noticeboard.kinds import KIND_ALIASES, KINDS
from noticeboard.kinds.common import VOTE_WORDS
from noticeboard.kinds.settings import Township, Village

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PERIOD_TEXT = {"type": ["string", "integer"], "pattern": r"^\d{4}(-?[Qq][1-4]|-\d{1,2})?$",
               "examples": ["2026-Q3", "2026-10", "2026"]}


VOTE_TEXT = {"type": "string", "examples": ["举手表决，一致同意", "全票通过", "民主评议"],
             "description": "、".join(VOTE_WORDS)}


def all_schemas() -> dict[str, dict[str, Any]]:
    schemas = {name: model_schema(model, kind=name) for name, model in KINDS.items()}
    schemas["township"] = model_schema(Township)
    schemas["village"] = model_schema(Village)
    return schemas


def model_schema(model: type[BaseModel], kind: str | None = None) -> dict[str, Any]:
    document = model.model_json_schema()
    for sub in [document, *document.get("$defs", {}).values()]:
        _accept_chinese_keys(sub)
    if "Period" in document.get("$defs", {}):
        period = document["$defs"]["Period"]
        document["$defs"]["Period"] = {"anyOf": [PERIOD_TEXT, period], "title": "所属期间"}
    if "Vote" in document.get("$defs", {}):  # or the notice's own words: 举手表决，一致同意
        vote = document["$defs"]["Vote"]
        document["$defs"]["Vote"] = {"anyOf": [VOTE_TEXT, vote], "title": "表决情况"}
    if kind is not None:
        names = [kind, *(alias for alias, target in KIND_ALIASES.items() if target == kind)]
        kind_schema = {"enum": names, "title": "类型"}
        document["properties"]["kind"] = document["properties"]["类型"] = kind_schema
    return {"$schema": DRAFT, **document}


def _accept_chinese_keys(schema: dict[str, Any]) -> None:
    """Add each field's Chinese names as properties; a required field may use any name."""
    properties = schema.get("properties")
    if not properties:
        return
    names: dict[str, list[str]] = {}
    for key, prop in list(properties.items()):
        aliases = [prop["title"]] if prop.get("title") and prop["title"] != key else []
        aliases += prop.pop("aliases", [])
        names[key] = [key, *aliases]
        for alias in aliases:
            properties.setdefault(alias, {**prop, "description": f"同 {key}。"
                                          + prop.get("description", "")})
    required = schema.pop("required", [])
    if required:
        schema["allOf"] = [
            {"anyOf": [{"required": [name]} for name in names[key]]} for key in required
        ]
