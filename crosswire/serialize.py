"""Records to plain JSON values and back, without loss.

Every record that flows between stages is a frozen dataclass; ``to_plain``
turns one into dicts, lists and scalars, and ``from_plain`` rebuilds it
from its type hints, so a story and its brief survive a store or a Dask
worker boundary unchanged.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_plain(value: Any) -> Any:
    """Dataclasses, tuples and dicts to JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that ``to_plain`` turned into ``data``."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return from_plain(options[0], data) if len(options) == 1 else data
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        fields = {f.name for f in dataclasses.fields(kind) if f.init}
        return kind(**{name: from_plain(hints[name], value) for name, value in data.items() if name in fields})
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in data)
        return tuple(from_plain(a, v) for a, v in zip(args, data, strict=True))
    if origin is list:
        (item,) = typing.get_args(kind)
        return [from_plain(item, v) for v in data]
    if origin is dict:
        _, item = typing.get_args(kind)
        return {k: from_plain(item, v) for k, v in data.items()}
    return data


def load(kind: type[T], data: Any) -> T:
    """``from_plain`` for a record type, typed."""
    return typing.cast(T, from_plain(kind, data))
