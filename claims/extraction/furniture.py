"""Page furniture: the parts of a page that are not the article's claims.

Decided per paragraph (a line of the page), from its shape and a few general lexicons:

* the headline: a short first paragraph without a final period;
* date lines ("Friday, May 14, 2010", "Updated 10:45 GMT");
* bylines and credits ("By Jane Doe", "Additional reporting by AP", "Image: X.", "Photo: ...");
* captions: the line just above a credit, a short paragraph with no finite verb, one that starts
  in lowercase, and any short paragraph without final punctuation (headings, captions, labels);
* promos and calls to action ("click here", "Sign up", "Read more", "Live Briefing: ...", "Vote now"), paywall,
  cookie and comment-box notices, a press release's legal small print and its "About <name>" box;
* a deck: the sentence between the headline and the byline or date line;
* wiki notices ("From Wikitimes, the free news site...", "This is the stable version...");
* a "Sources" / "References" / "External links" heading and everything after it, and citation
  lines ('"Title" — Publisher, August 15, 2008') wherever they are.
* pull quotes: paragraphs repeating sentences of the body, a paragraph signed by a verbless
  "Name, Title" line, and a paragraph repeating a long run of body words (quote marks or not)
  followed by such a line on its own -- both lines are the box.

Everything here is cheap: one compiled regex per test and word-set look-ups on short paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon
from .normalize import SENTENCE_CLOSERS, wordset
from .types import Sentence

_SHORT = 25  # words: longer paragraphs are never captions or headings
_CLOSERS = SENTENCE_CLOSERS

_END_SECTION = re.compile(
    r"(?:sources?|references?|external\s+links?|see\s+also|notes|footnotes|citations|bibliography"
    r"|further\s+reading|notes?\s+to\s+editors?)\s*:?",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_DATE_WORD = re.compile(
    rf"(?:{_MONTH}|{_WEEKDAY}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.]\d{{2}}|\d{{1,2}}[ap]m|[ap]\.?m\.?|gmt|utc|[ecmp][sd]?t|bst|cet"
    r"|updated|published|posted|last|modified|on|at|and|of|the|date|time|ago|an?|hours?|minutes?|mins?|days?"
    # the reading time set beside the date: "14 March 2024 • 3 min read"
    r"|read|listen)",
    re.IGNORECASE,
)
# A wire photo's caption dates the picture after a comma at its end: "Traders work on the floor in London,
# March 12, 2024." (a sentence dates its event with "on": "... raised rates on March 12, 2024.", "... on
# Tuesday, March 12, 2024.").
_CAPTION_DATE = re.compile(
    rf"(?<!day),\s+(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}),?\s+\d{{4}}\s*\.?$", re.IGNORECASE
)
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*+\.?")
_CREDIT = re.compile(
    r"(?:images?|photos?|photographs?|pictures?|video|audio|credits?|illustrations?|graphics?|maps?|charts?"
    r"|file\s+photo|caption|source|sources|screenshot|footage)\s*:",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"sources?\s*:", re.IGNORECASE)
# The story's sentence about the picture above its credit ("The photo, taken by a passer-by, shows ..."), not the
# picture's caption, which tells what it shows ("The old bridge at Harl under water on Thursday").
_ABOUT_PICTURE = re.compile(r"The\s+(?:photos?|photographs?|pictures?|images?|video|footage|clip)\b")
# A press release's "About Varn Holdings" box and a page's "About the author": a heading naming the body or the
# writer, followed by its boilerplate.
_ABOUT_HEADING = re.compile(
    r"About\s+(?:(?:the\s+)?(?:authors?|writers?|reporters?|contributors?)|(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*)(?:\s+[A-Z&][\w.&'’-]*){0,5})\s*:?"
)
_ABOUT_BOX = 3  # paragraphs of boilerplate at most
# "By Jane Doe", "By JANE DOE and Ann Roe, Reuters" (names capitalised: "By the end of May, ..." is no byline).
_BYLINE = re.compile(
    r"\(?(?:By|BY|by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin|la|le)){0,6}"
    r"(?:\s*[,|/–—-]\s*[A-Z][\w.'’ &-]{0,40})?\)?\s*$"
)
_CREDIT_BY = re.compile(
    r"\(?(?:(?:with|additional|and)\s+)?(?:reporting|editing|writing|research|contributions?|compiled|written|"
    r"contributed|edited|produced|translated)\s+(?:by|from)\b",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    rf"{_CREDIT_BY.pattern}|(?:©|all\s+rights\s+reserved"
    # "Copyright 2024 ...", "Copyright Wire Service": not "Copyright holders sued ..."
    r"|copyright\s*(?:©|\(c\)|\d{4}|(?-i:[A-Z][a-z]*(?:\s+[A-Z]\w*)*\s*$)))",
    re.IGNORECASE,
)
# Calls to action and promos: a paragraph holding one is furniture when it has at most three sentences.
_PROMO = re.compile(
    r"\b(?:live\s+(?:briefing|blog)|story\s+continues\s+(?:below|after)|listen\s+to\s+this\s+article"
    r"|recommended\s+for\s+you|sign\s+up\s+(?:here|now|today)|download\s+our\s+(?:\w+\s+)?app"
    r"|contributed\s+to\s+this\s+(?:report|story|article)|trust\s+principles"
    r"|a\s+version\s+of\s+this\s+(?:article|story)|an\s+earlier\s+version\s+of\s+this"
    r"|(?:was|were)\s+used\s+in\s+this\s+(?:report|story|article)|contributed\s+reporting"
    # the page's own story: "This article was originally published by ...", "This story was produced with
    # support from ..."
    r"|this\s+(?:article|story|piece|post|essay|column|interview|content|series|coverage)\s+(?:was\s+|is\s+|has\s+been\s+)?"
    r"(?:(?:originally|first)\s+)?(?:published|appeared|ran|posted|produced|made\s+possible|supported|funded|translated|adapted)\b)\b"
    # a paywall: "You have reached your limit of free articles this month.", "This article is for subscribers only."
    r"|reached\s+(?:your|the)\s+(?:limit|maximum)\s+of\s+free\b"
    r"|^this\s+(?:article|story|content|page)\s+is\s+(?:only\s+)?(?:for|available\s+to|exclusive\s+to)\s+(?:subscribers|members)\b"
    # a letters page's small print: "Letters to the editor are welcome.", "Letters may be edited for length."
    r"|(?:^|[.!?]\s+)letters\s+(?:to\s+the\s+editor\s+)?(?:are\s+welcome|may\s+be\s+(?:edited|shortened|cut))\b"
    r"|^\(?(?:editor['’]?s\s+note|(?:related|read\s+more|see\s+also|watch|listen|more|also\s+read|recommended|trending)\s*:)"
    # a link to the outlet's other formats: "Explainer: What is the row about?", "Factbox: Key facts ..."
    r"|^(?:explainer|factbox|fact\s+box|timeline|q&a|graphics?|interactive|breakingviews|podcast|gallery|slideshow|poll|quiz)\s*:"
    r"|^(?:corrections?|clarifications?)\s*:|e-?mail\s+us\s+at\b"
    # an agency's file-photo caption ("FILE - The mayor speaks ..."), a video label ("WATCH | ..."), a call
    # for readers' stories, a reporter's social handle ("Follow her on X @...")
    r"|^file(?:\s+photo)?\s*[-–—:|]\s|^(?:watch|listen|video|gallery)\s*\|"
    r"|(?:^|[?.!]\s+)share\s+your\s+(?:experiences?|stories|story|views|thoughts|photos)\s+(?:by|with\s+us|here|at)\b"
    r"|^follow\s+(?:him|her|them|us|me)\s+on\s+(?:x|twitter|instagram|facebook|threads|bluesky|tiktok|linkedin)\b"
    r"|^this\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated)\b"
)
# Furniture that makes its whole paragraph furniture: a wire gallery's caption ("[1/3] A crane at the port ...
# REUTERS/Ann Lee Purchase Licensing Rights", "Item 2 of 5 ...") and a publisher's funding notice ("The Wire
# receives support from several foundations. The Wire is solely responsible for all content.").
_WHOLE = re.compile(
    r"purchase\s+licensing\s+rights|solely\s+responsible\s+for\s+all\s+content|^\[\d{1,2}\s?/\s?\d{1,2}\]\s"
    r"|^item\s+\d{1,2}\s+of\s+\d{1,2}\s"
    # a newsletter box's small print: "We use your sign-up to provide content ... You can unsubscribe at any time."
    r"|we\s+use\s+your\s+sign-?\s?up\b|you\s+(?:can|may)\s+unsubscribe\s+at\s+any\s+time"
)
# Calls to the reader that also occur inside body sentences ("Children who read more books ...", "Many voters
# share this view.", "Parents can sign up for the scheme."): a call only where it opens a sentence, and never
# in a paragraph that reports speech ('"Support our work," the charity said.').
_CALL_START = r"(?:^|[.!?:|»›]\s+|[»›▶]\s*)(?:for\s+(?:more|the\s+latest)(?:\s+\w+){0,3},\s+)?"
_PROMO_CALL = re.compile(
    rf"{_CALL_START}(?:read\s+more|follow\s+(?:us|our)\b|download\s+(?:our|the)\b|share\s+(?:this|on)\b|story\s+continues"
    r"|sign\s+up\b|subscribe\b(?!-)|thanks\s+for\s+reading\b|support\s+our\s+(?:journalism|work)|contact\s+us\b|(?:have|got)\s+a\s+(?:news\s+)?tip"
    r"|by\s+(?:signing\s+up|subscribing|clicking|registering)\b[^.!?]{0,30}\byou\b|originally\s+(?:published|appeared)|(?:listen|watch)\s+(?:to\s+(?:the|our|this)|here|now|live|the\s+(?:video|full))\b"
    # a poll ("Do you agree? Vote now"), a paywall's log-in ("Already a subscriber? Log in"), an address to write to
    r"|vote\s+(?:now|here|in\s+our\s+poll)\b|take\s+our\s+(?:poll|survey|quiz)\b|already\s+(?:a\s+subscriber|subscribed"
    r"|have\s+an\s+account)\b|(?:log|sign)\s+in\b|e-?mail\s+(?:us\s+(?:at\s+)?)?[\w.+-]+@"
    # a call for readers' material and the outlet's social pages: "We want to hear from you. Send your photos to ...",
    # "Follow Keld Radio on Facebook, X and Instagram."
    r"|we\s+want\s+to\s+hear\s+from\s+you|send\s+(?:us\s+)?your\s+(?:photos|videos|pictures|stories|story\s+ideas|tips)\b"
    r"|follow\s+(?:[\w’'-]+\s+){1,4}on\s+(?:facebook|x|twitter|instagram|tiktok|threads|whatsapp)\b)"
    # "Click here to ...", not a notice reported ("... telling passengers to click here for refunds was removed")
    r"|\b(?:click\s+here\b(?<!to\sclick\shere)|subscribe\s+(?:to\s+our|now|here|today)|our\s+(?:free\s+)?newsletters?"
    r"|sign\s+up\s+(?:for|to)\s+(?:the|our)\s[^.!?]{0,40}newsletter)\b"
)
# Imperatives that open a promo's other sentences: "Get a look at tomorrow's news with our briefing."
_CALL_OPENING = re.compile(
    r"(?:get|sign|subscribe|follow|read|click|tap|listen|watch|download|share|join|support|visit|see|find|want)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”‘]|(?<!\w)'|'(?!\w)")
_NOTE_OPENING = re.compile(r"\(?(?:editor['’]?s\s+note|corrections?|clarifications?)\s*:")
# A correction notice opening its paragraph, which tells what an earlier version said ("This article was amended
# on 15 March 2024. An earlier version said the farm would have 14 turbines."): a short one is furniture whole.
_CORRECTION_OPENING = re.compile(
    rf"{_NOTE_OPENING.pattern}|this\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+(?:amended|corrected)\b"
    r"|an?\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|report|piece)\b"
)
# Notices that run long, found in a paragraph's opening: a press release's legal small print ("This press release
# contains forward-looking statements within the meaning of ...", "... undertakes no obligation to update ..."), a
# plea for readers' money ("... we have a small favour to ask. Millions are turning to ..."), a reuse notice
# ("Please use the sharing tools found via the share button ...").
_LONG_NOTICE = re.compile(
    r"we\s+have\s+a\s+small\s+favou?r\s+to\s+ask|please\s+consider\s+supporting\s+us"
    r"|please\s+use\s+the\s+sharing\s+tools|copying\s+articles\s+to\s+share\s+with\s+others"
    r"|forward-looking\s+statements?\s+(?:that\s+)?(?:within\s+the\s+meaning|involve|are\s+(?:based|subject)|in\s+this)"
    r"|actual\s+results\s+(?:may|could|might)\s+differ\s+materially"
    r"|(?:contains?|includes?|constitutes?|may\s+contain)\s+(?:certain\s+)?[\"“]?forward-looking\s+statements"
    r"|undertakes?\s+no\s+(?:obligation|duty)\s+to\s+(?:publicly\s+)?(?:update|revise)"
)
_LONG_NOTICE_SPAN = 400  # characters of a long paragraph searched for it
_LONG_NOTICE_WORDS = ("looking", "materially", "obligation", "favour", "favor", "supporting", "sharing", "copying")


def _long_notice(head: str) -> bool:
    """Does the opening of a paragraph hold a notice that runs long?"""
    return any(w in head for w in _LONG_NOTICE_WORDS) and _LONG_NOTICE.search(head.lower()) is not None


_TO_READER = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according\s+to)\b")
# The credits among them: in a paragraph of several sentences only the credit's sentence is furniture.
_CREDIT_PHRASE = re.compile(
    r"\b(?:contributed\s+to\s+this\s+(?:report|story|article)|(?:was|were)\s+used\s+in\s+this\s+(?:report|story|article)"
    r"|contributed\s+reporting)\b"
)
# Weaker promo words: only a very short paragraph holding one is furniture ("Advertisement", "Subscribe").
_PROMO_WORD = re.compile(r"\b(?:advertisement|subscribe|newsletter|sign\s+up|live\s+updates?|related\s+\w+)\b")
# Wiki page notices (MediaWiki revision flags, site taglines, licence lines).
_NOTICE = re.compile(
    r"(?:^from\s+wiki\w+,\s+the\s+free|the\s+free\s+news\s+source\s+you\s+can\s+write"
    r"|^this\s+is\s+the\s+(?:stable|latest\s+accepted)\s+version|template\s+changes\s+await\s+review"
    r"|pending\s+changes\s+await|^retrieved\s+from\s+[\"“]?https?:|jump\s+to\s+(?:navigation|search)"
    r"|have\s+an\s+opinion\s+on\s+this\s+story|this\s+page\s+was\s+last\s+(?:edited|modified)"
    r"|you\s+can\s+help\s+wiki\w+|wiki\w+\s+has\s+(?:related\s+news|more\s+about\s+this)"
    r"|first-hand\s+journalism\s+by|^this\s+page\s+is\s+archived|no\s+longer\s+publicly\s+editable"
    r"|articles\s+presented\s+on\s+wiki\w+\s+reflect|^have\s+your\s+say\b|^add\s+or\s+view\s+comments"
    # notes about the page itself: "This article contains a translation of an article from ...", "Interview notes
    # have been made available for this article."
    r"|^this\s+(?:article|story)\s+(?:contains|is|includes)\s+(?:a\s+)?translat|made\s+available\s+for\s+this\s+(?:article|story)"
    r"|^(?:this\s+(?:work|article|text|story)\s+is\s+)?(?:licensed|released)\s+under"
    # rights notices of wire copy: "(XYZ) Copyright 2024 ... All rights reserved. This material may not be ..."
    r"|^\W{0,3}(?:[a-z]{2,6}\W{1,3})?(?:©|copyright\s*(?:©|\(c\))?\s*\d{4})|(?:^|[.)]\s+)all\s+rights\s+reserved\b"
    r"|^this\s+(?:material|article|content)\s+may\s+not\s+be\s+(?:re)?published"
    # a broadcaster's disclaimer under its links: "The BBC is not responsible for the content of external sites."
    r"|not\s+responsible\s+for\s+the\s+content\s+of\s+external"
    # a comment box's and a cookie banner's notices
    r"|^comments\s+(?:are|have\s+been)\s+(?:now\s+)?(?:closed|disabled|turned\s+off)\b[^.]{0,30}\.?$"
    r"|^(?:this|our)\s+(?:site|website)\s+uses\s+cookies|^we\s+use\s+cookies\b"
    r"|^the\s+comments\s+below\s+have\s+not\s+been\s+moderated|views\s+expressed\s+in\s+the\s+contents?\s+above"
    r"|^(?:the\s+)?audio\s+(?:for\s+this\s+(?:story|report)\s+)?will\s+be\s+available\b)"
)
# '"Title" — Publisher, August 15, 2008' and similar reference-list entries.
_CITATION = re.compile(
    r"""(?:[^"“\n]{0,80}\.\s+)?["“][^"”\n]{3,200}["”]\s*[—–-]+\s*[^,\n]{2,80},\s*.{0,40}\d{4}\s*\.?$"""
)
_INLINE_CREDIT = re.compile(r"\s(?:Images?|Photos?|Photograph|Video|Audio|Credit):\s")
# "... in Washington, Monday. (AP Photo/Evan Vucci)", "(Photo: Jane Doe/Reuters)"
_TRAILING_CREDIT = re.compile(r"\((?:[A-Z]{2,}\s+)?(?:Photo|Image|Picture|Video|Credit)s?\b[^()]{0,80}\)\s*\.?$")
# A wire photo's credit ending its caption, the agency in capitals and the photographer: "... in Tokyo.
# REUTERS/Ken Ito/File Photo", "AFP/Ann Lee" (not "a Reuters/Ipsos poll", "the AFP/Getty desk moved").
_AGENCY_PHOTO = re.compile(
    r"\b(?:REUTERS|AFP|EPA(?:-EFE)?|AP|ANP|XINHUA|ANADOLU)\s?/\s?[A-Z][\w.'’-]*(?:(?:\s?/\s?|\s)[A-Z][\w.'’-]*){0,5}\s*$"
)
# News agencies and wire services, as credited at the end of a story ("— AFP", "Reuters and AP
# contributed.", "With agencies"). The short capitalised ones only in capitals.
_AGENCY = (
    r"(?:(?i:the\s+)?(?:AFP|AP|UPI|PA|AAP|ANI|PTI|IANS|CNA|dpa|DPA|EFE|ANSA|TASS|KCNA|ABC|BBC|CNN|NPR)"
    r"|(?i:agence\s+france[\s-]presse|(?:the\s+)?associated\s+press|reuters|xinhua|kyodo|yonhap|interfax"
    r"|bloomberg(?:\s+news)?|anadolu(?:\s+agency)?|bernama|(?:the\s+)?canadian\s+press|(?:the\s+)?press\s+association"
    r"|australian\s+associated\s+press|(?:news\s+)?agencies|wires?|wire\s+services|staff(?:\s+writers?)?))"
)
# A whole paragraph that only credits agencies: "— AFP", "(Reuters)", "AFP/AP", "With AFP and Reuters",
# "Source: Reuters", "Reuters and AP contributed.", "Compiled from agency reports" is a credit line.
_AGENCY_CREDIT = re.compile(
    rf"[\s(\[—–-]*(?:(?i:with|source|sources|via|from|copyright|©|additional\s+reporting\s+(?:by|from))\s*:?\s*)?"
    rf"{_AGENCY}(?:\s*(?:[,/&+]|\band\b)\s*{_AGENCY})*"
    rf"(?:\s+(?i:contributed(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)))?|reported|news\s+agency))?"
    rf"(?:\s+\d{{4}})?[\s.)\]]*"
)
# A broadcast sign-off: "Radio Nord's Ola Berg reports." / "Here's Radio Nord's Ola Berg." / "For NPR News, I'm Ann
# Lee in Kabul." / "This is Ann Lee, BBC News, Kabul." -- the reporter handing over, not a claim.
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_SIGN_OFF_PART = rf"(?:,\s*|\s+(?:for|with|in|at|reporting\s+for)\s+){_NAME}"
_SIGN_OFF = re.compile(
    rf"(?:(?:Here['’]s|Here\s+is)\s+)?{_NAME}['’]s\s+{_NAME}(?:\s+report(?:s|ed)|\s+has\s+(?:the|this|more)(?:\s+story|\s+report)?)?"
    rf"(?:\s+(?:from|in)\s+{_NAME})?\s*[.:]?"
    rf"|For\s+{_NAME},\s+(?:I['’]m|This\s+is)\s+{_NAME}(?:{_SIGN_OFF_PART}){{0,3}}\s*\.?"
    rf"|(?:I['’]m|This\s+is)\s+{_NAME}(?:{_SIGN_OFF_PART}){{1,3}}\s*\.?"
    # "Ann Lee reported from Nairobi.", "Ann Lee reports for Radio Nord from Oslo.": a reporter's credit
    # "Ann Lee reported this story from Oslo."
    rf"|{_NAME}\s+report(?:s|ed)(?:\s+(?:this|the)\s+(?:story|report|article))?(?:\s+for\s+{_NAME})?\s+from\s+{_NAME}"
    # "Ann Lee reported from Keld, and Tom Vale from Oslo."
    rf"(?:,\s*{_NAME})?(?:,?\s+and\s+{_NAME}\s+from\s+{_NAME}(?:,\s*{_NAME})?)?\s*\.?"
)
_REPORTED_STORY = re.compile(r"\sreport(?:s|ed)\s+(?:this|the)\s+(?:story|report|article)\s")
# A trailing agency credit after a sentence's end, in the same paragraph: "... was rushed. — Reuters"
_TRAILING_AGENCY = re.compile(
    rf"(?<=[.!?”\"’'])[ \t]+[—–-]+[ \t]*{_AGENCY}(?:\s*(?:[,/&]|\band\b)\s*{_AGENCY})*\s*\.?$"
)
# A closing line about the reporter: "Ann Lee is a reporter for the Daily Planet." (last paragraph only).
_BIO = re.compile(
    # not "Tom Vale is a former correspondent for ...": a reporter's own line says what they are now
    rf"(?!The\s){_NAME}\s+is\s+(?:an?\s+(?!former\s)(?:[\w-]+\s+){{0,5}}?|the\s+{_NAME}['’]s\s+(?:[\w-]+\s+){{0,3}}?)(?:reporter|correspondent"
    r"|writer|editor|journalist|columnist|contributor|producer|photographer|co-?host|host|presenter)"
    r"(?:\s+(?:for|at|with|on|of|based\s+in|covering)\b[^.]{0,80})?\.?"
    rf"|{_NAME}\s+can\s+be\s+(?:reached|contacted)\s+(?:at|on|via)\b[^\n]{{0,80}}"
    # "Ann Lee covers banking for the Daily Planet.", "Ken Ito writes about energy from Tokyo."
    rf"|(?!The\s){_NAME}\s+(?:covers|writes\s+about|reports\s+on|edits|co-?hosts|hosts)\s[^.]{{0,160}}\.?"
)
# The bio's further sentences: "She covers monetary policy.", "He joined the paper in 2015.", "She previously
# worked in Cairo."
_BIO_MORE = re.compile(
    r"(?:She|He|They)\s+(?:covers|writes|reports|joined|is\s+based|lives|previously|has\s+(?:worked|reported|written"
    r"|covered|been\s+(?:a|an|the)\s)|can\s+be\s+(?:reached|contacted)|was\s+previously)\b[^\"“”]{0,150}"
)
# The reporter's handle after the bio line: "Follow her on X @annlee."
_HANDLE = re.compile(r"(?i:follow\s+(?:him|her|them|me)\s+on\s+)\w+(?:\s+(?:at\s+)?@\w+)?\s*\.?")
# A short credit naming the reporters who contributed: "Ann Lee contributed.", "Staff writer Tom Cole
# contributed reporting." (not "Two donors contributed.": the subject is a name).
# "AP writer Ann Lee in Oslo contributed.", "Tom Cole contributed from Bergen."
_CONTRIBUTOR = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}(?:\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
_CONTRIBUTED = re.compile(
    r"(?:[A-Z][\w.'’&-]*\s+){0,3}?(?:(?:[Ss]taff|[Ss]enior|[Ss]pecial)\s+)?(?:(?i:writers?|correspondents?|reporters?)\s+)?"
    rf"{_CONTRIBUTOR}(?:(?:,\s*|\s+and\s+|,\s+and\s+){_CONTRIBUTOR}){{0,3}}"
    rf"\s+contributed(?:\s+reporting)?(?:\s+from\s+{_NAME})?\s*\.?"
)
# Terminal punctuation closed by a quote mark: the end of a quotation.
_QUOTE_END = re.compile(r"[.!?…][”\"’']")
# A news item's source note in square brackets, standing as a sentence: "[Ann Lee, Daily Planet]", "[CNN]".
_SOURCE_NOTE = re.compile(r"\[[^\[\]\n]{2,80}\]")
_BULLET_START = re.compile(r"[•⁃◦▪‣●■►*–—-]\s")
# A crosshead set between dashes, as wire copy marks one: "– Talks stall –", "- 'We're alive' -."
_CROSSHEAD = re.compile(r"[–—-]\s+\S[^\n]{0,80}?\s[–—-]\s*\.?")

_AUX = wordset(
    "is are was were am be been has have had do does did will would can could shall should may might must "
    "won't can't isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't wouldn't couldn't "
    "shouldn't"
)
_IRREGULAR = wordset(
    "said told made took gave got went came saw knew thought felt became kept left put set ran held brought "
    "began won lost led met paid bought built sent spent grew rose fell cut hit shot beat fought struck found "
    "sold stood understood wrote spoke heard meant drew drove flew threw broke chose fled hid hung laid lay lit "
    "rode rang sang sank sat shook shut slept spread stuck swam swept taught arose bit blew burst caught dealt "
    "dug drank fed forgot hurt let sought shrank spun withdrew upheld overcame undertook wept wore "
    "underwent oversaw foresaw mistook leapt befell overthrew overran"
)
_VERB_BASES = wordset(
    "say tell ask announce report state claim add note explain confirm deny warn urge call describe argue suggest "
    "show find reveal indicate estimate expect plan hope want need make take give get go come see know think "
    "believe feel seem become remain keep leave put set run hold bring begin start continue end win lose lead meet "
    "pay buy sell build send spend grow rise fall increase decrease reduce drop cut raise kill die injure arrest "
    "charge accuse face fire attack strike launch open close move live work use try help allow provide include "
    "involve require receive offer consider decide agree refuse reject accept support oppose criticise criticize "
    "praise join form create produce develop publish release sign approve pass vote elect appoint resign return "
    "stay visit travel arrive happen occur cause affect result change turn look appear serve play write read speak "
    "talk hear learn understand mean represent contain cover fail manage order follow prepare stop prevent protect "
    "save rescue deploy evacuate exchange threaten respond lack deserve await operate treat suffer cost exist "
    "matter own hit shoot beat fight destroy damage collapse crash sink burn reach cross enter mark celebrate "
    "honor honour award name host test assess review investigate examine study analyse analyze measure compare "
    "exceed double top ban block delay cancel schedule predict owe invest fund earn employ hire account lie "
    "emerge inspire consist depend apply remind insist admit recommend demand promise believe share prefer seek"
)


def _verb_forms() -> frozenset[str]:
    forms = set(_AUX) | set(_IRREGULAR) | set(lexicon.IRREGULAR_PAST)
    for base in _VERB_BASES:
        forms.add(base)
        if base.endswith("y") and base[-2] not in "aeiou":
            forms.update((base[:-1] + "ies", base[:-1] + "ied"))
        elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms.update((base + "es", base + "ed"))
        else:
            forms.update((base + "s", base + "d" if base.endswith("e") else base + "ed"))
    return frozenset(forms)


_VERBS = _verb_forms()
_PAST_OR_AUX = frozenset(_AUX | _IRREGULAR | lexicon.IRREGULAR_PAST)
# Words before which an -s word is a plural noun ("of protesters"), and words that typically follow a verb.
_NOUN_HEADS = wordset(
    "of the a an in at on for with and or by from to some many most two three four several all other their his "
    "her its our these those such more few"
)
_AFTER_VERB = wordset("the a an to its his her their on in at next this that up out more for with new into over")
_NOT_VERBS_ED = wordset("hundred sacred naked wicked kindred hatred bed red shed speed seed need feed deed")
# Adverbs that stand before a finite verb: an -s word after one is the verb ("The club also owns Kelby
# Park", "She often visits Rome"). The -ly adverbs and a few short ones of the lexicon's list of words
# between a subject and its verb; not "still" ("still images"), "just" ("just weeks") or "further".
_PREVERBAL_ADVERBS = frozenset(w for w in lexicon.AUXILIARIES if w.endswith("ly") and w not in _AUX) | wordset(
    "also already always never often now"
)
# Words before "'s" that make it "is" or "has" ("It's over", "There's no sign"), not a possessive.
_S_CONTRACTION_HOSTS = wordset("it he she that there here what who where how let")
_CONTRACTIONS = ("n't", "'re", "'ve", "'ll", "'m", "'d")


def flag(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Return ``sentences`` with ``furniture`` set on page furniture (the list itself, updated)."""
    if not sentences:
        return sentences
    paras = _group(sentences)
    flags = bytearray(len(paras))  # one byte per paragraph: a text may hold a million
    credits: list[int] = []  # picture credits whose caption is the line above
    for i, group in enumerate(paras):
        start, end = group[0].start, group[-1].end
        body = text[start:end]
        if i > 0 and _END_SECTION.fullmatch(body):
            for j in range(i, len(paras)):
                flags[j] = True
            break
        flags[i] = _is_furniture(text, body, i, len(paras[i])) or _has_credit(text, paras[i]) or _signed(text, paras[i])
        if (
            i > 0
            and _CREDIT.match(body)
            and not _SOURCE_LINE.match(body)  # "Source: Eurostat" credits a chart, whose title is no sentence
            and _credit_names(body)  # "Photos: Wildfire rages near the city" is a gallery's link, no credit
            and _caption_before(text, (paras[i - 1][0].start, paras[i - 1][-1].end), start)
            and not _ABOUT_PICTURE.match(text, paras[i - 1][0].start)
        ):
            credits.append(i)
    for i in credits:
        below = i + 1 < len(paras) and flags[i + 1] and _caption_below(text, paras[i - 1], paras[i + 1])
        if not below:
            flags[i - 1] = True
    deck = _deck(text, paras, flags)
    if deck:
        flags[deck] = True
    for i in range(1, len(paras) - 1):
        if (
            flags[i]
            and len(paras[i]) == 1
            and text.startswith("About", paras[i][0].start)
            and (about := _ABOUT_HEADING.fullmatch(text, paras[i][0].start, paras[i][0].end))
        ):
            _flag_about_box(text, paras, flags, i, about.group("name"))
    for i in range(1, len(paras)):
        if not flags[i] and flags[i - 1] and (i + 1 == len(paras) or flags[i + 1]) and _reader_question(text, paras[i]):
            flags[i] = True  # "Have your say / What do you think of car-free towns? / Add or view comments"
    for i in _pull_quotes(text, paras):
        flags[i] = True
    for i in _signed_boxes(text, paras):
        flags[i] = flags[i - 1] = True
    # Flagged copies replace the originals in place, and each paragraph's list is dropped once done, so
    # that a million one-line paragraphs are never held twice.
    last = len(paras) - 1
    while last > 1 and flags[last] and len(paras) - last <= 5:  # the handle, "Print", "Share" after the bio
        last -= 1
    if last > 0 and not flags[last] and _bio_line(text, paras[last]):
        flags[last] = True
    k = 0
    splits: list[tuple[int, Sentence, Sentence]] = []  # (index, body part, trailing credit)
    for i, flagged in enumerate(flags):
        group, paras[i] = paras[i], []
        promos = () if flagged or len(group) == 1 else _promo_sentences(text, group)
        for n, s in enumerate(group):
            if flagged or n in promos or _sign_off(text, s) or _credit_sentence(text, s):
                sentences[k] = replace(s, furniture=True)
            elif n == len(group) - 1 and (cut := _trailing_agency(text, s)) is not None:
                splits.append((k, replace(s, end=cut[0]), replace(s, start=cut[1], furniture=True)))
            k += 1
    if splits:  # rare: rebuild the list once rather than insert into it
        out: list[Sentence] = []
        last = 0
        for k, body_part, credit in splits:
            out.extend(sentences[last:k])
            out.extend((body_part, credit))
            last = k + 1
        out.extend(sentences[last:])
        return out
    return sentences


# Words of a headline's clause rather than a credit's names ("Photos: Wildfire rages near the city", not
# "Image: Local fire brigade.")
_CREDIT_NOT_NAMES = wordset("near in at on after over amid as to with into during against across inside outside")


def _credit_names(line: str) -> bool:
    """Does the credit line name a source only ("Image: Tarra Volcano Observatory.", "Photo: Ann Lee/Reuters"),
    rather than title a picture or a gallery ("Photos: Wildfire rages near the city")?"""
    words = line.partition(":")[2].lower().split()
    return len(words) <= 8 and _CREDIT_NOT_NAMES.isdisjoint(w.rstrip(".,") for w in words)


_DECK_AT = 5  # the deck stands among the first paragraphs, after the page's labels and the headline
_DECK_GAP = 3  # furniture paragraphs between the deck and its byline or date ("Share full article")
# A date line that dates the story (a month, a weekday, a year, "14/03/2024"), not a live blog's "10:15" over a post.
_DATED = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY})(?!\w)|\d{{4}}|\d{{1,2}}/\d{{1,2}}", re.IGNORECASE)


