"""Finding editions: the packaged rule sets plus any folders a caller adds, selected by id, version and date.

A :class:`Library` is a plain value (a list of folders); nothing is registered globally. ``load_standard``
uses a library of the packaged editions unless given another.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ._build import build_rule_set
from ._engine import DEFAULT_ENGINE
from ._errors import WindowStandardError
from ._load import load_yaml_file
from ._model import Window
from ._standard import Standard, canonical_digest

__all__ = ["EditionInfo", "Library", "list_editions", "load_standard", "packaged_rules_dir"]


def packaged_rules_dir() -> Path:
    """The folder of packaged rule sets: inside the installed package, or ``rules/`` of a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_rules", package.parent.parent / "rules"):
        if any(candidate.glob("*/standard.yaml")):
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
        provenance: ``official``, ``reconstructed``, or ``variant of <id>`` for a variant.
        folder: Where it lives.
        extends: The base edition of a variant (``id`` or ``id@version``), else None.
    """

    id: str
    version: str
    effective_from: date
    effective_to: date | None
    provenance: str
    folder: Path
    extends: str | None = None

    def in_force(self, on: date) -> bool:
        """Whether the edition is in force on a date."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def describe(self) -> str:
        """``id version (from … to …)``."""
        until = f" to {self.effective_to}" if self.effective_to else ""
        return f"{self.id} {self.version} (from {self.effective_from}{until})"


def _read_info(head: Path) -> EditionInfo | None:
    data = load_yaml_file(head).data
    effective = data.get("effective") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or not isinstance(effective, dict)
        or not isinstance(effective.get("from"), date)
    ):
        return None  # not an edition; loading it by path reports why
    extends = data.get("extends")
    return EditionInfo(
        id=str(data.get("id")),
        version=str(data.get("version")),
        effective_from=effective["from"],
        effective_to=effective.get("to"),
        provenance=f"variant of {extends}" if extends else str(data.get("provenance")),
        folder=head.parent,
        extends=str(extends) if extends else None,
    )


class Library:
    """A set of folders holding editions (each a sub-folder with ``standard.yaml``), or edition folders.

    Args:
        paths: Extra folders: either a folder of editions or one edition folder.
        packaged: Include the editions packaged with window-standard (default True).
    """

    def __init__(self, paths: Iterable[str | Path] = (), *, packaged: bool = True) -> None:
        roots = [Path(p) for p in paths]
        self.roots: tuple[Path, ...] = tuple(([packaged_rules_dir()] if packaged else []) + roots)

    def editions(self) -> list[EditionInfo]:
        """Every edition in the library, sorted by id, then start date, then version."""
        found: list[EditionInfo] = []
        for root in self.roots:
            heads = (
                [root / "standard.yaml"]
                if (root / "standard.yaml").is_file()
                else sorted(root.glob("*/standard.yaml"))
            )
            found.extend(info for head in heads if (info := _read_info(head)) is not None)
        return sorted(found, key=lambda e: (e.id, e.effective_from, e.version))

    def find(
        self, id: str | None = None, *, version: str | None = None, as_of: date | None = None
    ) -> EditionInfo:
        """The edition with this id (any when None) and version in force on ``as_of`` (default today).

        When several match, the one that came into force last wins, then the highest version.

        Raises:
            WindowStandardError: When none matches; the message lists every edition the library has.
        """
        on = as_of or date.today()
        editions = self.editions()
        matching = [
            e
            for e in editions
            if (id is None or e.id == id) and (version is None or e.version == version) and e.in_force(on)
        ]
        if not matching:
            known = "; ".join(e.describe() for e in editions) or "none"
            wanted = f" '{id}'" + (f" version {version}" if version else "") if id else ""
            raise WindowStandardError(f"no edition{wanted} is in force on {on}; the library has: {known}")
        return max(matching, key=lambda e: (e.effective_from, _semver_key(e.version)))

    def find_base(self, edition_id: str, version: str | None) -> Path | None:
        """The folder of a base edition for ``extends`` (newest version when none is given)."""
        candidates = [
            e for e in self.editions() if e.id == edition_id and (version is None or e.version == version)
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda e: _semver_key(e.version)).folder

    def load(
        self,
        id: str | None = None,
        *,
        version: str | None = None,
        as_of: date | None = None,
        digest: str | None = None,
        engine: str = DEFAULT_ENGINE,
    ) -> Standard:
        """Load and check the edition :meth:`find` selects; see :func:`load_standard`.

        With a ``digest`` and no ``version``, the edition is the newest in force whose digest (or one of its
        ``former_digests``) is that digest, so an old decision is reproduced by its digest alone.
        """
        info = self.find(id, version=version, as_of=as_of)
        if digest is not None and version is None:
            info = self._by_digest(info, digest, as_of) or info
        rules = build_rule_set(info.folder, Window, self.find_base)
        return _checked(Standard(rules, engine), version, digest)

    def _by_digest(self, newest: EditionInfo, digest: str, as_of: date | None) -> EditionInfo | None:
        on = as_of or date.today()
        candidates = [e for e in self.editions() if e.id == newest.id and e.in_force(on)]
        candidates.sort(key=lambda e: (e.effective_from, _semver_key(e.version)), reverse=True)
        for candidate in candidates:
            spec = build_rule_set(candidate.folder, Window, self.find_base).spec
            if digest == canonical_digest(spec) or digest in spec.former_digests:
                return candidate
        return None

    def load_path(
        self,
        path: str | Path,
        *,
        version: str | None = None,
        digest: str | None = None,
        engine: str = DEFAULT_ENGINE,
    ) -> Standard:
        """Load and check the edition in a folder; its ``extends`` resolve against this library."""
        folder = Path(path)
        with_siblings = Library([*self.roots, folder.parent], packaged=False)
        rules = build_rule_set(folder, Window, with_siblings.find_base)
        return _checked(Standard(rules, engine), version, digest)


