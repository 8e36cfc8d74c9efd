"""Places: countries, regions, cities, venues -- and the many capitalised words that are not places.

Sentences are made up for these tests. Each case lists the places expected (exact text) and, for
negatives, names that must not be returned.
"""

from __future__ import annotations

import pytest

from claims.extraction.places import find_places
from tests.growth import assert_linear


def places_of(text: str) -> list[str]:
    return [p.text for p in find_places(text, 0, len(text))]


# (sentence, places expected in order of appearance)
POSITIVES = [
    ("The minister flew from Lisbon to Nairobi on Monday.", ["Lisbon", "Nairobi"]),
    ("Brazil and Argentina signed the accord.", ["Brazil", "Argentina"]),
    ("Talks between Germany, Poland and Lithuania resumed.", ["Germany", "Poland", "Lithuania"]),
    ("Officials in the U.S. and the U.K. disagreed.", ["U.S.", "U.K."]),
    ("Exports to the US fell while imports from the UK rose.", ["US", "UK"]),
    ("The DPRK test-fired a missile over the Sea of Japan.", ["DPRK", "Sea of Japan"]),
    ("Tensions between North and South Dakota grew.", ["North and South Dakota"]),
    ("Ferries crossing the Channel were delayed.", ["Channel"]),
    ("The summit focused on the Middle East and Central Asia.", ["Middle East", "Central Asia"]),
    ("Floods hit Queensland and New South Wales this week.", ["Queensland", "New South Wales"]),
    ("A parcel was left on Maple Grove Road in Guelph, Ontario last night.", ["Maple Grove Road", "Guelph", "Ontario"]),
    ("Tourists gathered at Seville's Old Cathedral before dawn.", ["Seville", "Old Cathedral"]),
    ("The award was presented at Carnegie Hall in New York City.", ["Carnegie Hall", "New York City"]),
    ("She landed at Heathrow Airport and took a taxi.", ["Heathrow Airport"]),
    ("Protesters marched past the White House in Washington.", ["White House", "Washington"]),
    ("The ceremony took place in Washington D.C. yesterday.", ["Washington D.C."]),
    ("Shells fell near the village of Dorovka overnight.", ["Dorovka"]),
    ("The ship sank in the Gulf of Mexico.", ["Gulf of Mexico"]),
    ("Climbers returned from Mount Kilimanjaro on Friday.", ["Mount Kilimanjaro"]),
    ("Ukraine's economy shrank while Russia's grew.", ["Ukraine", "Russia"]),
    ("Traffic on the Golden Gate Bridge was halted.", ["Golden Gate Bridge"]),
    ("The Prime Minister of Canada visited Mexico.", ["Canada", "Mexico"]),
    ("Kenya said it would reopen its border with Somalia.", ["Kenya", "Somalia"]),
    ("Research was carried out in Herat and Kabul.", ["Herat", "Kabul"]),
    ("Ties between China and the United States are strained.", ["China", "United States"]),
    ("Fires spread across Southeast Asia and the Pacific.", ["Southeast Asia", "Pacific"]),
    ("Crowds filled Tahrir Square in Cairo.", ["Tahrir Square", "Cairo"]),
    ("Ambulances took the injured to St Vincent's Hospital.", ["St Vincent's Hospital"]),
    ("Voting was slow in the Kowloon West constituency.", ["Kowloon"]),
    ("Traffic in LA was gridlocked.", ["LA"]),
    ("Tensions in the Middle East and Central Asia rose.", ["Middle East", "Central Asia"]),
    ("A Sydney-based firm hired a London-born chef.", ["Sydney", "London"]),
    ("The Kyiv-Moscow talks stalled in Guinea-Bissau.", ["Kyiv", "Moscow", "Guinea-Bissau"]),
    ("He moved to Washington, D.C., last year.", ["Washington, D.C."]),
    ("She served at Wright-Patterson Air Force Base in Ohio.", ["Wright-Patterson Air Force Base", "Ohio"]),
    # Venues: centres, head-first names, "&" and "and" inside names, prefix heads.
    ("The rocket rose from the Kennedy Space Center in Florida.", ["Kennedy Space Center", "Florida"]),
    ("The fair filled the Metro Halifax Convention Centre.", ["Metro Halifax Convention Centre"]),
    ("The glider will be shown at the Brandt-Moser Center next year.", ["Brandt-Moser Center"]),
    ("Crowds queued at the Museum of Flight in Seattle.", ["Museum of Flight", "Seattle"]),
    ("The Museum of Ceramics reopened on Friday.", ["Museum of Ceramics"]),
    ("Former Museum of Glass CEO Ann Hale spoke.", ["Museum of Glass"]),
    ("Choirs sang in the Cathedral of Saint Olaf.", ["Cathedral of Saint Olaf"]),
    ("Guards paraded outside the Palace of Westminster.", ["Palace of Westminster"]),
    ("Pilgrims prayed in the Church of the Nativity.", ["Church of the Nativity"]),
    ("Tourists photographed the Statue of Liberty.", ["Statue of Liberty"]),
    ("Exiles remember the Bay of Pigs.", ["Bay of Pigs"]),
    ("The Redwood Aviation & Space Museum bought a jet.", ["Redwood Aviation & Space Museum"]),
    ("A trainer went to the National Air and Space Museum.", ["National Air and Space Museum"]),
    ("Prints hang in the Tilden Teaching Museum and Art Gallery.", ["Tilden Teaching Museum and Art Gallery"]),
    ("The Ann & Lee Block Museum of Art opened a show.", ["Ann & Lee Block Museum of Art"]),
    ("Children visited the Orion Planetarium in Chicago.", ["Orion Planetarium", "Chicago"]),
    ("Buckingham Palace and Windsor Castle were closed.", ["Buckingham Palace", "Windsor Castle"]),
    ("The shuttle landed at Cape Canaveral, Florida.", ["Cape Canaveral", "Florida"]),
    ("He moved to Cape Town in May.", ["Cape Town"]),
    ("Hundreds prayed at the Masjid Al-Haram.", ["Masjid Al-Haram"]),
    ("Engines went to the Alabama Rocket Center in Huntsville.", ["Alabama Rocket Center", "Huntsville"]),
    ("Crews met outside Orbiter Processing Facility-2 at dawn.", ["Orbiter Processing Facility"]),
    ("The jet landed in Fort Lauderdale after a storm.", ["Fort Lauderdale"]),
    # Two places are not one across "of the"; a district of a place is neither.
    ("She voted in Taikoo of the Hong Kong Island constituency.", ["Hong Kong Island"]),
    ("The Evergreen Space Museum of McMinnville, Oregon, opened.", ["Evergreen Space Museum", "McMinnville", "Oregon"]),
    ("He is the attorney for the Western District of New York.", ["New York"]),
    # English names of regions; names with their article; connectors inside known names.
    ("Farmers in Lombardy, Tuscany and Bavaria protested.", ["Lombardy", "Tuscany", "Bavaria"]),
    ("Police in Catalonia, Brittany and Flanders made arrests.", ["Catalonia", "Brittany", "Flanders"]),
    ("Rebels in Darfur and Xinjiang clashed with troops.", ["Darfur", "Xinjiang"]),
    ("Floods hit Java, Indonesia.", ["Java", "Indonesia"]),
    ("Factories in Guangdong closed.", ["Guangdong"]),
    ("The court in the Hague ruled on Monday.", ["the Hague"]),
    ("The Hague has ruled.", ["The Hague"]),
    ("Bombs hit embassies in Nairobi and Dar es Salaam.", ["Nairobi", "Dar es Salaam"]),
    ("He lives in Frankfurt am Main.", ["Frankfurt am Main"]),
    ("Traffic in L.A. was bad, NYC was worse and D.C. was calm.", ["L.A.", "NYC", "D.C."]),
    ("A monument will rise in the nation's capital, Wellington.", ["Wellington"]),
    ("Requests came from the Municipality of Bogliasco, near Genoa.", ["Bogliasco", "Genoa"]),
    ("Police in the Lombardy region made arrests.", ["Lombardy"]),
    ("Shares fell in Paris, Zurich and Amsterdam.", ["Paris", "Zurich", "Amsterdam"]),
    ("Ambassador to the United Kingdom Tomas Reval spoke.", ["United Kingdom"]),
    # US state abbreviations right after a city.
    ("The firm is based in Greenville, Pa. The charge is small.", ["Greenville", "Pa."]),
    ("A bank of Charlotte, N.C., bought it.", ["Charlotte", "N.C."]),
    ("He lives in Buffalo, NY and works in Albany, N.Y.", ["Buffalo", "NY", "Albany", "N.Y."]),
    ("The Peoria, Ill., maker of fasteners gained.", ["Peoria", "Ill."]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_places_found(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# (sentence, names that must not be returned as places)
NEGATIVES = [
    ("The US Commerce Department declined to comment.", ["US"]),
    ("The United Kingdom Cabinet Office published new rules.", ["United Kingdom"]),
    ("The study appeared in the Dental Journal of Canada.", ["Canada"]),
    ("She spoke to Wine Authority of Australia and New Zealand staff.", ["Australia", "New Zealand"]),
    ("He works for Statistics Canada in the capital.", ["Canada"]),
    ("The Washington Post reported the story first.", ["Washington"]),
    ("Paris Hilton arrived late to the gala.", ["Paris"]),
    ("Jordan Peterson gave a lecture.", ["Jordan"]),
    ("Hillary Clinton spoke first. Later Clinton said she was tired.", ["Clinton"]),
    ("Mr Houston thanked the volunteers.", ["Houston"]),
    ("Reading is a pleasure for many children.", ["Reading"]),
    ("Mobile phones were banned in class.", ["Mobile"]),
    ("In March the council met twice.", ["March"]),
    ("Fijian, Afghan and Australian officials met.", ["Fijian", "Afghan", "Australian"]),
    ("U.S. officials have not explained the delay.", ["U.S."]),
    ("U.S. and Mexican firms will take part.", ["U.S."]),
    ("The UK government rejected the plan.", ["UK"]),
    ("Bail was set at US$20,000.", ["US"]),
    ("The Bank of England raised rates.", ["England"]),
    ("Air Canada cancelled flights.", ["Canada"]),
    ("The Catholic Church issued a statement.", ["Catholic Church"]),
    ("The UN Security Council met.", ["UN"]),
    ("They watched DC Comics films all night.", ["DC"]),
    ("Radio stations aired anti-Pyongyang broadcasts.", ["Pyongyang"]),
    ("He studied at the University of Sydney.", ["Sydney", "University of Sydney"]),
    ("We talked about the Channel in general terms.", []),  # capitalised Channel after "the" is fine
    ("She read us a poem about the channel of a river.", ["channel"]),
    ("Valeska Paris said the ship was a prison. Paris claims she was not paid.", ["Paris"]),
    ("Kevin Smith, an engineer, said the Smith Road plan was flawed.", ["Kevin Smith"]),
    # Bare heads and first halves of longer names.
    ("He studied at the University of Southern Indiana.", ["University", "Indiana", "Southern Indiana"]),
    ("The New York Knicks beat the Los Angeles Lakers.", ["New York", "Los Angeles"]),
    ("The Pew Research Center said most adults agree.", ["Pew Research Center", "Center"]),
    ("The Carter Center said the vote was fair.", ["Carter Center"]),
    ("The Global Environment Facility approved a grant.", ["Global Environment Facility"]),
    ("The House of Commons voted late.", ["House of Commons", "Commons"]),
    ("The Cape Argus newspaper reported it.", ["Cape Argus"]),
    ("The Sound of Music played all night.", ["Sound of Music"]),
    # Places inside organisation names; churches as institutions.
    ("He studied at Texas A&M last year.", ["Texas"]),
    ("The exhibit at UNC Greensboro drew crowds.", ["Greensboro"]),
    ("The Church of England and the Church of Scientology disagreed.", ["England", "Church of England"]),
    ("The Greek Orthodox Church estimates the number at 40,000.", ["Greek Orthodox Church"]),
    ("Procter & Gamble reported profits.", ["Procter", "Gamble"]),
    ("He was released on US$ 20,000 bail.", ["US"]),
    ("The fund lent about 40 million US dollars to the port.", ["US"]),
    # a museum or hospital that speaks is the institution, not the building
    ("The Dorrow Maritime Museum said the anchor was a replica.", ["Dorrow Maritime Museum"]),
    ("The Kellan General Hospital has announced that it would close a ward.", ["Kellan General Hospital"]),
    ("The Orlen Art Gallery, which owns the sketch, has said it is genuine.", ["Orlen Art Gallery"]),
    ("Bond sales raised 3 billion U.S. dollars last year.", ["U.S."]),
    ("Clark, the Erie district attorney, spoke.", ["Erie"]),
    ("The Plano Independent School District closed schools.", ["Plano Independent School District", "Plano"]),
    # Names of minor foreign places that are words, people or fiction without their country.
    ("He voiced Batman in Batman: The Animated Series.", ["Batman"]),
    ("She sent a letter to Mary last week.", ["Mary"]),
    ("The app was written in Java by a student.", ["Java"]),
    ("Charlotte agreed to the plan.", ["Charlotte"]),
    ("Castro relaxed travel rules in a speech.", ["Castro"]),
    ("Pa said no. Ga and Mo were not there.", ["Pa", "Ga", "Mo"]),
    ("The Mass was long. In Boston, Mass was said.", ["Mass"]),
    ("It was OK, IN my view, and ME too.", ["OK", "IN", "ME"]),
    ("A bomb blast shocked the Olympic games.", ["Olympic"]),
    # People and companies named like towns: one sense per article.
    ("Attorney General Reno spoke. A letter to Reno arrived later.", ["Reno"]),
    ("The carrier John F. Kennedy sailed. Later the Kennedy docked.", ["Kennedy"]),
    ("Investors bought Nashua shares. Nashua rose 5% on Monday.", ["Nashua"]),
    ("Rivals hold a stake in Mesa and want more.", ["Mesa"]),
]


@pytest.mark.parametrize(("text", "absent"), NEGATIVES)
def test_not_places(text: str, absent: list[str]) -> None:
    found = places_of(text)
    for name in absent:
        assert name not in found, f"{name!r} wrongly returned from {text!r}: {found}"


KINDS_AND_CODES = [
    ("It happened in France.", "France", "country", "FR"),
    ("It happened in the U.S.", "U.S.", "country", "US"),
    ("It happened in the DPRK.", "DPRK", "country", "KP"),
    ("It happened in Britain.", "Britain", "country", "GB"),
    ("It happened in Holland.", "Holland", "country", "NL"),
    ("It happened in Ontario.", "Ontario", "region", "CA-ON"),
    ("It happened in Texas.", "Texas", "region", "US-TX"),
    ("It happened in Victoria and Tasmania.", "Tasmania", "region", "AU-TAS"),
    ("It happened in Scotland.", "Scotland", "country", "GB-SCT"),
    ("It happened in Nairobi.", "Nairobi", "city", "184745"),
    ("It happened in Washington.", "Washington", "city", "4140963"),
    ("It happened near Castle Hill Road.", "Castle Hill Road", "venue", None),
    ("It happened on the Korean Peninsula.", "Korean Peninsula", "other", None),
    ("It happened in Lombardy.", "Lombardy", "region", "IT-25"),
    ("It happened in Bavaria.", "Bavaria", "region", "DE-BY"),
    ("It happened in Darfur.", "Darfur", "region", None),
    ("It happened in Guangdong.", "Guangdong", "region", "CN-GD"),
    ("It happened in Cape Town.", "Cape Town", "city", "3369157"),
    ("It happened at Cape Canaveral.", "Cape Canaveral", "other", None),
    ("It happened at the Museum of Flight.", "Museum of Flight", "venue", None),
]


@pytest.mark.parametrize(("text", "name", "kind", "code"), KINDS_AND_CODES)
def test_kinds_and_codes(text: str, name: str, kind: str, code: str | None) -> None:
    found = {p.text: p for p in find_places(text, 0, len(text))}
    assert name in found, found
    assert found[name].kind == kind
    assert found[name].code == code


def test_offsets_index_the_original_text_and_stay_inside_the_span() -> None:
    text = "Intro line.\n\nTroops left Kabul for Kandahar. Then “Oslo” hosted talks in Norway."
    start = text.index("Troops")
    end = text.index(" Then")
    found = find_places(text, start, end)
    assert [p.text for p in found] == ["Kabul", "Kandahar"]
    for p in find_places(text, 0, len(text)):
        assert text[p.start : p.end] == p.text


def test_small_towns_need_context_but_one_mention_with_context_is_enough() -> None:
    text = "Residents in Kanata were told to stay home. Kanata has 90,000 people."
    assert places_of("Kanata has 90,000 people.") == []
    assert places_of(text) == ["Kanata", "Kanata"]


def test_person_seen_in_document_is_not_a_place_without_locative_context() -> None:
    text = "Coach Lincoln praised the team. Lincoln said the win mattered. The bus drove to Lincoln at noon."
    found = find_places(text, 0, len(text))
    assert [(p.text, p.start) for p in found] == [("Lincoln", text.rindex("Lincoln"))]


def test_minor_foreign_place_needs_its_country_in_the_article() -> None:
    # "in Batman" alone reads as a place, but a Turkish province in an article that never names
    # Turkey is more likely the character; naming the country (or "X, Turkey") restores it.
    alone = "Fans dressed up as characters in Batman on Sunday."
    assert places_of(alone) == []
    assert places_of(alone + " The film was shot in Turkey.") == ["Batman", "Turkey"]
    assert places_of("Fans gathered in Batman, Turkey, on Sunday.") == ["Batman", "Turkey"]
    # A venue named after a city of the country is evidence too.
    assert places_of("Fans met in Sochi. The final was at the Volgograd Arena.") == ["Sochi", "Volgograd Arena"]
    # Small towns of English-speaking countries are named without their country.
    assert places_of("The bus drove to Kanata at noon.") == ["Kanata"]


def test_acronym_defined_after_a_venue_names_it_everywhere() -> None:
    text = "Crowds gathered at the Lewis Space Center (LSC) in Ohio. Many LSC workers cheered. The AP said so."
    assert places_of(text) == ["Lewis Space Center", "LSC", "Ohio", "LSC"]
    # Only an acronym of the venue's own initials counts.
    assert places_of("He works at the Lewis Space Center (NASA) now.") == ["Lewis Space Center"]


def test_to_is_locative_after_a_motion_word_only() -> None:
    text = "Attorney General Reno spoke. A letter to Reno came. Later she flew to Reno."
    found = find_places(text, 0, len(text))
    assert [(p.text, p.start) for p in found] == [("Reno", text.rindex("Reno"))]


def test_city_markets_are_places_but_small_town_companies_are_not() -> None:
    assert places_of("London shares fell while Tokyo stocks rose.") == ["London", "Tokyo"]
    assert places_of("Nashua shares fell.") == []


def test_coordinated_list_spreads_place_reading() -> None:
    assert places_of("The survey covered Victoria, Queensland and Tasmania.") == [
        "Victoria",
        "Queensland",
        "Tasmania",
    ]


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "\x00\x01\x02 binary \xff\xfe",
        "\u200b\u200e\u202eParis\u202c in \u200dLondon",
        '"unbalanced quote in Rome',
        "U.S.",
        "'s",
        "of the and",
        "Lake",
        "A" * 10_000,
        "\n\n\n",
    ],
)
def test_robust_to_junk(junk: str) -> None:
    for p in find_places(junk, 0, len(junk)):
        assert junk[p.start : p.end] == p.text


def places_in(text: str) -> None:
    for place in find_places(text, 0, len(text)):
        assert text[place.start : place.end] == place.text


def test_linear_on_one_long_line_of_capitalised_words() -> None:
    # 2,000 and 20,000 repeats (about 1.2 MB); the seconds are in bench/robustness.py
    assert_linear(
        lambda n: places_in(("Paris New York Hall Road Kabul Jordan Smith of the and Lake " * n).strip()), 2_000
    )


# Each line is built from a repeat count; the test runs it at a tenth of the count and at the count.
@pytest.mark.parametrize(
    ("make", "count"),
    [
        (lambda n: "Big " * n + "Road", 100_000),
        (lambda n: "Cape " + "Big " * n, 100_000),
        (lambda n: "Museum of " + "Big " * n, 100_000),
        (lambda n: "A & " * n + "Museum", 50_000),
        (lambda n: "Kennedy Space Center (KSC) " + "KSC in Paris " * n, 30_000),
        (lambda n: "Paris, Pa. " * n, 30_000),
        (lambda n: "in Tarvo Heights, Kenya, " * n, 30_000),
        (lambda n: "across Eastern Varnia and southern Chad " * n, 30_000),
        (lambda n: "the Lukovo refugee camp " * n, 30_000),
    ],
    ids=[
        "big-road",
        "cape-big",
        "museum-of-big",
        "ampersands",
        "acronym-in-paris",
        "paris-pa",
        "name-before-country",
        "compass",
        "site-modifier",
    ],
)
def test_linear_on_long_runs_of_new_patterns(make, count: int) -> None:
    assert_linear(lambda n: places_in(make(n)), count // 10)


# Constructions added for news the development set does not cover (invented sentences).
MORE_POSITIVES = [
    # ... but the building where something happens stays a place
    ("The papers were shown at the Dorrow Maritime Museum in May.", ["Dorrow Maritime Museum"]),
    ("Crowds gathered outside Kellan General Hospital, police said.", ["Kellan General Hospital"]),
    ("The sketch hangs in the Orlen Art Gallery, which opened in 1990, its owners said.", ["Orlen Art Gallery"]),
    # a capitalised compass word stays with the place it qualifies
    ("Shelling resumed across Eastern Chad overnight.", ["Eastern Chad"]),
    ("Aid convoys reached Northern Moldova on Sunday.", ["Northern Moldova"]),
    # planets with a locative word
    ("The probe landed on Venus after a seven-month flight.", ["Venus"]),
    ("A rover is driving on Mars, and another will fly to Jupiter.", ["Mars", "Jupiter"]),
    # sites with a lowercase head after "the" or a locative
    ("Inmates rioted at the Pak Lam prison last year.", ["Pak Lam prison"]),
    ("The convoy waited at Pellaro checkpoint for hours.", ["Pellaro checkpoint"]),
    # unknown towns and districts after administrative nouns
    ("She won the constituency of Ashbourne Vale in 2019.", ["Ashbourne Vale"]),
    ("The bus crashed between the towns of Dorvik and Kestrel Green.", ["Dorvik", "Kestrel Green"]),
    ("Rebels control Narvesto province, the army said.", ["Narvesto"]),
    ("Aid reached the provinces of Kalemba, Doruvan and Shiraka.", ["Kalemba", "Doruvan", "Shiraka"]),
    ("She grew up in the town of Velmora, near Krakow.", ["Velmora", "Krakow"]),
    ("Floods cut roads in the Malbani district on Tuesday.", ["Malbani"]),
    # foreign cities known around the world need no other clue, however small
    ("The talks will resume in Geneva next week.", ["Geneva"]),
    ("Soldiers patrolled Ramallah after the clashes.", ["Ramallah"]),
    # short country names the packages lack
    ("Peacekeepers left Bosnia in 2004.", ["Bosnia"]),
]


@pytest.mark.parametrize(("text", "expected"), MORE_POSITIVES, ids=[c[0][:40] for c in MORE_POSITIVES])
def test_more_places_found(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


MORE_NEGATIVES = [
    # a place used as an adjective for people, or naming a vehicle
    ("The UK delegates left the room early.", ["UK"]),
    ("The U.S. representatives left early.", ["U.S."]),
    ("The Tucson probe sent back its first images.", ["Tucson"]),
    ("Engineers lost contact with the Perth submarine.", ["Perth"]),
    # places inside company, event and club names
    ("A Tokyo Electric spokesman declined to comment.", ["Tokyo"]),
    ("The Boston Marathon drew record crowds.", ["Boston"]),
    ("Leeds United sacked its manager.", ["Leeds"]),
    ("She spoke to Voice of Kenya on Monday.", ["Kenya"]),
    ("The Tour de Suisse passed through Bern.", ["Suisse"]),
    ("The London Underground carried fewer riders.", ["London"]),
    # offices and adjectives before an administrative noun
    ("The Lakeford district attorney filed charges.", ["Lakeford"]),
    ("Officials in the Kurdish region denied it.", ["Kurdish"]),
    ("Police raided villages in southern Tatar Crimea province.", ["Tatar Crimea"]),
    # planets without a locative are gods, people or brands
    ("Venus Williams won the final.", ["Venus"]),
    ("Mars bars were on sale.", ["Mars"]),
    # lowercase site heads that name no site
    ("The Bolivian mines closed.", ["Bolivian mines", "Bolivian"]),
]


@pytest.mark.parametrize(("text", "absent"), MORE_NEGATIVES, ids=[c[0][:40] for c in MORE_NEGATIVES])
def test_more_not_places(text: str, absent: list[str]) -> None:
    found = places_of(text)
    assert not set(found) & set(absent), found


def test_the_pipeline_builds_one_places_index_per_document(monkeypatch):
    from claims.extraction import pipeline, places
    from claims.extraction.segment import split

    built = []
    real = places.index_places

    def counting(text):
        built.append(len(text))
        return real(text)

    monkeypatch.setattr(places, "index_places", counting)
    text = "Talks opened in Lisbon on Monday. The delegates later flew to Nairobi. Nothing else happened."
    sentences = split(text)
    found = pipeline.find_places(text, sentences)
    assert built == [len(text)]
    assert [[p.text for p in row] for row in found] == [["Lisbon"], ["Nairobi"], []]


def test_an_index_answers_like_find_places_for_every_span():
    from claims.extraction.places import index_places

    text = "Ferries left Dover for Calais. Later, the Mayor of Calais met officials from Kent."
    index = index_places(text)
    for start, end in ((0, 30), (31, len(text)), (0, len(text)), (5, 5)):
        assert index.within(start, end) == find_places(text, start, end)


# Third round: constructions named in issue 10 (sentences invented for these tests).
THIRD_POSITIVES = [
    # A lowercase compass adjective is kept with the place it qualifies.
    ("Rebels control much of southern Varnia and parts of northern Mali.", ["northern Mali"]),
    ("Aid convoys reached western Uganda on Friday.", ["western Uganda"]),
    ("Flooding hit north-eastern Kenya overnight.", ["north-eastern Kenya"]),
    # A capitalised compass adjective after a locative opens an unknown region's name.
    ("Fighting spread across Eastern Varnia overnight.", ["Eastern Varnia"]),
    ("Militias hold parts of Southern Ostmark.", ["Southern Ostmark"]),
    # The Earth and the Moon after a locative, like the planets.
    ("The capsule splashed down after its return to Earth.", ["Earth"]),
    ("Rock samples were brought back from the Moon.", ["Moon"]),
    # "X district" / "X constituency" after a known small town.
    ("Soldiers patrolled the Kirundo district at dawn.", ["Kirundo"]),
    ("He won the Tamworth constituency by a narrow margin.", ["Tamworth"]),
    # A name before ", <region or country>" after a locative is one place, known or not.
    ("The festival moved to Eureka Springs, Arkansas, this year.", ["Eureka Springs", "Arkansas"]),
    ("Families in Tarvola Heights, Kenya, were evacuated.", ["Tarvola Heights", "Kenya"]),
    ("She was born in Levico Terme, Italy.", ["Levico Terme", "Italy"]),
    # A site named before a modifier and its head.
    ("Shelling hit the Lukovo refugee camp near the border.", ["Lukovo refugee camp"]),
    ("Jets took off from the Tarvo air base before dawn.", ["Tarvo air base"]),
    # A hyphenated name after "the town of" (not the state abbreviation "AL").
    ("Troops entered the town of Al-Kadir on Monday.", ["Al-Kadir"]),
    # Former countries.
    ("Both grew up in Czechoslovakia before the split.", ["Czechoslovakia"]),
    ("He defected from East Germany in 1985.", ["East Germany"]),
    # A country with the adjective of its regime or era, kept whole.
    ("Her grandparents fled Nazi Germany in 1938.", ["Nazi Germany"]),
    ("Trade with Communist China grew slowly.", ["Communist China"]),
    # Regions named with "the".
    ("Factories closed across the Rust Belt.", ["Rust Belt"]),
    ("The tour ended in the Deep South.", ["Deep South"]),
    # A feature named with "Shelf".
    ("An iceberg broke away from the Larsen Ice Shelf.", ["Larsen Ice Shelf"]),
]


@pytest.mark.parametrize(("text", "expected"), THIRD_POSITIVES, ids=[c[0][:40] for c in THIRD_POSITIVES])
def test_third_round_places_found(text: str, expected: list[str]) -> None:
    found = places_of(text)
    for name in expected:
        assert name in found


THIRD_NEGATIVES = [
    # A ship named after a place.
    ("The tanker Rio Grande ran aground off the coast.", ["Rio Grande"]),
    ("Sailors on the USS Nevada were rescued.", ["Nevada"]),
    # A team or body named after a city: a capitalised plural after it.
    ("The Denver Nuggets beat the Houston Rockets.", ["Denver", "Houston"]),
    ("Fans of the Chicago Cubs celebrated.", ["Chicago"]),
    # "a state of ..." / "a city of ..." name no place.
    ("The region was declared to be in a state of Emergency Alert.", ["Emergency Alert"]),
    ("Returning the nation to a state of Calm and Order is his aim.", ["Calm", "Order"]),
    # The office of a district is no place.
    ("The Tamworth district attorney filed charges.", ["Tamworth"]),
    # "the South" as the first word of another name, and the blocs the annotation does not count.
    ("Turnout fell in the South Korean vote.", ["South"]),
    ("Aid from the West slowed.", ["West"]),
    # A place inside a public body's name ending in "Government", "Defence", "Guard".
    ("The Lagos State Government closed the schools.", ["Lagos"]),
    ("Volunteers of the Varnia Civil Defence searched the rubble.", ["Varnia"]),
    ("The Texas National Guard was deployed.", ["Texas"]),
    # A person before ", <country>".
    ("The prize went to Maria Lopez, Chile.", ["Maria Lopez"]),
]


@pytest.mark.parametrize(("text", "absent"), THIRD_NEGATIVES, ids=[c[0][:40] for c in THIRD_NEGATIVES])
def test_third_round_not_places(text: str, absent: list[str]) -> None:
    found = places_of(text)
    for name in absent:
        assert name not in found


def test_geographic_plurals_after_a_place_are_no_team() -> None:
    assert "Golan Heights" in places_of("Troops moved into the Golan Heights.")
    assert "Cayman Islands" in places_of("Funds were moved to the Cayman Islands.")


# Fourth round: the construction classes of issue 10 that still failed (sentences invented for these tests).
FOURTH_POSITIVES = [
    # A lowercase compass word opens an unknown region's name with no other cue.
    ("The army shelled eastern Ruritania and northern Kelmar.", ["eastern Ruritania", "northern Kelmar"]),
    ("In southern Dorvia, three villages were flooded.", ["southern Dorvia"]),
    # Compass points and hyphenated compass words after a locative, and a verb of seizing.
    ("The storm moved into North Vellmark on Sunday.", ["North Vellmark"]),
    ("Troops advanced into South-Eastern Pelland.", ["South-Eastern Pelland"]),
    ("Rebels seized Northern Karvia last week.", ["Northern Karvia"]),
    ("Militias captured Western Toravia in May.", ["Western Toravia"]),
    # "Central" is also a small town: the compass word still opens the name.
    ("Refugees fled from Central Dravonia to Western Kelmar.", ["Central Dravonia", "Western Kelmar"]),
    ("She moved to Central London after the war.", ["Central London"]),
    # Planets after "past", "approaching".
    ("The probe will fly past Jupiter next year.", ["Jupiter"]),
    ("The craft is approaching Saturn at great speed.", ["Saturn"]),
    # Sites with a modifier before a lowercase head, or a natural feature as head.
    ("Prisoners rioted at the Bang Toral central prison.", ["Bang Toral central prison"]),
    ("The wounded were taken to the Kordo general hospital.", ["Kordo general hospital"]),
    ("The bodies were found in the Tolva forest.", ["Tolva forest"]),
    ("Farmers in the Sorek valley lost their crops.", ["Sorek valley"]),
    # A site or district named at the start of a sentence ("The"/"In" is no part of the name).
    ("The Pak Tho prison was closed in May.", ["Pak Tho prison"]),
    ("In Marvesto province, rebels advanced.", ["Marvesto"]),
    # Counties of Great Britain, named without their country.
    ("She was born in Exeter, Devon, and moved to Lancashire.", ["Exeter", "Devon", "Lancashire"]),
    ("Flooding closed roads across Cumbria and Dorset.", ["Cumbria", "Dorset"]),
    # The Democratic Republic of the Congo whole (not the other Congo), and "Asia Minor".
    ("Aid reached the Democratic Republic of the Congo on Friday.", ["Democratic Republic of the Congo"]),
    ("Traders crossed Asia Minor on foot.", ["Asia Minor"]),
    # "Upper", "Lower", "Greater" before a place are part of the name used.
    ("Crowds gathered in Lower Manhattan and Greater Manchester.", ["Lower Manhattan", "Greater Manchester"]),
    ("Temples line the Nile in Upper Egypt.", ["Nile", "Upper Egypt"]),
    # A small town named before "town", "village", "area" after a locative, "the" or a verb of seizing.
    ("Five people died in Kolma town after the floods.", ["Kolma"]),
    ("Gunmen attacked Dorvik village overnight.", ["Dorvik"]),
    ("Fighting in the Tarvo area killed six.", ["Tarvo"]),
    # A small town described in an apposition or placed at a distance.
    ("Militants attacked a checkpoint in Selvak, a town near the border.", ["Selvak"]),
    ("He was born in Velmar, a small farming village.", ["Velmar"]),
    ("They reached Oskel, the largest town of the valley, at dawn.", ["Oskel"]),
    ("Residents of Korvan, 40 km south of the capital, fled.", ["Korvan"]),
    ("The quake hit near Torvik, about 20 miles from the coast.", ["Torvik"]),
    # A wire dateline in capitals, short names and small cities included.
    ("OSLO (AP) — Norway's parliament met on Monday.", ["OSLO", "Norway"]),
    ("LIMA, Peru (Reuters) - Protests grew.", ["LIMA", "Peru"]),
    ("BEIRUT/DAMASCUS (Reuters) - Talks stalled.", ["BEIRUT", "DAMASCUS"]),
    # A dateline town the gazetteer lacks, with its region, before the agency.
    ("KORVALA, Ruritania (AP) — Rebels seized the town.", ["KORVALA", "Ruritania"]),
    ("NEW TARVO (Reuters) - Talks stalled on Friday.", ["NEW TARVO"]),
    # Seats of government after a locative.
    ("The two leaders met at the Kremlin on Friday.", ["Kremlin"]),
    ("Reporters waited outside the Pentagon for hours.", ["Pentagon"]),
    # Boroughs of London after a locative, and regions pycountry files under rare types.
    ("The fire broke out in Hackney, east London, on Sunday.", ["Hackney", "east London"]),
    ("Voters in Republika Srpska backed the plan.", ["Republika Srpska"]),
    ("The yacht sailed from Bonaire to Svalbard.", ["Bonaire", "Svalbard"]),
]


def test_a_name_made_a_place_by_its_context_stays_one_in_the_article() -> None:
    text = "Militants attacked Selvak, a town near the border. Selvak was shelled again. Mr Selvak fled."
    assert places_of(text) == ["Selvak", "Selvak"]
    text = "Five people died in Kolma town. Residents of Kolma fled. Kolma Airlines halted flights."
    assert places_of(text) == ["Kolma", "Kolma"]
    text = "Rebels seized Northern Karvia.\n\nAid to Northern Karvia resumed in May."
    assert places_of(text) == ["Northern Karvia", "Northern Karvia"]


@pytest.mark.parametrize(("text", "expected"), FOURTH_POSITIVES, ids=[c[0][:40] for c in FOURTH_POSITIVES])
def test_fourth_round_places_found(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


FOURTH_NEGATIVES = [
    # A lowercase compass word before a nationality adjective or a denomination.
    ("Several southern French towns were flooded.", ["southern French", "French"]),
    ("The northern Somali coast was hit.", ["northern Somali"]),
    ("Members of southern Baptist churches met.", ["southern Baptist"]),
    # A capitalised compass word without a locative, or after "shares in": a company.
    ("He sold his shares in Northern Rock last year.", ["Northern Rock"]),
    ("Western Dalvik reported a loss.", ["Western Dalvik"]),
    # A nationality adjective before a site head.
    ("Police sealed off the Thai temple and the Greek mosque.", ["Thai temple", "Greek mosque"]),
    ("The Dutch church was restored.", ["Dutch church"]),
    # A place standing for its people after "the"/"a".
    ("The Kenya delegate walked out of the talks.", ["Kenya"]),
    ("A Brazil striker scored twice.", ["Brazil"]),
    ("The Japan coach resigned on Monday.", ["Japan"]),
    # Places inside event names.
    ("The Dubai Airshow drew record orders.", ["Dubai"]),
    ("Publishers met at the Frankfurt Book Fair.", ["Frankfurt"]),
    ("The Rio Carnival was cancelled.", ["Rio"]),
    # Compass words before a nationality adjective name no region.
    ("Trade grew in the South-Eastern European region.", ["South-Eastern European"]),
    ("Talks on the South East Asian region resumed.", ["South East Asian"]),
    # The chambers of a parliament are no buildings.
    ("The Upper House passed the bill.", ["Upper House"]),
    ("The Lower House rejected it on Monday.", ["Lower House"]),
    # People and offices described in an apposition, and an office of a town.
    ("Mary Dorvik, a town councillor, resigned.", ["Mary Dorvik", "Dorvik"]),
    ("Peter Hale, a city official, declined to comment.", ["Peter Hale", "Hale"]),
    ("The Dorvik town hall burned down.", ["Dorvik"]),
    ("After the Great Flood, the town was rebuilt.", ["Great Flood"]),
    # Acronyms in capitals after a dateline-like start, and seats of government as speakers.
    ("NATO (AP) — The alliance met.", ["NATO"]),
    ("UNICEF, the agency, said it would help.", ["UNICEF"]),
    ("UNITED NATIONS (AP) — The council met.", ["UNITED NATIONS"]),
    ("OPEC (Reuters) - Output rose.", ["OPEC"]),
    ("The Kremlin said the talks had failed.", ["Kremlin"]),
    ("A Pentagon spokesman declined to comment.", ["Pentagon"]),
    # Boroughs named like people need a locative.
    ("Jane Harrow and Tom Sutton arrived late.", ["Harrow", "Sutton"]),
    ("Bromley said the plan was fine.", ["Bromley"]),
]


@pytest.mark.parametrize(("text", "absent"), FOURTH_NEGATIVES, ids=[c[0][:40] for c in FOURTH_NEGATIVES])
def test_fourth_round_not_places(text: str, absent: list[str]) -> None:
    found = places_of(text)
    for name in absent:
        assert name not in found


def test_a_country_before_a_noun_of_place_stays_a_place() -> None:
    assert places_of("The Kenya border was closed for a week.") == ["Kenya"]
    assert places_of("Voters in Ghana elected a new delegate.") == ["Ghana"]


@pytest.mark.parametrize(
    ("make", "count"),
    [
        (lambda n: "shelled eastern Ruritania and into South-Eastern Pelland " * n, 30_000),
        (lambda n: "to Central London from Central Dravonia " * n, 30_000),
        (lambda n: "the Kordo general hospital near the Tolva forest " * n, 30_000),
        (lambda n: "in Selvak, a small village, and Korvan, 40 km from Kolma town " * n, 30_000),
        (lambda n: "Kolma, a, Kolma, the town, " * n, 30_000),
        (lambda n: "in Kolma town. " + "Kolma Kolma Selvak, a village " * n, 30_000),
        (lambda n: "KORVALA, Ruritania (AP) — " * n, 30_000),
    ],
    ids=[
        "lower-compass",
        "central",
        "site-modifier-feature",
        "apposition",
        "apposition-junk",
        "same-names",
        "dateline",
    ],
)
def test_linear_on_long_runs_of_fourth_round_patterns(make, count: int) -> None:
    assert_linear(lambda n: places_in(make(n)), count // 10)


# A small foreign town whose country the article never names, after a clear locative: a verb of
# motion or whereabouts, "near", "left", "reached" or a route "from A to B".
CLEAR_LOCATIVE_POSITIVES = [
    ("The ferry left Toulon at dawn.", ["Toulon"]),
    ("Reporters left Tarbes after the vote.", ["Tarbes"]),
    ("The convoy reached Tarbes on Tuesday.", ["Tarbes"]),
    ("Troops massed near Tarbes overnight.", ["Tarbes"]),
    ("She arrived in Tarbes late on Monday.", ["Tarbes"]),
    ("The crew was stationed at Tarbes for a year.", ["Tarbes"]),
    ("He flew to Toulon for the talks.", ["Toulon"]),
    ("The bus from Tarbes was delayed.", ["Tarbes"]),
    ("A 34-year-old man from Tarbes was arrested.", ["Tarbes"]),
    ("Residents in Toulon were told to stay indoors.", ["Toulon"]),
    ("The yacht sailed from Brest to Lorient.", ["Brest", "Lorient"]),
    ("Trains from Saint-Malo to Lorient were cut.", ["Saint-Malo", "Lorient"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), CLEAR_LOCATIVE_POSITIVES, ids=[c[0][:40] for c in CLEAR_LOCATIVE_POSITIVES]
)
def test_small_foreign_town_after_a_clear_locative(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


CLEAR_LOCATIVE_NEGATIVES = [
    # A person's name elsewhere in the article, or no locative at all.
    ("Rita Toulon spoke first. Voters later turned from Toulon to her rival.", ["Toulon"]),
    ("Officials met Tarbes at the bridge.", ["Tarbes"]),
    ("Tarbes said the plan would work.", ["Tarbes"]),
    # "the", a possessive, a hyphen or another capitalised word after: a name, not the town.
    ("Aides worked in the Toulon campaign for years.", ["Toulon"]),
    ("Critics came from Toulon's own team.", ["Toulon"]),
    ("She moved to Tarbes-era rules.", ["Tarbes"]),
    # Fiction after "in" alone stays unsure.
    ("Fans dressed up as characters in Batman on Sunday.", ["Batman"]),
]


@pytest.mark.parametrize(
    ("text", "absent"), CLEAR_LOCATIVE_NEGATIVES, ids=[c[0][:40] for c in CLEAR_LOCATIVE_NEGATIVES]
)
def test_no_small_foreign_town_without_a_clear_locative(text: str, absent: list[str]) -> None:
    found = places_of(text)
    for name in absent:
        assert name not in found, found


# A town named as a place elsewhere in the article is no place inside a body's name ("the University of X").
def test_a_town_named_before_is_no_place_inside_a_body_name() -> None:
    text = "Floods hit the town of Brellow. A lecturer at the University of Brellow said so. Buses to Brellow stopped."
    assert places_of(text) == ["Brellow", "Brellow"]


# Only a town has a mayor: the name after "the mayor of" is a town, however small.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The former mayor of Brellow was charged on Monday.", ["Brellow"]),
        ("Voters ousted the Mayor of Kestany, Ida Brun.", ["Kestany"]),
        ("The mayor of the capital resigned.", []),
    ],
)
def test_the_mayor_of_a_town(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# The object of a verb of telling is the one addressed, a body even where its name ends like a venue.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The data are thin," she told the Orlen Press Centre.', []),
        ("He informed the Varn Conference Centre that the booking was off.", []),
        ("She walked into the Varn Conference Centre.", ["Varn Conference Centre"]),
    ],
)
def test_an_addressee_is_no_venue(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# Wire datelines: a town that is also a word, and a US state's abbreviation with its period.
DATELINE_POSITIVES = [
    ("READING (AP) — A fire destroyed a barn.", ["READING"]),
    ("BATH (Reuters) - Fans queued for hours.", ["BATH"]),
    ("PELLSTON, Mich. (AP) — A plane landed safely.", ["PELLSTON", "Mich."]),
    ("DORVILLE, Ga. (AP) — The mill closed.", ["DORVILLE", "Ga."]),
    ("SACRAMENTO, Calif. (AP) — The governor spoke.", ["SACRAMENTO", "Calif."]),
    ("ALBANY, N.Y. (AP) — Lawmakers met.", ["ALBANY", "N.Y."]),
    ("BATON ROUGE, La. (AP) — The levee held.", ["BATON ROUGE", "La."]),
    ("KELVIN FALLS, Que. (AP) — Snow closed roads.", ["KELVIN FALLS", "Que."]),
    # a date after the town: any source in brackets before a dash, or the dash alone
    ("VARN, March 3 (Varn Post) - The mill closed.", ["VARN"]),
    ("OSTRAVIK, Sept. 4, 2023 — Snow closed roads.", ["OSTRAVIK"]),
    ("KELDA, Ostmark, Jan 9 – Lawmakers met.", ["KELDA", "Ostmark"]),
]


# Capitals at a line's start that are no dateline: an acronym or a heading before a dash, with no date.
@pytest.mark.parametrize(
    "text",
    ["UPDATE — The mill closed on Monday.", "NOTE - Lawmakers met on Friday.", "NATO (Varn Post) - Troops left."],
)
def test_capitals_without_a_date_or_agency_are_no_dateline(text: str) -> None:
    assert places_of(text) == []


def test_a_dateline_town_is_the_same_place_in_title_case_later() -> None:
    text = "BRELLOW, March 3 (Varn Post) - The mill closed.\n\nBrellow's mayor was upset. Buses to Brellow stopped."
    assert places_of(text) == ["BRELLOW", "Brellow", "Brellow"]
    assert "Brellow" not in places_of("BRELLOW (Varn Post) - The mill closed.\n\nBrellow's mayor was upset.")


@pytest.mark.parametrize(("text", "expected"), DATELINE_POSITIVES, ids=[c[0][:40] for c in DATELINE_POSITIVES])
def test_dateline_places(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


def test_dateline_with_an_abbreviated_state_opens_the_sentence_of_its_claim() -> None:
    from claims.extraction.segment import split

    for text in (
        "PELLSTON, Mich. (AP) — A small plane landed safely on Monday, officials said.",
        "KELVO, Fla. (Reuters) - The mayor resigned on Friday, aides said.",
    ):
        assert len(split(text)) == 1, split(text)
    assert "Reading" not in places_of("Reading is a pleasure. Reading aloud is better.")


# A known name that is also a word before a site head names the site; a three-letter code coordinated
# with an airport is an airport of its own.
SITE_AND_AIRPORT_POSITIVES = [
    ("They waited at the Central station for hours.", ["Central station"]),
    ("Troops guarded the Union station overnight.", ["Union station"]),
    ("Pilgrims gathered at the Mission church.", ["Mission church"]),
    ("The Kabul airport reopened on Monday.", ["Kabul"]),
    ("Flights from JFK and Elmridge County Airport were cancelled.", ["JFK", "Elmridge County Airport"]),
    ("Delays hit Harlow Airport and BDL on Monday.", ["Harlow Airport", "BDL"]),
    ("The Rock and Roll Hall of Fame opened.", ["Rock and Roll Hall of Fame"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), SITE_AND_AIRPORT_POSITIVES, ids=[c[0][:40] for c in SITE_AND_AIRPORT_POSITIVES]
)
def test_word_sites_and_airport_codes(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


SECTOR_NEGATIVES = [
    # A constituency or district named after a trade or field, alone or listed after one.
    ("Tam of the Social Welfare constituency won a seat.", ["Social Welfare"]),
    ("Ng of the Insurance constituency kept her seat.", ["Insurance"]),
    ("Lau of the Legal, Teaching and Landscape constituency lost.", ["Landscape", "Teaching"]),
    ("The Health district closed two clinics.", ["Health"]),
]


@pytest.mark.parametrize(("text", "absent"), SECTOR_NEGATIVES, ids=[c[0][:40] for c in SECTOR_NEGATIVES])
def test_sector_names_are_not_places(text: str, absent: list[str]) -> None:
    found = places_of(text)
    for name in absent:
        assert name not in found, found


def test_a_named_constituency_or_district_stays_a_place() -> None:
    assert places_of("Voters in the Kovlo West constituency queued.") == ["Kovlo West"]
    assert places_of("The Tarvo district was flooded.") == ["Tarvo"]


def test_downtown_is_kept_with_its_city() -> None:
    assert places_of("Crowds gathered in downtown Kanata on Friday.") == ["downtown Kanata"]
    assert places_of("A rally near downtown Nairobi drew thousands.") == ["downtown Nairobi"]
    # After "the", a lowercase compass word names no region the gazetteer lacks.
    assert places_of("Fans packed the downtown Velmarium to cheer him.") == []


def test_state_abbreviation_after_a_town_the_gazetteer_lacks() -> None:
    assert places_of("The plane landed in Pellston, Mich., on Monday.") == ["Pellston", "Mich."]
    assert places_of("She grew up in Dorvel, Ga. Her father farmed.") == ["Dorvel", "Ga."]
    assert places_of("Drivers near Kelvo, OK, waited for hours.") == ["Kelvo", "OK"]
    assert places_of("He met Anna Lee, Ga., fans.") == []


def test_a_surname_the_article_gives_a_person_needs_more_than_a_preposition() -> None:
    text = (
        "Senator Ellen Warren toured the plant. Donors drifted away from Warren after the debate, "
        "and the gap between Warren and Ross widened in Warren's favour."
    )
    assert places_of(text) == []
    text = "Mr Davis spoke first. Critics turned on Davis at the hearing, and support from Davis faded."
    assert places_of(text) == []
    # A sign of a place of its own keeps the town.
    assert places_of("Senator Ellen Warren toured the plant. Later she drove to Warren, Ohio.") == ["Warren", "Ohio"]
    assert places_of("Mr Davis spoke first. The bus then arrived in Davis.") == ["Davis"]


@pytest.mark.parametrize(
    "text",
    [
        "The Carson administration cut the budget again.",
        "Two aides left the Lincoln campaign last week.",
        "Critics of the Hudson presidency gathered outside.",
    ],
)
def test_the_surname_before_a_politicians_following_is_a_person(text: str) -> None:
    assert places_of(text) == []


def test_a_region_with_a_possessive_after_a_surname_is_no_town_region_pair() -> None:
    assert places_of("Hudson, Ohio's former mayor, spoke at noon.") == ["Ohio"]
    assert places_of("Carson, Nevada's junior senator, objected.") == ["Nevada"]
    assert places_of("The factory in Hudson, Ohio, closed.") == ["Hudson", "Ohio"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harris County Judge Ann Lowe opened the shelter.", ["Harris County"]),
        ("Mr Ames, the Kern County Sheriff, closed the road.", ["Kern County"]),
        ("A Tulare County Coroner report was released.", ["Tulare County"]),
        ("A deputy with the Los Angeles Sheriff's office found the car.", ["Los Angeles"]),
        ("The San Diego Sheriff's Department made no arrests.", ["San Diego"]),
    ],
)
def test_a_place_before_its_local_office(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The bill died in the Vermont House last spring.",
        "Two members of the Oregon House walked out.",
        "A Nebraska House committee held hearings.",
    ],
)
def test_a_states_house_is_its_chamber_not_a_building(text: str) -> None:
    assert places_of(text) == []


def test_the_house_chamber_rule_leaves_named_buildings() -> None:
    assert places_of("Guests waited outside Government House in Perth.") == ["Government House", "Perth"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schools closed in Marlow and Pembrey counties on Friday.", ["Marlow", "Pembrey"]),
        ("Rains hit Narvesto, Kessa and Belmoro provinces.", ["Narvesto", "Kessa", "Belmoro"]),
        ("Crews reached Dunmore and Palm Beach counties by noon.", ["Dunmore", "Palm Beach"]),
    ],
)
def test_names_listed_before_a_plural_administrative_noun(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Turnout rose in Democratic and Republican counties.",
        "Mr Lee, Kessa and Belmoro counties joined the pact.",
        "Labour and Tory boroughs differ on housing.",
        "Priests serve Catholic and Protestant parishes.",
    ],
)
def test_adjectives_or_people_before_a_plural_administrative_noun(text: str) -> None:
    assert places_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visiting Peru in May, the minister met farmers.", ["Peru"]),
        ("Leaving Lisbon, the ship turned north.", ["Lisbon"]),
        ("Crossing Montana took the riders a week.", ["Montana"]),
        ("Besides Chile, two other nations objected.", ["Chile"]),
    ],
)
def test_a_participle_or_preposition_opening_the_sentence_is_no_given_name(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


def test_a_name_opening_the_sentence_still_makes_a_person() -> None:
    assert places_of("Sterling Houston spoke first.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fans of the Manitoba Stingers packed the hall.", []),
        ("The Oregon Herons beat the Nevada Falcons on Sunday.", []),
        ("The Utah Badgers played in Utah for the last time.", ["Utah"]),
        # Party members and plural features stay with the place.
        ("The Iowa Democrats met on Friday.", ["Iowa"]),
        ("Snow closed roads in the Kansas Flint Hills.", ["Kansas"]),
    ],
)
def test_a_state_or_province_before_a_teams_name(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Power cuts hit Gaza City again.", ["Gaza City"]),
        ("Hospitals in Gaza City ran short of fuel.", ["Gaza City"]),
        ("Hail battered the Midlands on Tuesday.", ["Midlands"]),
        ("Two yachts sank in the Adriatic.", ["Adriatic"]),
    ],
)
def test_a_city_named_with_city_and_regions_with_the(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Swansea City signed a new striker.", []),
        ("Fans of Norwich City sang outside the ground in Norwich.", ["Norwich"]),
        ("The Coventry United coach resigned.", []),
    ],
)
def test_a_city_before_a_clubs_word_is_the_club(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Envoys of the People's Republic of China left early.", ["People's Republic of China"]),
        ("A letter from the Democratic People's Republic of Korea arrived.", ["Democratic People's Republic of Korea"]),
        ("Cocoa prices in Côte d'Ivoire rose.", ["Côte d'Ivoire"]),
        ("Aid to Cote d'Ivoire doubled.", ["Cote d'Ivoire"]),
        ("Kenya's coast and Ghana's north flooded.", ["Kenya", "Ghana"]),
    ],
)
def test_official_names_with_a_possessive_or_an_elided_article(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


def test_according_to_a_centre_is_a_source_not_a_location() -> None:
    assert places_of("Turnout fell, according to the Ketterby Center for Voter Studies.") == []
    assert places_of("According to the Ketterby Center, taxes rose.") == []
    # A locative still makes a named centre a building.
    assert places_of("Crowds gathered at the Ketterby Center.") == ["Ketterby Center"]


def test_a_law_firms_partners_are_no_towns() -> None:
    assert places_of("She joined Moore & Van Allen, a law firm, in May.") == []
    assert places_of("He joined Selby & Hudson last year.") == []
    assert places_of("Flights to Trinidad & Tobago resumed.") == ["Trinidad", "Tobago"]


def test_a_presidents_name_before_the_white_house() -> None:
    assert places_of("The Lenwood White House refused to comment.") == ["White House"]
    assert places_of("Aides in the Carver White House quit.") == ["White House"]
    assert places_of("He toured the Little White House in Warm Springs.") == ["Little White House", "Warm Springs"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The roof came down," one of the tenants, Ellen Park, said.', []),
        ("Mary Hall, a nurse, said the ward was full.", []),
        ("The vigil was held in Victoria Park on Sunday.", ["Victoria Park"]),
        ("Crowds filled the Albert Hall for the final.", ["Albert Hall"]),
    ],
)
def test_a_given_name_before_a_venue_word_is_a_person_without_a_locative(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two fishing boats were towed to Lampedusa overnight.", ["Lampedusa"]),
        ("Hotels on Mykonos and Santorini reported fewer guests.", ["Mykonos", "Santorini"]),
        ("The regatta moved from Gotland to Bornholm this year.", ["Gotland", "Bornholm"]),
    ],
)
def test_islands_named_bare_are_places(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Power was cut to villages on Corvena island after the storm.", ["Corvena"]),
        ("A cargo ship ran aground off Marvossa island.", ["Marvossa"]),
        ("The clinic on Tessaly island reopened.", ["Tessaly"]),
        ("The Dorvel island council voted on Tuesday.", []),
        ("She said life runs on Island time there.", []),
    ],
)
def test_an_unknown_name_before_island_is_a_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the island of Lesbos, Karim Haddad, 31, waited for a ferry.", ["Lesbos"]),
        ("In the town of Lyon, Ines Marchal said the market was full.", ["Lyon"]),
    ],
)
def test_a_known_place_after_town_of_does_not_run_on_across_a_comma(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two small towns' names side by side: a person's name ...
        ("Marion Selby won the vote in the end.", []),
        ("The award went to Aurora Hook on Monday.", []),
        ("Her aunt, Clinton Troy, was in Leeds.", ["Leeds"]),
        # ... or, after "in"/"at", one place the gazetteer lacks, kept whole.
        ("She was born at Troy Hook in 1970.", ["Troy Hook"]),
        ("The ferry docked in Selby Milton overnight.", ["Selby Milton"]),
        # Across a hyphen or a possessive they stay two names.
        ("Her trip to Pittsburgh's Allegheny County ended.", ["Pittsburgh", "Allegheny County"]),
    ],
)
def test_two_small_towns_side_by_side_are_one_other_name(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jin Park sings at the festival tonight. Ms Park, 29, trained in Busan.", ["Busan"]),
        ("Oren Hall chairs the panel. Hall said the panel would meet again.", []),
        ("Dara Field joined the club. Later Field told reporters she was pleased.", []),
        # A venue head used alone as a surname leaves venues with "the" or a locative alone.
        ("Crowds gathered in Morton Park. Park said the crowds were calm.", ["Morton Park"]),
        ("The concert at the Oren Hall ended late. Hall said it went well.", ["Oren Hall"]),
        # "City Hall said" is no surname.
        ("Dara Hall opened on Monday. City Hall said the doors open at nine.", ["Dara Hall", "City Hall"]),
    ],
)
def test_a_venue_head_the_article_uses_as_a_surname_makes_a_two_word_name_a_person(
    text: str, expected: list[str]
) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebuilding Ukraine will take a decade.", ["Ukraine"]),
        ("Keeping Portugal in the race was the aim.", ["Portugal"]),
        ("Reading Poland's mood is hard.", ["Poland"]),
        # A given name, or a name before a verb of saying, is still a person's.
        ("Sterling Jordan said he would run.", []),
    ],
)
def test_a_gerund_opening_the_sentence_is_no_given_name(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cyclones hit atolls in the South Pacific.", ["South Pacific"]),
        ("The convoy crossed the North Atlantic in winter.", ["North Atlantic"]),
        ("Delegates of the North Atlantic Treaty Organization met.", []),
    ],
)
def test_a_compass_half_of_an_ocean_is_one_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents of Kramatorsk queued for water.", ["Kramatorsk"]),
        ("Villagers of Bucha buried their dead.", ["Bucha"]),
        # Friends and fans are no dwellers.
        ("Friends of Jordan Smith gathered.", []),
    ],
)
def test_dwellers_of_a_town_make_it_a_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells fell near the Zaporizhzhia nuclear plant.", ["Zaporizhzhia"]),
        ("The Kramatorsk airport was closed to traffic.", ["Kramatorsk"]),
        ("The Clinton campaign bought ads.", []),
    ],
)
def test_a_site_head_after_the_town_makes_it_a_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hall of Famer Rita Dunne coached the juniors.", []),
        ("A pass from Hall of Famer Tomas Berg won it.", []),
        ("Fans toured the Rock and Roll Hall of Fame.", ["Rock and Roll Hall of Fame"]),
    ],
)
def test_a_hall_of_famer_is_a_person(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Republican House blocked the budget.", []),
        ("A Labor-led House panel met on Friday.", []),
        ("Democratic House members walked out.", []),
        ("Guests dined at the White House.", ["White House"]),
    ],
)
def test_a_house_under_a_party_is_a_chamber(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was confirmed in the Methodist church as a girl.", []),
        ("His rise in the Mormon church was quick.", []),
        ("Volunteers met at the Dorvik church on Sunday.", ["Dorvik church"]),
    ],
)
def test_a_denomination_before_a_lowercase_church_is_the_institution(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One pastor, Ada Kroll of Marsh Lane Baptist Church, backed him.", ["Marsh Lane Baptist Church"]),
        ("Lena Voss of Harlow County spoke next.", ["Harlow County"]),
        # An organisation's or a venue's own "of" stays inside the name.
        ("Fans at Bank of Orla Stadium cheered.", ["Bank of Orla Stadium"]),
        ("Boats crossed the Sea of Galilee.", ["Sea of Galilee"]),
    ],
)
def test_a_person_of_a_venue_leaves_the_venue_alone(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Fans chanted "Feel the Lyon!" all night.', []),
        ("Locals call the district the Leeds, oddly.", []),
        # A town before its region, or a town as a modifier, keeps its article out of it.
        ("He moved to the Woodlands, Texas, in May.", ["Woodlands", "Texas"]),
        ("She chairs the Lyon 2030 committee.", ["Lyon"]),
        ("Judges at the Hague ruled on Monday.", ["the Hague"]),
    ],
)
def test_a_town_after_the_before_punctuation_is_a_pun_or_a_nickname(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bases across Central and South Asia were expanded.", ["Central and South Asia"]),
        ("Trade with Central and Eastern Europe grew.", ["Central and Eastern Europe"]),
        ("Talks between North and South Korea stalled.", ["North and South Korea"]),
    ],
)
def test_central_and_a_compass_half_share_one_region(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She carried the Badger state easily.", []),
        ("He toured the Buckeye State by bus.", []),
        ("Washington state voters backed the levy.", ["Washington"]),
    ],
)
def test_a_small_town_before_state_after_the_is_a_nickname(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Neighbouring Iran and Armenia offered shelter to the refugees.", ["Iran", "Armenia"]),
        ("Nearby Kenya reopened its border crossings on Friday.", ["Kenya"]),
        ("Neighboring Chad sent two cargo planes of grain.", ["Chad"]),
    ],
)
def test_an_adjective_of_nearness_opening_the_sentence_is_no_given_name(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But Sen. Ada Voss of Nevada said the tariff would hurt ranchers.", ["Nevada"]),
        ("Rep. Lia Moss of Oregon said she would vote against the levy.", ["Oregon"]),
    ],
)
def test_a_state_after_a_named_person_and_of_before_said_is_a_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. District Judge Lena Orr blocked the rule on Tuesday.", ["U.S."]),
        ("A U.S. District Judge in Denver heard the case.", ["U.S.", "Denver"]),
        ("Marin County Judge Abe Lusk opened the hearing.", ["Marin County"]),
    ],
)
def test_a_federal_district_title_names_no_district(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ely Mayor Greta Lund said the roads would reopen.", ["Ely"]),
        ("Two days later, Reading Mayor Tom Bell resigned.", ["Reading"]),
        ("Nevada Governor Ron Ames signed the bill.", ["Nevada"]),
    ],
)
def test_a_town_before_its_own_officer_is_a_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry left the port of Bau-Bau before the storm.", ["Bau-Bau"]),
        ("Two ferries reached Kim-Kim on Sunday.", ["Kim-Kim"]),
        ("The spa town of Baden-Baden hosted the talks.", ["Baden-Baden"]),
    ],
)
def test_a_town_named_by_one_word_twice_is_kept_whole(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bankers gathered in Davos while engineers inspected Chernobyl.", ["Davos", "Chernobyl"]),
        ("Mourners returned to Srebrenica and later flew out of Heathrow.", ["Srebrenica", "Heathrow"]),
    ],
)
def test_famous_small_towns_need_no_context(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Kim Park sings, "Come home now."', []),
        ("Sam Hall said the vote was close.", []),
        ("Pat Lake spoke first at the hearing.", []),
        ("A letter to Kim arrived on Monday.", []),
        ("We walked to Kim Park after lunch.", ["Kim Park"]),
    ],
)
def test_a_shared_given_name_before_a_venue_head_is_a_person(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shots were fired on Victoria Street late on Friday.", ["Victoria Street"]),
        ("The fire spread along Jean Avenue overnight.", ["Jean Avenue"]),
        ("Ms Lane spoke. Then Lois Lane left.", []),
    ],
)
def test_a_street_named_after_a_person_is_a_street(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We lost the herd," said Amina Teral, a herder in the village of Korvasi.', ["Korvasi"]),
        ("It was Tomas Reval, a teacher from the town, who called.", []),
        ("Dorin Vask, a driver for the city, was hurt.", []),
        ("He was born in Velmar, a small farming village.", ["Velmar"]),
    ],
)
def test_an_apposition_describing_a_person_by_where_they_work_names_no_town(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The camp lies 30 km north of Tarvo, officials said.", ["Tarvo"]),
        ("The plane came down 40 miles south-west of Tacna.", ["Tacna"]),
        ("The islands lie 800 km east of Christchurch.", ["Christchurch"]),
        ("She grew up on the outskirts of Llandudno.", ["Llandudno"]),
        ("Shelling hit the suburbs of Velmora overnight.", ["Velmora"]),
        ("The mosque stands north of Dar-e Velma.", []),
        ("The north of the country was calm.", []),
    ],
)
def test_a_name_after_a_compass_point_or_outskirts_of_is_a_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He scored twice at Estadio Azteca on Sunday.", ["Estadio Azteca"]),
        ("Aid workers in the Jebel Marra mountains said roads were closed.", ["Jebel Marra"]),
        ("Rebels retreated to Jabal Tarvo overnight.", ["Jabal Tarvo"]),
        ("The rover will drive into Gale Crater next year.", ["Gale Crater"]),
        ("Two hikers were lost in the Velmar Canyon.", ["Velmar Canyon"]),
        ("Boats left the Korvan Lagoon at dawn.", ["Korvan Lagoon"]),
        ("The Stade Rennais coach resigned.", []),
    ],
)
def test_local_language_venue_words_and_landform_heads(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy was ambushed near Korvasi on Monday.", ["Korvasi"]),
        ("Farmers near Ellmore reported flooding.", ["Ellmore"]),
        ("Rescuers flew to Caraveli by helicopter.", ["Caraveli"]),
        ("She was born in Stridon and raised abroad.", ["Stridon"]),
        ("Flights to Tarvo Monday were cancelled.", ["Tarvo"]),
        ("Voters would flee to Sanders instead.", []),
        ("Nancy Tarvo spoke first. Protesters gathered near Tarvo.", []),
        ("Ms Velko arrived. Reporters waited near Velko for an hour.", []),
        ("The two stood near Maria Tarvo.", []),
        ("Prices rise near Christmas every year.", []),
    ],
)
def test_a_name_after_a_word_that_takes_only_places(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


def test_a_name_after_such_a_word_is_not_spread_to_its_other_mentions() -> None:
    text = "Rescuers flew to Kessmar on Monday. Kessmar won 30% of the vote."
    assert places_of(text) == ["Kessmar"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Settlers attacked the village of Deir al-Tarva on Friday.", ["Deir al-Tarva"]),
        ("Shells fell near Khan al-Velmar overnight.", ["Khan al-Velmar"]),
        ("Strikes hit Ras el-Korva district.", ["Ras el-Korva"]),
        ("The town of Tarvo al said no.", ["Tarvo"]),
    ],
)
def test_an_arabic_article_inside_a_place_name_the_gazetteer_lacks(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents of Yauca said the shaking lasted a minute.", ["Yauca"]),
        ("Villagers of Korvasi fled overnight.", ["Korvasi"]),
        ("Climbers died on the slopes of Kilimanjaro.", ["Kilimanjaro"]),
        ("Fishermen were stranded off the coast of Velmora.", ["Velmora"]),
        ("Locals of the area said little.", []),
    ],
)
def test_dwellers_and_slopes_of_a_name_make_it_a_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents of Trump Tower complained.", ["Trump Tower"]),
        ("Fans of Velmar Stadium cheered the team.", ["Velmar Stadium"]),
        ("Thousands of Tahrir Square protesters went home.", ["Tahrir Square"]),
        ("Gardens of Tarvo Park reopened.", ["Gardens of Tarvo Park"]),
    ],
)
def test_a_plural_noun_opening_the_sentence_is_no_part_of_a_venue(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a capitalised name right after 'the capital' (or its comma) names a city the gazetteer may lack; a
# lowercase word after 'capital' makes it a noun's modifier
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The train ran from the capital Varnholm on Monday.", ["Varnholm"]),
        ("The capital, Ostmark, was quiet after the vote.", ["Ostmark"]),
        ("The capital markets fell on Monday.", []),
        ("The capital city was quiet.", []),
    ],
)
def test_a_name_after_the_capital(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a place listed with a place before it ('A, B and C') is supported by it whatever the lines before it
# hold: the list link is an index into the article's hits, not the line's
@pytest.mark.parametrize(
    "text",
    [
        "KYIV, Ukraine (Wire) — Drones hit the port.\n\nBlackouts hit Kharkiv, Dnipro and Zaporizhzhia.",
        "Ukraine and Poland signed the deal.\n\nStorms hit Kharkiv, Dnipro and Zaporizhzhia.",
    ],
)
def test_a_list_is_linked_within_the_article(text: str) -> None:
    assert "Zaporizhzhia" in places_of(text)


# Helper round on places (engine 0.10.0). A continent or wider region after "in" that closes the purpose
# of a body named "<Organisation> for/on ..." is part of the name; a country or city says where it sits.
@pytest.mark.parametrize(
    ("text", "absent", "expected"),
    [
        ("The talks were hosted by the Organization for Security and Co-operation in Europe.", ["Europe"], []),
        ("The Centre for Human Rights in Asia called the trial unfair.", ["Asia"], []),
        ("She heads the Varn Institute for Climate Research in Germany.", [], ["Germany"]),
        ("The Campaign for Clean Water in Africa said wells were dry.", ["Africa"], []),
        ("The Institute for Fiscal Studies in London said taxes would rise.", [], ["London"]),
        ("The firm sold its ships for scrap in Europe last year.", [], ["Europe"]),
    ],
)
def test_a_place_closing_a_bodys_purpose_is_part_of_its_name(text: str, absent: list[str], expected: list[str]) -> None:
    found = places_of(text)
    assert not set(absent) & set(found)
    assert found == expected


# a place before "-sized", "-style", "-like" is a likeness, no place; "-based" still says where
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts called it a Texas-sized problem for the region.", []),
        ("The town has Paris-style cafes and a Dubai-like skyline.", []),
        ("A Rotterdam-based shipping firm moved three ships.", ["Rotterdam"]),
    ],
)
def test_a_likeness_after_a_hyphen_is_no_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text",
    ["The Turkish Red Crescent set up tents in the square.", "The Keldian Red Crescent said 40 people were hurt."],
)
def test_the_red_crescent_is_no_street(text: str) -> None:
    assert places_of(text) == []


