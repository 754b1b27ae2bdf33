#!/usr/bin/env python3
"""Validates transcheck's SARIF output against the vendored SARIF 2.1.0 schema.

Usage: validate_sarif.py TRANSCHECK_BINARY. Exit 0 when valid; otherwise it
prints what is wrong and exits 1. See README.md beside this file."""
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {
    # Names that broke the report before: a space, Chinese characters, a '%'.
    "docs tree/zh/指南 100%.md": "# 指南\n\n每年接种一次疫苗，可以降低约40%的风险。\n",
    "docs tree/en/指南 100%.md": "# Guide\n\nA yearly shot lowers the the risk by about 45%.\n",
    "docs tree/zh/only.md": "# 只有中文\n\n这一页还没有翻译。\n",
}
URI_REFERENCE = re.compile(r"^([A-Za-z0-9\-._~/]|%[0-9A-F]{2})+$")


def main():
    binary = os.path.abspath(sys.argv[1])
    with open(os.path.join(HERE, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with tempfile.TemporaryDirectory() as root:
        for name, text in FILES.items():
            path = os.path.join(root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        run = subprocess.run([binary, "check", "docs tree", "--format", "sarif"], cwd=root, capture_output=True)
        if run.returncode != 1:
            print("expected exit 1, got", run.returncode, run.stderr.decode(errors="replace"))
            return 1
        report = json.loads(run.stdout)
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(report), key=lambda e: list(e.path))
        for error in errors:
            print("schema:", "/".join(map(str, error.path)), error.message)
        problems = len(errors)
        sarif_run = report["runs"][0]
        base = sarif_run["originalUriBaseIds"]["PROJECTROOT"]["uri"]
        base_path = urllib.parse.unquote(urllib.parse.urlparse(base).path)
        locations = []
        for result in sarif_run["results"]:
            locations += [l["physicalLocation"] for l in result["locations"]]
            locations += [l["physicalLocation"] for l in result.get("relatedLocations", [])]
        if not any("relatedLocations" in r for r in sarif_run["results"]):
            print("no result names its counterpart as a relatedLocation")
            problems += 1
        for location in locations:
            uri = location["artifactLocation"]["uri"]
            if not URI_REFERENCE.match(uri) or location["artifactLocation"].get("uriBaseId") != "PROJECTROOT":
                print("not a percent-encoded relative URI under PROJECTROOT:", uri)
                problems += 1
            elif not os.path.isfile(os.path.join(base_path, urllib.parse.unquote(uri))):
                print("URI names no file under the project root:", uri)
                problems += 1
        if sarif_run["invocations"][0]["exitCode"] != 1:
            print("invocations[0].exitCode is not the exit code")
            problems += 1
        for rule in sarif_run["tool"]["driver"]["rules"]:
            if "## What it does" not in rule["help"]["markdown"] or not rule["helpUri"].startswith("https://"):
                print("rule without help or helpUri:", rule["id"])
                problems += 1
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
