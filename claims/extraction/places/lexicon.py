"""Word lists of the places stage, each defined once: function words, locatives, administrative
nouns, venue heads and the context words that make a name a person's, a company's or a vehicle's."""

from __future__ import annotations

import re

from ..gazetteer import PLANETS, norm
from ..lexicon import CREATED_WORK_NOUNS, FEMALE_NAMES, MALE_NAMES, ORG_DOMAINS
from ..normalize import wordset

# Words that are capitalised only because they open a sentence (or a heading).
FUNCTION_CAPS = wordset(
    """The A An In At On From To For With By Of And But Or Nor As After Before During Since Until While
    When Where Why How What Who Which Whose Outside Inside Near Across Through Under Over Into Onto Upon
    Among Between Behind Beyond Despite Although Though If Unlike Like This That These Those It Its
    Their His Her Our Your My Some Many Most All Both Each Every No Not Yesterday Today Tomorrow
    Meanwhile However Also Only Even Then There Here Last Next According Such Several Other Another
    Former He She They We I You Mr Mrs Ms Dr Doctor Earlier Later Now Once Still Yet So Thus Because Every
    Around About Against Along Amid Via Per Without Within Toward Towards Following Including Besides
    Beside Except Throughout Alongside Beneath Excluding"""
)


MONTHS_DAYS = wordset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday"""
)


# Some heads are fine for "the X of <place>" titles but turn "X of <place>" into an organisation.
TITLE_OF = wordset("President Prime Minister King Queen Prince Ambassador Governor Mayor Premier Government")


LOCATIVE = wordset(
    """in at from to near into across around outside inside toward towards via throughout within
    across between through visiting visited entered leaving left reached nearby neighbouring neighboring
    above below"""
)


COMPASS = wordset(
    """North South East West Northern Southern Eastern Western Central Greater Metro Metropolitan
    Downtown Inner Outer Upper Lower Northeast Northwest Southeast Southwest Northeastern Northwestern
    Southeastern Southwestern Mid"""
)


CONNECTORS = wordset("of the and de du des la le les el al da do dos das del di y sur von van der")
# Arabic articles joined by a hyphen to the next word of a place's name: "Deir al-Balah", "Ras el-Tin".
HYPHEN_ARTICLES = wordset("al el ad ar as ash at az an")


# Inside a known name only: "Dar es Salaam", "Frankfurt am Main", "Newcastle upon Tyne".
NAME_CONNECTORS = CONNECTORS | wordset("es en am im an den upon on")


# After a name these say it is a place: "the Lombardy region", "the Helmand province".
# (Not "state", "city", "district": "the Texas state law", "the Erie district attorney".)
ADMIN_WORDS_AFTER = wordset("province region county prefecture governorate oblast municipality island")


ADMIN_NOUNS = wordset(
    """town city village county province district region state port capital island suburb
    municipality township prefecture governorate hamlet commune neighbourhood neighborhood
    constituency riding ward parish towns cities villages provinces districts regions counties
    states islands ports suburbs municipalities constituencies"""
)


# Venue heads: the last word of a venue's name, with the kind it gives.
STREET = "Road Street St Avenue Ave Boulevard Blvd Lane Drive Highway Motorway Freeway Parkway Expressway Terrace Crescent Quay Wharf Embankment Promenade Square Plaza Bridge Tunnel"


BUILDING = """Airport Airfield Aerodrome Airbase Base Barracks Prison Jail Gaol Penitentiary Hospital
    Infirmary Mosque Church Cathedral Chapel Temple Synagogue Shrine Basilica Abbey Monastery Minster
    Stadium Arena Coliseum Colosseum Ground Oval Velodrome Hall Palace Castle Tower Towers House
    Building Capitol Museum Gallery Library Theatre Theater Courthouse Station Terminal Harbour Harbor
    Pier Docks Dam Park Gardens Garden Market Mall Hotel Resort Compound Complex Cemetery Memorial
    Monument Zoo Mine Refinery Checkpoint Crossing Camp Centre Center Embassy Consulate Planetarium
    Aquarium Observatory Auditorium Amphitheatre Amphitheater Racecourse Speedway Lighthouse Facility
    Gate Fountain"""


FEATURE = """River Lake Mountains Mountain Mount Island Islands Sea Ocean Bay Strait Peninsula Valley
    Desert Canal Falls Beach Coast Delta Plateau Basin Forest Reef Archipelago Gulf Glacier Volcano Shelf
    Crater Craters Canyon Gorge Lagoon Fjord Atoll Isthmus Highlands Marshes Wetlands"""


ADMIN = "Province County District Region Prefecture Governorate Oblast Municipality Borough Township Territory"


# Names of bodies whose last word is a venue head ("the Turkish Red Crescent" is no crescent of houses).
BODY_NAMES_WITH_VENUE_HEAD = frozenset({"Red Crescent"})


# Heads of buildings named after the institution housed there, which speaks ("the Harbour Museum said").
INSTITUTION_HEADS = frozenset(
    [
        "Museum",
        "Hospital",
        "Gallery",
        "Library",
        "Zoo",
        "Observatory",
        "Aquarium",
        "Theatre",
        "Theater",
        "Opera",
        "Infirmary",
        "Centre",  # "the Nordic Space Centre said": the body that runs it
        "Center",
    ]
)

VENUE_HEADS: dict[str, str] = {
    **dict.fromkeys(STREET.split(), "venue"),
    **dict.fromkeys(BUILDING.split(), "venue"),
    **dict.fromkeys(FEATURE.split(), "other"),
    **dict.fromkeys(ADMIN.split(), "region"),
}


# "Centre"/"Center" name research bodies as often as buildings: only after a facility word.
FACILITY_WORDS = wordset(
    """Shopping Convention Medical Trade Community Exhibition Conference Detention Sports Arts Civic
    Cultural Aquatic Performing Processing Holding Reception Transit Press Media Visitor Visitors
    Leisure Financial Business Town City Garden Operations Control Emergency Space Science Heritage
    Aquatics Recreation Youth Student Entertainment Events Distribution Logistics Fitness Design"""
)


DENOMINATIONS = wordset(
    """Catholic Orthodox Anglican Episcopal Methodist Baptist Lutheran Presbyterian Evangelical Coptic
    Apostolic Roman Greek Russian Serbian Armenian Ukrainian Syrian Ethiopian Eastern Protestant
    Pentecostal Reformed United Unification Mormon Adventist Christian Scientist Holy Universal"""
)


# Words before "Centre"/"Center" that make it a research or advocacy body, not a building.
# Verbs whose object is the one addressed, a person or a body, never a place: 'told the Keld Media Centre'.
ADDRESSEE_VERBS = wordset("""told tell tells telling informed inform informs""")

ORG_CENTRE_WORDS = wordset(
    """Research Policy Study Studies Data Information Legal Law Justice Rights Strategic Hurricane Disease
    Prevention Analysis Resource Resources Innovation Development Advocacy Monitoring Documentation
    Action Democracy Progress Security Intelligence Coordination Terrorism Excellence Reporting"""
)


# Prefix heads: "Lake Victoria", "Mount Everest", "Camp David", "Cape Canaveral", "Masjid al-Haram".
PREFIX_HEADS = {
    "Lake": "other",
    "Mount": "other",
    "Mt": "other",
    "Camp": "venue",
    "Fort": "venue",
    "River": "other",
    "Cape": "other",
    "Masjid": "venue",
    # a harbour town: "Port Sorel", "Port Keld" (the gazetteer's own "Port Said" is judged as that town)
    "Port": "city",
    # Stadiums and mountains named in the local language in English copy: "Estadio Azteca", "Jebel
    # Marra", "Jabal Amel" (not "Stade", which opens French clubs' names as often: "Stade Rennais").
    "Estadio": "venue",
    "Stadio": "venue",
    "Jebel": "other",
    "Jabal": "other",
    # French names in English copy: "Mont Blanc", "Gare du Nord" (not "Monte": a given name as well)
    "Mont": "other",
    "Gare": "venue",
    # Streets and squares named in the local language, the head first: "Rue de Rivoli", "Quai des
    # Chartrons", "Piazza Navona", "Plaza de Mayo", "Avenida Paulista", "Calle Mayor"
    "Rue": "venue",
    "Quai": "venue",
    "Piazza": "venue",
    "Plaza": "venue",
    "Avenida": "venue",
    "Calle": "venue",
}


# A saint's title before a possessive in a venue's name ("St Mary's Church", "St. Peter's Square").
SAINT_WORDS = wordset("St Saint Ste San Santa Sao")


# Heads that also name a venue before "of": "Museum of Flight", "Palace of Westminster", "Statue of
# Liberty". ("House of Commons", "Bank of England" are institutions; "Church" needs "of the": "Church
# of the Nativity" is a building, "Church of England" a denomination.)
HEAD_FIRST = wordset(
    """Museum Cathedral Palace Basilica Temple Castle Tower Abbey Monastery Shrine Mosque Gallery Hall
    Chapel Gardens Statue Tomb Mausoleum Church Bay Gulf Sea Strait Straits Isle"""
)


# Parties before "House" that make it a chamber they hold ("the Republican House"; not "Government
# House", a governor's residence).
PARTIES_BEFORE_HOUSE = wordset("Labour Labor Tory Conservative Liberal Democrat Democratic Republican GOP")


# After "Hall of": a member of a hall of fame, a person ("Hall of Famer Rita Dunne").
FAME_MEMBERS = wordset("Famer Famers")


# Capitalised words that may follow "and" inside a venue's name: "Tang Teaching Museum and Art
# Gallery", "Air and Space Museum" (but "the White House and NASA" are two names).
GENERIC_VENUE_WORDS = wordset(
    """Art Arts Science Sciences Space Aviation Air History Natural Technology Sculpture Botanical
    Botanic Heritage Culture Cultural Music Design Industry Nature Wildlife Marine Maritime Military
    Media Education Learning Discovery Exhibition Conference Convention Visitor Visitors Research"""
)


# Heads that make the run an organisation even when a venue word precedes ("Parliament House Trust").
ADMIN_KIND = {
    "town": "city",
    "city": "city",
    "village": "city",
    "port": "city",
    "capital": "city",
    "suburb": "city",
    "hamlet": "city",
    "commune": "city",
    "neighbourhood": "city",
    "neighborhood": "city",
    "island": "other",
    "towns": "city",
    "cities": "city",
    "villages": "city",
    "ports": "city",
    "suburbs": "city",
    "islands": "other",
}


# Lowercase nouns after an unknown name that make it a place: "Narvesto province", "the Malbani district".
# (Not before "attorney", "court"...: "the Lakeford district attorney" is an office.)
# Plural administrative nouns after a list of names, each name one such unit: "in Broward and Volusia
# counties", "Narvesto, Belmoro and Kessa provinces" (not "districts", "regions", "states": "Democratic
# and Republican districts", "Arctic and Antarctic regions", "Gulf and Arab states").
ADMIN_PLURALS = wordset(
    "counties provinces prefectures governorates oblasts municipalities parishes townships boroughs districts"
)


# Party and faction words that describe units rather than name them ("Labour and Tory boroughs").
PARTY_WORDS = wordset(
    """Labour Labor Tory Tories Conservative Liberal Democrat Democratic Republican GOP Green Greens
    Socialist Nationalist Unionist Loyalist Rebel Opposition Government Rural Urban"""
)


ADMIN_AFTER_UNKNOWN = wordset("province district region county prefecture governorate oblast municipality constituency")


OFFICE_AFTER_ADMIN = wordset(
    """attorney attorneys court courts judge judges council councils office offices official officials
    governor governors chief chiefs police administrator administrators commissioner commissioners head
    heads level levels manager managers board boards election elections"""
)


# Lowercase nouns after an unknown name that make it a settlement after "the", a locative or a verb of
# seizing: "in Kolma town", "the Tarvo area", "attacked Dorvik village" (the name alone is the place).
SETTLEMENT_AFTER_UNKNOWN = wordset(
    "town village area neighbourhood neighborhood suburb township island ward borough quarter"
)  # ("Tokyo's Shibuya ward", "the Brooklyn borough", "the Keld quarter")
# Of those, the nouns that name a hospital's ward or a year's quarter as often: only after the place that
# owns them or a locative ("Tokyo's Shibuya ward", "in Minato ward"; not "the Nightingale ward").
OWNED_SETTLEMENT_NOUNS = wordset("ward borough quarter")
# Of those, the nouns of a feature rather than a settlement, and the prepositions an island takes
# besides the locatives: "on Corvena island", "off Marvossa island".
ISLAND_NOUNS = wordset("island")
ISLAND_LOCATIVES = wordset("on off")
# Nouns after such a noun that make it something else: "the Dorvik town hall", "a village elder".
NOT_SETTLEMENT_AFTER = wordset(
    """hall halls centre center square meeting meetings councillor councillors councilor councilors
    councilman councilwoman planner planners clerk crier elder elders chief chiefs headman resident
    residents native natives man woman people boy girl code codes manager managers mayor network
    networks network's code"""
)
# Nouns of an apposition that describes a name as a place: "Selvak, a town near the border".
APPOSITION_NOUNS = wordset(
    """town village city hamlet settlement suburb district province region island port municipality
    neighbourhood neighborhood community enclave outpost oasis"""
)
# The same in the plural after a list of names, with a count: "Ostby and Brenna, two mining towns".
APPOSITION_PLURALS = wordset(
    """towns villages cities hamlets settlements suburbs districts provinces regions islands ports
    municipalities neighbourhoods neighborhoods communities enclaves outposts oases"""
)
APPOSITION_COUNTS = wordset("two three four five six both")
# Nouns of a coast, a bank or a border after ", on the": "Tarvik, on the Baltic coast", "Orsk, on the
# border": the name before the comma is a place.
ON_THE_NOUNS = wordset("coast coastline shore shores border frontier banks bank outskirts edge river lake delta")
# A distance right after a name: "Korvan, 40 km south of Tarvo", "Dalmor, about 12 miles from".
DISTANCE_AFTER = re.compile(
    r", (?:about |some |nearly |around |roughly |almost |just )?\d[\d.,]*(?: |-)?(?:km|kilometres|kilometers|miles|mi)\b"
)


