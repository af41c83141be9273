"""Which phrases name a party that can be accused or accuse (claim_parties.party_like)."""

from __future__ import annotations

from crosswire.analyze.claim_parties import party_like


def test_the_labels_of_armed_or_political_sides_name_parties() -> None:
    # "The ministry blames 'terrorists'", "the opposition says": the side blamed or blaming is a party.
    for name in ("terrorists", "the opposition", "insurgents", "thugs", "extremists", "a militia"):
        assert party_like(name), name


def test_an_unnamed_gunman_or_a_thing_names_no_party() -> None:
    # An attacker in an event report is no party of a dispute; a thing never is.
    for name in ("gunmen", "Several towns", "the bombings"):
        assert not party_like(name), name


def test_a_name_with_a_joined_lowercase_particle_names_a_party() -> None:
    # "Bashar al-Assad": the particle is no common noun heading a phrase.
    assert party_like("Bashar al-Assad") and party_like("Valery d'Estaing")
    assert not party_like("Fresh al-fresco attempts")
