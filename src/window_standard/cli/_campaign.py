"""``window-standard review`` and ``window-standard outcomes``: the campaign of notice 成物协〔2013〕9号.

``review APPLICATION`` checks one application (Annex 2 form) against APP-1 ... APP-7: exit 0 when accepted,
1 when rejected, 2 on bad input. ``outcomes DIR`` reads every application and committee evaluation under a
folder and prints the outcomes of windows and organisations and the public-notice list (公示).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .._errors import RuleDefinitionError, WindowStandardError
from .._read.errors import InputError
from .._vocab import COLON, aside, check_word
from ._evaluate import fail, load
from ._options import LangOption, RulesOption, StandardOption
from ._render import Lang, code, district_label, footer, table, word

if TYPE_CHECKING:  # the campaign machinery is imported when a command runs, not at start-up
    from .._campaign.campaign import Campaign
    from .._campaign.outcomes import CampaignOutcomes
    from .._campaign.review import ApplicationReview
    from .._model import Application, Window

__all__ = ["OutcomesFormat", "ReviewFormat", "outcomes", "review"]

_SUFFIXES = (".yaml", ".yml", ".json")


class ReviewFormat(StrEnum):
    """Output format of ``review``."""

    text = "text"
    json = "json"


class OutcomesFormat(StrEnum):
    """Output format of ``outcomes``: text, the public-notice list as CSV, or every outcome as JSON."""

    text = "text"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


def review(
    application: Annotated[
        Path,
        typer.Argument(help="An application (Annex 2 form) as .yaml, .yml or .json.", show_default=False),
    ],
    standard: StandardOption = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
    format: Annotated[
        ReviewFormat, typer.Option("--format", help="text (readable) or json.")
    ] = ReviewFormat.text,
) -> None:
    """Review an application against the campaign checks APP-1 ... APP-7 (notice §2, §3(3), §4(2)).

    Exits 0 when the application is accepted, 1 when it is rejected, 2 on bad input.
    """
    try:
        app = _read_application(application, lang)
    except InputError as exc:
        fail(exc.render())
    campaign = _campaign(standard, rules)
    checked = campaign.review(app)
    if format is ReviewFormat.json:
        typer.echo(checked.model_dump_json(indent=2))
    else:
        typer.echo("\n".join([*_review_lines(checked, lang), "", *_footer(campaign, lang)]))
    raise typer.Exit(0 if checked.accepted else 1)


def outcomes(
    folder: Annotated[
        Path,
        typer.Argument(
            help="A folder of applications and committee evaluations (.yaml, .yml, .json; recursive).",
            show_default=False,
        ),
    ],
    standard: StandardOption = None,
    rules: RulesOption = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the text and the CSV header.")] = Lang.zh,
    format: Annotated[
        OutcomesFormat,
        typer.Option(
            "--format", help="text; csv (the public-notice list); json (every outcome); xlsx (all, needs -o)."
        ),
    ] = OutcomesFormat.text,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file instead of the terminal.")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Encoding of a CSV: utf-8-sig (with a BOM, what Excel on Chinese Windows expects; the "
            "default for -o), utf-8 (the default on the terminal) or gb18030.",
        ),
    ] = None,
) -> None:
    """Outcomes of the campaign (notice §5(3)) and the results list for the public notice (公示).

    Files holding a ``window`` key are applications; window documents with ``assessor: committee`` are the
    committee's evaluations, matched to applications by window id. Exits 0, or 2 on bad input.
    """
    if not folder.is_dir():
        fail(f"error: {folder} is not a folder")
    applications, evaluations, skipped = _read_folder(folder, lang)
    for note in skipped:
        typer.echo(note, err=True)
    campaign = _campaign(standard, rules)
    try:
        result = campaign.outcomes(applications, evaluations)
    except ValueError as exc:
        fail(f"error: {exc}")
    if format is OutcomesFormat.xlsx:
        _write_xlsx(result, output, lang)
    elif format is OutcomesFormat.csv:
        _write_csv(result.notice_csv(code(lang)), output, encoding)
    elif format is OutcomesFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo("\n".join([*_outcome_lines(result, campaign, lang), "", *_footer(campaign, lang)]))


#: CSV encodings offered (Python codec names).
CSV_ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")


def _write_csv(text: str, output: Path | None, encoding: str | None) -> None:
    """A CSV on the terminal (UTF-8 unless told) or into a file (UTF-8 with a BOM unless told)."""
    chosen = encoding or ("utf-8-sig" if output is not None else "utf-8")
    if chosen.lower() not in CSV_ENCODINGS:
        fail(f"error: unknown --encoding {chosen!r}; choose one of: {', '.join(CSV_ENCODINGS)}")
    try:
        data = text.encode(chosen)
    except UnicodeEncodeError as exc:
        fail(f"error: the list cannot be written in {chosen}: {exc.reason}; use utf-8-sig")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        fail(f"error: {exc}")
    typer.echo(f"wrote {output}")


def _write_xlsx(result: CampaignOutcomes, output: Path | None, lang: Lang) -> None:
    if output is None:
        fail("error: --format xlsx writes a file: give -o OUTCOMES.xlsx")
    try:
        from ..report import outcomes_workbook

        typer.echo(f"wrote {outcomes_workbook(result, output, code(lang))}")
    except ModuleNotFoundError:
        fail('error: Excel output needs openpyxl: pip install "window-standard[excel]"')
    except OSError as exc:
        fail(f"error: {exc}")


def _footer(campaign: Campaign, lang: Lang) -> list[str]:
    stamp = f"{campaign.id} {campaign.version} ({word('digest', lang)} {campaign.digest[:12]})"
    return [f"{word('campaign_rules', lang)}{COLON[code(lang)]}{stamp}", *footer(campaign.standard, lang)]


def _campaign(standard: str | None, rules: Path | None) -> Campaign:
    from .._campaign.campaign import load_campaign

    std = load(standard, rules)
    try:
        return load_campaign(std)
    except RuleDefinitionError as exc:
        fail(f"error: invalid campaign rules\n{exc}")
    except WindowStandardError as exc:
        fail(f"error: {exc}")


def _read_application(path: Path, lang: Lang) -> Application:
    from .._read import read_application

    return read_application(path, code(lang))


def _read_folder(folder: Path, lang: Lang) -> tuple[list[Application], list[Window], list[str]]:
    from .._model import Application, Assessor, Window
    from .._read import read_document, validate

    applications: list[Application] = []
    evaluations: list[Window] = []
    skipped: list[str] = []
    problems: list[str] = []
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES)
    for path in files:
        try:
            parsed = read_document(path, code(lang))
            if isinstance(parsed.data, dict) and "window" in parsed.data:
                applications.append(validate(Application, parsed, str(path), code(lang), "application"))
                continue
            window = validate(Window, parsed, str(path), code(lang))
            if window.assessor is Assessor.COMMITTEE:
                evaluations.append(window)
            else:
                skipped.append(f"note: skipped {path}: a self-assessed window without an application")
        except InputError as exc:
            problems.append(exc.render())
    if problems:
        fail("\n".join(problems))
    return applications, evaluations, skipped


def _review_lines(checked: ApplicationReview, lang: Lang) -> list[str]:
    lc = code(lang)
    colon = COLON[lc]
    decision = word("accepted" if checked.accepted else "rejected", lang)
    lines = [
        f"== {word('application_for', lang)} {checked.window_id} {checked.window_name} ==",
        f"{word('decision', lang)}{colon}{decision}",
        f"{word('self_assessment', lang)}{colon}{checked.self_assessment.describe(lc)}",
        "",
    ]
    rows = [
        [c.id, check_word(c.status, lc), c.clause, f"{c.title.get(lc)}{colon}{c.explanation.get(lc)}"]
        for c in checked.checks
    ]
    headers = [word(key, lang) for key in ("check", "verdict", "clause", "explanation")]
    lines += table(headers, rows)
    if checked.warnings:
        lines += ["", f"{word('warnings', lang)}{colon}"]
        lines += [f"  {w.explain(lc)}" for w in checked.warnings]
    return lines


def _outcome_lines(result: CampaignOutcomes, campaign: Campaign, lang: Lang) -> list[str]:
    lc = code(lang)
    lines = [f"== {word('windows', lang)} =="]
    for w in result.windows:
        score = "—" if w.committee_score is None else str(w.committee_score)
        place = district_label(campaign.standard, w.district, lang)
        lines.append(f"{w.window_id} {w.window_name} ({place}, {score}): {w.outcome_title.get(lc)}")
        lines += [f"  {reason.get(lc)}" for reason in w.reasons]
    lines += ["", f"== {word('organisations', lang)} =="]
    for o in result.organisations:
        lines.append(f"{o.name or o.key} ({', '.join(o.windows)}): {o.outcome_title.get(lc)}")
        lines += [f"  {reason.get(lc)}" for reason in o.reasons]
    lines += ["", f"== {word('public_notice', lang)} =="]
    rows = [
        [
            str(e.rank),
            district_label(campaign.standard, e.district, lang),
            e.window_id,
            e.window_name,
            e.organisation or "",
            "" if e.score is None else str(e.score),
        ]
        for e in result.notice
    ]
    columns = ("rank", "district", "window_id", "window_name", "organisation", "committee_score")
    headers = [word(key, lang) for key in columns]
    lines += table(headers, rows, right=(0, 5)) if rows else [aside(word("none", lang), lc).strip()]
    return lines
