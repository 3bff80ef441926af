import logging

from rest_framework.throttling import SimpleRateThrottle

from claims.models import ApiToken

log = logging.getLogger(__name__)


class PerTokenThrottle(SimpleRateThrottle):
    """One budget per token; a browser session counts per user, anonymous per address.

    The counts live in the shared cache. If that cache is away the request goes through
    (with a warning in the log): an outage of the cache must not become an outage of the API.
    """

    scope = "token"

    def get_cache_key(self, request, view) -> str:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"addr-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception as exc:  # redis, socket and time-out errors alike
            log.warning("throttle cache unavailable (%s): request let through", exc)
            return True