# After the town of a wire dateline: an optional region or country, an optional date, then a known
# agency ("KORVALA, Ruritania (AP)"), or after a date any source in brackets before a dash ("KORVALA,
# March 3 (Varn Post) -") or the dash alone ("KORVALA, March 3 —"): a date makes the capitals a town, not
# an acronym or a heading ("UPDATE —").
AGENCY_DATELINE = re.compile(
    r"(?:, ([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}))?\.?"
    r"(?P<date>,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: \((?:AP|Reuters|AFP|UPI|dpa|Xinhua|Bloomberg)\)"
    r"|(?(date)(?: \([A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}\))?[ \t\u00a0]*(?:—|–|-[ \t\u00a0])|(?!)))"
)


# The same without an agency, a dash after the town or its region ("KELD —", "TARVO, Varnia -"), and
# how far into the article such a dateline may stand (the first lines: a title, a date, the dateline).
DASH_DATELINE = re.compile(r"(?:, ([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}))?\.?[ \t\u00a0]*(?:—|–|-[ \t\u00a0])")
DATELINE_REACH = 600


# Lowercase heads of a site whose name comes first: "the Pak Lam prison", "at Dunmore station".
SITE_HEADS = wordset(
    """prison jail penitentiary mine mines oilfield gasfield refinery checkpoint airport airfield airbase
    dam stadium hospital mosque church temple shrine monastery cathedral bridge harbour harbor station
    crossing bazaar square compound barracks reservoir canal glacier forest valley river terminal
    corridor estuary building fountain refuge"""
)


