"""An invented news story in three articles, shared by the query and render tests.

Floods in the (invented) Varn delta, reported by three outlets on three days. The cast is
chosen to exercise name lookup: an accented Turkish-style name, a name with a particle, an
organisation known by its acronym, two people sharing a surname, a short surname that a
careless fuzzy match would confuse with other short words, and a person who is mentioned
but never quoted. The outlets disagree on how many people live in the delta and on how
many were displaced.
"""

from __future__ import annotations

from pathlib import Path

from factories import Story

from bot.model import Figure
from bot.store import Store


def delta_story() -> Story:
    story = Story(
        "delta-1",
        "Floodwaters cut off the Varn delta",
        source="Delta Post",
        published="2023-04-02",
        url="https://delta.example/floods",
    )
    story.say(
        "Governor Şükrü Yıldırımoğlu said on Sunday that about 4 million civilians live in"
        " the flooded districts.",
        "“We will rebuild every bridge,” Yıldırımoğlu told reporters in the port city.",
        "The Harbour Rescue Alliance (HRA) said 12,000 people were displaced by the water.",
        "Rescue coordinator Nabil al-Qudsi said boats reached the southern villages at dawn.",
        "Engineer Ivo Marten inspected the broken levee.",
    )
    story.entity(
        "Şükrü Yıldırımoğlu",
        aliases=["Yıldırımoğlu"],
        descriptions=["Governor"],
    )
    story.entity("Harbour Rescue Alliance", "ORG", aliases=["HRA"])
    story.entity("Nabil al-Qudsi", descriptions=["Rescue coordinator"])
    story.entity("Ivo Marten", descriptions=["Engineer"])
    story.figure(0, 4_000_000, "about 4 million", "civilians", "live", approx="about")
    story.figure(2, 12_000, "12,000", "people", "displaced")
    story.quote("Şükrü Yıldırımoğlu", "We will rebuild every bridge", cite=1)
    return story


def convoy_story() -> Story:
    story = Story(
        "convoy-2",
        "Relief convoys reach the Varn delta",
        source="Coastal Times",
        published="2023-04-05",
    )
    story.say(
        "Some three million people live in the delta, according to the regional census.",
        "Al-Qudsi, who leads the HRA teams, said 15,000 people had been displaced.",
        "“The water is still rising in the east,” al-Qudsi said.",
        "Governor Yildirimoglu called the delays “unacceptable” in a statement.",
        "Sara Lindqvist, a hydrologist, said the river would crest on Friday.",
        "Ilse Marten, a nurse, treated children at the convoy's field clinic.",
    )
    story.entity("Nabil al-Qudsi", aliases=["Al-Qudsi", "al-Qudsi"])
    story.entity("Harbour Rescue Alliance", "ORG", aliases=["HRA"])
    story.entity("Şükrü Yildirimoglu", aliases=["Yildirimoglu"], descriptions=["Governor"])
    story.entity("Sara Lindqvist", descriptions=["a hydrologist"])
    story.entity("Ilse Marten", descriptions=["a nurse"])
    story.figure(0, 3_000_000, "Some three million", "people", "live", approx="some")
    story.figure(1, 15_000, "15,000", "people", "displaced")
    story.quote("al-Qudsi", "The water is still rising in the east")
    story.quote("Yildirimoglu", "unacceptable", fragment=True)
    return story


def levee_story() -> Story:
    story = Story(
        "levee-3",
        "Inspectors blame neglect for the levee breach",
        source="Valley Ledger",
        published="2023-04-07",
    )
    story.say(
        "Dana Pitt, the chief levee inspector, said the embankment was 40 years old.",
        "Displacement camps now hold hundreds of thousands of residents.",
        "Pitt said repairs had been postponed three times since 2015.",
        "Hydrologist Sara Lindqvist warned that the next storm could be worse.",
    )
    story.entity("Dana Pitt", aliases=["Pitt"], descriptions=["the chief levee inspector"])
    story.entity("Sara Lindqvist", descriptions=["Hydrologist"])
    story.figure(0, 40, "40 years", "years", "old", unit="years")
    story.figure(1, None, "hundreds of thousands", "residents", "displacement camps")
    story.quote("Pitt", "repairs had been postponed", fragment=True)
    return story


def delta_base(path: Path) -> Store:
    """A fresh base at ``path`` holding the three articles."""
    store = Store(path)
    for story in (delta_story(), convoy_story(), levee_story()):
        story.save(store)
    return store


def shelter_base(path: Path) -> Store:
    """A base where one measure (people in shelters in the invented town of Calderby) is
    reported on four days, one report a range, so /figures has a timeline to draw."""
    store = Store(path)
    reports = [
        ("s1", "2023-05-01", "About 800", 800, None, "about"),
        ("s2", "2023-05-03", "Between 1,000 and 1,400", 1_000, 1_400, ""),
        ("s3", "2023-05-06", "Some 1,900", 1_900, None, "some"),
        ("s4", "2023-05-09", "Only 300", 300, None, "only"),
    ]
    for article_id, published, amount, value, high, approx in reports:
        story = Story(article_id, f"Calderby shelters, {published}", published=published)
        story.say(f"{amount} people were sheltering in Calderby.")
        story.entity("Calderby", "GPE")
        text = f"{amount} people"
        story.figures.append(
            Figure(value, text, "people", 0, "sheltering", approx, value_high=high)
        )
        story.save(store)
    return store
