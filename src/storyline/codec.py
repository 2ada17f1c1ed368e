"""Turns the model's frozen dataclasses into JSON-ready data and back, driven by their type hints.

The store keeps analyses as JSON (readable with any SQLite tool) rather than pickles, so a cached
database never executes code when it is opened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import lru_cache
from typing import Any

from storyline import model


def to_data(value: Any) -> Any:
    """JSON-ready form of a model record, date, tuple or plain value."""
    if isinstance(value, model.PartialDate):
        return value.iso()
    if dataclasses.is_dataclass(value):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_data(cls: Any, data: Any) -> Any:
    """Rebuild a value of type ``cls`` (a model record or any type hint over them) from ``to_data`` output."""
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        return _from_union(typing.get_args(cls), data)
    if origin is typing.Literal:
        return data
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], item) for item in data)
        return tuple(from_data(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is list:
        (item_type,) = typing.get_args(cls)
        return [from_data(item_type, item) for item in data]
    if origin is dict:
        _, value_type = typing.get_args(cls)
        return {key: from_data(value_type, item) for key, item in data.items()}
    if cls is model.PartialDate:
        return model.PartialDate.parse(data)
    if dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        return cls(**{name: from_data(hints[name], data[name]) for name in hints if name in data})
    if cls is float and isinstance(data, int):
        return float(data)
    return data


def _from_union(options: tuple[Any, ...], data: Any) -> Any:
    concrete = [option for option in options if option is not type(None)]
    if isinstance(data, list):
        sequence_types = [option for option in concrete if typing.get_origin(option) in (tuple, list)]
        if sequence_types:
            return from_data(sequence_types[0], data)
    for option in concrete:
        if option in (int, float, str, bool) and isinstance(data, option):
            return data
    if isinstance(data, (int, float)) and float in concrete:
        return float(data)
    return from_data(concrete[0], data)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}
