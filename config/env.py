# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The environment, read strictly by environs (12-factor).

environs refuses a value that does not parse: "ture" is not a boolean and "30m"
is not a whole number. Env turns that refusal into ImproperlyConfigured naming
the variable, so a typo stops the start instead of falling back to a default;
OVERDRACHT_PRODUCTION=ture must never mean development mode with the published
development keys.
"""

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import environs
from django.core.exceptions import ImproperlyConfigured

Parser = TypeVar("Parser", bound=Callable[..., Any])


def _improperly_configured(parse: Parser) -> Parser:
    @functools.wraps(parse)
    def strict_parse(*args: Any, **kwargs: Any) -> Any:
        try:
            return parse(*args, **kwargs)
        except environs.EnvError as exc:
            # environs' message names the variable: 'Environment variable "DEBUG" invalid: ...'.
            raise ImproperlyConfigured(str(exc)) from exc

    return cast(Parser, strict_parse)


class Env(environs.Env):
    # The parsers the settings use, each answering a malformed value with ImproperlyConfigured.
    bool = _improperly_configured(environs.Env.bool)
    int = _improperly_configured(environs.Env.int)
    str = _improperly_configured(environs.Env.str)
    log_level = _improperly_configured(environs.Env.log_level)
    dj_db_url = _improperly_configured(environs.Env.dj_db_url)
    _list = _improperly_configured(environs.Env.list)

    def list(self, name, default=...):
        """Comma separated; spaces around an item and empty items are dropped ("a.nl, b.nl,")."""
        return [item.strip() for item in self._list(name, default) if item.strip()]

    def secret(self, name, *, required, dev_default):
        """A secret; in production mode a missing one stops the start and names it."""
        value = self.str(name, "")
        if not value and required:
            raise ImproperlyConfigured(
                f"The setting {name} is required in production mode (set {name} or {name}_FILE)."
            )
        return value or dev_default

    def _get_value(self, env_key, default):
        # environs' hook for where a value comes from: NAME, else the file named
        # by NAME_FILE (Docker/Kubernetes secrets). An empty variable counts as
        # unset, so `DEBUG=` in a compose file means the default.
        value = os.environ.get(env_key, "")
        file_name = os.environ.get(f"{env_key}_FILE", "")
        if not value and file_name:
            try:
                value = Path(file_name).read_text().strip()
            except OSError as exc:
                raise ImproperlyConfigured(f"{env_key}_FILE names a file that cannot be read: {exc}") from exc
        return value or default