# Endings of nationality and other adjectives written with a capital ("Kurdish", "Serbian", "Chinese").
ADJECTIVE_ENDINGS = ("ish", "an", "ese", "ern", "ic", "ary", "al")


# Nouns after "the <Place>" that make the place a vehicle's name: "the Tucson probe", "the Perth submarine".
VEHICLES = wordset(
    """probe probes spacecraft rover lander orbiter submarine frigate destroyer cruiser warship carrier
    tanker freighter ferry liner"""
)


# Capitalised compass words kept with the place they qualify: "Eastern Chad", "South Lebanon".
COMPASS_PREFIX = wordset(
    """North South East West Northern Southern Eastern Western Central Northeast Northwest Southeast
    Southwest Northeastern Northwestern Southeastern Southwestern Upper Lower Greater Inner Outer"""
)  # ("Upper Egypt", "Lower Manhattan", "Greater Sydney": a part or the whole of the place, kept with it)
# The same written in lower case: "southern Chad", "north-eastern Mali", "central Java" (a part of the
# place, kept with it; they qualify only places, so they are locative evidence too).
LOWER_COMPASS = wordset(
    """downtown northern southern eastern western central northeastern northwestern southeastern southwestern
    north south east west northeast northwest southeast southwest"""
)
# Heads of a public body's name after a place and another capitalised word ("Lagos State Government",
# "Syria Civil Defence", "the Keldia State Patrol"); right after the place they are the reporter's words ("the Kenya Government").
BODY_HEADS_AFTER_PLACE = wordset("Government Defence Defense Guard Corps Brigade Brigades Patrol")
# Words naming a country's regime or era, kept with it ("Nazi Germany", "Communist China", "Tsarist
# Russia"): never a given name before a surname.
REGIME_ADJECTIVES = wordset(
    """Nazi Communist Soviet Imperial Ancient Medieval Colonial Fascist Tsarist Czarist Weimar Maoist Feudal
    Ottoman Francoist Apartheid Occupied"""
)
# Capitalised compass adjectives that open the name of an unknown region after a locative ("across
# Eastern Varnia", "parts of Southern Ostmark").
COMPASS_ADJECTIVES = wordset("Northern Southern Eastern Western Central")
# The compass points do the same after a locative: "in North Vellmark", "across South Tarvia".
COMPASS_POINTS = wordset("North South East West")
# Verbs whose object is a territory, a cue like a locative before a compass region: "the army seized
# Northern Karvia", "rebels shelled Eastern Dorvia".
SEIZING_VERBS = wordset(
    """seized seize seizes seizing captured capture captures capturing shelled shelling invaded invade
    invades invading annexed annex annexes occupied occupy occupies bombed bombing liberated recaptured
    attacked raided stormed"""
)
# Nationality adjectives that no ending gives away ("French", "Dutch", "Thai"): adjectives, never names.
DEMONYMS = wordset(
    """French Dutch Greek Thai Swiss Welsh Scots Scottish Irish Czech Slovak Basque Lao Kurd Kurds Maltese
    Cypriot Croat Serb Bosniak Uzbek Kazakh Tajik Turkmen Kyrgyz Pashtun Hazara Tamil Sikh Hindu Jewish
    Muslim Christian Catholic Arab Berber Tuareg Druze Shia Shiite Sunni Copt Inuit Maori Zulu Xhosa
    Somali Afar"""
)
# A ship's name follows these: "the tanker Rio Grande", "USS Arizona", "the ferry Dover".
VESSEL_NOUNS = wordset(
    """ship vessel tanker freighter ferry frigate destroyer cruiser warship carrier submarine yacht liner
    trawler tug barge boat"""
)
VESSEL_PREFIXES = wordset("USS HMS HMAS HMCS HMNZS RMS MV MS SS INS")
# A work's title follows its kind: "the novel The Salt Road", "the film Harbour Lights", "the song Mill Lane".
WORK_KINDS_BEFORE_TITLE = CREATED_WORK_NOUNS | wordset(
    """film films movie movies book books album albums documentary documentaries painting paintings
    series show exhibition"""
)
# Capitalised plurals after a place that still name a place ("Eureka Springs", "Golan Heights"); any
# other capitalised plural makes a team or a body ("the Denver Nuggets", "Chicago Bulls").
GEOGRAPHIC_PLURALS = wordset(
    """Heights Hills Highlands Lowlands Plains Islands Isles Keys Falls Mountains Alps Lakes Springs
    Rapids Flats Gardens Sands Woods Fields Downs Dunes Territories Provinces States Emirates Glades
    Narrows Shoals Cays Banks Lands Meadows Oaks Pines Palms Forks Mills Wells Crossings Gates"""
)
# Lowercase words between a site's name and its head: "the Lukovo refugee camp", "Tarvo air base"; the
# heads that need one of them ("the Smith camp" is a campaign, "the Smith base" a party's voters).
SITE_MODIFIERS = wordset(
    """refugee refugees military army naval navy air police train railway rail bus power detention
    migrant migrants displacement prison border transit central main general district provincial
    regional security"""
)  # "the Bang Kwang central prison", "the Kordo general hospital"
SITE_HEADS_WITH_MODIFIER = wordset("camp base station")


