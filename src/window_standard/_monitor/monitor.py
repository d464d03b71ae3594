"""A streaming monitor: subjects (windows) opened, fed facts as they happen, and the events that follow.

A portal opens a subject per window with the facts known so far, feeds it facts (an activity held, a
survey answered, a complaint received or resolved, an incident confirmed) and receives :class:`Event`
values when a criterion's status changes, the level changes or a veto fires — each with the same
explanation :meth:`Standard.evaluate` gives. Every fact re-evaluates the subject's window with the
monitor's standard, on the durable engine where the ``durable`` extra is installed.

State is bounded: a subject holds its window document and its last decisions (status per criterion and
the level), nothing else, and closing it frees them. Durable sessions never outlive one evaluation (each
is deleted in ``finally``), so durable's limit of 1024 live sessions per ruleset does not bound the live
subjects. :meth:`Monitor.snapshot` gives the whole state as JSON-native data, and :meth:`Monitor.restore`
rebuilds it, refusing a snapshot taken with another rule set.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from pydantic import TypeAdapter

from .._engine import engines
from .._errors import WindowStandardError
from .._model import Window
from .._result import Result
from .._standard import Standard
from .facts import Fact

__all__ = ["Event", "Monitor"]

_FACTS: TypeAdapter[Fact] = TypeAdapter(Fact)


@dataclass(frozen=True)
class Event:
    """Something that changed for one subject.

    Attributes:
        kind: ``criterion`` (a status changed), ``veto`` (a veto fired) or ``level`` (the level changed).
        subject: The subject's id.
        criterion: The criterion, for ``criterion`` and ``veto`` events.
        before: The status or level before (None when the subject was just opened).
        after: The status or level now.
        explanation: The criterion's explanation in zh and en, as :meth:`Standard.evaluate` gives it (for a
            level event: the score, as text).
    """

    kind: Literal["criterion", "veto", "level"]
    subject: str
    criterion: str | None
    before: str | None
    after: str
    explanation: Mapping[str, str] | None

    def to_json(self) -> dict[str, Any]:
        """The event as JSON-native data."""
        return {**asdict(self), "explanation": dict(self.explanation) if self.explanation else None}


@dataclass
class _Subject:
    document: dict[str, Any]
    statuses: dict[str, str]
    level: str


class Monitor:
    """Subjects fed facts, with events when what the standard decides changes.

    Args:
        standard: The standard that decides.
        engine: The engine that evaluates (default: ``durable`` where installed, else the standard's).
    """

    def __init__(self, standard: Standard, *, engine: str | None = None) -> None:
        name = engine or ("durable" if "durable" in engines() else standard.engine)
        self._standard = standard.with_engine(name)
        self._subjects: dict[str, _Subject] = {}

    @property
    def standard(self) -> Standard:
        """The standard (on the engine the monitor uses)."""
        return self._standard

    def __len__(self) -> int:
        return len(self._subjects)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._subjects))

    def __contains__(self, subject: object) -> bool:
        return subject in self._subjects

    def open(self, subject: str, window: Window | Mapping[str, Any]) -> list[Event]:
        """Open a subject with the facts known so far.

        Returns:
            A ``level`` event (``before`` None) and a ``veto`` event for each veto that already fires.

        Raises:
            WindowStandardError: When the subject is already open.
            pydantic.ValidationError: When the window is not valid.
        """
        if subject in self._subjects:
            raise WindowStandardError(f"subject '{subject}' is already open; close it first")
        valid = window if isinstance(window, Window) else Window.model_validate(window)
        result = self._standard.evaluate(valid)
        self._subjects[subject] = _Subject(valid.model_dump(mode="json"), {}, "")
        return self._update(subject, result)

    def feed(self, subject: str, fact: Fact | Mapping[str, Any]) -> list[Event]:
        """Apply one fact to an open subject and return what changed.

        Args:
            subject: An open subject.
            fact: A fact, or its JSON form (``{"fact": "survey_completed", "satisfied": true}``).

        Raises:
            WindowStandardError: When the subject is not open.
            pydantic.ValidationError: When the fact is not valid, or would make the window invalid (the
                subject is unchanged).
        """
        state = self._get(subject)
        parsed = fact if not isinstance(fact, Mapping) else _FACTS.validate_python(fact)
        document = _copy(state.document)
        parsed.apply(document)
        window = Window.model_validate(document)
        result = self._standard.evaluate(window)
        state.document = document
        return self._update(subject, result)

    def result(self, subject: str) -> Result:
        """The subject's current result (evaluated again)."""
        return self._standard.evaluate(self._get(subject).document)

    def close(self, subject: str) -> None:
        """Close a subject and free its state.

        Raises:
            WindowStandardError: When the subject is not open.
        """
        self._get(subject)
        del self._subjects[subject]

    def snapshot(self) -> dict[str, Any]:
        """The whole state as JSON-native data (see :meth:`restore`)."""
        stamp = self._standard
        return {
            "standard": {"id": stamp.id, "version": stamp.version, "digest": stamp.digest},
            "subjects": {
                sid: {"window": s.document, "statuses": dict(s.statuses), "level": s.level}
                for sid, s in self._subjects.items()
            },
        }

    @classmethod
    def restore(cls, standard: Standard, data: Mapping[str, Any], *, engine: str | None = None) -> Monitor:
        """A monitor with the state of a snapshot.

        Raises:
            WindowStandardError: When the snapshot was taken with another rule set (another digest).
        """
        monitor = cls(standard, engine=engine)
        digest = data["standard"]["digest"]
        if digest != standard.digest:
            raise WindowStandardError(
                f"the snapshot was taken with rule set digest {digest[:12]}, not {standard.digest[:12]}: "
                "restore it with the standard it was taken with"
            )
        for sid, state in data["subjects"].items():
            Window.model_validate(state["window"])
            monitor._subjects[sid] = _Subject(_copy(state["window"]), dict(state["statuses"]), state["level"])
        return monitor

    def _get(self, subject: str) -> _Subject:
        state = self._subjects.get(subject)
        if state is None:
            raise WindowStandardError(f"subject '{subject}' is not open")
        return state

    def _update(self, subject: str, result: Result) -> list[Event]:
        state = self._subjects[subject]
        opened = not state.level
        events: list[Event] = []
        statuses: dict[str, str] = {cid: c.status for cid, c in result.criteria.items()}
        for cid, status in statuses.items():
            before = state.statuses.get(cid)
            if before == status:
                continue
            criterion = result.criteria[cid]
            fired = criterion.kind == "veto" and status == "fail"
            if opened and not fired:
                continue
            kind: Literal["criterion", "veto"] = "veto" if fired else "criterion"
            explanation: dict[str, str] | None = None
            if criterion.explanation:
                explanation = {str(lang): text for lang, text in criterion.explanation.items()}
            events.append(Event(kind, subject, cid, before, status, explanation))
        if result.level != state.level:
            score = {"zh": f"总分 {result.score}", "en": f"score {result.score}"}
            events.append(Event("level", subject, None, state.level or None, result.level, score))
        state.statuses, state.level = statuses, result.level
        return events


def _copy(document: Any) -> Any:
    if isinstance(document, dict):
        return {k: _copy(v) for k, v in document.items()}
    if isinstance(document, list):
        return [_copy(v) for v in document]
    return document