def _deck(text: str, paras: list[list[Sentence]], flags: bytearray) -> int:
    """The standfirst under the headline, set above the byline or the date ("The closure will reroute 30,000 cars a
    day." then "By Ann Lee"): the first paragraph left as a sentence, when only furniture stands before it and a
    byline or a date line after it, with only furniture between, and it reports no speech; 0 when there is none."""
    k = next((i for i in range(1, min(len(paras) - 1, _DECK_AT + 1)) if not flags[i]), 0)
    if not k or len(paras[k]) != 1 or paras[k][0].end - paras[k][0].start > 300:
        return 0
    if _REPORTED.search(text, paras[k][0].start, paras[k][0].end):
        return 0  # a lede set above a byline tells who said it: "The storm hit the coast, officials said."
    for j in range(k + 1, min(len(paras), k + 1 + _DECK_GAP)):
        if not flags[j]:
            return 0
        line = text[paras[j][0].start : paras[j][-1].end]
        if (_date_line(line) and _DATED.search(line)) or (_BYLINE.match(line) is not None and not _has_verb(line)):
            return k
    return 0


def _flag_about_box(text: str, paras: list[list[Sentence]], flags: bytearray, heading: int, name: str | None) -> None:
    """Flag the boilerplate under an "About ..." heading: the paragraphs up to the next furniture, at most
    ``_ABOUT_BOX``; under a company's name the first must name it ("Varn Holdings Inc. designs ...")."""
    first = paras[heading + 1]
    if name is not None and name not in text[first[0].start : min(first[-1].end, first[0].start + 300)]:
        return
    for j in range(heading + 1, min(len(paras), heading + 1 + _ABOUT_BOX)):
        if flags[j]:
            return
        flags[j] = True


