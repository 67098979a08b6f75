"""Keep the translations up to date, in one command (run it again whenever strings change):

    python tools/translations.py

1. ``pyside6-lupdate`` reads every ``self.tr(...)`` / ``translate(ctx, ...)`` /
   ``QT_TRANSLATE_NOOP(ctx, ...)`` in gdstudio/**/*.py into resources/i18n/gdstudio_zh_CN.ts,
   keeping the translations already there (English is the source language: no en file);
2. reports what is untranslated, obsolete, or broken (``{placeholders}`` or HTML tags that differ
   from the source), and spots in the code lupdate cannot see (a ``tr`` call inside an f-string,
   ``tr(f"...")``, a sentence glued together with ``+``, literal text given to a widget);
3. compiles the .qm with ``pyside6-lrelease`` (finished translations only);
4. re-cuts the bundled Chinese font subset (resources/fonts) to the characters the translations
   use, when they changed (needs fontTools, ``pip install fonttools``, and Noto Sans CJK, e.g.
   ``apt-get install fonts-noto-cjk``; a maintainer's tool, not a dependency of the app).

Translating: edit the .ts with ``pyside6-linguist``, or export what is missing to JSON, fill it
in and import it:

    python tools/translations.py --todo todo.json      # {context: {source: ""}} to fill in
    python tools/translations.py --import todo.json    # merge, compile, re-cut the font

``--check`` changes nothing and exits 1 when the .ts, the .qm or the font is out of date or a
message is unfinished (for CI). Exit code: 0 when everything is translated and consistent.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gdstudio"
I18N = ROOT / "resources" / "i18n"
FONTS = ROOT / "resources" / "fonts"
LANGUAGES = ("zh_CN",)  # English is the source language
CJK_FAMILY = "Noto Sans SC gdstudio"  # keep equal to gdstudio.qt.i18n.CJK_FAMILY
FONT_STYLES = ("Regular", "Bold")
FONT_FILE = "NotoSansSC-gdstudio-subset-{style}.otf"
CJK_SOURCES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-{style}.ttc",  # Debian/Ubuntu fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-{style}.ttc",  # Arch, Fedora
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-{style}.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-{style}.otf",
    "/usr/share/fonts/OTF/NotoSansCJKsc-{style}.otf",
)
SOURCE_FAMILY = "Noto Sans CJK SC"

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)?(?:![rsa])?(?::[^{}]*)?\}")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


# --- the Qt tools ---------------------------------------------------------------------------
def qt_tool(name: str) -> str:
    """Path of a Qt tool shipped in the PySide6 wheel (lupdate, lrelease)."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
            if candidate.exists():
                return str(candidate)
    except ImportError:
        pass
    for candidate in (f"pyside6-{name}", name):
        found = shutil.which(candidate)
        if found:
            return found
    raise SystemExit(f"translations: {name} not found (pip install PySide6-Essentials)")


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return I18N / f"gdstudio_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"gdstudio_{language}.qm"