# Lowercase nouns after a name that make it an organisation's or a publication's.
ORG_NOUNS = wordset(
    """newspaper newspapers paper magazine journal website broadcaster network company firm group
    band team club airline brand label party"""
)


ADJ_PREFIXES = wordset("anti pro non ex post pre neo pan")
# Words after a hyphen that make the place a likeness ("a Texas-sized deficit", "Paris-style cafes",
# "a Dubai-like skyline"), where "-based" or "-bound" still say where ("a Rotterdam-based firm").
LIKENESS_AFTER_HYPHEN = wordset("sized size style styled type like esque themed inspired flavoured flavored shaped")


# Nouns for people and institutions: after them a country acronym means "American", "British"...
# ("U.S. officials", "the UK government"), unlike "the U.S. coastline" or "US river levels".
INSTITUTIONAL = wordset(
    """official officials government governments administration authorities president presidents
    military army navy forces troops soldiers service servicemen personnel intelligence diplomats
    diplomat diplomacy envoy envoys ambassador embassy embassies lawmakers legislators senators
    senator politicians congressmen policy policymakers industry industries companies company firms
    firm businesses manufacturers defense defence security agencies agency department delegation
    counterpart counterparts allies ally partners officers regulators prosecutors courts judge judges
    citizens nationals taxpayers media press stocks markets investors dollar dollars team teams athletes
    players coach leaders leader leadership side negotiators spokesman spokeswoman spokesperson
    secretary minister ministry ministers commander commanders general generals officer election
    elections law laws delegate delegates representative representatives emissary emissaries"""
)


