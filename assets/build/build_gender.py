#!/usr/bin/env python3
"""Builds assets/given_names_gender.txt: the grammatical gender a given name usually carries, in French and in
English, for the quotation stage (« elle » is not « Jean-Pierre », "she" is not "John").

Sources (licences in assets/README.md), the same packages as build_names.py:
  * PyPI `Faker` 40.54.0 (MIT): `first_names_male` and `first_names_female` of its person providers, Latin-script
    locales; the French locales (fr_*) decide a name's French gender, the English ones (en_*) its English one,
    the others both where those say nothing;
  * PyPI `names` 0.3.0 (MIT): the US Census Bureau's 1990 `dist.male.first` and `dist.female.first` with their
    frequencies (public domain): a name's English gender when one frequency is four times the other or more.

A name both male and female in the sources that decide (« Camille », « Dominique », "Jordan") has no gender: the
stage then does not use it.

Usage:
  pip download --no-deps -d /tmp/pkgs faker==40.54.0 names==0.3.0
  python3 assets/build/build_gender.py /tmp/pkgs
"""
import importlib, os, re, sys, tarfile, tempfile, zipfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.dirname(HERE)
LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]+$")
RATIO = 4


def find(pkgdir, prefix, suffix):
    for f in sorted(os.listdir(pkgdir)):
        if f.lower().startswith(prefix) and f.endswith(suffix):
            return os.path.join(pkgdir, f)
    sys.exit(f"missing {prefix}*{suffix} in {pkgdir}")


def census_case(name):
    name = name.capitalize()
    if name.startswith("Mc") and len(name) > 3:
        name = "Mc" + name[2:].capitalize()
    return name


def faker_genders(pkgdir):
    """{group: {name: set of 'm'/'f'}} for the groups 'fr', 'en' and 'other' (the other Latin-script locales)."""
    tmp = tempfile.mkdtemp()
    zipfile.ZipFile(find(pkgdir, "faker-", ".whl")).extractall(tmp)
    sys.path.insert(0, tmp)
    base = os.path.join(tmp, "faker", "providers", "person")
    out = {g: defaultdict(set) for g in ("fr", "en", "other")}
    for loc in sorted(os.listdir(base)):
        if loc.startswith("_") or not os.path.isdir(os.path.join(base, loc)):
            continue
        try:
            prov = importlib.import_module("faker.providers.person." + loc).Provider
        except Exception:
            continue
        group = "fr" if loc.startswith("fr") else "en" if loc.startswith("en") else "other"
        for attr, g in (("first_names_male", "m"), ("first_names_female", "f")):
            vals = getattr(prov, attr, ())
            try:
                vals = list(vals.keys()) if isinstance(vals, dict) else list(vals)
            except TypeError:
                continue
            for v in vals:
                v = str(v)
                if LATIN.match(v) and " " not in v:
                    out[group][v].add(g)
    return out


def census_genders(pkgdir):
    freq = {"m": defaultdict(float), "f": defaultdict(float)}
    with tarfile.open(find(pkgdir, "names-", ".tar.gz")) as t:
        for m in t.getmembers():
            base = os.path.basename(m.name)
            g = {"dist.male.first": "m", "dist.female.first": "f"}.get(base)
            if not g:
                continue
            for line in t.extractfile(m).read().decode("ascii").splitlines():
                parts = line.split()
                if len(parts) == 4:
                    freq[g][census_case(parts[0])] += float(parts[1])
    out = {}
    for name in set(freq["m"]) | set(freq["f"]):
        m, f = freq["m"].get(name, 0.0), freq["f"].get(name, 0.0)
        if m >= RATIO * f and m > 0:
            out[name] = "m"
        elif f >= RATIO * m and f > 0:
            out[name] = "f"
        else:
            out[name] = "-"
    return out


def one(genders):
    return next(iter(genders)) if len(genders) == 1 else "-"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    faker = faker_genders(sys.argv[1])
    census = census_genders(sys.argv[1])
    names = set(census) | set().union(*(set(g) for g in faker.values()))
    rows = []
    for n in sorted(names):
        if not LATIN.match(n) or len(n.encode("utf-8")) > 15:
            continue
        other = faker["other"].get(n, set())
        fr = one(faker["fr"][n]) if n in faker["fr"] else one(other | faker["en"].get(n, set())) if other or n in faker["en"] else census.get(n, "-")
        en = census[n] if n in census else one(faker["en"][n]) if n in faker["en"] else one(other) if other else "-"
        if fr == "-" and en == "-":
            continue
        rows.append(f"{n} {fr} {en}")
    with open(os.path.join(ASSETS, "given_names_gender.txt"), "w", encoding="utf-8") as f:
        f.write("# given names and the gender they usually carry: NAME FRENCH ENGLISH, each m, f or - (either or "
                "unknown); built by assets/build/build_gender.py from Faker (MIT) and the US Census 1990 (public "
                "domain), see assets/README.md\n")
        for r in rows:
            f.write(r + "\n")
    print(f"{len(rows)} names")


if __name__ == "__main__":
    main()