def lupdate(ts: Path, language: str, drop_obsolete: bool = False) -> str:
    """Merge the code's messages into ``ts`` (created if missing); lupdate's own summary."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(p) for p in sources()) + "\n")
    cmd = [
        qt_tool("lupdate"),
        "-locations",
        "absolute",
        "-source-language",
        "en",
        "-target-language",
        language,
        f"@{lst.name}",
        "-ts",
        str(ts),
    ]
    if drop_obsolete:
        cmd.insert(1, "-no-obsolete")
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    finally:
        Path(lst.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise SystemExit(f"translations: lupdate failed:\n{done.stdout}{done.stderr}")
    return (done.stdout + done.stderr).strip()


def lrelease(ts: Path, qm: Path) -> None:
    cmd = [qt_tool("lrelease"), "-nounfinished", "-silent", str(ts), "-qm", str(qm)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not qm.exists():
        raise SystemExit(f"translations: lrelease failed:\n{done.stdout}{done.stderr}")


# --- reading the .ts ------------------------------------------------------------------------
@dataclass
class Message:
    context: str
    source: str
    translation: str
    kind: str  # "" finished, "unfinished", "obsolete", "vanished"
    locations: list[tuple[str, str]] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.kind == "" and bool(self.translation.strip())

    @property
    def current(self) -> bool:
        """Still used by the code (not obsolete or vanished)."""
        return self.kind in ("", "unfinished")


def read_ts(ts: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            text = (tr.text or "") if tr is not None else ""
            locations = []
            current_file = ""
            for loc in m.iter("location"):
                current_file = loc.get("filename", current_file)
                locations.append((current_file, loc.get("line", "")))
            messages.append(Message(name, m.findtext("source") or "", text, kind, locations))
    return messages


def placeholders(text: str) -> set[str]:
    return {m.group(0).split(":")[0].split("!")[0] for m in PLACEHOLDER.finditer(text)}


def tags(text: str) -> Counter:
    return Counter(re.sub(r"\s+", " ", t) for t in TAG.findall(text))


def problems(message: Message) -> list[str]:
    """What is wrong with a finished translation (empty list: nothing)."""
    src, tr = message.source, message.translation
    found = []
    if placeholders(src) != placeholders(tr):
        found.append(f"placeholders {sorted(placeholders(src))} became {sorted(placeholders(tr))}")
    if tags(src) != tags(tr):
        found.append(
            f"HTML tags {sorted(tags(src).elements())} became {sorted(tags(tr).elements())}"
        )
    try:
        tr.format(**{name.strip("{}"): "" for name in placeholders(tr) if name != "{}"})
    except (IndexError, KeyError, ValueError) as e:
        found.append(f"not usable with .format(): {e}")
    return found


# --- writing translations -------------------------------------------------------------------
def export_todo(ts: Path, out: Path) -> int:
    todo: dict[str, dict[str, str]] = {}
    for m in read_ts(ts):
        if m.current and not m.finished:
            todo.setdefault(m.context, {})[m.source] = m.translation
    out.write_text(json.dumps(todo, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return sum(len(v) for v in todo.values())


def import_translations(ts: Path, data: dict[str, dict[str, str]]) -> tuple[int, list[str]]:
    """Fill in translations {context: {source: translation}}; returns (count, unknown keys)."""
    tree = ET.parse(ts)
    used: set[tuple[str, str]] = set()
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        wanted = data.get(name, {})
        for m in context.iter("message"):
            source = m.findtext("source") or ""
            text = wanted.get(source)
            if text is None or not text.strip():
                continue
            used.add((name, source))
            tr = m.find("translation")
            if tr is None:
                tr = ET.SubElement(m, "translation")
            if tr.get("type") in ("obsolete", "vanished"):
                continue
            tr.text = text
            tr.attrib.pop("type", None)
            count += 1
    unknown = [
        f"{ctx}: {src!r}"
        for ctx, entries in data.items()
        for src, text in entries.items()
        if text.strip() and (ctx, src) not in used
    ]
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count, unknown


# --- what lupdate cannot see ----------------------------------------------------------------
#: widget calls that show text, and which positional argument is the text
TEXT_SETTERS = {
    **dict.fromkeys(
        (
            "setText",
            "setTitle",
            "setWindowTitle",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setPlaceholderText",
            "setAccessibleName",
            "setAccessibleDescription",
            "addItem",
            "showMessage",
            "setFormat",
            "setHtml",
            "setPlainText",
            "addMenu",
            "setSuffix",
            "setPrefix",
            "setSpecialValueText",
            "QLabel",
            "QPushButton",
            "QCheckBox",
            "QRadioButton",
            "QGroupBox",
            "QAction",
            "TextItem",
        ),
        (0,),
    ),
    **dict.fromkeys(("setItemText", "insertItem", "setTabText", "addTab", "addRow"), (1,)),
    "setLabel": (0, 1),  # AxisItem.setLabel(text) / PlotItem.setLabel(side, text)
}
SIDES = {"left", "right", "top", "bottom"}
WORD = re.compile(r"[A-Za-z]{3,}")


def _is_tr(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    if name in ("translate", "QT_TRANSLATE_NOOP"):  # (context, text); not QPainter.translate
        first = node.args[0] if node.args else None
        return isinstance(first, ast.Constant) and isinstance(first.value, str)
    return name in ("tr", "QT_TR_NOOP")


def declared() -> set[tuple[str, str]]:
    """(context, text) pairs declared with QT_TRANSLATE_NOOP (for texts chosen at run time)."""
    pairs = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
                and len(node.args) >= 2
                and all(isinstance(a, ast.Constant) for a in node.args[:2])
            ):
                pairs.add((node.args[0].value, node.args[1].value))
    return pairs


def _text_arg(call: ast.Call) -> ast.AST | None:
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
    index = 0 if name in ("tr", "QT_TR_NOOP") else 1
    return call.args[index] if len(call.args) > index else None


def _literal_words(node: ast.AST) -> str:
    """The literal text of a str constant or an f-string's constant parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return ""