# a place between a possessive and a title of a person stands for the person's brief ("the council's
# Syria envoy"), like "the Kenya delegate"
@pytest.mark.parametrize(
    "text", ["The council's Syria envoy said talks would resume.", "The league's Brazil striker scored twice."]
)
def test_a_place_after_a_possessive_before_a_persons_title_is_an_adjective(text: str) -> None:
    assert places_of(text) == []


# a known place's possessive before a name and a settlement or administrative noun: a part of that place
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm will open an office in Berlin's Kreuzberg neighbourhood.", ["Berlin", "Kreuzberg"]),
        ("Riots broke out in Paris's Belvoix district overnight.", ["Paris", "Belvoix"]),
        ("London's Tarvo area flooded on Monday.", ["London", "Tarvo"]),
        ("Nair said Berlin's Anna Holm area manager quit.", ["Berlin"]),
    ],
)
def test_a_part_of_a_place_after_its_possessive(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The river burst its banks near the crossing at Halden Gate.", ["Halden Gate"]),
        ("Tourists crowded the Brandenburg Gate on Sunday.", ["Brandenburg Gate"]),
        ("Strikers gathered on the Maasvlakte terminal.", ["Maasvlakte terminal"]),
        ("The terminal was closed.", []),
    ],
)
def test_gates_and_terminals(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a name the gazetteer lacks after "in" right after a venue, a site or a mission says where it stands
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ambassador saw a play at the Keld Theatre in Leith.", ["Keld Theatre", "Leith"]),
        ("A deal could be signed at the Keld embassy in Varnholm.", ["Varnholm"]),
        ("The firm moved its headquarters in Tarvo to a new tower.", ["Tarvo"]),
        ("The concert at Usher Hall in March was sold out.", ["Usher Hall"]),
        ("The characters in Batman are dark.", []),
    ],
)
def test_a_name_after_in_after_a_venue(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders came from Keldoro and nearby Santa Rosa.", ["Santa Rosa"]),
        ("Refugees fled to neighbouring Keldia on Monday.", ["Keldia"]),
        ("Neighbouring Ruritania sent aid.", ["Ruritania"]),
    ],
)
def test_nearby_and_neighbouring_are_locatives(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# two names joined by a hyphen before a noun of a border or a route are two places, known or not
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police closed the Keld-Varnia border for six hours.", ["Keld", "Varnia"]),
        ("The Keld-Tarvo railway line opened.", ["Keld", "Tarvo"]),
        ("Migrants crossed the Costa Rica-Keldia border.", ["Costa Rica", "Keldia"]),
        ("Troops massed on the Syria-Turkey border.", ["Syria", "Turkey"]),
        ("The Lee-Enfield rifle was used.", []),
        ("The Smith-Jones road deal collapsed.", []),
    ],
)
def test_two_names_before_a_border(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clash happened in the Aksai Chin area.", ["Aksai Chin"]),
        ("Shells fell on the Velka Chin area.", ["Velka Chin"]),
    ],
)
def test_a_minor_town_inside_a_longer_name_before_a_settlement_noun(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a dateline without an agency: its town is taken when its country follows or the article names it in prose
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nKELD — Fans gathered on Saturday.\nThe town of Keld mourned.", ["KELD", "Keld"]),
        ("Title\n\nTARVO, Norway — Floods hit the town on Monday.", ["TARVO", "Norway"]),
        ("Title\n\nBREAKING — Markets fell on Monday.\nThe breaking of the dam surprised many.", []),
        ("Title\n\nKELD — Fans gathered on Saturday.", []),
    ],
)
def test_a_dateline_without_an_agency(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in the Republic of Congo said checks would start.", ["Republic of Congo"]),
        ("Rescuers found two climbers alive on Mont Blanc.", ["Mont Blanc"]),
        ("Trains left from Gare du Nord and Gare de Lyon.", ["Gare du Nord", "Gare de Lyon"]),
        ("He visited Lake Kivu and Mount Kenya last year.", ["Lake Kivu", "Mount Kenya"]),
        ("She stayed in Berlin and Hyde Park.", ["Berlin", "Hyde Park"]),
        ("Thousands fled along the Varnik corridor.", ["Varnik corridor"]),
        ("He said Monte Vale would speak.", []),
    ],
)
def test_more_venue_and_country_forms(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a name after "in" after a school, farm, hotel ... is where it stands, unless a noun follows the name
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The prime minister voted at a school in Nausori.", ["Nausori"]),
        ("She grew up on a farm in Keldby, her sister said.", ["Keldby"]),
        ("Two schools in Black neighbourhoods closed.", []),
        ("Two schools in Black and Latino neighbourhoods closed.", []),
    ],
)
def test_a_name_after_in_after_a_building_noun(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# after a locative, a name the gazetteer lacks listed with a well-known place is a place too
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ports at Mongla and Chittagong were closed.", ["Mongla", "Chittagong"]),
        ("Floods hit homes in Dhaka and Keldpur on Monday.", ["Dhaka", "Keldpur"]),
        ("The characters in Batman are dark.", []),
        ("He worked in Paris and Hamlet Smith said so.", ["Paris"]),
        ("Ms Varga lives in Tokyo and Varga says so.", ["Tokyo"]),
    ],
)
def test_an_unknown_name_listed_with_a_known_place(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a counted plural settlement noun in apposition to a list of names: every name is a place
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters came from Ostby and Brenna, two industrial towns.", ["Ostby", "Brenna"]),
        ("The storm hit Keldby, Varnholm and Halden, three fishing villages.", ["Keldby", "Varnholm", "Halden"]),
        ("She thanked Ann and Tom, two volunteers.", []),
        ("The Smiths and Joneses, both families, left.", []),
    ],
)
def test_a_list_of_names_described_as_settlements(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A truck crossed the median on Interstate 25 near Castle Rock.", ["Interstate 25", "Castle Rock"]),
        ("Traffic was diverted onto U.S. Highway 85 and Route 83.", ["U.S. Highway 85", "Route 83"]),
        ("It was the third crash on that stretch of I-25 this year.", ["I-25"]),
        ("The Highway Code changed.", []),
    ],
)
def test_roads_named_by_their_number(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A service will be held at St. Mary's Church in Keldby, Ohio.", ["St. Mary's Church", "Keldby", "Ohio"]),
        ("Tourists threw coins into the Trevi Fountain.", ["Trevi Fountain"]),
        ("He spoke from his office on the Quai des Chartrons.", ["Quai des Chartrons"]),
        ("Crowds filled Plaza de Mayo and Rue de Rivoli.", ["Plaza de Mayo", "Rue de Rivoli"]),
        ("Growers along the Varne estuary said yields fell.", ["Varne estuary"]),
        ("The truck came down the hill south of the Plum Creek bridge.", ["Plum Creek bridge"]),
        ("Buses serve the Tulsa Metro area.", []),
    ],
)
def test_more_venues(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a county before its officer's title is the county, also when its name is a given name
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The road is dangerous, said Douglas County Sheriff Ann Roe.", ["Douglas County"]),
        ("Voters in Marion County went to the polls.", ["Marion County"]),
        ("One of them, Ellen Park, said so.", []),
    ],
)
def test_a_county_named_like_a_person(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He flew to Dadaab, near the Somali border, on Monday.", ["Dadaab"]),
        ("Fighting spread in the Somali region of Ethiopia.", ["Somali", "Ethiopia"]),
        ("The truck crossed into Colorado, the Colorado State Patrol said.", ["Colorado"]),
    ],
)
def test_a_peoples_adjective_and_a_patrol_are_no_places(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a list is read from its end too: the big city closing it supports the given name and the minor town
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Alerts were issued for 16 cities, including Florence, Bologna and Naples.",
            ["Florence", "Bologna", "Naples"],
        ),
        ("Hillary Clinton met Sanders. Support from Clinton, Reno and Chicago grew.", ["Reno", "Chicago"]),
        ("She invited Mary, Florence and Paris to dinner.", ["Florence", "Paris"]),
    ],
)
def test_a_list_read_from_its_end(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters in the riding of Halifax West re-elected her.", ["Halifax West"]),
        ("Voters in the constituency of Leeds North backed him.", ["Leeds North"]),
    ],
)
def test_a_compass_point_closing_a_units_name(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Snow fell on the hills above Boulder on Monday.", ["Boulder"]),
        ("The mine lies below Bakersfield.", ["Bakersfield"]),
    ],
)
def test_above_and_below(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# a name the gazetteer lacks, used twice after "in" and otherwise only after locatives, is a place
# everywhere; one use, or a use as a subject, a possessive or a person's name, is not enough
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The monks lived in Varnsee. Pilgrims came to Varnsee. He died in Varnsee in 346.",
            ["Varnsee", "Varnsee", "Varnsee"],
        ),
        ("He worked in Keldby. He lived in Keldby.", ["Keldby", "Keldby"]),
        ("The characters in Gorvak are dark. Fans in Gorvak forums argue. Gorvak said so.", []),
        ("The characters in Gorvak are dark.", []),
        ("Ms Keldby worked in Keldby. She lived in Keldby.", []),
        ("The diary was written in English. An edition in English followed.", []),
        ("In Films of the Year, she ranks them. In Films of the Year, old films win.", []),
    ],
)
def test_a_name_repeated_only_after_in(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack happened in Tokyo's Shibuya ward.", ["Tokyo", "Shibuya"]),
        ("The office is in Korvala ward.", ["Korvala"]),
        ("The Nightingale ward was closed.", []),
        ("Prices rose in the first quarter.", []),
        ("The climbers reached the Goûter refuge near the Cibeles fountain.", ["Goûter refuge", "Cibeles fountain"]),
        ("The team trained in the Keld Mountains.", ["Keld Mountains"]),
        ("Homes were built in Palm Beach Gardens, Fla., last year.", ["Palm Beach Gardens", "Fla."]),
    ],
)
def test_wards_refuges_and_towns_named_like_features(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


# ", on the <...> coast / border": the name before the comma lies there
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smaller rallies took place in Tarvik, on the Baltic coast.", ["Tarvik"]),
        ("Observers will watch from Orvasko, on the border, until May.", ["Orvasko"]),
        ("Ann Lee, on the border issue, said nothing.", []),
        ("Maria Holm, on the coast, said nothing.", []),
    ],
)
def test_a_name_placed_on_a_coast_or_border(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The injured were airlifted to Keldmouth.", ["Keldmouth"]),
        ("Trains were rerouted to Varnby overnight.", ["Varnby"]),
        ("Flights were diverted to Toulon.", ["Toulon"]),
        ("Funds were diverted to Keldcorp.", []),
    ],
)
def test_airlifted_rerouted_and_diverted(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Officials said the talks would resume in the capital San Ardo next week.", ["San Ardo"]),
        ("The minister said aid had reached the capital, Dar Keldo.", ["Dar Keldo"]),
        ("The minister said aid had reached the capital, Nairobi.", ["Nairobi"]),
        ("Investors fled the capital markets of the region.", []),
    ],
)
def test_a_capital_whose_name_opens_with_a_known_word(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Police said the fire started in a warehouse in Port Sorvik on Tuesday.", ["Port Sorvik"]),
        ("Port Annick officials said the quay was closed.", ["Port Annick"]),
        ("She sailed to Port Louis.", ["Port Louis"]),
        ("Port Varro said the manager had left the club.", []),
        ("Port officials said the cranes were idle.", []),
        ("The Port Authority said ships were delayed.", []),
    ],
)
def test_a_harbour_town_named_port(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The coast guard said the ferry Marren Bay ran aground near Keld.", ["Keld"]),
        ("A spokesman said the trawler Osk Harbour had lost its nets.", []),
        ("The author said the novel The Tarn Road was finished last year.", []),
        ("The band closed with the song Ellery Lane at Keld Arena.", ["Keld Arena"]),
        ("She took the ferry to Marren Bay.", ["Marren Bay"]),
        ("The ferry from Osk Harbour was late.", ["Osk Harbour"]),
        ("The film festival opened at Varno Hall.", ["Varno Hall"]),
    ],
)
def test_a_ships_name_or_a_works_title_after_its_kind(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The agency said floods hit Tesso and Ulmar districts overnight.", ["Tesso", "Ulmar"]),
        ("She toured the Keld and Varno districts on Monday.", ["Keld", "Varno"]),
        ("Republican and Democratic districts voted apart.", []),
        ("The Senate and House districts were redrawn.", []),
    ],
)
def test_names_listed_before_districts(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Tarvo Space Centre said the launch was delayed.", []),
        ("The Keld Space Centre, which runs the launch pad, said the test failed.", []),
        ("The rocket left the Keld Space Centre on Monday.", ["Keld Space Centre"]),
        ("Crowds gathered at the Varno Convention Center.", ["Varno Convention Center"]),
    ],
)
def test_a_centre_that_speaks_is_its_body(text: str, expected: list[str]) -> None:
    assert places_of(text) == expected
