"""One-time form tokens: a double submit does nothing twice.

Each form carries a fresh token (OnceForm.form_token). When its POST succeeds,
the token is remembered in the session with the page the user was sent to; a
second POST with the same token (a double click, a reload, the back button)
is sent to that page again without calling the service a second time.
"""

from django.http import HttpRequest, HttpResponseRedirect

_KEY = "done_form_tokens"
_KEEP = 100


def already_done(request: HttpRequest) -> HttpResponseRedirect | None:
    token = request.POST.get("form_token", "")
    url = request.session.get(_KEY, {}).get(token) if token else None
    return HttpResponseRedirect(url) if url else None


def done(request: HttpRequest, url: str) -> HttpResponseRedirect:
    """Remember the token of this POST as done, and redirect to `url`."""
    token = request.POST.get("form_token", "")
    if token:
        tokens = dict(request.session.get(_KEY, {}))
        tokens[token] = url
        # Keep the session small: only the most recent tokens matter.
        request.session[_KEY] = dict(list(tokens.items())[-_KEEP:])
    return HttpResponseRedirect(url)
