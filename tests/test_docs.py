"""Every command and option is documented in the README (after datasette)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from crosswire.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(
    group: click.Command, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            yield (*prefix, name), command
            yield from _commands(command, (*prefix, name))


def test_every_command_is_documented() -> None:
    for path, _ in _commands(main):
        assert f"crosswire {' '.join(path)}" in README, f"`crosswire {' '.join(path)}` is not in README.md"


def test_every_option_is_documented() -> None:
    for path, command in _commands(main):
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                longest = max(parameter.opts, key=len)
                assert f"`{longest}" in README or f", {longest}" in README, (
                    f"option {longest} of `crosswire {' '.join(path)}` is not in README.md"
                )


def test_every_make_target_is_documented() -> None:
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    phony = next(line for line in makefile.splitlines() if line.startswith(".PHONY:"))
    for target in phony.split(":", 1)[1].split():
        assert f"`make {target}`" in README, f"make {target} is not in README.md"


def test_environment_settings_are_documented() -> None:
    from crosswire.analyze.reuse import REUSE_ENV
    from crosswire.embed import ANALYSIS_EMBEDDER_ENV, EMBEDDER_ENV, MODEL_THREADS_ENV
    from crosswire.embed_onnx import ONNX_CACHE_ENV

    assert EMBEDDER_ENV in README
    assert REUSE_ENV in README
    assert MODEL_THREADS_ENV in README
    assert ONNX_CACHE_ENV in README
    assert ANALYSIS_EMBEDDER_ENV in README