def _reader_question(text: str, group: list[Sentence]) -> bool:
    """A lone question to the reader, unquoted: "What do you think of car-free town centres?" (only between
    furniture: an interviewer's "Q: Do you think ...?" sits between answers)."""
    if len(group) != 1 or group[0].end - group[0].start > 200:
        return False
    line = text[group[0].start : group[0].end]
    return line.endswith("?") and _TO_READER.search(line) is not None and _QUOTED.search(line) is None


def _promo(low: str) -> bool:
    """Does the lowercased text hold a promo or a call to the reader?"""
    return _PROMO.search(low) is not None or (_PROMO_CALL.search(low) is not None and not _REPORTED.search(low))


def _promo_sentences(text: str, group: list[Sentence]) -> list[int]:
    """The sentences of a body paragraph that are a promo ("... traffic. Sign up here."), with the calls,
    questions and lines to the reader next to them ("Want this in your inbox? Sign up here.", "Get our
    briefing. Sign up here.", "Our live page gives you the latest. Click here.")."""
    found = [
        n
        for n, s in enumerate(group)
        if s.end - s.start <= 300
        and _promo(low := text[s.start : s.end].lower())
        # a long note or correction retells the story's facts: "Editor's note: An article on Monday reported ..."
        and not (n == 0 and len(group) > 3 and _NOTE_OPENING.match(low))
    ]
    if not found:
        return found
    out = set(found)
    for n in found:
        for m in (n - 1, n + 1):
            if 0 <= m < len(group) and m not in out and group[m].end - group[m].start <= 200:
                line = text[group[m].start : group[m].end]
                if (
                    line.rstrip(_CLOSERS + " ").endswith("?")
                    or _CALL_OPENING.match(line)
                    or (_TO_READER.search(line) and not any(q in line for q in '"“”'))
                    or _BIO.fullmatch(line.rstrip("”\"’' ")) is not None  # "Ann Lee hosts our podcast. Subscribe here."
                ):
                    out.add(m)
    return sorted(out)


