#!/usr/bin/env python3
"""Hostile names and contents through every printer and message.

Runs transcheck on files whose names and texts hold ESC, OSC, C1 and bidi
controls, line breaks, tabs, ill-formed UTF-8, quotes, markup, '%', ':' and
the JSON printer's streamed-array placeholder, in every output: the six
report formats (pair, single file and project mode), `align` (text, TSV,
JSON), `glossary lint`, `fix` (dry run and for real), --lines, and the error
messages of bad arguments and inputs. Each output is checked for its format
(JSON and SARIF parse, SARIF URIs are percent-encoded, JUnit parses as XML,
GitHub workflow commands escape their data and properties, HTML holds no
planted tag) and, where a terminal shows it (text, GitHub, JUnit, TSV, lint,
stderr, ...), for raw C0/C1/bidi controls and ill-formed UTF-8.

Usage: bench/hostile_print_sweep.py [path/to/transcheck]   (exit 1 on any failure)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

BIN = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else "build/transcheck")

# Hostile parts of names (bytes: a name may be ill-formed UTF-8).
NAMES = {
    "esc": b"a\x1b[31mred",
    "osc": b"b\x1b]0;owned\x07",
    "c1": b"c\xc2\x85d\xc2\x9b31m",
    "bidi": b"d\xe2\x80\xaeevil\xe2\x81\xa6x",
    "newline": b"e\nf",
    "tab": b"f\tg",
    "cr": b"g\rh",
    "invalid": b"h\xff\xfei\xc3",
    "quotes": b"i\"'j",
    "markup": b"j<img src=x onerror=alert(1)>&amp;k",
    "percent": b"k%0A%25l%",
    "colon": b"l:m::n,o",
    "placeholder": b"-1.2345678e-300",
    "jsonish": b"\"}],\n  \"x\": -1.2345678e-300\n",
}
# Text that a terminal must never receive raw.
HOSTILE_TEXT = "\x1b]0;owned\x07 \x1b[2J \u202e\u2066 \u0085\u009b31m "

ZH = ("患者接受了3次化疗。" + HOSTILE_TEXT + "医生很满意。\n").encode() + b"\xff\xfe bad bytes\n"
EN = ("The patient received 5 rounds of chemotherapy. " + HOSTILE_TEXT + "The the doctor was pleased.\n").encode() + b"\xff\xfe bad bytes\n"

FAILURES = []
CHECKED = {}


def fail(case, what, output=b""):
    FAILURES.append((case, what, output[:300]))


BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def raw_controls(data, allow=b"\n"):
    """The first raw control, bidi mark or ill-formed byte a terminal would receive, or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "ill-formed UTF-8 at %d: %r" % (e.start, data[max(0, e.start - 20):e.start + 10])
    allowed = set(allow.decode())
    for i, ch in enumerate(text):
        cp = ord(ch)
        if (cp < 0x20 and ch not in allowed) or 0x7F <= cp <= 0x9F or cp in BIDI:
            return "raw U+%04X at %d: %r" % (cp, i, text[max(0, i - 20):i + 10])
    return None


