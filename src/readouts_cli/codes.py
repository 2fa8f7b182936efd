"""Closed code lists the record format validates against: ISO 3166-1 alpha-2 and ISO 4217."""

import re

# ISO 3166-1 alpha-2, plus the exceptionally reserved EU and the user-assigned XK (Kosovo),
# both of which appear as parties in readouts.
COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
    BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
    GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
    KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
    MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
    TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
    ZW EU XK
    """.split()
)

# ISO 4217 currency codes in current use.
CURRENCIES = frozenset(
    """
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN
    BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR
    FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU
    MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON
    RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP
    TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAD XAF XAG XAU XBA XBB
    XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG
    """.split()
)


def country_suggestions(typed: str) -> list[str]:
    """The codes a country's name or three-letter code may stand for, as "JP (Japan)", best
    first; none when nothing comes close. For "did you mean" only: a name is never taken for
    a code without the user writing the code."""
    import pycountry  # ISO 3166 names; loaded only when a typed value is not a code

    wanted = typed.strip()
    if not wanted:
        return []
    try:
        # UK is reserved in ISO 3166 for the United Kingdom, whose code is GB.
        found = [pycountry.countries.lookup("GB" if wanted.upper() == "UK" else wanted)]
    except LookupError:
        if len(wanted) < 3:  # two letters that are not a code start too many names
            return []
        try:
            fuzzy = pycountry.countries.search_fuzzy(wanted)
        except LookupError:
            return []
        # The fuzzy search also matches regions' names ("NATO" finds a district of
        # Bangladesh): only countries with a name word starting so are offered ("Russia"
        # for the Russian Federation).
        words = re.compile(rf"\b{re.escape(wanted)}", re.IGNORECASE)
        named = [
            c
            for c in fuzzy
            if any(
                words.search(getattr(c, attr, ""))
                for attr in ("name", "official_name", "common_name")
            )
        ]
        found = named
    return [
        f"{c.alpha_2} ({getattr(c, 'common_name', c.name)})"
        for c in found
        if c.alpha_2 in COUNTRIES
    ]