def _credit_sentence(text: str, s: Sentence) -> bool:
    """A credit standing as a sentence inside a paragraph: "(Reporting by Ann Lee; Editing by Tom Cole)",
    "Additional reporting by Tom Cole.", "Reuters contributed to this report.", "[Ann Lee, Daily Planet]" """
    if s.end - s.start > 300:
        return False
    line = text[s.start : s.end]
    words = len(line.split())
    return (
        (words <= 30 and _credit_line(line))
        or (words <= 12 and _AGENCY_CREDIT.fullmatch(line) is not None)
        or (words <= 30 and _CREDIT_PHRASE.search(line.lower()) is not None)
        or (words <= 12 and _CONTRIBUTED.fullmatch(line) is not None)
        or (words <= 10 and _SOURCE_NOTE.fullmatch(line) is not None and not _has_verb(line))
    )


def _credit_line(line: str) -> bool:
    """A credit ("Additional reporting by Ann Lee", "(Reporting by Ann Lee; Editing by Tom Cole)", "© 2024 X"),
    not a sentence opening like one: "Research by Kelby University found that ..." has a verb of its own."""
    m = _CREDIT_LINE.match(line)
    if m is None:
        return False
    if not m.group().lower().endswith(("by", "from")):
        return True  # a rights line
    # a verb in the past or an auxiliary; a present in -s is as often a noun here ("from wire reports"),
    # but not in a clause after a comma ("Written by three judges, the ruling runs to 80 pages.")
    rest = _CREDIT_LINE.sub(" ", line)
    past = any(
        w in _PAST_OR_AUX or (len(w) > 4 and w.endswith("ed") and w not in _NOT_VERBS_ED) for w in _WORD.findall(rest)
    )
    return not past and not ("," in rest and _has_verb(rest.partition(",")[2]))