# People named by their country or city ("the Kenya delegate", "a Brazil striker"): after "the"/"a" and
# the place, these make the place an adjective ("the Kenya border" stays a place).
# Words after a city that make a football club's name when the gazetteer knows no longer place of that
# name ("Manchester City", "Swansea City", "Hull City"; "Kansas City", "Mexico City" are cities).
CLUB_AFTER_CITY = wordset("City United Athletic Rovers Wanderers Albion")


# Party members after a state or province, which the rule for a team's name leaves to the place
# ("the Iowa Democrats", "Alberta Conservatives").
PARTY_PLURALS = wordset(
    """Democrats Republicans Conservatives Liberals Tories Greens Socialists Progressives Libertarians
    Nationalists Unionists Independents Rockies"""
)


# Participles that take a place as their object, capitalised when they open a sentence ("Visiting
# Russia in March, he ...", "Leaving Paris, the convoy ..."): no given name before the place.
PLACE_PARTICIPLES = wordset(
    """visiting leaving entering crossing touring reaching approaching exiting departing fleeing
    invading occupying bombing shelling attacking liberating evacuating circling overflying
    rebuilding putting keeping making bringing sending defending supporting arming funding helping
    sanctioning isolating punishing protecting uniting governing ruling reading"""
)
# Adjectives of nearness that open a sentence before a country ("Neighbouring Ruritania and Elbonia
# sent aid", "Nearby Tarvia closed its border"): capitalised there, and no given name.
NEARNESS_OPENERS = wordset("neighbouring neighboring nearby bordering adjacent")


