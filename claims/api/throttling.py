from rest_framework.throttling import SimpleRateThrottle

from claims.models import ApiToken


class PerTokenThrottle(SimpleRateThrottle):
    """One budget per token; a browser session counts per user, anonymous per address."""

    scope = "token"

    def get_cache_key(self, request, view) -> str:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"addr-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
