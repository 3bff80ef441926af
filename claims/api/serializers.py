"""What the API reads and writes. Output serializers describe rows; input serializers only
validate what a service then does."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from claims import selectors, workflow
from claims.models import (
    Article,
    CheckResult,
    Claim,
    ClaimMatch,
    Notification,
    Quantity,
    RatingLabel,
    RatingScale,
    Source,
    Verdict,
)
from claims.models.article import EXTRACTION_FIELDS
from claims.models.evidence import web_url
from claims.services.reference_values import FIGURE_MESSAGE, read_figure
from claims.services.versions import version_of


@extend_schema_field({"type": "string", "description": "An http(s) address, or empty."})
class WebAddressField(serializers.CharField):
    """A web address that may be blank ('format: uri' in the schema would refuse the blank)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(allow_blank=True, max_length=2000, **kwargs)

    def to_internal_value(self, data) -> str:
        # Checked here, not as a field validator, which the schema would show as format: uri.
        value = super().to_internal_value(data)
        if value:
            try:
                web_url(value)
            except DjangoValidationError as exc:
                raise serializers.ValidationError(
                    "Enter an http:// or https:// address, or leave it empty."
                ) from exc
        return value


class QuantitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Quantity
        fields = [
            "start",
            "end",
            "text",
            "value",
            "value_high",
            "unit",
            "kind",
            "si_value",
            "si_value_high",
            "qualifier",
        ]


class FindingSerializer(serializers.ModelSerializer):
    check = serializers.CharField(source="check_name")

    class Meta:
        model = CheckResult
        fields = ["check", "outcome", "start", "end", "expected", "explanation", "source"]


def person() -> serializers.StringRelatedField:
    """A user shown by name; null when unset or when the account was deleted."""
    return serializers.StringRelatedField(allow_null=True)


class VerdictSerializer(serializers.ModelSerializer):
    rating = serializers.IntegerField(
        source="rating_value",
        allow_null=True,
        help_text="ClaimReview's ratingValue (1 worst – 5 best); null for a label without one.",
    )
    rating_label = serializers.CharField(
        source="rating_name", help_text="The label on the newsroom's scale."
    )
    rating_colour = serializers.CharField()
    author = person()
    reviewer = person()

    class Meta:
        model = Verdict
        fields = [
            "rating",
            "rating_label",
            "rating_colour",
            "headline",
            "claim_reviewed",
            "rationale",
            "author",
            "reviewer",
            "created_at",
            "published_at",
            "correction_note",
        ]


class CurrentVerdictSerializer(VerdictSerializer):
    """The claim's current verdict, from the `current_verdicts` prefetch of the selectors."""

    def get_attribute(self, claim: Claim) -> Verdict | None:
        current = getattr(claim, "current_verdicts", None)
        if current is None:
            return claim.verdicts.filter(is_current=True).first()
        return next((v for v in current if v.is_current), None)


class PendingCorrectionSerializer(VerdictSerializer):
    """A correction proposed for the published verdict, waiting for another reviewer."""

    def get_attribute(self, claim: Claim) -> Verdict | None:
        candidates = getattr(claim, "current_verdicts", None)
        if candidates is None:
            return workflow.pending_correction(claim)
        return next((v for v in candidates if _is_pending(v)), None)


def _is_pending(verdict: Verdict) -> bool:
    return bool(verdict.supersedes_id) and not verdict.is_current and not verdict.published_at


class EarlierVerdictSerializer(serializers.Serializer):
    """The verdict in force on the public site for an earlier claim."""

    rating = serializers.IntegerField(
        source="rating_value",
        allow_null=True,
        help_text="ClaimReview's ratingValue (1 worst – 5 best); null for a label without one.",
    )
    rating_label = serializers.CharField(source="rating_name")
    rating_colour = serializers.CharField()
    headline = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_attribute(self, match: ClaimMatch) -> Verdict | None:
        return selectors.match_published_verdict(match)

    def get_url(self, verdict: Verdict) -> str:
        """The fact-check's public page."""
        return reverse(
            "web:public_check", args=[verdict.claim_id], request=self.context.get("request")
        )


class SeenBeforeSerializer(serializers.ModelSerializer):
    """A match of the claim with an earlier claim of another article."""

    earlier_url = serializers.SerializerMethodField()
    earlier_text = serializers.CharField(source="earlier.text")
    decided_by = person()
    earlier_verdict = EarlierVerdictSerializer(read_only=True, allow_null=True)
    etag = serializers.SerializerMethodField()

    class Meta:
        model = ClaimMatch
        fields = [
            "id",
            "earlier",
            "earlier_url",
            "earlier_text",
            "text_score",
            "same_figure",
            "figures_differ",
            "same_places",
            "same_period",
            "reason",
            "decision",
            "status",
            "decided_by",
            "decided_at",
            "earlier_verdict",
            "etag",
        ]
        extra_kwargs = {
            "reason": {"help_text": "Why the machine matched them, for an editor to read."},
            "decision": {"help_text": "`linked`: the same claim; `suggested`: for an editor."},
        }

    def get_earlier_url(self, match: ClaimMatch) -> str:
        return reverse(
            "api:claim-detail", args=[match.earlier_id], request=self.context.get("request")
        )

    def get_etag(self, match: ClaimMatch) -> str:
        """The match's version: send it in If-Match to confirm, reject or propose-verdict."""
        # The same tag as claims.api.etags.etag_of, which imports this module.
        return f'"{match._meta.model_name}-{match.pk}-{version_of(match)}"'


class ArticleSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    source_url = WebAddressField(source="url", read_only=True)
    claims = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "publisher",
            "byline",
            "dateline",
            "source_url",
            "origin",
            *EXTRACTION_FIELDS,
            "created_at",
            "claims",
        ]

    def get_claims(self, article: Article) -> str:
        """Where this article's claims are listed."""
        base = reverse("api:claim-list", request=self.context.get("request"))
        return f"{base}?article={article.pk}"


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text"]


class ArticleSubmitSerializer(serializers.Serializer):
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="The article as plain text or HTML."
    )
    url = serializers.URLField(required=False, help_text="An http(s) address to fetch.")
    dateline = serializers.DateField(required=False, allow_null=True)
    publisher = serializers.CharField(required=False, allow_blank=True, max_length=200)
    title = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="Leave out to take the page's title, the text's headline or first sentence.",
    )

    def validate(self, attrs: dict) -> dict:
        if bool(attrs.get("text")) == bool(attrs.get("url")):
            raise serializers.ValidationError("Send either 'text' or 'url', not both or neither.")
        return attrs


class ArticleFactsSerializer(serializers.Serializer):
    """The facts of an article an editor may correct; those left out stay as they are."""

    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    dateline = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="A change re-runs the article's extraction and checks (`extraction_state`).",
    )
    publisher = serializers.CharField(required=False, allow_blank=True, max_length=200)
    byline = serializers.CharField(required=False, allow_blank=True, max_length=500)
    source_url = WebAddressField(required=False, help_text="Where the article was published.")

    def to_internal_value(self, data) -> dict:
        values = super().to_internal_value(data)
        if "source_url" in values:  # the model's name for it
            values["url"] = values.pop("source_url")
        return values


class FactDifferenceSerializer(serializers.Serializer):
    field = serializers.ChoiceField(
        choices=["title", "dateline", "publisher", "byline", "source_url"]
    )
    stored = serializers.CharField(help_text="As stored (empty: none).")
    submitted = serializers.CharField(help_text="As this submission gave it; not applied.")


class ArticleSubmittedSerializer(ArticleSerializer):
    """An article as a submission found or stored it."""

    differing_facts = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "differing_facts"]

    @extend_schema_field(FactDifferenceSerializer(many=True))
    def get_differing_facts(self, article: Article) -> list[dict]:
        """For a text or address stored already (200): the facts given that differ from the
        stored ones. They are not applied; correct them with PATCH if they are right."""
        return [
            {
                "field": "source_url" if d.field == "url" else d.field,
                "stored": d.stored,
                "submitted": d.submitted,
            }
            for d in self.context.get("differences", ())
        ]


class ClaimSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:claim-detail")
    assignee = person()
    quantities = QuantitySerializer(many=True, read_only=True)
    findings = FindingSerializer(source="check_results", many=True, read_only=True)
    verdict = CurrentVerdictSerializer(read_only=True, allow_null=True)
    pending_correction = PendingCorrectionSerializer(read_only=True, allow_null=True)
    seen_before = SeenBeforeSerializer(
        source="matches",
        many=True,
        read_only=True,
        help_text="Earlier claims of other articles this one was matched with; rejected last.",
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "url",
            "article",
            "text",
            "sentence",
            "start",
            "end",
            "kind",
            "state",
            "assignee",
            "check_worthiness",
            "worst_outcome",
            "detached",
            "quantities",
            "findings",
            "verdict",
            "pending_correction",
            "seen_before",
            "review_comment",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["review_comment"]
        extra_kwargs = {
            "review_comment": {
                "help_text": "The reviewer's comment when the verdict was sent back; "
                "empty once a verdict is proposed again."
            }
        }


class FigureField(serializers.FloatField):
    """A source's figure: a JSON number, or a string the web form would take ("8,000")."""

    def to_internal_value(self, data) -> float:
        if isinstance(data, str):
            try:
                return read_figure(data)
            except ValueError as exc:
                raise serializers.ValidationError(FIGURE_MESSAGE) from exc
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise serializers.ValidationError(FIGURE_MESSAGE)
        try:
            return read_figure(repr(float(data)))
        except (ValueError, OverflowError) as exc:
            raise serializers.ValidationError(FIGURE_MESSAGE) from exc


class SourceSerializer(serializers.ModelSerializer):
    added_by = person()
    url = WebAddressField(required=False)
    reference_value = FigureField(required=False, allow_null=True)

    class Meta:
        model = Source
        fields = [
            "id",
            "claim",
            "url",
            "title",
            "publisher",
            "quote",
            "accessed_on",
            "reference_value",
            "reference_unit",
            "added_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["added_by", "created_at", "updated_at"]


class SourceUpdateSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        read_only_fields = [*SourceSerializer.Meta.read_only_fields, "claim"]


BIGGEST_ID = 2**63 - 1


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "minLength": 1, "maxLength": 150, "pattern": "^[^\\u0000]*$"},
            {"type": "integer", "minimum": 1, "maximum": BIGGEST_ID},
        ],
        "description": (
            "The new assignee's username (GET /api/v1/users/?search= finds it), or their "
            "numeric user id as before. Either must name an active editor, reviewer or "
            "superuser."
        ),
        "example": "rita",
    }
)
class AssigneeField(serializers.Field):
    """A username, or for compatibility a user id: the assignable person it names."""

    default_error_messages = {
        "invalid": "Give the assignee's username (or their user id).",
        "unknown_name": "No active editor or reviewer is called “{name}”.",
        "unknown_id": "No active editor or reviewer has id {id}.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        if isinstance(data, int):
            if not 1 <= data <= BIGGEST_ID:
                self.fail("unknown_id", id=data)
            person = selectors.assignable_users().filter(pk=data).first()
            return person or self.fail("unknown_id", id=data)
        if not isinstance(data, str) or not data.strip() or "\x00" in data or len(data) > 150:
            self.fail("invalid")
        person = selectors.assignable_user_named(username=data.strip())
        return person or self.fail("unknown_name", name=data.strip())

    def to_representation(self, value):
        return value.get_username()


class AssignSerializer(serializers.Serializer):
    assignee = AssigneeField()


class UserSerializer(serializers.Serializer):
    """Someone a claim can be assigned to."""

    id = serializers.IntegerField()
    username = serializers.CharField()
    full_name = serializers.CharField(source="get_full_name")
    role = serializers.SerializerMethodField()

    def get_role(self, user) -> str:
        """`reviewer`, `editor` or `superuser`: the most senior, read from prefetched groups."""
        if user.is_superuser:
            return workflow.Role.SUPERUSER.value
        groups = {g.name for g in user.groups.all()}
        return (
            workflow.Role.REVIEWER if workflow.REVIEWERS in groups else workflow.Role.EDITOR
        ).value


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=BIGGEST_ID),
        min_length=1,
        max_length=200,
        help_text="Ids of your notifications to mark read (others are passed over).",
    )


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many were unread and are read now.")


class NotificationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    actor = person()
    # A reader's report from the general form names no claim: these are null then.
    claim_text = serializers.CharField(source="claim.text", allow_null=True)
    claim_url = serializers.SerializerMethodField()
    article_title = serializers.CharField(source="claim.article.title", allow_null=True)
    unread = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "kind_label",
            "claim",
            "claim_url",
            "claim_text",
            "article_title",
            "error_report",
            "actor",
            "message",
            "created_at",
            "read_at",
            "unread",
        ]

    def get_claim_url(self, notification) -> str | None:
        if notification.claim_id is None:
            return None
        return reverse(
            "api:claim-detail", args=[notification.claim_id], request=self.context.get("request")
        )

    def get_unread(self, notification) -> bool:
        return notification.read_at is None


@extend_schema_field(
    {"oneOf": [{"type": "string"}, {"type": "integer", "minimum": 1, "maximum": 5}]}
)
class RatingLabelField(serializers.Field):
    """A label of the scale in use, named by its name or by its number (when only one label
    has that number)."""

    default_error_messages = {"invalid": "Give a rating as a label's name or its number."}

    def to_internal_value(self, data: Any) -> RatingLabel:
        if not isinstance(data, str | int) or isinstance(data, bool):
            self.fail("invalid")
        try:
            return RatingScale.current().find_label(data)
        except ValueError as refused:
            raise serializers.ValidationError(str(refused)) from refused

    def to_representation(self, value: RatingLabel) -> str:
        return value.name


class ProposeSerializer(serializers.Serializer):
    rating = RatingLabelField(
        help_text="The label's name on the scale in use (e.g. “Mostly true”), or its number."
    )
    headline = serializers.CharField(
        max_length=200, help_text="The fact-check's title on the public page."
    )
    claim_reviewed = serializers.CharField(
        max_length=300, help_text="A short statement of the claim (ClaimReview's claimReviewed)."
    )
    rationale = serializers.CharField(max_length=10_000)


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5_000)


class DismissSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5_000)


class CorrectSerializer(ProposeSerializer):
    # Left out, the correction keeps the published headline and statement.
    headline = serializers.CharField(max_length=200, required=False)
    claim_reviewed = serializers.CharField(max_length=300, required=False)
    note = serializers.CharField(
        max_length=5_000, help_text="What changed and why; shown on the public page."
    )


class ErrorBodySerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    # The metaclass moves declared fields out of the class body, so this does not replace the
    # `fields` property; the stubs cannot know that.
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()), required=False
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()
