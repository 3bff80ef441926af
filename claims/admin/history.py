"""The admin's history pages (django-simple-history), read-only and readable."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper


class _ContextHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change: ModelChange, value: Any) -> Any:
        # An empty foreign key (no reviewer yet) would read "Deleted user (pk=None)".
        if isinstance(value, DeletedObject) and value.pk is None:
            return "—"
        return super().prepare_delta_change_value(change, value)


class HistoryAdmin(SimpleHistoryAdmin):
    """History with who, when, why and what changed; no revert (it would bypass the workflow)."""

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def get_historical_record_context_helper(
        self, request: HttpRequest, historical_record: Any
    ) -> HistoricalRecordContextHelper:
        return _ContextHelper(self.model, historical_record)
