"""Pronouns go to a person of their gender, or to no one. Invented text and names."""

from extraction import facts

from bot.extract.quotes.gender import first_name_gender

QUOTE = "The talks failed because nobody would give an inch,"


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in facts(text).quotes if not q.fragment]


def test_first_name_gender_only_when_sure() -> None:
    assert first_name_gender("Ana Ortiz") == "female"
    assert first_name_gender("Paulo Reis") == "male"
    assert first_name_gender("Ortiz") is None  # no first name
    assert first_name_gender("Zorbeth Quill") is None  # not in the lists


def test_she_skips_the_man_who_is_the_subject() -> None:
    text = f'President Paulo Reis met Senator Ana Ortiz on Monday.\n\n"{QUOTE}" she said.'
    assert quotes(text) == [("Ana Ortiz", QUOTE)]
    text = f'Senator Ana Ortiz met President Paulo Reis on Monday.\n\n"{QUOTE}" he said.'
    assert quotes(text) == [("Paulo Reis", QUOTE)]


def test_title_in_the_article_tells_the_gender() -> None:
    text = (
        f'Zorbeth Quill met Paulo Reis on Monday.\n\nMs. Quill left early.\n\n"{QUOTE}" she said.'
    )
    assert quotes(text) == [("Zorbeth Quill", QUOTE)]


def test_unknown_gender_beside_a_fitting_person_is_left_out() -> None:
    text = f'Zorbeth Quill met Senator Ana Ortiz on Monday.\n\n"{QUOTE}" she said.'
    assert quotes(text) == []


def test_unknown_gender_is_the_only_one_fitting() -> None:
    text = f'Zorbeth Quill met President Paulo Reis on Monday.\n\n"{QUOTE}" she said.'
    assert quotes(text) == [("Zorbeth Quill", QUOTE)]


def test_pronoun_further_back_past_a_person_the_article_shows_to_differ() -> None:
    text = (
        "Mayor Ana Ortiz opened the bridge on Monday. Mr. Paulo Reis checked the "
        f'cables. Workers painted the rails in the rain.\n\n"{QUOTE}" she said.'
    )
    assert quotes(text) == [("Ana Ortiz", QUOTE)]


def test_name_lists_alone_do_not_send_a_pronoun_further_back() -> None:
    # The lists can err (a first name may be a man's in one country, a woman's in another):
    # ruling out the nearer person on them alone leaves the quote unattributed.
    text = (
        "Mayor Paulo Ortiz opened the bridge on Monday. Engineer Maria Reis checked the "
        f'cables. Workers painted the rails in the rain.\n\n"{QUOTE}" he said.'
    )
    assert quotes(text) == []


def test_pronoun_fitting_no_one_is_left_out() -> None:
    text = f'Engineer Paulo Reis spoke on Monday.\n\n"{QUOTE}" she said.'
    assert quotes(text) == []


def test_possessive_name_is_not_the_antecedent_before_the_subject() -> None:
    text = (
        "President Paulo Reis's adviser Tomas Vrana spoke in Lisbon on Monday.\n\n"
        f'"{QUOTE}" he said.'
    )
    assert quotes(text) == [("Tomas Vrana", QUOTE)]


def test_name_modifying_another_name_is_not_the_antecedent() -> None:
    text = (
        "Former Paulo Reis speechwriter Tomas Vrana spoke in Lisbon on Monday.\n\n"
        f'"{QUOTE}" he said.'
    )
    assert quotes(text) == [("Tomas Vrana", QUOTE)]


def test_no_antecedent_past_a_name_we_cannot_type() -> None:
    text = (
        "Engineer Paulo Reis left on Monday.\n\nThen Brekkeland stayed behind.\n\n"
        f'"{QUOTE}" he said.'
    )
    assert quotes(text) == []


def test_main_subject_before_the_last_speaker_of_a_subordinate_clause() -> None:
    text = (
        "Mayor Ana Ortiz said on Monday that engineer Maria Reis told her: "
        '"The bridge will be safe by the summer."\n\nShe repeated it at night, telling '
        'reporters: "The town was promised a bridge and the town will get one."'
    )
    assert quotes(text) == [
        ("Maria Reis", "The bridge will be safe by the summer."),
        ("Ana Ortiz", "The town was promised a bridge and the town will get one."),
    ]


def test_unresolved_pronoun_is_not_replaced_by_whom_it_addressed() -> None:
    text = f'Engineer Paulo Reis spoke on Monday.\n\n"{QUOTE}" she told the Harbour Authority.'
    assert quotes(text) == []


def test_a_sentence_opening_with_the_same_pronoun_is_about_the_same_person() -> None:
    text = (
        "Engineer Paulo Reis toured the dam on Monday. He says workers at Tomas Vrana's "
        f'firm fear the worst.\n\n"{QUOTE}" he said.'
    )
    assert quotes(text) == [("Paulo Reis", QUOTE)]


def test_a_name_that_only_modifies_a_noun_is_no_antecedent() -> None:
    text = (
        "Reis joined the agency in June. Her old posts show a fan who attacked the Quill "
        f'administration for its record.\n\nDays after the vote, she wrote: "{QUOTE}"'
    )
    assert quotes(text) == []


def test_a_sentence_opening_with_and_does_not_open_with_its_object() -> None:
    text = (
        f'I was chatting with a stranger. And then I mentioned Ada Quill, and she said, "{QUOTE}"'
    )
    assert quotes(text) == []


def test_the_subject_of_a_clause_opening_the_sentence_is_its_pronouns() -> None:
    text = (
        "Lena Ortiz spoke in May. The week before Tomas Reis was elected mayor, he told a "
        f'crowd in Lowater, "{QUOTE}"'
    )
    assert quotes(text) == [("Tomas Reis", QUOTE)]


def test_a_name_a_preposition_governs_is_no_antecedent_in_the_next_sentence() -> None:
    text = (
        "Reis runs a district by the coast. A friend of former Speaker Tomas Ortiz, he is "
        f'no moderate. "{QUOTE}" he told me.'
    )
    assert quotes(text) == []


def test_a_name_a_preposition_governs_is_the_subject_of_its_who_clause() -> None:
    text = (
        "Lena Ortiz praised Paulo Quill on Monday.\n\nThe praise drew criticism from Tomas "
        "Reis, a columnist for the Lowater Post, who said it fell short.\n\n"
        f'"{QUOTE}" he wrote.'
    )
    assert quotes(text) == [("Tomas Reis", QUOTE)]


def test_a_pronoun_between_an_object_and_the_last_speaker_is_unsure() -> None:
    text = (
        '"The plan is good," Ana Ortiz said.\n\nIn 2016, the senator went on to endorse '
        f'Lena Reis for mayor.\n\n"{QUOTE}" she said.'
    )
    assert ("Lena Reis", QUOTE) not in quotes(text)
