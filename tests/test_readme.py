"""The README's front door cannot drift: its Quick start and its Python example are checked."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str, language: str) -> str:
    section = README.split(heading, 1)[1]
    match = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert match, f"no {language} block after {heading}"
    return match.group(1)


def test_quick_start_is_two_commands_and_ci_runs_the_second():
    lines = [line for line in _block_after("## Quick start", "bash").splitlines()
             if line.strip() and not line.strip().startswith("#")]
    assert len(lines) == 2
    assert lines[1] in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for command in lines:
        target = command.split()[-1]
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_python_example_runs(tmp_path, monkeypatch, extractor):
    code = _block_after("## Python API", "python")
    (tmp_path / "examples").symlink_to(REPO / "examples")
    monkeypatch.chdir(tmp_path)
    import dyadwatch

    # the example loads its own extractor; hand it the session's to keep the test fast
    original = dyadwatch.extract
    monkeypatch.setattr(dyadwatch, "extract",
                        lambda items, **kw: original(items, extractor=extractor, **kw))
    original_run = dyadwatch.run
    monkeypatch.setattr(dyadwatch, "run",
                        lambda inputs, **kw: original_run(inputs, extractor=extractor, **kw))
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    assert namespace["summary"].documents_new > 10
    assert len(namespace["frame"]) > 0
    assert [e.event_type for e in namespace["results"][0].mentions] == ["SANCTION"]
