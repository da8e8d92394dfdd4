"""The chart reaches Discord: attached to the answer as a PNG with alt text, uploaded as
multipart/form-data that the fake Discord checks like every other request."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from fake_discord import contract
from fake_discord.harness import base_file, discord_world
from worlds import shelter_base

from bot.render.chart import DPI, HEIGHT_INCHES, WIDTH_INCHES

CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback"
FOLLOW_UP = "POST /webhooks/{webhook_id}/{webhook_token}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NO_PINGS = {"parse": []}


@pytest.fixture
def base(tmp_path: Path) -> Path:
    shelter_base(base_file(tmp_path)).close()
    return base_file(tmp_path)


def assert_chart(attachments: list[dict], uploads: dict[str, contract.Upload]) -> None:
    [attachment] = attachments
    assert attachment["filename"] == "figures.png"
    assert attachment["description"] == (
        "Timeline of people sheltering (Calderby): 4 figures on 4 days from 2023-05-01"
        " to 2023-05-09, from 300 to 1,900."
    )
    data = uploads[attachment["id"]].data
    assert data[:8] == PNG_SIGNATURE
    assert struct.unpack(">II", data[16:24]) == (WIDTH_INCHES * DPI, HEIGHT_INCHES * DPI)
    assert attachment["size"] == len(data) < contract.ATTACHMENT_SIZE_MAX


@pytest.mark.parametrize("defer_after", [1.5, 0], ids=["at once", "after deferring"])
async def test_figures_over_time_come_with_their_timeline(
    tmp_path: Path, base: Path, defer_after: float
) -> None:
    async with discord_world(tmp_path, options={"defer_after": defer_after}) as world:
        fake = world.fake
        await fake.wait_commands(None)
        interaction = await fake.slash("figures", fake.bob, topic="sheltering")
        reply = await fake.reply(interaction)
        assert "people sheltering (Calderby)" in reply["embeds"][0]["description"]
        assert_chart(reply["attachments"], fake.uploads)
        sent = [r for r in fake.requests if r.uploads]
        assert [r.endpoint for r in sent] == [FOLLOW_UP if defer_after == 0 else CALLBACK]


async def test_a_dm_answer_carries_the_chart_too(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        reply = await fake.dm_reply(fake.bob, await fake.send_dm(fake.bob, "/figures sheltering"))
        assert_chart(reply["attachments"], fake.uploads)


async def test_answers_without_a_chart_send_no_file(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        reply = await fake.reply(await fake.slash("who", fake.bob, name="Calderby"))
        assert reply["attachments"] == []
        assert not any(r.uploads for r in fake.requests)


def upload(field: str = "files[0]", size: int = 10) -> contract.Upload:
    return contract.Upload(field, "figures.png", PNG_SIGNATURE + b"\0" * size)


def with_attachments(*attachments: dict) -> dict:
    return {"content": "x", "allowed_mentions": NO_PINGS, "attachments": list(attachments)}


def test_the_contract_accepts_a_described_file_with_the_documented_integer_id() -> None:
    body = {"type": 4, "data": with_attachments({"id": 0, "filename": "figures.png"})}
    assert contract.check(CALLBACK, body) == []
    assert contract.upload_problems(CALLBACK, body, [upload()]) == []


@pytest.mark.parametrize(
    ("body", "uploads", "problem"),
    [
        (with_attachments(), [upload()], "no attachments entry with id 0"),
        (with_attachments({"id": 0}), [upload("file")], "file parts are named files[n]"),
        (
            with_attachments({"id": 0}),
            [upload(size=contract.ATTACHMENT_SIZE_MAX)],
            "bytes, 1 to",
        ),
        (with_attachments({"id": 0, "filename": "x.png"}), [upload()], "filename 'x.png'"),
        (
            with_attachments(*({"id": n} for n in range(11))),
            [upload(f"files[{n}]") for n in range(11)],
            "11 files, at most 10",
        ),
    ],
    ids=["undescribed", "misnamed part", "too large", "other name", "too many"],
)
def test_the_contract_rejects_files_discord_would_refuse(
    body: dict, uploads: list[contract.Upload], problem: str
) -> None:
    problems = contract.upload_problems(FOLLOW_UP, body, uploads)
    assert any(problem in p for p in problems), problems


def test_a_too_long_alt_text_breaks_the_description() -> None:
    body = with_attachments({"id": 0, "description": "x" * 1025})
    assert any("description" in p for p in contract.check(FOLLOW_UP, body))