def _trailing_agency(text: str, s: Sentence) -> tuple[int, int] | None:
    """(end of the body part, start of the credit) when the sentence ends with "... — Reuters"."""
    if s.end - s.start > 3000:
        return None
    m = _TRAILING_AGENCY.search(text, max(s.start, s.end - 120), s.end)
    if m is None or m.start() <= s.start:
        return None
    k = m.start()
    credit = k
    while credit < m.end() and text[credit] in " \t":
        credit += 1
    return k, credit


def _bio_line(text: str, group: list[Sentence]) -> bool:
    """The last paragraph is about the reporter: "Ann Lee is a reporter for the Daily Planet.", maybe
    followed by "She covers banking." or her handle."""
    return (
        len(group) <= 3
        and group[0].end - group[0].start <= 200
        and _BIO.fullmatch(text, group[0].start, group[0].end) is not None
        and all(
            s.end - s.start <= 200
            and (
                _HANDLE.fullmatch(text, s.start, s.end) is not None
                or _BIO_MORE.fullmatch(text, s.start, s.end) is not None
            )
            for s in group[1:]
        )
    )


def _sign_off(text: str, s: Sentence) -> bool:
    """A reporter's sign-off sentence, wherever it stands in its paragraph."""
    if s.end - s.start > 120:
        return False
    m = _SIGN_OFF.fullmatch(text, s.start, s.end)
    if m is None:
        return False
    line = text[s.start : s.end]
    # "Here's ..." or "... reports." alone mark the hand-over; a bare "Outlet's Name." is a sign-off
    # only with "Here's": "Apple's Tim Cook." is no sentence anyway, but keep claims safe.
    return (
        line.startswith(("Here", "For ", "I'm", "I’m", "This is"))
        or line.rstrip(". :").endswith(("reports", "story", "report"))
        or line.rstrip(". :").endswith("reported")
        or " reports from " in line
        or " reports in " in line
        or " reported from " in line
        or " reports for " in line
        or _REPORTED_STORY.search(line) is not None
    )