def run(args, cwd=None, stdin=None):
    p = subprocess.run([BIN] + args, cwd=cwd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stdout, p.stderr


def terminal_safe(case, data, allow=b"\n"):
    CHECKED[case] = CHECKED.get(case, 0) + 1
    bad = raw_controls(data, allow)
    if bad:
        fail(case, bad, data)


def check_stderr(case, err):
    terminal_safe(case + " [stderr]", err)


def check_json(case, out, terminal=True):
    CHECKED[case] = CHECKED.get(case, 0) + 1
    try:
        value = json.loads(out.decode("utf-8"))
    except Exception as e:  # noqa
        fail(case, "JSON does not parse: %s" % e, out)
        return None
    if terminal:
        bad = raw_controls(out)
        if bad:
            fail(case + " (raw in JSON)", bad, out)
    return value


def check_sarif(case, out):
    value = check_json(case, out)
    if value is None:
        return
    uris = []

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "uri" and isinstance(x, str):
                    uris.append(x)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(value)
    for uri in uris:
        if not re.fullmatch(r"(file://)?[A-Za-z0-9\-._~/%]*", uri) or re.search(r"%(?![0-9A-F]{2})", uri):
            fail(case, "URI not percent-encoded: %r" % uri, out)


def check_github(case, out):
    terminal_safe(case, out)
    for line in out.decode("utf-8", "replace").split("\n"):
        if not line:
            continue
        m = re.fullmatch(r"::(error|warning|notice)( ([^:]*))?::(.*)", line)
        if not m:
            fail(case, "not a workflow command: %r" % line[:120], out)
            continue
        props = m.group(3) or ""
        for prop in props.split(","):
            if "=" not in prop:
                fail(case, "bad property %r" % prop, out)
                continue
            value = prop.split("=", 1)[1]
            if re.search(r"[:,\r\n]|%(?!(25|0D|0A|3A|2C))", value):
                fail(case, "property not escaped: %r" % value, out)
        if re.search(r"[\r]|%(?!(25|0D|0A))", m.group(4)):
            fail(case, "data not escaped: %r" % m.group(4)[:120], out)


def check_junit(case, out):
    terminal_safe(case, out)
    try:
        ET.fromstring(out)
    except Exception as e:  # noqa
        fail(case, "JUnit XML does not parse: %s" % e, out)


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def check_html(case, out):
    terminal_safe(case, out)
    parser = TagCollector()
    parser.feed(out.decode("utf-8", "replace"))
    if "img" in parser.tags:
        fail(case, "a planted <img> tag is live in the page", out)


CHECKERS = {
    "text": terminal_safe,
    "json": check_json,
    "sarif": check_sarif,
    "github": check_github,
    "junit": check_junit,
    "html": check_html,
}


def main():
    if not os.access(BIN, os.X_OK):
        print("no transcheck at %s" % BIN, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="transcheck-hostile-print-") as tmp:
        tmpb = tmp.encode()
        tree = os.path.join(tmpb, b"tree")
        os.makedirs(tree)
        for label, name in NAMES.items():
            d = os.path.join(tmpb, label.encode())
            os.makedirs(d)
            zh = os.path.join(d, name + b".zh.txt")
            en = os.path.join(d, name + b".en.txt")
            for path, data in ((zh, ZH), (en, EN)):
                with open(path, "wb") as f:
                    f.write(data)
            for path, data in ((os.path.join(tree, name + b".zh.md"), ZH), (os.path.join(tree, name + b".en.md"), EN)):
                with open(path, "wb") as f:
                    f.write(data)
            # A hostile directory name too.
            sub = os.path.join(tree, name + b"dir")
            os.makedirs(sub, exist_ok=True)
            for path, data in ((os.path.join(sub, b"x.zh.md"), ZH), (os.path.join(sub, b"x.en.md"), EN)):
                with open(path, "wb") as f:
                    f.write(data)
            zh_s, en_s = os.fsdecode(zh), os.fsdecode(en)
            for fmt, checker in CHECKERS.items():
                code, out, err = run(["check", zh_s, en_s, "--format", fmt, "--fail-on", "never"])
                checker("check pair %s %s" % (fmt, label), out)
                check_stderr("check pair %s %s" % (fmt, label), err)
                code, out, err = run(["check", "--lang", "en", en_s, "--format", fmt, "--fail-on", "never"])
                checker("check single %s %s" % (fmt, label), out)
                check_stderr("check single %s %s" % (fmt, label), err)
            # Text with --statistics and the "errors in" list; colour on.
            code, out, err = run(["check", zh_s, en_s, "--statistics", "--color"])
            terminal_safe("check text --statistics --color %s" % label, out.replace(b"\x1b[", b"CSI["))
            code, out, err = run(["check", zh_s, en_s])
            terminal_safe("check text summary %s" % label, out)
            for fmt in ("text", "tsv", "json", "beads"):
                code, out, err = run(["align", "--format", fmt, zh_s, en_s])
                (check_json if fmt == "json" else terminal_safe)("align %s %s" % (fmt, label), out) if fmt != "tsv" else \
                    terminal_safe("align tsv %s" % label, out, allow=b"\n\t")
                if fmt == "tsv":
                    for line in out.split(b"\n"):
                        if line and line.count(b"\t") != 1:
                            fail("align tsv %s" % label, "a row without exactly one tab", out)
                check_stderr("align %s %s" % (fmt, label), err)
            # Glossary lint: a hostile file name and hostile cells.
            glossary = os.path.join(d, name + b".tsv")
            with open(glossary, "wb") as f:
                f.write(b"zh\ten\n\xe5\x8c\x96\xe7\x96\x97\t\n" + b"x\x1b]0;owned\x07\tchemo\n"
                        + b"x\x1b]0;owned\x07\tchemo\xe2\x80\xae\n\xff\xfe\tbad\n\"\tq\n")
            code, out, err = run(["glossary", "lint", os.fsdecode(glossary)])
            terminal_safe("glossary lint %s" % label, out)
            check_stderr("glossary lint %s" % label, err)
            code, out, err = run(["check", zh_s, en_s, "--glossary", os.fsdecode(glossary)])
            terminal_safe("check with hostile glossary %s" % label, out)
            check_stderr("check with hostile glossary %s" % label, err)
            # fix: the dry-run diff and the summary.
            code, out, err = run(["fix", "--dry-run", zh_s, en_s])
            terminal_safe("fix --dry-run %s" % label, out)
            check_stderr("fix --dry-run %s" % label, err)
            code, out, err = run(["fix", zh_s, en_s])
            terminal_safe("fix %s" % label, out)
            check_stderr("fix %s" % label, err)
            # --lines with a hostile id and texts: JSON lines.
            line = json.dumps({"id": os.fsdecode(name), "source": ZH.decode("utf-8", "replace"),
                               "target": EN.decode("utf-8", "replace")}).encode() + b"\n"
            code, out, err = run(["check", "--lines"], stdin=line + b"{bad json " + name + b"\n")
            for k, l in enumerate(out.split(b"\n")):
                if l:
                    check_json("check --lines %s line %d" % (label, k + 1), l)
            check_stderr("check --lines %s" % label, err)
            # --stdin-filename
            code, out, err = run(["check", "--lang", "en", "-", "--stdin-filename", os.fsdecode(name + b".en.txt"),
                                  "--fail-on", "never"], stdin=EN)
            terminal_safe("check --stdin-filename %s" % label, out)
            check_stderr("check --stdin-filename %s" % label, err)
            # Error messages.
            missing = os.fsdecode(os.path.join(d, b"missing" + name + b".txt"))
            utf16 = os.path.join(d, name + b".utf16.txt")
            with open(utf16, "wb") as f:
                f.write(b"\xff\xfe" + "患者接受了化疗。".encode("utf-16-le"))
            binary = os.path.join(d, name + b".bin.txt")
            with open(binary, "wb") as f:
                f.write(b"PNG\0\0data")
            errors = {
                "missing file": ["check", "--lang", "en", missing],
                "missing pair": ["check", missing, en_s],
                "utf-16": ["check", "--lang", "en", os.fsdecode(utf16)],
                "binary": ["check", "--lang", "en", os.fsdecode(binary)],
                "-o input": ["check", zh_s, en_s, "-o", en_s],
                "-o dir": ["check", zh_s, en_s, "-o", os.fsdecode(d)],
                "-o missing dir": ["check", zh_s, en_s, "-o", os.fsdecode(os.path.join(d, name, b"x.json"))],
                "align -o input": ["align", zh_s, en_s, "-o", zh_s],
                "bad encoding name": ["check", "--lang", "en", "--encoding", os.fsdecode(name), en_s],
                "bad format": ["check", zh_s, en_s, "--format", os.fsdecode(name)],
                "bad align format": ["align", zh_s, en_s, "--format", os.fsdecode(name)],
                "bad lang": ["check", "--lang", os.fsdecode(name), en_s],
                "bad fail-on": ["check", zh_s, en_s, "--fail-on", os.fsdecode(name)],
                "unknown option": ["check", "--" + os.fsdecode(name), en_s],
                "extra argument": ["align", zh_s, en_s, os.fsdecode(name)],
                "unknown command": [os.fsdecode(name)],
                "bad rule": ["check", zh_s, en_s, "--enable", os.fsdecode(name)],
                "bad severity": ["check", zh_s, en_s, "--severity", os.fsdecode(name) + "=error"],
                "bad severity value": ["check", zh_s, en_s, "--severity", "all=" + os.fsdecode(name)],
                "bad set": ["check", zh_s, en_s, "--set", os.fsdecode(name) + "=1"],
                "bad max size": ["check", zh_s, en_s, "--max-input-size", os.fsdecode(name)],
                "missing glossary": ["check", zh_s, en_s, "--glossary", missing],
                "missing lint file": ["glossary", "lint", missing],
                "missing baseline": ["check", zh_s, en_s, "--baseline", missing],
                "bad baseline": ["check", zh_s, en_s, "--baseline", zh_s],
                "missing config": ["check", "--config", missing],
                "missing dir": ["check", os.fsdecode(os.path.join(d, b"nodir" + name)) + "/"],
                "fix missing": ["fix", missing],
                "fix bad rule": ["fix", zh_s, en_s, "--rule", os.fsdecode(name)],
                "align missing": ["align", missing, en_s],
                "lines bad format": ["check", "--lines", "--lines-format", os.fsdecode(name)],
                "init missing dir": ["init", os.fsdecode(os.path.join(d, b"nodir" + name))],
            }
            for what, args in errors.items():
                code, out, err = run(args)
                terminal_safe("error: %s %s [stdout]" % (what, label), out)
                check_stderr("error: %s %s" % (what, label), err)
            # Messages of successful runs that name files.
            code, out, err = run(["check", zh_s, en_s, "--write-baseline", os.fsdecode(os.path.join(d, name + b".baseline"))])
            terminal_safe("check --write-baseline %s" % label, out)
            check_stderr("check --write-baseline %s" % label, err)
            project = os.path.join(d, name + b"proj")
            os.makedirs(project)
            code, out, err = run(["init", os.fsdecode(project)])
            check_stderr("init %s" % label, err)
            # A config file with hostile keys, globs and values.
            cfgdir = os.path.join(d, b"cfg")
            os.makedirs(cfgdir)
            key = os.fsdecode(name).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") \
                .replace("\t", "\\t").replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
            configs = {
                "unknown key": '"%s" = 1\n' % key,
                "bad lang": 'source-lang = "%s"\n' % key,
                "bad glob": '[[pairs]]\nsource = "[%s"\ntarget = "x"\n' % key,
                "missing glossary": 'glossaries = ["%s"]\n' % key,
                "bad rule": '[rules]\nenable = ["%s"]\n' % key,
                "bad option": '[rules]\noptions = { "%s" = 1 }\n' % key,
                "unknown pair key": '[[pairs]]\nsource = "*.zh.md"\ntarget = "*.en.md"\n"%s" = 1\n' % key,
            }
            for what, text in configs.items():
                cfg = os.path.join(cfgdir, b"transcheck.toml")
                with open(cfg, "wb") as f:
                    f.write(text.encode("utf-8", "surrogateescape"))
                code, out, err = run(["check", "--config", os.fsdecode(cfg)])
                terminal_safe("config: %s %s [stdout]" % (what, label), out)
                check_stderr("config: %s %s" % (what, label), err)
            # A config file whose own path is hostile, with a TOML syntax error.
            cfg = os.path.join(d, name + b".toml")
            with open(cfg, "wb") as f:
                f.write(b"source-lang = \n")
            code, out, err = run(["check", "--config", os.fsdecode(cfg)])
            check_stderr("config: syntax error, hostile path %s" % label, err)
        # Project mode over the whole tree (all hostile names at once).
        for fmt, checker in CHECKERS.items():
            code, out, err = run(["check", os.fsdecode(tree), "--format", fmt, "--fail-on", "never"])
            checker("project %s" % fmt, out)
            check_stderr("project %s" % fmt, err)
        code, out, err = run(["check", os.fsdecode(tree)])
        terminal_safe("project text summary", out)
        with open(os.path.join(tree, b"transcheck.toml"), "wb") as f:
            f.write(b'files = ["**/*.en.md"]\n[[pairs]]\nsource = "**/*.zh.md"\ntarget = "**/*.de.md"\n')
        for fmt, checker in CHECKERS.items():
            code, out, err = run(["check", "--format", fmt, "--fail-on", "never"], cwd=tree)
            checker("project config %s" % fmt, out)
            check_stderr("project config %s" % fmt, err)
    for case, what, output in FAILURES:
        print("FAIL %s: %s\n     %r" % (case, what, output))
    print("%d checks, %d failures" % (sum(CHECKED.values()), len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
