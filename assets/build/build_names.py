#!/usr/bin/env python3
"""Rebuilds the name lists of liseuse's entity engine: assets/given_names.txt and assets/surnames.txt.

Sources (see assets/README.md for licences):
  * PyPI `Faker` 40.54.0 (MIT): the first and last names of its person providers, Latin-script locales only;
  * PyPI `names` 0.3.0 (MIT): the US Census Bureau's 1990 name files dist.male.first, dist.female.first and
    dist.all.last (works of the US Government, public domain);
  * WiNER-fr's train split (annotations CC BY 4.0, texts CC BY 2.5): the first word of a person's name written
    in full, when it opens such names in at least two articles. Only the articles the tagger trains on are read
    (every tenth article in name order is held out, as in crates/liseuse-entity/examples/train.rs); the test split is never read.

Usage:
  pip download --no-deps -d /tmp/pkgs faker==40.54.0 names==0.3.0
  python3 assets/build/build_names.py /tmp/pkgs PATH/TO/shared/eval/winer
"""
import importlib, json, os, re, sys, tarfile, tempfile, zipfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.dirname(HERE)
LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]+$")
HELD_OUT = 10
PARTICLES = {"de", "du", "des", "le", "la", "van", "von", "al", "el", "ben", "bin", "di", "da", "del", "der"}


def find(pkgdir, prefix, suffix):
    for f in sorted(os.listdir(pkgdir)):
        if f.lower().startswith(prefix) and f.endswith(suffix):
            return os.path.join(pkgdir, f)
    sys.exit(f"missing {prefix}*{suffix} in {pkgdir}")


def ok(name):
    return len(name) >= 2 and LATIN.match(name) is not None


def census_case(name):
    name = name.capitalize()
    if name.startswith("Mc") and len(name) > 3:
        name = "Mc" + name[2:].capitalize()
    return name


def faker_names(pkgdir):
    tmp = tempfile.mkdtemp()
    zipfile.ZipFile(find(pkgdir, "faker-", ".whl")).extractall(tmp)
    sys.path.insert(0, tmp)
    base = os.path.join(tmp, "faker", "providers", "person")
    first, last = set(), set()
    for loc in sorted(os.listdir(base)):
        if loc.startswith("_") or not os.path.isdir(os.path.join(base, loc)):
            continue
        try:
            prov = importlib.import_module("faker.providers.person." + loc).Provider
        except Exception:
            continue
        for attr, into in [("first_names", first), ("first_names_male", first), ("first_names_female", first),
                           ("first_romanized_names", first), ("last_names", last),
                           ("last_romanized_names", last)]:
            vals = getattr(prov, attr, ())
            if isinstance(vals, dict):
                vals = list(vals.keys())
            try:
                vals = list(vals)
            except TypeError:
                continue
            for v in vals:
                for part in str(v).split():
                    if ok(part):
                        into.add(part)
    return first, last


def census_names(pkgdir):
    first, last = set(), set()
    with tarfile.open(find(pkgdir, "names-", ".tar.gz")) as t:
        for m in t.getmembers():
            base = os.path.basename(m.name)
            if base not in ("dist.male.first", "dist.female.first", "dist.all.last"):
                continue
            lines = t.extractfile(m).read().decode("ascii").splitlines()
            for line in lines:
                parts = line.split()
                if len(parts) != 4:
                    continue
                name, rank = census_case(parts[0]), int(parts[3])
                if base == "dist.all.last":
                    if rank <= 20000 and ok(name):
                        last.add(name)
                elif ok(name):
                    first.add(name)
    return first, last


def winer_given(winer):
    rows = json.load(open(os.path.join(winer, "train.gold.json"), encoding="utf-8"))
    names = sorted(n for n in os.listdir(os.path.join(winer, "texts")) if n[:5] in ("2016_", "2017_"))
    trained = {n for i, n in enumerate(names) if i % HELD_OUT != 0}
    seen = defaultdict(set)
    for r in rows:
        if r["label"] != "PER" or r.get("optional") or r["doc"] not in trained:
            continue
        words = r["text"].split()
        if len(words) >= 2 and words[0].lower() not in PARTICLES and "." not in words[0] and ok(words[0]):
            seen[words[0]].add(r["doc"])
    return {n for n, docs in seen.items() if len(docs) >= 2}


def lexicon_words():
    """Function words, months, weekdays and titles of assets/lexicon.txt: no name list holds them."""
    words, section = set(), ""
    for line in open(os.path.join(ASSETS, "lexicon.txt"), encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if section in ("stop", "month", "weekday", "title", "particle"):
            words.update(line.split())
    return words


def write(path, header, names):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for n in sorted(names):
            f.write(n + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pkgdir, winer = sys.argv[1], sys.argv[2]
    ff, fl = faker_names(pkgdir)
    cf, cl = census_names(pkgdir)
    wf = winer_given(winer)
    common = lexicon_words()
    given = {n for n in ff | cf | wf if n.lower() not in common}
    surnames = {n for n in (fl | cl) - given if n.lower() not in common}
    write(os.path.join(ASSETS, "given_names.txt"),
          "# given names, one a line: Faker (MIT), US Census 1990 (public domain), WiNER-fr train (CC BY 4.0); "
          "built by assets/build/build_names.py, see assets/README.md\n", given)
    write(os.path.join(ASSETS, "surnames.txt"),
          "# surnames, one a line, none of them a given name of given_names.txt: Faker (MIT), US Census 1990 "
          "(public domain); built by assets/build/build_names.py, see assets/README.md\n", surnames)
    print(f"given names: {len(given)} (Faker {len(ff)}, census {len(cf)}, WiNER {len(wf)}); surnames: {len(surnames)}")


if __name__ == "__main__":
    main()