# Local offices named after their town or county, beside the titles of the shared lexicon: "the Los Angeles
# Sheriff's office", "Cook County Sheriff Tom Dart" (the place, then the office; no person "Angeles Sheriff").
LOCAL_OFFICES = wordset("Sheriff Sheriffs Coroner Prosecutor Assessor Clerk Treasurer Auditor Marshal Supervisor")


# Titles of a town's or a state's own officers after its name, before the officer's name: "Dalby Mayor
# Ann Roe", "Ohio Governor Tim Ash" (the office says the name is a place, however small the town).
LOCAL_TITLES_AFTER_PLACE = wordset("Mayor Governor Sheriff Councillor Councilor Councilman Councilwoman Alderman")


# After "the <Surname>", nouns of a politician's following or tenure: "the Obama administration", "the
# Clinton campaign" name a person, not the town of Obama or Clinton.
PERSON_FOLLOWING = wordset(
    """administration administrations campaign campaigns camp presidency era years aides aide allies
    loyalists supporters doctrine dynasty clan family ad ads transition tenure"""
)


PEOPLE_AFTER_PLACE = wordset(
    """delegate delegates envoy envoys ambassador diplomat diplomats official officials representative
    representatives negotiator negotiators spokesman spokeswoman spokesperson emissary minister
    striker strikers captain coach manager goalkeeper keeper midfielder defender forward winger skipper
    squad batsman bowler opener player players international internationals"""
)