def _has_words(text: str) -> bool:
    """Whether literal text holds words (not only markup, entities, placeholders, symbols)."""
    return bool(WORD.search(re.sub(r"<[^>]*>|&\w+;|\{[^}]*\}", " ", text)))


def _glued(chain: ast.AST, piece: ast.AST) -> bool:
    """Whether a ``+`` chain adds words (or computed text) to a translated piece; wrapping it
    in markup only is fine."""
    operands, todo = [], [chain]
    while todo:
        n = todo.pop()
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
            todo += [n.left, n.right]
        elif n is not piece:
            operands.append(n)
    for n in operands:
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            if _has_words(n.value):
                return True
        elif not _is_tr(n):
            return True
    return False


def scan_code() -> list[str]:
    """Spots that lupdate misses or that cannot be translated well, as 'file:line: why'."""
    notes = []
    covered = declared()
    contexts = {ctx for ctx, _ in covered}
    for path in sources():
        rel = path.relative_to(ROOT)
        if rel.as_posix() in ("gdstudio/qt/i18n.py", "gdstudio/qt/common.py"):
            continue  # the declarations and the translate() wrapper itself
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError as e:
            notes.append(f"{rel}:{e.lineno}: cannot parse ({e.msg})")
            continue
        in_fstring: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if _is_tr(inner):
                        in_fstring.add(id(inner))
        parents = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
        for node in ast.walk(tree):
            where = f"{rel}:{getattr(node, 'lineno', '?')}"
            if _is_tr(node):
                arg = _text_arg(node)
                if id(node) in in_fstring:
                    text = _literal_words(arg) if arg is not None else ""
                    done = any(src == text for _, src in covered)
                    notes.append(
                        f"{where}: tr() inside an f-string: lupdate does not see it"
                        + (" (declared in gdstudio/qt/i18n.py meanwhile)" if done else "")
                    )
                elif isinstance(arg, ast.JoinedStr):
                    notes.append(
                        f'{where}: tr(f"...") translates the filled-in text, which is never '
                        "in the .ts: use tr('... {name} ...').format(name=...)"
                    )
                elif arg is not None and not (
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ):
                    ctx = node.args[0].value if _text_arg(node) is not node.args[0] else ""
                    notes.append(
                        f"{where}: tr()/translate() of a computed text: declare each possible "
                        "text with QT_TRANSLATE_NOOP(context, text)"
                        + (" (done in gdstudio/qt/i18n.py)" if ctx in contexts else "")
                    )
                top = node
                while isinstance(parents.get(id(top)), ast.BinOp) and isinstance(
                    parents[id(top)].op, ast.Add
                ):
                    top = parents[id(top)]
                if top is not node and _glued(top, node):
                    notes.append(
                        f"{where}: a translated piece glued to other text with +: "
                        "translate the whole sentence with a {placeholder}"
                    )
            elif isinstance(node, ast.Call):
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                for index in TEXT_SETTERS.get(name, ()):
                    if index < len(node.args):
                        words = _literal_words(node.args[index])
                        if words.strip() in SIDES or words.strip() == "gdstudio":
                            continue
                        if _has_words(words):
                            notes.append(
                                f"{where}: literal text {words.strip()[:50]!r} given to "
                                f"{name}() without tr()"
                            )
    return notes


