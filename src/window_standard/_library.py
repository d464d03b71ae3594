"""Finding editions: the rule sets packaged with the library, and loading one by id and date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ._build import build_rule_set
from ._errors import WindowStandardError
from ._load import load_yaml_file
from ._model import Window
from ._standard import Standard

__all__ = ["EditionInfo", "list_editions", "load_standard", "packaged_rules_dir"]


def packaged_rules_dir() -> Path:
    """The folder of packaged rule sets: inside the installed package, or ``rules/`` of a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_rules", package.parent.parent / "rules"):
        if (candidate / "README.md").is_file() or any(candidate.glob("*/standard.yaml")):
            return candidate
    raise WindowStandardError(f"packaged rule sets not found next to {package}; reinstall window-standard")


@dataclass(frozen=True)
class EditionInfo:
    """What ``standard.yaml`` says about an edition, read without compiling it.

    Attributes:
        id: Edition id.
        version: Semver of the encoding.
        effective_from: First day in force.
        effective_to: Last day in force, or None.
        provenance: ``official`` or ``reconstructed``.
        folder: Where it lives.
    """

    id: str
    version: str
    effective_from: date
    effective_to: date | None
    provenance: str
    folder: Path

    def in_force(self, on: date) -> bool:
        """Whether the edition is in force on a date."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


def list_editions(root: Path | None = None) -> list[EditionInfo]:
    """Every edition under a folder of rule sets (default: the packaged ones), sorted by id and date."""
    base = root or packaged_rules_dir()
    found: list[EditionInfo] = []
    for head in sorted(base.glob("*/standard.yaml")):
        data = load_yaml_file(head).data
        effective = data.get("effective") if isinstance(data, dict) else None
        if not isinstance(effective, dict) or not isinstance(effective.get("from"), date):
            continue  # not an edition; build_rule_set reports why when it is loaded by path
        found.append(
            EditionInfo(
                id=str(data.get("id")),
                version=str(data.get("version")),
                effective_from=effective["from"],
                effective_to=effective.get("to"),
                provenance=str(data.get("provenance")),
                folder=head.parent,
            )
        )
    return sorted(found, key=lambda e: (e.id, e.effective_from))


def load_standard(
    id: str | None = None,
    *,
    as_of: date | None = None,
    path: str | Path | None = None,
    version: str | None = None,
    digest: str | None = None,
) -> Standard:
    """Load and compile an edition of the standard.

    Args:
        id: Edition id (``cdpma-window-2013``); default: any packaged edition.
        as_of: Pick the edition in force on this date (default: today).
        path: Load the edition in this folder instead of a packaged one.
        version: Require this version.
        digest: Refuse to run unless the rule set's digest is exactly this (audit reproducibility).

    Raises:
        RuleDefinitionError: When the rule files are invalid.
        WindowStandardError: When no edition matches, or the version or digest differ.
    """
    if path is not None:
        standard = Standard(build_rule_set(Path(path), Window))
    else:
        standard = Standard(build_rule_set(_choose(id, as_of or date.today(), version).folder, Window))
    if version is not None and standard.version != version:
        raise WindowStandardError(f"{standard.id} is version {standard.version}, not {version}")
    if digest is not None and standard.digest != digest:
        raise WindowStandardError(
            f"{standard.id} {standard.version} has digest {standard.digest}, not {digest}: the rules changed"
        )
    return standard


def _choose(id: str | None, on: date, version: str | None) -> EditionInfo:
    editions = list_editions()
    candidates = [
        e for e in editions if (id is None or e.id == id) and (version is None or e.version == version)
    ]
    in_force = [e for e in candidates if e.in_force(on)]
    if not in_force:
        known = "; ".join(
            f"{e.id} {e.version} from {e.effective_from}"
            + (f" to {e.effective_to}" if e.effective_to else "")
            for e in editions
        )
        wanted = f"'{id}'" if id else "any edition"
        raise WindowStandardError(
            f"no packaged edition {wanted} is in force on {on}; packaged: {known or 'none'}"
        )
    return max(in_force, key=lambda e: e.effective_from)