# Words around a name that make it a company's: "Magna shares", "a stake in Mesa", "Delta's shareholders".
COMPANY_AFTER = wordset("shares stock stocks shareholders stockholders bonds securities")


COMPANY_BEFORE = wordset("stake stakes shares stock")


# Before "to X", these make X a destination; before "from X", these make X a sender, not a place.
MOTION = wordset(
    """go goes going gone went come comes came coming travel travels travelled traveled travelling
    traveling fly flies flew flown flying drive drives drove driven driving move moves moved moving
    return returns returned returning sail sailed head heads headed heading flee fled walk walked march
    marched ride rode deported moved relocated trip trips journey visit visits flight flights route
    road way pilgrimage voyage migration back"""
)


# Trades, professions and fields that name constituencies, districts and boards made of common words
# ("the Social Welfare constituency", "the Insurance constituency"), beside the fields of government.
SECTOR_WORDS = ORG_DOMAINS | wordset(
    """social public legal medical dental health insurance accountancy accounting engineering catering
    textiles textile garment garments architectural architecture surveying landscape information import
    export wholesale retail real estate construction banking shipping nursing teaching mining farming
    fishing fisheries publishing printing manufacturing tourism aviation medicine pharmacy veterinary
    labour labor financial services commercial industrial cultural sporting arts heritage media"""
)


# Locatives before a list of places whose unknown member is a place by its well-known partner ("at
# Mongla and Chittagong"; not "to", "from", "between", which take people: "a letter to Ann and Paris").
LIST_LOCATIVES = wordset("in at near outside into across throughout")


# Lowercase words that may follow a place's name in a sentence (function words, auxiliaries): after a
# weakly placed name any other lowercase word makes it an adjective ("schools in Black neighbourhoods").
WORDS_AFTER_A_PLACE = frozenset(w.lower() for w in FUNCTION_CAPS) | wordset(
    """is was were are be been has have had will would could can may might must should did does do
    said says last next this that where which who whose until since because earlier later"""
)


# A name the gazetteer lacks that follows these twice or more in an article, and only ever a locative,
# is a place ("the monks in Tabennese ... returned to Tabennese"); how many names are followed so.
REPEATED_LOCATIVES = wordset("in near outside across throughout inside")
LOCATIVE_FORMS = LOCATIVE | frozenset(w.capitalize() for w in LOCATIVE)  # "in", and "In" opening a sentence
MAX_REPEATED = 2000
MAX_REPEATED_PLACES = 64  # (names judged in the one pass over the article: the most used)


# Lowercase nouns of a building or a mission that stands somewhere, beside the site heads: a name after
# their "in" is where ("the Keld embassy in Varnholm", "the firm's headquarters in Tarvo", "a school in
# Nausori").
SITED_NOUNS = wordset(
    """embassy embassies consulate consulates headquarters campus school schools hotel hotels factory
    factories farm farms village villages"""
)


# Nouns of a border or a route after two names joined by a hyphen, each name a place: "the Keld-Varnia
# border", "the Tarvo-Keld highway" (not "the Lee-Enfield rifle").
BORDER_AND_ROUTE_NOUNS = wordset("border borders frontier boundary crossing highway motorway railway railroad pipeline")


# Heads of a body named for its purpose besides the organisation heads of the shared lexicon: after
# "for"/"on" and its field a country or region is the purpose's scope, inside the name ("Centre for
# Human Rights in Keldia", "Campaign for Clean Water in Africa").
PURPOSE_BODY_HEADS = wordset("Centre Center Campaign")


# Roads named by their number: "Interstate 25", "U.S. Highway 85", "State Route 9", "I-25".
NUMBERED_ROAD = re.compile(
    r"\b(?:(?:U\.S\.|US|State|County|National) )?(?:Interstate|Highway|Route|Motorway|Autobahn)[ -]\d{1,4}[A-Z]?\b"
    r"|\bI-\d{1,3}\b"
)


# Heads of an airport's name: a three-letter code coordinated with one is an airport ("JFK and Elm Airport").
AIRPORT_HEADS = wordset("Airport Airfield Aerodrome")


