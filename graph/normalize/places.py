"""Jurisdictions of incorporation to the spelled-out names FORMAT.md asks for.

``state_of_incorporation`` holds "a US state or country name, spelled out".
Sources print US postal codes ("DE"), EDGAR state/country codes in SGML
headers and XML forms ("L2" is Ireland, "M5" South Korea; the list is the
SEC's "EDGAR State and Country Codes"), or phrases ("State of Nevada",
"Delaware, U.S.", "People's Republic of China").

Decisions:

* two-letter alphabetic codes are US postal codes first ("DE" is Delaware,
  never ISO Germany);
* countries use their common short English name: "Republic of Korea" and
  EDGAR "KOREA, REPUBLIC OF" are "South Korea", "PRC" is "China", "Viet Nam"
  is "Vietnam", "Russian Federation" is "Russia";
* "England and Wales", "England", "Scotland", "Great Britain", "UK" are
  "United Kingdom" (the country; the gold records countries, not legal
  systems);
* territories are kept as named ("Hong Kong", "Macau", "Puerto Rico",
  "Cayman Islands", "British Virgin Islands", "Bermuda");
* Canadian provinces (EDGAR codes A0-B0, or names) are "Canada": FORMAT asks
  for a US state or a country;
* anything not recognised gives ``None`` (callers decide whether to keep
  the printed text).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["US_STATES", "EDGAR_COUNTRY_CODES", "normalize_jurisdiction"]

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

# EDGAR state/country codes that are not US postal codes, with canonical names.
_EDGAR = """
X1 United States|A0 Canada|A1 Canada|A2 Canada|A3 Canada|A4 Canada|A5 Canada|A6 Canada|A7 Canada
A8 Canada|A9 Canada|B0 Canada|Z4 Canada|B2 Afghanistan|Y6 Aland Islands|B3 Albania|B4 Algeria
B5 American Samoa|B6 Andorra|B7 Angola|1A Anguilla|B8 Antarctica|B9 Antigua and Barbuda|C1 Argentina
1B Armenia|1C Aruba|C3 Australia|C4 Austria|1D Azerbaijan|C5 Bahamas|C6 Bahrain|C7 Bangladesh
C8 Barbados|1F Belarus|C9 Belgium|D1 Belize|G6 Benin|D0 Bermuda|D2 Bhutan|D3 Bolivia
1E Bosnia and Herzegovina|B1 Botswana|D4 Bouvet Island|D5 Brazil|D6 British Indian Ocean Territory
D9 Brunei|E0 Bulgaria|X2 Burkina Faso|E2 Burundi|E3 Cambodia|E4 Cameroon|E8 Cape Verde
E9 Cayman Islands|F0 Central African Republic|F2 Chad|F3 Chile|F4 China|F6 Christmas Island
F7 Cocos (Keeling) Islands|F8 Colombia|F9 Comoros|G0 Congo|Y3 Democratic Republic of the Congo
G1 Cook Islands|G2 Costa Rica|L7 Cote d'Ivoire|1M Croatia|G3 Cuba|G4 Cyprus|2N Czech Republic
G7 Denmark|1G Djibouti|G9 Dominica|G8 Dominican Republic|H1 Ecuador|H2 Egypt|H3 El Salvador
H4 Equatorial Guinea|1J Eritrea|1H Estonia|H5 Ethiopia|H7 Falkland Islands|H6 Faroe Islands|H8 Fiji
H9 Finland|I0 France|I3 French Guiana|I4 French Polynesia|2C French Southern Territories|I5 Gabon
I6 Gambia|2Q Georgia|2M Germany|J0 Ghana|J1 Gibraltar|J3 Greece|J4 Greenland|J5 Grenada
J6 Guadeloupe|J8 Guatemala|Y7 Guernsey|J9 Guinea|S0 Guinea-Bissau|K0 Guyana|K1 Haiti
K4 Heard Island and McDonald Islands|X4 Vatican City|K2 Honduras|K3 Hong Kong|K5 Hungary|K6 Iceland
K7 India|K8 Indonesia|K9 Iran|L0 Iraq|L2 Ireland|Y8 Isle of Man|L3 Israel|L6 Italy|L8 Jamaica
M0 Japan|Y9 Jersey|M2 Jordan|1P Kazakhstan|M3 Kenya|J2 Kiribati|M4 North Korea|M5 South Korea
M6 Kuwait|1N Kyrgyzstan|M7 Laos|1R Latvia|M8 Lebanon|M9 Lesotho|N0 Liberia|N1 Libya
N2 Liechtenstein|1Q Lithuania|N4 Luxembourg|N5 Macau|1U North Macedonia|N6 Madagascar|N7 Malawi
N8 Malaysia|N9 Maldives|O0 Mali|O1 Malta|1T Marshall Islands|O2 Martinique|O3 Mauritania
O4 Mauritius|2P Mayotte|O5 Mexico|1K Micronesia|1S Moldova|O9 Monaco|P0 Mongolia|Z5 Montenegro
P1 Montserrat|P2 Morocco|P3 Mozambique|E1 Myanmar|T6 Namibia|P5 Nauru|P6 Nepal|P7 Netherlands
P8 Netherlands Antilles|1W New Caledonia|Q2 New Zealand|Q3 Nicaragua|Q4 Niger|Q5 Nigeria|Q6 Niue
Q7 Norfolk Island|1V Northern Mariana Islands|Q8 Norway|P4 Oman|R0 Pakistan|1Y Palau|1X Palestine
R1 Panama|R2 Papua New Guinea|R4 Paraguay|R5 Peru|R6 Philippines|R8 Pitcairn|R9 Poland|S1 Portugal
S3 Qatar|S4 Reunion|S5 Romania|1Z Russia|S6 Rwanda|Z0 Saint Barthelemy|U8 Saint Helena
U7 Saint Kitts and Nevis|U9 Saint Lucia|Z1 Saint Martin|V0 Saint Pierre and Miquelon
V1 Saint Vincent and the Grenadines|Y0 Samoa|S8 San Marino|S9 Sao Tome and Principe|T0 Saudi Arabia
T1 Senegal|Z2 Serbia|T2 Seychelles|T8 Sierra Leone|U0 Singapore|2B Slovakia|2A Slovenia
D7 Solomon Islands|U1 Somalia|T3 South Africa|1L South Georgia and the South Sandwich Islands|U3 Spain
F1 Sri Lanka|V2 Sudan|V3 Suriname|L9 Svalbard and Jan Mayen|V6 Eswatini|V7 Sweden|V8 Switzerland
V9 Syria|F5 Taiwan|2D Tajikistan|W0 Tanzania|W1 Thailand|Z3 Timor-Leste|W2 Togo|W3 Tokelau|W4 Tonga
W5 Trinidad and Tobago|W6 Tunisia|W8 Turkey|2E Turkmenistan|W7 Turks and Caicos Islands|2G Tuvalu
W9 Uganda|2H Ukraine|C0 United Arab Emirates|X0 United Kingdom|2J United States Minor Outlying Islands
X3 Uruguay|2K Uzbekistan|2L Vanuatu|X5 Venezuela|Q1 Vietnam|D8 British Virgin Islands
X8 Wallis and Futuna|U5 Western Sahara|T7 Yemen|Y4 Zambia|Y5 Zimbabwe
"""
#: EDGAR code -> canonical name, for the codes that are not US postal codes
EDGAR_COUNTRY_CODES: dict[str, str] = {
    entry.strip()[:2]: entry.strip()[3:] for entry in _EDGAR.replace("\n", "|").split("|") if entry.strip()
}

#: other spellings -> canonical name (keys are matching keys, see _key)
_ALIASES: dict[str, str] = {
    "usa": "United States", "us": "United States", "united states of america": "United States",
    "america": "United States",
    "korea": "South Korea", "republic of korea": "South Korea", "korea republic of": "South Korea",
    "korea south": "South Korea", "rok": "South Korea",
    "korea democratic peoples republic of": "North Korea", "democratic peoples republic of korea": "North Korea",
    "prc": "China", "peoples republic of china": "China", "the peoples republic of china": "China",
    "mainland china": "China", "pr china": "China", "china prc": "China",
    "republic of china": "Taiwan", "taiwan roc": "Taiwan", "taiwan republic of china": "Taiwan",
    "hong kong sar": "Hong Kong", "hong kong sar china": "Hong Kong", "hksar": "Hong Kong",
    "macao": "Macau", "macau sar": "Macau",
    "uk": "United Kingdom", "great britain": "United Kingdom", "britain": "United Kingdom",
    "england": "United Kingdom", "england and wales": "United Kingdom", "wales": "United Kingdom",
    "scotland": "United Kingdom", "northern ireland": "United Kingdom",
    "united kingdom of great britain and northern ireland": "United Kingdom",
    "republic of ireland": "Ireland", "eire": "Ireland",
    "the netherlands": "Netherlands", "holland": "Netherlands", "kingdom of the netherlands": "Netherlands",
    "viet nam": "Vietnam", "socialist republic of vietnam": "Vietnam",
    "russian federation": "Russia", "deutschland": "Germany", "federal republic of germany": "Germany",
    "brasil": "Brazil", "uae": "United Arab Emirates", "the bahamas": "Bahamas",
    "bvi": "British Virgin Islands", "virgin islands british": "British Virgin Islands",
    "british virgin islands": "British Virgin Islands",
    "us virgin islands": "U.S. Virgin Islands", "virgin islands us": "U.S. Virgin Islands",
    "cayman": "Cayman Islands", "grand cayman": "Cayman Islands", "swiss confederation": "Switzerland",
    "czechia": "Czech Republic", "iran islamic republic of": "Iran", "kazakstan": "Kazakhstan",
    "burma": "Myanmar", "swaziland": "Eswatini", "macedonia": "North Macedonia",
    "ivory coast": "Cote d'Ivoire", "holy see": "Vatican City", "brunei darussalam": "Brunei",
    "ontario": "Canada", "quebec": "Canada", "british columbia": "Canada", "alberta": "Canada",
    "manitoba": "Canada", "saskatchewan": "Canada", "nova scotia": "Canada", "new brunswick": "Canada",
    "newfoundland": "Canada", "newfoundland and labrador": "Canada", "prince edward island": "Canada",
    "yukon": "Canada", "canada federal level": "Canada", "puerto rico": "Puerto Rico",
    "washington dc": "District of Columbia", "washington d c": "District of Columbia",
}


def _key(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("\u2019", "'")
    s = re.sub(r"['.]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


_BY_NAME: dict[str, str] = {}
for _name in [*US_STATES.values(), *EDGAR_COUNTRY_CODES.values()]:
    _BY_NAME.setdefault(_key(_name), _name)
_BY_NAME["georgia"] = "Georgia"  # the US state wins over the country of the same name
_BY_NAME.update(_ALIASES)

_PREFIX_RE = re.compile(
    r"^(?:the\s+)?(?:(?:state|commonwealth|province|republic|kingdom|territory)\s+of\s+(?=\S)(?:the\s+)?)?",
)
_SUFFIX_RE = re.compile(
    r"(?:\s+(?:us|usa|united states|united states of america|u s a|u s))$"
)


def normalize_jurisdiction(text: str) -> str | None:
    """Spelled-out US state or country of a printed jurisdiction or EDGAR code; None if unknown."""
    if not text:
        return None
    raw = text.strip().strip(".,;:()")
    code = raw.upper()
    if len(code) == 2:
        if code in US_STATES:
            return US_STATES[code]
        if code in EDGAR_COUNTRY_CODES:
            return EDGAR_COUNTRY_CODES[code]
    key = _key(raw)
    if not key:
        return None
    candidates = [key]
    stripped = _SUFFIX_RE.sub("", key).strip()
    if stripped and stripped != key:
        candidates.append(stripped)
    for cand in list(candidates):
        no_prefix = _PREFIX_RE.sub("", cand).strip()
        if no_prefix and no_prefix != cand:
            candidates.append(no_prefix)
    for cand in candidates:
        if cand in _BY_NAME:
            return _BY_NAME[cand]
    # "Ontario, Canada" / "Shanghai, China": a trailing country decides
    if "," in raw:
        return _BY_NAME.get(_key(raw.rsplit(",", 1)[-1]))
    return None