def _semver_key(version: str) -> tuple[int, ...]:
    core = version.split("-", 1)[0].split("+", 1)[0]
    return tuple(int(part) if part.isdigit() else 0 for part in core.split("."))


def _checked(standard: Standard, version: str | None, digest: str | None) -> Standard:
    if version is not None and standard.version != version:
        raise WindowStandardError(f"{standard.id} is version {standard.version}, not {version}")
    if digest is not None and standard.digest != digest and digest not in standard.former_digests:
        raise WindowStandardError(
            f"{standard.id} {standard.version} has digest {standard.digest}, not {digest}: "
            "the rules differ from the ones that made the decision being reproduced"
        )
    return standard


def list_editions(root: Path | None = None) -> list[EditionInfo]:
    """Every edition under a folder of rule sets (default: the packaged ones)."""
    return Library([root], packaged=False).editions() if root else Library().editions()


def load_standard(
    id: str | None = None,
    *,
    as_of: date | None = None,
    path: str | Path | None = None,
    version: str | None = None,
    digest: str | None = None,
    library: Library | None = None,
    engine: str = DEFAULT_ENGINE,
) -> Standard:
    """Load an edition of the standard, ready to evaluate windows.

    Args:
        id: Edition id (``cdpma-window-2013``); default: any edition in force.
        as_of: Pick the edition in force on this date (default: today).
        path: Load the edition in this folder instead (a variant's ``extends`` resolves against the library
            and the folder's siblings).
        version: Require this version.
        digest: Refuse to run unless the rule set's digest is exactly this, or one of the edition's
            ``former_digests`` (audit reproducibility); without ``version``, picks the edition with that
            digest among those of ``id`` in force.
        library: Where to look (default: the packaged editions).
        engine: The engine that evaluates windows (:func:`window_standard.engines` lists those installed).

    Raises:
        RuleDefinitionError: When the rule files are invalid.
        WindowStandardError: When no edition matches, the version or digest differ, or the engine is unknown
            or needs an extra that is not installed.
    """
    lib = library or Library()
    if path is not None:
        return lib.load_path(path, version=version, digest=digest, engine=engine)
    return lib.load(id, version=version, as_of=as_of, digest=digest, engine=engine)