# --- the font subset ------------------------------------------------------------------------
def wanted_characters() -> set[int]:
    """Code points the bundled font should cover: every character of the translations and of
    CJK text in the code (language names), CJK punctuation, and printable ASCII."""
    chars = set(range(0x20, 0x7F))
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF5F))  # CJK and full-width marks
    chars |= {ord(c) for c in "“”‘’…—–·×−→←↑↓"}
    for language in LANGUAGES:
        ts = ts_path(language)
        if ts.exists():
            for m in read_ts(ts):
                if m.current:
                    chars |= {ord(c) for c in m.translation}
    for path in sources():
        chars |= {ord(c) for c in CJK.findall(path.read_text(encoding="utf-8"))}
    return {c for c in chars if c >= 0x20}


def find_cjk_source(style: str) -> tuple[Path, int] | None:
    """(file, font number) of Noto Sans CJK SC in ``style`` installed on this machine."""
    from fontTools.ttLib import TTCollection, TTFont

    for pattern in CJK_SOURCES:
        path = Path(pattern.format(style=style))
        if not path.exists():
            continue
        if path.suffix == ".ttc":
            collection = TTCollection(str(path), lazy=True)
            for i, font in enumerate(collection.fonts):
                if font["name"].getDebugName(1) == SOURCE_FAMILY:
                    return path, i
        else:
            font = TTFont(str(path), lazy=True)
            if font["name"].getDebugName(1) in (SOURCE_FAMILY, "Noto Sans SC"):
                return path, -1
    return None


def font_characters(path: Path, number: int = -1) -> set[int]:
    from fontTools.ttLib import TTFont

    return set(TTFont(str(path), fontNumber=number, lazy=True).getBestCmap())


