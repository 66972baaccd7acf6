"""geomap's place store: GeoNames data indexed by every name a place is written as.

Usable on its own::

    from gazetteer import Gazetteer
    gaz = Gazetteer.open()
    gaz.lookup("Artemovsk")[0].name   # 'Bakhmut'
"""

from gazetteer.errors import DownloadError, GazetteerError, IndexCorruptError, SourceFormatError
from gazetteer.fold import fold, skeleton, transliterate
from gazetteer.index import Gazetteer, GazetteerInfo, default_index_path
from gazetteer.model import Place, PlaceRecord
from gazetteer.sources import source_for_file

__all__ = [
    "DownloadError",
    "Gazetteer",
    "GazetteerError",
    "GazetteerInfo",
    "IndexCorruptError",
    "Place",
    "PlaceRecord",
    "SourceFormatError",
    "default_index_path",
    "fold",
    "skeleton",
    "source_for_file",
    "transliterate",
]
