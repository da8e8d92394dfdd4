"""The timeline chart: drawn from a small base, a valid PNG of bounded size with alt text."""

from __future__ import annotations

import struct
from pathlib import Path

from worlds import shelter_base

from bot.indexer import forget
from bot.query import Answer, run
from bot.query.answer import Chart, ChartPoint
from bot.render.chart import DPI, HEIGHT_INCHES, WIDTH_INCHES, describe, render_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DISCORD_ATTACHMENT_LIMIT = 10 * 1024 * 1024


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header chunk (IHDR comes first, after the signature)."""
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_a_measure_on_three_or_more_days_gets_a_timeline(tmp_path: Path) -> None:
    answer = run(shelter_base(tmp_path / "s.sqlite3"), "figures", "sheltering")
    assert answer.chart is not None
    assert answer.chart.measure == "people sheltering (Calderby)"
    assert [(p.day, p.low, p.high) for p in answer.chart.points] == [
        ("2023-05-01", 800, 800),
        ("2023-05-03", 1_000, 1_400),
        ("2023-05-06", 1_900, 1_900),
        ("2023-05-09", 300, 300),
    ]
    assert answer.to_json()["chart"]["measure"] == "people sheltering (Calderby)"


def test_the_chart_is_a_small_valid_png_with_alt_text(tmp_path: Path) -> None:
    answer = run(shelter_base(tmp_path / "s.sqlite3"), "figures", "sheltering")
    assert answer.chart is not None
    image = render_chart(answer.chart)
    assert png_size(image.png) == (int(WIDTH_INCHES * DPI), int(HEIGHT_INCHES * DPI))
    assert 1_000 < len(image.png) < DISCORD_ATTACHMENT_LIMIT // 100
    assert image.png.endswith(b"IEND\xaeB`\x82")  # the image is complete
    assert image.filename.endswith(".png")
    assert image.description == (
        "Timeline of people sheltering (Calderby): 4 figures on 4 days from 2023-05-01"
        " to 2023-05-09, from 300 to 1,900."
    )


def test_fewer_than_three_days_get_no_chart(tmp_path: Path) -> None:
    store = shelter_base(tmp_path / "s.sqlite3")
    forget(store, ["s3", "s4"])
    answer = run(store, "figures", "sheltering")
    assert len(answer.items) == 2
    assert answer.chart is None


def test_alt_text_names_money_with_its_sign_and_rate() -> None:
    points = tuple(
        ChartPoint(f"2023-01-0{n}", 3_000 + 500 * n, 3_000 + 500 * n, f"a{n}") for n in (1, 2, 3)
    )
    chart = Chart("rent aid", "USD", "month", points)
    assert describe(chart).endswith("from $3,500 a month to $4,500 a month.")
    assert png_size(render_chart(chart).png)[0] > 0


def test_answers_without_figures_over_time_have_no_chart(tmp_path: Path) -> None:
    answer = run(shelter_base(tmp_path / "s.sqlite3"), "who", "Calderby")
    assert isinstance(answer, Answer)
    assert answer.chart is None
    assert answer.to_json()["chart"] is None