def _pull_quotes(text: str, paras: list[list[Sentence]]) -> list[int]:
    """Paragraphs that repeat sentences of a longer paragraph: pull quotes and duplicated captions.

    A sentence of six or more words seen twice is kept where its paragraph is longest; the
    other paragraphs holding it are flagged when they are mostly made of repeated sentences.
    """
    seen: dict[str, int] = {}
    repeated: dict[str, int] = {}
    for i, group in enumerate(paras):
        for s in group:
            if s.end - s.start < 30:
                continue
            key = text[s.start : s.end]
            if key in seen:
                j = seen[key]
                repeated[key] = i if len(paras[i]) >= len(paras[j]) else j
            else:
                seen[key] = i
    if not repeated:
        return []
    flagged = []
    for i, group in enumerate(paras):
        dup = sum(1 for s in group if repeated.get(text[s.start : s.end], i) != i)
        if dup and dup * 2 >= len(group):
            flagged.append(i)
    return flagged


def _group(sentences: list[Sentence]) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = []
    for s in sentences:
        if groups and groups[-1][0].paragraph == s.paragraph:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def _is_furniture(text: str, body: str, index: int, n_sentences: int) -> bool:
    words = len(body.split()) if len(body) < 2000 else 1000
    if index > 0 and _long_notice(body[:_LONG_NOTICE_SPAN]):
        return True
    if words > 80:
        return False
    # an opening-shaped mark typed as the last closer ('... were "False.“') closes too
    end_char = body.rstrip(_CLOSERS + "“‘ ")[-1:] or "."
    if end_char.isupper() and (m := _TRAILING_AGENCY.search(body, max(0, len(body) - 120))) and m.start() > 0:
        end_char = body[: m.start()].rstrip(_CLOSERS + " ")[-1:] or "."  # "... the mayor said. -AFP"
    if index == 0 and (end_char not in ".!?…" or (words <= 15 and end_char in "!?")) and words <= 30:
        return True  # the headline
    low = body.lower()  # the lexical patterns are lowercase: much faster than re.IGNORECASE
    if _date_line(body) or (('"' in body or "“" in body) and _CITATION.match(body)):
        return True
    if words <= 80 and _NOTICE.search(low):  # the archive notice of a wiki page runs to 45 words
        return True
    if words <= 12 and _CROSSHEAD.fullmatch(body):
        return True
    if words <= _SHORT and (
        _CREDIT.match(body)
        or (_BYLINE.match(body) and not _has_verb(body))  # "By Monday, Ann Lee had resigned." is no byline
        or _credit_line(body)
    ):
        return True
    if words <= 12 and _AGENCY_CREDIT.fullmatch(body):
        return True  # "— AFP", "Reuters and AP contributed."
    if words <= 60 and (_INLINE_CREDIT.search(body) or _TRAILING_CREDIT.search(body) or _AGENCY_PHOTO.search(body)):
        return True
    if (words <= 4 and _PROMO_WORD.search(low)) or (n_sentences == 1 and _promo(low)) or _WHOLE.search(low):
        return True
    if n_sentences <= 3 and _CORRECTION_OPENING.match(low):
        return True  # a short correction says what the story said before ("An earlier version said ...")
    if n_sentences <= 3 and (_PROMO.match(low) or _PROMO_CALL.match(low)) and not _REPORTED.search(low):
        # a paragraph opening with the notice or the call ("Editor's note: ...", "Sign up for ...") is all
        # furniture; one ending a body paragraph is furniture alone (see _promo_sentences)
        return not _CREDIT_PHRASE.search(low)
    if n_sentences == 1 and words <= 40 and _CAPTION_DATE.search(body, max(0, len(body) - 60)) and not _past(body):
        return True
    if (
        end_char not in ".!?…:;,"
        and words <= 40
        and n_sentences == 1  # several sentences: a body paragraph missing its last period
        and not (_BULLET_START.match(body) and (words >= 8 or _has_verb(body)))  # "• Jobless claims fell"
    ):
        return True  # headings, captions and labels carry no final punctuation
    if n_sentences == 1 and words <= _SHORT and body[0] not in "\"“‘'":
        # a caption's fragment opens in lowercase ("pilgrims at the shrine in 2010."); a brand written in
        # camel case ("eBay said ...", "iPhone sales fell.") opens a sentence
        first = body.split(None, 1)[0]
        return (body[0].islower() and first == first.lower()) or not _has_verb(body)
    return False


