"""Build knowledge/cameo_scores.tsv from the CAMEO/Goldstein/QuadClass reference table.

Usage: python scripts/build_cameo_scores.py ../shared/reference/cameo_codes_goldstein_quad_plover.tsv
Keeps the code, its root, the Goldstein score and the GDELT QuadClass (facts, not prose).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/dyadwatch/knowledge/cameo_scores.tsv"


def main(source: str) -> None:
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write("cameo_code\troot\tgoldstein\tquad_class\n")
        for row in rows:
            out.write(f"{row['cameo_code']}\t{row['root']}\t{row['goldstein']}\t{row['gdelt_quadclass']}\n")


if __name__ == "__main__":
    main(sys.argv[1])
