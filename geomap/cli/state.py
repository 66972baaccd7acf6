"""What the CLI group hands its commands: the gazetteer, opened only when a command needs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from gazetteer import Gazetteer
from gazetteer.base import PlaceSource

__all__ = ["AppState"]


@dataclass
class AppState:
    """Shared state in ``ctx.obj``; opening the gazetteer lazily keeps ``--help`` instant."""

    gazetteer_path: str | None = None
    quiet: bool = False
    online_service: str | None = None
    online_username: str = ""
    online_url: str | None = None
    _gazetteer: Gazetteer | None = field(default=None, repr=False)
    _online: PlaceSource | None = field(default=None, repr=False)

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer index, built on first use."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.open(self.gazetteer_path)
        return self._gazetteer

    @property
    def online(self) -> PlaceSource | None:
        """The online fallback the user asked for with ``--online``, or None (the default)."""
        if self.online_service and self._online is None:
            from gazetteer.sources.online import OnlineSource

            where = urlsplit(self.online_url) if self.online_url else None
            self._online = OnlineSource(
                service=self.online_service,
                username=self.online_username,
                domain=where.netloc if where else None,
                scheme=where.scheme if where else "https",
            )
        return self._online
