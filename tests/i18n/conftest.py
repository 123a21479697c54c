# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _language_restored():
    """A request in English leaves English active in this thread (LocaleMiddleware does not reset
    it): the next test, in another module, must start in the language it started in."""
    language = translation.get_language()
    yield
    translation.activate(language)