def cut_font(source: Path, number: int, style: str, chars: set[int], out: Path) -> int:
    """Write the subset of ``source`` covering ``chars`` to ``out``, renamed; its size."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=max(number, 0), recalcTimestamp=False, lazy=False)
    options = subset.Options()
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars & set(font.getBestCmap())))
    subsetter.subset(font)
    ps_name = CJK_FAMILY.replace(" ", "") + f"-{style}"
    names = {
        1: CJK_FAMILY,
        2: style,
        3: f"{ps_name};gdstudio subset of {SOURCE_FAMILY}",
        4: CJK_FAMILY if style == "Regular" else f"{CJK_FAMILY} {style}",
        6: ps_name,
    }
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (16, 17, 21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [ps_name]
        top = cff.topDictIndex[0]
        for attr, value in (("FullName", names[4]), ("FamilyName", CJK_FAMILY)):
            if hasattr(top, attr):
                setattr(top, attr, value)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out.stat().st_size


def update_fonts(check_only: bool, force: bool) -> list[str]:
    """Re-cut the subset when the wanted characters changed; notes about what happened."""
    notes = []
    try:
        import fontTools  # noqa: F401
    except ImportError:
        return ["font subset not checked: fontTools is missing (pip install fonttools)"]
    wanted = wanted_characters()
    for style in FONT_STYLES:
        out = FONTS / FONT_FILE.format(style=style)
        found = find_cjk_source(style)
        if found is None:
            missing = wanted - font_characters(out) if out.exists() else wanted
            cjk_missing = sorted(chr(c) for c in missing if CJK.match(chr(c)))
            notes.append(
                f"{out.name}: Noto Sans CJK SC {style} not found (apt-get install fonts-noto-cjk); "
                + (f"missing {''.join(cjk_missing)}" if cjk_missing else "subset still complete")
            )
            continue
        source, number = found
        target = wanted & font_characters(source, number)
        have = font_characters(out) if out.exists() else set()
        if have == target and not force:
            notes.append(f"{out.name}: up to date ({len(target)} characters)")
            continue
        if check_only:
            notes.append(f"{out.name}: OUT OF DATE ({len(target ^ have)} characters differ)")
            continue
        size = cut_font(source, number, style, target, out)
        notes.append(f"{out.name}: cut {len(target)} characters, {size / 1024:.0f} KiB")
    return notes


# --- the whole pipeline ---------------------------------------------------------------------
def report(messages: list[Message]) -> tuple[list[str], int]:
    lines = []
    unfinished = [m for m in messages if m.current and not m.finished]
    obsolete = [m for m in messages if not m.current]
    broken = [(m, p) for m in messages if m.current and m.finished for p in problems(m)]
    current = [m for m in messages if m.current]
    lines.append(
        f"{len(current)} messages: {len(current) - len(unfinished)} translated, "
        f"{len(unfinished)} untranslated, {len(obsolete)} obsolete (kept for reuse), "
        f"{len(broken)} with problems"
    )
    for m in unfinished:
        where = f"{m.locations[0][0]}:{m.locations[0][1]}" if m.locations else ""
        lines.append(f"  untranslated  [{m.context}] {m.source[:70]!r}  {where}")
    for m in obsolete:
        lines.append(f"  obsolete      [{m.context}] {m.source[:70]!r}")
    for m, p in broken:
        lines.append(f"  PROBLEM       [{m.context}] {m.source[:50]!r}: {p}")
    return lines, len(unfinished) + len(broken)


@contextlib.contextmanager
def _removed_after(path: Path):
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 if out of date")
    p.add_argument("--todo", type=Path, metavar="JSON", help="write the untranslated messages")
    p.add_argument(
        "--import",
        dest="imports",
        type=Path,
        action="append",
        metavar="JSON",
        default=[],
        help="merge translations {context: {source: translation}}",
    )
    p.add_argument("--drop-obsolete", action="store_true", help="forget unused messages")
    p.add_argument("--no-fonts", action="store_true", help="leave the font subset alone")
    p.add_argument("--force-fonts", action="store_true", help="re-cut the font subset anyway")
    p.add_argument("--quiet", action="store_true", help="no list of code notes")
    args = p.parse_args(argv)
    failures = 0
    for language in LANGUAGES:
        ts, qm = ts_path(language), qm_path(language)
        # lupdate writes source paths relative to the .ts file: work beside the real one
        work = ts.with_name(f".work_{ts.name}")
        with tempfile.TemporaryDirectory() as tmp, _removed_after(work):
            if ts.exists():
                shutil.copyfile(ts, work)
            summary = lupdate(work, language, args.drop_obsolete)
            for data_file in args.imports:
                data = json.loads(data_file.read_text(encoding="utf-8"))
                count, unknown = import_translations(work, data)
                print(f"{data_file}: {count} translations merged")
                for key in unknown:
                    print(f"  not in the code (skipped): {key}")
                lupdate(work, language, args.drop_obsolete)  # lupdate's own layout again
            print(f"{ts.relative_to(ROOT)}: {summary.splitlines()[-1].strip()}")
            messages = read_ts(work)
            lines, bad = report(messages)
            print("\n".join(lines))
            failures += bad
            qm_work = Path(tmp) / qm.name
            lrelease(work, qm_work)
            ts_changed = not ts.exists() or ts.read_bytes() != work.read_bytes()
            qm_changed = not qm.exists() or qm.read_bytes() != qm_work.read_bytes()
            if args.check:
                for changed, path in ((ts_changed, ts), (qm_changed, qm)):
                    if changed:
                        print(f"OUT OF DATE: {path.relative_to(ROOT)}")
                        failures += 1
            else:
                if ts_changed:
                    shutil.copyfile(work, ts)
                if qm_changed:
                    shutil.copyfile(qm_work, qm)
                print(f"{qm.relative_to(ROOT)}: {'compiled' if qm_changed else 'unchanged'}")
            if args.todo:
                n = export_todo(work, args.todo)
                print(f"{args.todo}: {n} messages to translate")
    if not args.no_fonts:
        for note in update_fonts(args.check, args.force_fonts):
            print(note)
            if "OUT OF DATE" in note or "missing" in note:
                failures += 1
    notes = scan_code()
    if notes:
        print(f"{len(notes)} spots in the code that translations cannot reach:")
        if not args.quiet:
            print("\n".join(f"  {n}" for n in notes))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
