# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The look (issue 17, point 1): open-licensed tokens, Overdracht's own token file on top,
the NL Design System components instead of look-alikes, a favicon, a swappable theme."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
TEMPLATES = ROOT / "templates"
OUR_CSS = [p for p in (STATIC / "css").glob("*.css") if p.name != "overdracht-theme.css"]


def test_no_file_of_the_utrecht_house_style_remains():
    vendored = [p for p in (STATIC / "vendor").rglob("*") if p.is_file()]
    assert not [p for p in vendored if "design-tokens" in p.name and "voorbeeld" not in str(p)]
    assert not any("@utrecht/design-tokens" in p.read_text(errors="ignore") for p in vendored if p.suffix != ".css")
    assert "@utrecht/design-tokens" not in (ROOT / "scripts/update-nl-design-system.sh").read_text()


@pytest.mark.parametrize("folder", ["utrecht", "voorbeeld"])
def test_every_vendored_stylesheet_is_under_the_eupl_and_names_its_source(folder):
    assert (STATIC / "vendor" / folder / "LICENSE.md").read_text().startswith("# EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    package, version, licence, _url = (STATIC / "vendor" / folder / "VERSIONS").read_text().split()
    assert package.startswith("@") and re.fullmatch(r"\d+\.\d+\.\d+", version) and licence == "EUPL-1.2"


def test_colours_come_only_from_the_token_file():
    hex_colour = re.compile(r"#[0-9a-fA-F]{3,8}\b")
    assert {p.name: hex_colour.findall(p.read_text()) for p in OUR_CSS if hex_colour.search(p.read_text())} == {}
    assert hex_colour.search((STATIC / "css/overdracht-theme.css").read_text())


def test_one_font_stack_for_text_headings_and_forms():
    theme = (STATIC / "css/overdracht-theme.css").read_text()
    for token in (
        "--basis-text-font-family-default",
        "--basis-heading-font-family",
        "--basis-form-control-font-family",
    ):
        assert f"{token}: var(--od-font-family);" in theme
    assert not [p.name for p in OUR_CSS if "font-family" in p.read_text()]
    assert not re.search(r"font-family:[^;]*(?<!sans-)serif", theme)  # no serif font anywhere in the stack


def test_no_hand_written_look_alikes_of_the_components_remain():
    classes = re.compile(r"\bod-(dl|table-wrap|nav__|logo\b|logo__|pagination)")
    used = {p.name for p in TEMPLATES.rglob("*.html") if classes.search(p.read_text())}
    used |= {p.name for p in OUR_CSS + [STATIC / "js/overdracht.js"] if classes.search(p.read_text())}
    assert used == set()


def test_a_table_container_scrolls_by_keyboard_and_has_a_name():
    containers = [
        (p.name, line)
        for p in TEMPLATES.rglob("*.html")
        for line in p.read_text().splitlines()
        if "utrecht-table-container" in line
    ]
    assert len(containers) > 10
    for name, line in containers:
        assert 'role="region"' in line and 'tabindex="0"' in line and 'aria-labelledby="' in line, name


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/inloggen/", "/bestaat-niet/"])
def test_every_page_has_the_theme_and_a_favicon(client, path):
    html = client.get(path).content.decode()
    assert '<body class="voorbeeld-theme od-theme ' in html
    assert 'href="/static/vendor/voorbeeld/design-tokens.css"' in html
    assert html.index("overdracht-theme.css") < html.index("component-library.css")
    assert 'rel="icon" href="/static/img/overdracht-logo.svg" type="image/svg+xml"' in html
    assert 'rel="icon" href="/static/favicon.ico"' in html
    assert (STATIC / "img/overdracht-logo.svg").read_text().startswith("<svg")
    assert (STATIC / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_the_error_pages_layout_has_the_theme_and_a_favicon():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert '<body class="voorbeeld-theme od-theme ' in html and 'rel="icon"' in html


@pytest.mark.django_db
def test_a_municipality_swaps_the_theme_in_the_settings_without_touching_a_template(client, settings):
    settings.THEME_CLASS = "leidschendam-voorburg-theme"
    settings.THEME_STYLESHEETS = ["gemeente/tokens.css", "gemeente/overdracht.css"]
    html = client.get("/inloggen/").content.decode()
    assert '<body class="leidschendam-voorburg-theme od-theme ' in html
    assert 'href="/static/gemeente/tokens.css"' in html and 'href="/static/gemeente/overdracht.css"' in html
    assert "voorbeeld" not in html
