#!/usr/bin/env python3
"""Sums every .trx file under a directory into the one line CI reads: 'N passed, N failed, N skipped'."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in Path(sys.argv[1]).rglob("*.trx"):
    summary = ET.parse(trx).getroot().find("t:ResultSummary", ns)
    counters = None if summary is None else summary.find("t:Counters", ns)
    if counters is None:
        failed += 1
        continue
    run_failed = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    # A test host that crashed or aborted reports no failed test; count the lost run as one failure.
    if run_failed == 0 and summary.get("outcome") in ("Failed", "Error", "Aborted", "Timeout"):
        run_failed = 1
    passed += int(counters.get("passed", 0))
    failed += run_failed
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
