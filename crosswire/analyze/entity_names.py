"""Name tables for the entities section: aliases of one place or body, and demonyms of places."""

from __future__ import annotations

# Canonical name -> other names for the same place or body.
ALIASES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "United Nations": ("UN", "U.N."),
    "European Union": ("EU", "E.U."),
    "Soviet Union": ("USSR", "U.S.S.R."),
    "Islamic State": (
        "ISIS",
        "ISIL",
        "Daesh",
        "DAESH",
        "Islamic State group",
        "Islamic State of Iraq and the Levant",
    ),
    "United Arab Emirates": ("UAE", "U.A.E."),
}
# Demonyms are counted as mentions of their place (NORP entities otherwise dropped).
DEMONYMS: dict[str, str] = {
    "American": "United States",
    "Americans": "United States",
    "Russian": "Russia",
    "Russians": "Russia",
    "Syrian": "Syria",
    "Syrians": "Syria",
    "British": "United Kingdom",
    "French": "France",
    "German": "Germany",
    "Germans": "Germany",
    "Chinese": "China",
    "Iranian": "Iran",
    "Iranians": "Iran",
    "Iraqi": "Iraq",
    "Iraqis": "Iraq",
    "Turkish": "Turkey",
    "Israeli": "Israel",
    "Israelis": "Israel",
    "Saudi": "Saudi Arabia",
    "Saudis": "Saudi Arabia",
    "Ukrainian": "Ukraine",
    "Ukrainians": "Ukraine",
    "Japanese": "Japan",
    "Indian": "India",
    "Pakistani": "Pakistan",
    "Afghan": "Afghanistan",
    "Egyptian": "Egypt",
    "Lebanese": "Lebanon",
    "Jordanian": "Jordan",
    "Canadian": "Canada",
    "Mexican": "Mexico",
    "Palestinian": "Palestine",
    "Palestinians": "Palestine",
    "Korean": "Korea",
    "Italian": "Italy",
    "Spanish": "Spain",
    "Polish": "Poland",
    "Yemeni": "Yemen",
    "Libyan": "Libya",
    "Qatari": "Qatar",
}
# The US states and their AP abbreviations: "in Sandy Hook, Connecticut", "Newtown, Conn.": a name followed by
# its state is a place's.
US_STATES = frozenset([
    "Alabama", "Ala.", "Alaska", "Arizona", "Ariz.", "Arkansas", "Ark.", "California", "Calif.", "Colorado",
    "Colo.", "Connecticut", "Conn.", "Delaware", "Del.", "Florida", "Fla.", "Georgia", "Ga.", "Hawaii", "Idaho",
    "Illinois", "Ill.", "Indiana", "Ind.", "Iowa", "Kansas", "Kan.", "Kentucky", "Ky.", "Louisiana", "La.",
    "Maine", "Maryland", "Md.", "Massachusetts", "Mass.", "Michigan", "Mich.", "Minnesota", "Minn.", "Mississippi",
    "Miss.", "Missouri", "Mo.", "Montana", "Mont.", "Nebraska", "Neb.", "Nevada", "Nev.", "Ohio", "Oklahoma",
    "Okla.", "Oregon", "Ore.", "Pennsylvania", "Pa.", "Tennessee", "Tenn.", "Texas", "Utah", "Vermont", "Vt.",
    "Virginia", "Va.", "Washington", "Wash.", "Wisconsin", "Wis.", "Wyoming", "Wyo.", "New Hampshire", "N.H.",
    "New Jersey", "N.J.", "New Mexico", "N.M.", "New York", "N.Y.", "North Carolina", "N.C.", "North Dakota",
    "N.D.", "Rhode Island", "R.I.", "South Carolina", "S.C.", "South Dakota", "S.D.", "West Virginia", "W.Va.",
    "D.C.",
])  # fmt: skip
