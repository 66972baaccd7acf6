"""What the CLI group hands its commands: the gazetteer, opened only when a command needs it."""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer import Gazetteer

__all__ = ["AppState"]


@dataclass
class AppState:
    """Shared state in ``ctx.obj``; opening the gazetteer lazily keeps ``--help`` instant."""

    gazetteer_path: str | None = None
    quiet: bool = False
    _gazetteer: Gazetteer | None = field(default=None, repr=False)

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer index, built on first use."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.open(self.gazetteer_path)
        return self._gazetteer
