"""A paginator that never counts a huge table in full.

Django's changelist asks the paginator for `count` on every page view; on millions of rows a
COUNT(*) behind a filter or a search dominates the page. This one counts at most `cap` rows
(`SELECT COUNT(*) FROM (... LIMIT cap + 1)`), which costs the same on any table size. Pages past
the cap are not offered: narrowing the filter or the search is the way there, and the
pagination template says "more than" when the cap was hit.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    object_list: QuerySet[Any]  # the admin changelist pages querysets only
    cap = COUNT_CAP
    capped = False  # set by `count`: True when there are more rows than `cap`

    @cached_property
    def count(self) -> int:
        # Neither the order nor the annotations of the list matter to a count; dropping them
        # spares a sort and a subquery per row.
        counted = self.object_list.order_by().values("pk")[: self.cap + 1].count()
        self.capped = counted > self.cap
        return min(counted, self.cap)