# Words that make the name after them a destination or whereabouts for certain, even of a small foreign
# town whose country the article never names: "the ferry left Toulon", "troops massed near Tarbes".
CLEAR_LOCATIVE = wordset(
    "near outside reached reaching left leaving entered entering via nearby neighbouring neighboring"
)


# Before "in/at/to/from/into X": verbs and nouns of arriving, staying and transport that make X a place
# ("arrived in Tarbes", "stationed at Brive", "the ferry from Bastia"), beside the motion words.
ARRIVAL = wordset(
    """arrive arrives arrived arriving land lands landed landing dock docks docked stationed based born
    stay stays stayed staying lives lived living located situated headquartered settled stranded
    evacuated ferry ferries bus buses train trains plane planes ship ships convoy convoys diverted rerouted
    airlifted"""
)
# People named by where they live or come from: "a man from Tarbes", "residents in Tarbes".
DWELLERS = wordset(
    """man woman men women boy girl boys girls people resident residents family families villagers
    townspeople locals natives native farmer farmers fishermen worker workers refugees pilgrims tourists"""
)
CLEAR_BEFORE_PREPOSITION = MOTION | ARRIVAL | DWELLERS
# Of those, the words whose destination or origin is a place and never a person or a company ("flew
# to Caraveli", "born in Stridon", "flights to Tarvo"; not "moved to Netflix", "went to Harvard", "voters
# fled to Sanders"), and
# the bare locatives that take no person ("near Ellon", "outside Tarvo"; not "reached Smith").
PLACE_ONLY_MOTION = CLEAR_BEFORE_PREPOSITION & wordset(
    """fly flies flew flown flying travel travels travelled traveled travelling traveling sail sailed
    arrive arrives arrived arriving land lands landed landing dock docked stationed born stranded
    evacuated deported flight flights rerouted airlifted"""
)
PLACE_ONLY_LOCATIVE = CLEAR_LOCATIVE & wordset("near outside nearby neighbouring neighboring")
# Dwellers that take "of" before their place as well: "residents of Tarbes", "villagers of Lukovo".
DWELLERS_OF = wordset("residents inhabitants villagers townspeople locals natives")
# A town's own officers: "the mayor of Brennick", "Brennick's deputy mayor" make the name a town.
TOWN_OFFICERS = wordset("mayor mayors mayoress burgomaster")
# Nouns of position before "of" that make the name after it a place, as a locative does: "20 km north
# of Tarbes", "the outskirts of Tarbes", "the suburbs of Brive", "the slopes of Kilimanjaro".
WHEREABOUTS_OF = wordset(
    """north south east west northeast northwest southeast southwest north-east north-west south-east
    south-west outskirts suburbs slopes foothills shores coast"""
)
# Heads after "the <town>" that name one of its sites, so the town is a place: "the Tarbes airport",
# "the Lukovo nuclear plant" (beside the site heads of unknown names, works that take a modifier).
KNOWN_SITE_HEADS = wordset("plant plants factory works port")
KNOWN_SITE_MODIFIERS = wordset("nuclear chemical steel")


SENDER = wordset("letter letters message messages call calls note notes request requests statement email")


# Short and shared given names, which the gendered lists of the shared lexicon leave out on purpose
# (they say nothing of sex): before a venue head or a town they make a person as well ("Sam Hall said",
# "Kim Park sings", "a letter to Kim").
SHARED_GIVEN_NAMES = wordset(
    """kim lee jo sam pat alex chris robin jan jean dana jamie jesse casey leslie ashley morgan kay lou
    sue liz meg ted ed ray jay rob ron don len les rex mel val ben dan tim eli leo ivy ida"""
)


GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES | SHARED_GIVEN_NAMES


# Heads of a street's name: "Victoria Street", "Jean Avenue" are streets named after people, not people,
# unless the article uses the head alone as a surname ("Ms Lane").
STREET_HEADS = wordset(STREET)


PLANET_KEYS = frozenset(norm(p) for p in PLANETS)


PLANET_LOCATIVES = LOCATIVE | wordset(
    """on orbit orbiting orbited around reach reached reaching landed past beyond approach approached
    approaching circling circled explore explored exploring surface"""
)  # "flew past Jupiter", "the probe approaching Saturn"


HOME_COUNTRIES = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