def _has_credit(text: str, group: list[Sentence]) -> bool:
    """A caption and its credit on one line: "Belle. Image: Nick Moreau." """
    return (
        len(group) > 1
        and group[-1].end - group[0].start < 600
        and any(_CREDIT.match(text, s.start, s.end) for s in group[1:])
    )


def _signed(text: str, group: list[Sentence]) -> bool:
    """A pull quote signed by its speaker: '... history. Charles Bolden, NASA Administrator'."""
    if len(group) < 2 or group[-1].end - group[0].start > 1200:
        return False
    return _signature(text[group[-1].start : group[-1].end])


def _signature(line: str, alone: bool = False) -> bool:
    """A verbless attribution line: 'Charles Bolden, NASA Administrator', '— Ann Lee'. A line ``alone``
    in its paragraph must show the signature's punctuation (a comma or a leading dash): a bare
    capitalised line is as often a heading ('Group G — Belgium 3 – 0 Panama')."""
    if line[-1] in ".!?…:;,\"”'’" or len(line.split()) > 8 or _CREDIT_LINE.match(line.lower()):
        return False  # "(Reporting by Ann Lee; Editing by Tom Cole)" is a credit, not a signature
    if line[0] == "[" or _QUOTE_END.search(line):
        # a source note in square brackets ends a news item, not a box (see _credit_sentence); a
        # quotation and its speaker in one sentence ('... gone.” — Ann Lee') is the quotation itself
        return False
    if line[0] == "(":
        # a picture credit in brackets ("(ANN LEE/AFP/Getty Images.)") is all names; an aside with a
        # closing period ("(Oh hey there, Ann Lee.)") is a sentence
        return all(w[:1].isupper() or not w[:1].isalpha() for w in line.split())
    if line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…"):
        return False  # a sentence closed inside its bracket: "Also, a book of Trump paper dolls.)"
    name = line.lstrip("—–- ")
    if alone and name == line and "," not in name:
        return False
    return sum(1 for w in name.split() if w[:1].isupper()) >= 2 and not _has_verb(name)


