"""Cut the request-body schemas the bot's endpoints need out of Discord's OpenAPI description.

The full description is 1.2 MB and lives outside the repository; a fresh clone still has to
validate what the bot sends, so the tests fall back to this extract. Run it again after
updating the spec (or adding an endpoint to ``ENDPOINTS``)::

    .venv/bin/python tests/fake_discord/extract_spec.py ../shared/discord-api-spec/openapi.json

The extract keeps each endpoint's JSON request-body schema as written, plus every component
schema those reach through ``$ref``; the ``#/components/schemas/...`` references therefore
resolve inside the extract exactly as they do inside the full document.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

EXTRACT = Path(__file__).with_name("discord_api_extract.json")

# (method, path template) of every endpoint the bot sends a JSON body to.
ENDPOINTS: tuple[tuple[str, str], ...] = (
    ("PUT", "/applications/{application_id}/commands"),
    ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"),
    ("POST", "/webhooks/{webhook_id}/{webhook_token}"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
    ("POST", "/channels/{channel_id}/messages"),
    ("PATCH", "/channels/{channel_id}/messages/{message_id}"),
    ("POST", "/users/@me/channels"),
)


def _refs(node: Any, schemas: dict[str, Any], found: set[str]) -> None:
    """Collect, transitively, the names of the component schemas ``node`` refers to."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
            if name not in found:
                found.add(name)
                _refs(schemas[name], schemas, found)
        for value in node.values():
            _refs(value, schemas, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, schemas, found)


def request_schemas(spec: dict[str, Any]) -> dict[str, Any]:
    """The extract document: endpoint body schemas and the components they reference."""
    schemas = spec["components"]["schemas"]
    endpoints: dict[str, Any] = {}
    used: set[str] = set()
    for method, path in ENDPOINTS:
        body = spec["paths"][path][method.lower()]["requestBody"]
        schema = body["content"]["application/json"]["schema"]
        endpoints[f"{method} {path}"] = schema
        _refs(schema, schemas, used)
    return {
        "info": {
            "title": spec["info"].get("title"),
            "version": spec["info"].get("version"),
            "note": "request-body schemas extracted by tests/fake_discord/extract_spec.py",
        },
        "endpoints": endpoints,
        "components": {"schemas": {name: schemas[name] for name in sorted(used)}},
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} PATH/TO/openapi.json", file=sys.stderr)
        return 2
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    extract = request_schemas(spec)
    EXTRACT.write_text(json.dumps(extract, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {EXTRACT} ({len(extract['components']['schemas'])} component schemas)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
