#!/usr/bin/env python3
"""Rebuilds src/NewsGraph.Storage/Export/Data/countries.tsv from GeoNames (CC BY 4.0).

One row per country: ISO 3166 alpha-3 and alpha-2, the FIPS 10-4 code GDELT's geography columns
use, the English name, and one point for the country: its capital (GeoNames feature code PPLC),
or its most populous city where no capital is listed. Reads ../shared/data/gazetteers (a
developer machine); the output ships in the repository.
Usage: scripts/build-country-table.py [GAZETTEER_DIR]
"""
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
gaz = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "gazetteers")
out = os.path.join(root, "src", "NewsGraph.Storage", "Export", "Data", "countries.tsv")

countries = []
for line in open(os.path.join(gaz, "countryInfo.txt"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    countries.append((f[1], f[0], f[3], f[4]))  # iso3, iso2, fips, name

capital, largest = {}, {}
for line in open(os.path.join(gaz, "cities15000.txt"), encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    cc, code, lat, lon, pop = f[8], f[7], f[4], f[5], int(f[14] or 0)
    if code == "PPLC":
        capital[cc] = (lat, lon)
    if cc not in largest or pop > largest[cc][2]:
        largest[cc] = (lat, lon, pop)

with open(out, "w", encoding="utf-8", newline="\n") as w:
    w.write("# Countries for GDELT geography columns. From GeoNames (geonames.org), licence CC BY 4.0:\n")
    w.write("# countryInfo.txt (codes, names) and cities15000.txt (the point: the capital, else the largest city).\n")
    w.write("# Built by scripts/build-country-table.py.\n")
    w.write("# iso3\tiso2\tfips\tname\tlat\tlon\n")
    for iso3, iso2, fips, name in sorted(countries):
        point = capital.get(iso2) or (largest[iso2][:2] if iso2 in largest else ("", ""))
        w.write(f"{iso3}\t{iso2}\t{fips}\t{name}\t{point[0]}\t{point[1]}\n")
print(f"{len(countries)} countries -> {out}")
