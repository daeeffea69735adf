"""``botb-guide``: check the decision guide, write its path book, export JSON, keep the schema.

Exit codes: 0 all good, 1 problems found (each printed as file:line:column: message),
2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from botb.diagnostics import DiagnosticError, display_path
from botb.guide.analysis import Analysis, analyse
from botb.guide.checks import check_guide
from botb.guide.compile import compile_guide, docs_markdown
from botb.guide.loader import load_guide
from botb.guide.paths import DEFAULT_CAP, path_book_text
from botb.guide.render_json import guide_json
from botb.guide.schema import schema_text

OK, PROBLEMS = 0, 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="botb-guide", description="Check and export the Back on the Bike decision guide."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--guide-dir", type=Path, default=Path("guide"), help="guide YAML folder")
    common.add_argument("--docs-dir", type=Path, default=Path("content"), help="MkDocs docs_dir")
    common.add_argument(
        "--bibliography",
        type=Path,
        default=None,
        help="bibliography YAML (default: DOCS_DIR/_data/bibliography.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "check",
        parents=[common],
        help="check the guide: structure, graph, safety rules, pages and sources",
    )
    paths = commands.add_parser("paths", parents=[common], help="print or update the path book")
    _write_or_check(paths, "guide/PATHS.txt")
    paths.add_argument("--cap", type=int, default=DEFAULT_CAP, help="most paths to list")
    export = commands.add_parser("export", parents=[common], help="print guide.json")
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")
    schema = commands.add_parser("schema", help="print or update guide/guide.schema.json")
    _write_or_check(schema, "guide/guide.schema.json")
    return parser


def _write_or_check(parser: argparse.ArgumentParser, default: str) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"write {default}")
    mode.add_argument("--check", action="store_true", help=f"fail if {default} is out of date")
    parser.add_argument("--file", type=Path, default=Path(default), help="file to write or check")


def _problems(error: DiagnosticError) -> int:
    for diagnostic in error.diagnostics:
        print(diagnostic, file=sys.stderr)
    count = len(error.diagnostics)
    print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
    return PROBLEMS


def _bibliography_keys(args: argparse.Namespace) -> frozenset[str] | None:
    from botb.content.bibliography import load_bibliography

    path: Path = args.bibliography or args.docs_dir / "_data" / "bibliography.yml"
    if not path.exists():
        print(f"note: no bibliography at {path}; sources not checked", file=sys.stderr)
        return None
    return load_bibliography(path, display=display_path(path)).keys


def _no_guide(args: argparse.Namespace) -> int:
    print(f"no guide YAML (*.yml, *.yaml) in {args.guide_dir}", file=sys.stderr)
    return PROBLEMS


def _check(args: argparse.Namespace) -> int:
    markdown = docs_markdown(args.docs_dir) if args.docs_dir.is_dir() else None
    compiled = compile_guide(
        guide_dir=args.guide_dir,
        root=Path.cwd(),
        docs_pages=frozenset(markdown) if markdown is not None else None,
        docs_markdown=markdown,
        source_keys=_bibliography_keys(args),
    )
    if compiled is None:
        return _no_guide(args)
    stats = compiled.stats
    print(
        f"guide OK: {len(compiled.guide.nodes)} nodes, {stats.paths} paths to "
        f"{stats.outcomes} outcomes; questions per path: max {stats.max_questions}, "
        f"median {stats.median_questions:g}"
    )
    return OK


def _compare(*, path: Path, expected: str, write: bool, check: bool, command: str) -> int:
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected, encoding="utf-8")
        print(f"wrote {path}")
        return OK
    if not check:
        sys.stdout.write(expected)
        return OK
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current == expected:
        print(f"{path} is up to date")
        return OK
    diff = difflib.unified_diff(
        current.splitlines(keepends=True),
        expected.splitlines(keepends=True),
        fromfile=f"{path} (committed)",
        tofile=f"{path} (from the YAML)",
        n=1,
    )
    sys.stderr.writelines(list(diff)[:60])
    print(f"\n{path} is out of date; run `botb-guide {command} --write`", file=sys.stderr)
    return PROBLEMS


def _sound_guide(args: argparse.Namespace) -> Analysis | None:
    """The guide's analysis when its graph and safety rules hold (pages and sources are not
    needed)."""
    guide = load_guide(args.guide_dir, root=Path.cwd())
    if guide is None:
        return None
    analysis = analyse(guide)
    problems = check_guide(guide, docs_pages=None, analysis=analysis)
    if problems:
        raise DiagnosticError(problems)
    return analysis


def _paths(args: argparse.Namespace) -> int:
    analysis = _sound_guide(args)
    if analysis is None:
        return _no_guide(args)
    text = path_book_text(analysis.guide, stats=analysis.stats, paths=analysis.paths(cap=args.cap))
    return _compare(
        path=args.file, expected=text, write=args.write, check=args.check, command="paths"
    )


def _export(args: argparse.Namespace) -> int:
    analysis = _sound_guide(args)
    if analysis is None:
        return _no_guide(args)
    text = guide_json(analysis.guide, nodes=analysis.nodes)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output} ({analysis.stats.paths} paths)")
        return OK
    sys.stdout.write(text)
    return OK


def _schema(args: argparse.Namespace) -> int:
    return _compare(
        path=args.file, expected=schema_text(), write=args.write, check=args.check, command="schema"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"check": _check, "paths": _paths, "export": _export, "schema": _schema}
    try:
        return handlers[args.command](args)
    except DiagnosticError as error:
        return _problems(error)


if __name__ == "__main__":
    sys.exit(main())
