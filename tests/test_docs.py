"""Documentation that cannot drift: the template page and the README's command list."""

from pathlib import Path

import click

from bioregion.cli import main
from bioregion.io import template_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_template_page_matches_the_schema():
    page = (ROOT / "docs" / "template.md").read_text()
    assert page == template_markdown(), "regenerate: python -m bioregion.io.template > docs/template.md"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    missing = []
    for name, command in main.commands.items():
        if f"bioregion {name}" not in readme:
            missing.append(name)
        if isinstance(command, click.Group):
            missing += [f"{name} {sub}" for sub in command.commands if f"bioregion {name} {sub}" not in readme]
    assert not missing, f"document these commands in README.md: {missing}"


def test_readme_starts_with_the_two_setup_commands():
    head = (ROOT / "README.md").read_text().splitlines()[:8]
    assert any(line.startswith("make demo") for line in head)
    assert any(line.startswith("make test") for line in head)
