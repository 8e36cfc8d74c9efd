"""The speaker name keys (claims.speaker_names): which spellings count as the same name. Invented names."""

from __future__ import annotations

import pytest

from claims.speaker_names import exact_key, match_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Olek Marchenkiy", "Olek Marchenkyy"),  # -iy / -yy endings of one romanisation and another
        ("Olek Marchenky", "Olek Marchenkij"),  # -y / -ij
        ("Aleksei Dorin", "Alexey Dorin"),  # -ei / -ey, x / ks
        ("Ivan Petroff", "Ivan Petrov"),  # -off / -ov
        ("Zofia Nowáková", "Zofia Nowakova"),  # diacritics
        ("Renée Duclair", "Renee Duclair"),
        ("President Olek Marchenkiy", "Olek Marchenkyy"),  # a leading title is dropped
        ("Prime Minister Tova Lindqvist", "Tova Lindqvist"),
        ("Dr. Mira Osei-Bonsu", "Mira Osei Bonsu"),  # punctuation folded
    ],
)
def test_spellings_of_one_name_share_the_match_key(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tova Lindqvist", "Tove Lindqvist"),  # another first name
        ("Harlow Penn", "Harlov Penn"),  # -ow is an English ending: not folded
        ("Olek Marchenko", "Olek Marchenky"),  # another surname
        ("Mira Osei", "Mira Osei Bonsu"),  # no guessing from part of a name
        ("Ana Lind", "Anna Lind"),
    ],
)
def test_different_names_keep_different_match_keys(a, b):
    assert match_key(a) != match_key(b)


def test_a_title_alone_is_kept_as_the_name():
    assert match_key("President") == "president"
    assert match_key("The Governor") == "the governor"  # "the" is not a title: nothing dropped


def test_short_words_are_not_changed_by_the_ending_rules():
    assert match_key("Li Mei") == "li mei"  # -ei of a four-letter word or less stays
    assert match_key("Ana Fei") == "ana fei"


def test_the_exact_key_folds_case_and_punctuation_only():
    assert exact_key("  Olek  MARCHENKIY, ") == "olek marchenkiy"
    assert exact_key("Renée Duclair") != exact_key("Renee Duclair")
    assert exact_key("—") == ""


def test_the_surname_key_is_the_last_word_of_a_full_name_only():
    from claims.speaker_names import surname_key

    assert surname_key("Olek Marchenkiy") == "marchenky"
    assert surname_key("President Olek Marchenkiy") == "marchenky"
    assert surname_key("Marchenkiy") == ""


def test_a_titled_surname_is_a_title_and_one_word():
    from claims.speaker_names import titled_surname

    assert titled_surname("President Marchenkyy") == "marchenky"
    assert titled_surname("Dr. Osei") == "osei"
    assert titled_surname("Marchenkyy") == ""  # no title: a bare surname is not trusted
    assert titled_surname("President Olek Marchenkyy") == ""  # a full name: the match key's job
    assert titled_surname("President") == ""