_BOX_RUN = 6  # words: the shortest run repeated from the body that marks a box sentence
_BOX_SHARE_PCT = 70  # ... and the share of the box sentence's words the run must cover
_BOX_WORDS = 120  # longer paragraphs are never boxes
_BOX_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*+")
_MAX_BOXES = 20  # signature lines checked per article (bounds the work on pathological input)


def _signed_boxes(text: str, paras: list[list[Sentence]]) -> list[int]:
    """Paragraphs i whose line is a lone signature and whose previous paragraph repeats body words.

    A box quotes the body with or without its quote marks, whole or cut ('This was a hard decision'
    from '"This was a hard decision, but ...," she said'), so sentences are compared as runs of words:
    a box sentence repeats the body when a run of most of its words (six or more) occurs in order in
    another paragraph. Stock phrases repeated across sections ('X won the Man of the Match award')
    cover too little of their sentences to count."""
    candidates = [
        i
        for i in range(1, len(paras))
        if len(paras[i]) == 1
        and len(paras[i - 1]) <= 4
        and paras[i - 1][-1].end - paras[i - 1][0].start < _BOX_WORDS * 12
        and _signature(line := text[paras[i][0].start : paras[i][0].end], alone=True)
        and not _date_line(line)
    ][:_MAX_BOXES]
    if not candidates:
        return []
    # one space-joined stream of the article's words; paragraph k covers stream[bounds[k]:bounds[k + 1]]
    pieces = []
    bounds = [0]
    size = 1
    for group in paras:
        piece = " ".join(_lowered_words(text, group[0].start, group[-1].end)) + " | "
        pieces.append(piece)
        size += len(piece)
        bounds.append(size)
    stream = " " + "".join(pieces)
    boxes = []
    for i in candidates:
        lo, hi = bounds[i - 1], bounds[i + 1]
        group = paras[i - 1]
        repeated = sum(1 for s in group if _repeats(_lowered_words(text, s.start, s.end), stream, lo, hi))
        if repeated and repeated * 2 >= len(group):
            boxes.append(i)
    return boxes


def _lowered_words(text: str, start: int, end: int) -> list[str]:
    """Words of text[start:end] in lower case, apostrophes unified, without punctuation or quote marks."""
    return _BOX_WORD.findall(text[start:end].lower().replace("’", "'"))


def _repeats(words: list[str], stream: str, lo: int, hi: int) -> bool:
    """Does a run of most of ``words`` occur in ``stream`` outside stream[lo:hi]?"""
    if len(words) < _BOX_RUN:
        return False
    n = max(_BOX_RUN, -(-len(words) * _BOX_SHARE_PCT // 100))
    for k in range(len(words) - n + 1):
        needle = " " + " ".join(words[k : k + n]) + " "
        at = stream.find(needle)
        while at >= 0:
            if not lo <= at + 1 < hi:  # at is the space before the run's first word
                return True
            at = stream.find(needle, at + 1)
    return False


def _date_line(body: str) -> bool:
    if len(body) > 100:
        return False
    words = _WORD.findall(body)
    if not words or len(words) > 12:
        return False
    return all(_DATE_WORD.fullmatch(w) for w in words) and any(c.isdigit() for c in body)


def _has_verb(body: str) -> bool:
    """Does the text hold a finite verb? Known forms, past tenses in -ed, and unknown present
    tenses in -s placed like a verb ("the museum reopens next week", not "supporters at a rally")."""
    words = [w.rstrip(".").replace("’", "'") for w in _WORD.findall(body)]
    for i, w in enumerate(words):
        if not w[0].islower():
            # a capitalised contraction opens a sentence ("They're", "He'll", "There's"), not a heading
            # in capitals ("WHAT'S NEXT.") or in title case ("Don't Let The Rain Stop You.")
            low = w.lower()
            if (
                i == 0
                and w != w.upper()
                and (low.endswith(_CONTRACTIONS) or _s_contraction(low))
                and sum(1 for v in words[1:] if v[0].islower()) * 2 > len(words) - 1
            ):
                return True
            continue
        if w in _VERBS or w.endswith(_CONTRACTIONS) or _s_contraction(w):
            return True
        if len(w) > 4 and w.endswith("ed") and w not in _NOT_VERBS_ED:
            return True
        if (
            len(w) > 3
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is", "'s"))
            and 0 < i < len(words) - 1
            and words[i - 1].lower() not in _NOUN_HEADS
            and (words[i + 1].lower() in _AFTER_VERB or words[i - 1] in _PREVERBAL_ADVERBS)
        ):
            return True
    return False


def finite_verb(word: str) -> bool:
    """Is the lowercase ``word`` a finite verb form the word lists know ("fell", "makes", "praised")?"""
    return word in _VERBS or (len(word) > 4 and word.endswith("ed") and word not in _NOT_VERBS_ED)


def _s_contraction(word: str) -> bool:
    """ "it's", "there's": the "'s" of a pronoun or adverb is "is" or "has"."""
    return word.endswith("'s") and word[:-2] in _S_CONTRACTION_HOSTS


_PAST_AUX = wordset("was were had did")
_PRESENT_BE = wordset("is are be being")


def _past(body: str) -> bool:
    """Does the text tell of the past ("The firm was founded by two brothers, ...", "Rescuers searched ...")?
    A caption is in the present: "A logo is pictured ...", "Traders work ..."."""
    words = [w.rstrip(".").replace("’", "'") for w in _WORD.findall(body)]
    for i, w in enumerate(words):
        if w in _PAST_AUX or (w in _IRREGULAR and w not in _VERB_BASES):
            return True
        if (
            len(w) > 4
            and w.endswith("ed")
            and w[0].islower()
            and w not in _NOT_VERBS_ED
            and (i == 0 or words[i - 1].lower() not in _PRESENT_BE)
        ):
            return True
    return False


def _caption_below(text: str, above: list[Sentence], below: list[Sentence]) -> bool:
    """Is the credit's caption the line below it ("Photograph: Tom Vale" / "Passengers queue at the harbour"), the
    line above being a sentence of the story? The line below is a caption's label, the line above a sentence."""
    if len(below) != 1 or text[above[-1].end - 1] not in ".!?…" + _CLOSERS:
        return False
    line = text[below[0].start : below[0].end]
    words = line.split()
    # a description in sentence case, not a heading or a promo in title case ("Live Updates: The Bridge Debate")
    return (
        4 <= len(words) <= 40
        and line[-1] not in ".!?…:;,"
        and ":" not in line
        and sum(1 for w in words if w[0].islower()) * 2 >= len(words)
        and not _date_line(line)
    )


def _caption_before(text: str, prev: tuple[int, int], credit_start: int) -> bool:
    """The line right above a credit line (no blank line between) is its caption."""
    gap = text[prev[1] : credit_start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") <= 1
