"""Where things are in an edition's files, and the notice texts quotes are checked against."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .._check import CheckedCriterion
from .._errors import Location, RuleDefinitionError
from .._files import read_text_file
from .._load import LoadedYaml, Path_, load_yaml_file

__all__ = ["Locator", "normalise_text", "source_texts"]

_SPACE = re.compile(r"\s+")


@dataclass
class Locator:
    """Finds ``file:line:col`` of keys of ``standard.yaml`` and of criteria in their files.

    Attributes:
        folder: The edition folder.
        files: Loaded YAML files by path (read once).
        indexes: Per criteria file, the position of each criterion id in it (built once).
    """

    folder: Path
    files: dict[str, LoadedYaml | None] = field(default_factory=dict)
    indexes: dict[str, dict[str, int]] = field(default_factory=dict)

    def _load(self, file: str) -> LoadedYaml | None:
        if file not in self.files:
            try:
                self.files[file] = load_yaml_file(Path(file))
            except RuleDefinitionError:
                self.files[file] = None
        return self.files[file]

    def standard(self, path: Path_, *, key: bool = False) -> Location:
        """A place in the edition's ``standard.yaml`` (the nearest existing one)."""
        head = str(self.folder / "standard.yaml")
        loaded = self._load(head)
        return loaded.locate(path, key=key) if loaded else Location(head, 1, 1)

    def criterion(self, rule: CheckedCriterion, path: Path_ = (), *, key: bool = False) -> Location | None:
        """A place inside a criterion (``("score",)``, ``("let", "n")``), or where it starts."""
        start = rule.location
        if start is None:
            return None
        loaded = self._load(start.file)
        if loaded is None or not isinstance(loaded.data, list):
            return start
        index = self.indexes.get(start.file)
        if index is None:  # one pass per file: locating every criterion stays linear in the file's size
            index = self.indexes[start.file] = {}
            for position, item in enumerate(loaded.data):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    index.setdefault(item["id"], position)
        found = index.get(rule.spec.id)
        return start if found is None else loaded.locate((found, *path), key=key)


def normalise_text(text: str) -> str:
    """Text compared for quotes: NFKC (full-width punctuation as ASCII), no whitespace, curly quotes plain."""
    folded = unicodedata.normalize("NFKC", text)
    for curly, plain in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        folded = folded.replace(curly, plain)
    return _SPACE.sub("", folded)


def source_texts(folders: list[Path]) -> dict[str, str]:
    """The normalised text of every ``sources/*.txt`` file of the given edition folders, by path."""
    texts: dict[str, str] = {}
    for folder in folders:
        for path in sorted((folder / "sources").glob("*.txt")):
            texts[str(path)] = normalise_text(read_text_file(path, folder))
    return texts
