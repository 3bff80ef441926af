import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from claims.intake import content_hash
from claims.models import Article, Claim, Quantity, RatingLabel, RatingScale, Source, Verdict

TEXT = (
    "The lake covers 120 square miles (311 square kilometres). Kupyansk lies some 30 miles north."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests-only")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or ():
            # get_or_create: a transactional test starts from a flushed database, whose
            # migration-made groups may be gone.
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    raw = factory.Sequence(lambda n: f"{TEXT} Story {n}.")
    text = factory.LazyAttribute(lambda o: o.raw)
    content_hash = factory.LazyAttribute(lambda o: content_hash(o.text))
    origin = "paste"
    title = factory.Sequence(lambda n: f"Story {n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    start, end = 16, 32
    sentence_start, sentence_end = 0, 57
    text = factory.LazyAttribute(lambda o: o.article.text[o.start : o.end])
    sentence = factory.LazyAttribute(lambda o: o.article.text[o.sentence_start : o.sentence_end])
    kind = "area"


class QuantityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quantity

    claim = factory.SubFactory(ClaimFactory)
    start, end = 16, 32
    text = "120 square miles"
    value = 120.0
    unit = "mile ** 2"
    kind = "area"
    si_value = 310798573.24


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    claim = factory.SubFactory(ClaimFactory)
    url = "https://example.org/lake"
    title = "Lake survey"


def scale_label(given: int | str) -> RatingLabel:
    """A label of the scale in use, by its number or its name."""
    return RatingScale.current().find_label(given)


def rated(given: int | str) -> dict:
    """The rating fields of a Verdict made directly (not through the services)."""
    label = scale_label(given)
    return {
        "label": label,
        "rating_name": label.name,
        "rating_value": label.rating_value,
        "rating_colour": label.colour,
    }


def verdict_form(given: int | str, prefix: str = "verdict") -> dict[str, str]:
    """What the panel's verdict (or correction) form posts for a rating."""
    return {
        f"{prefix}-rating": str(scale_label(given).pk),
        f"{prefix}-headline": "The lake is 120 square miles",
        f"{prefix}-claim_reviewed": "The lake covers 120 square miles.",
    }


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory)
    label = factory.LazyFunction(lambda: scale_label(5))
    rating_name = factory.LazyAttribute(lambda v: v.label.name)
    rating_value = factory.LazyAttribute(lambda v: v.label.rating_value)
    rating_colour = factory.LazyAttribute(lambda v: v.label.colour)
    rationale = "The survey gives the same area."
    author = factory.SubFactory(UserFactory)


# --- people of the newsroom (issue 7: the review workflow) -----------------------------------


class EditorFactory(UserFactory):
    """A member of Editors; staff, so that the admin lets them in and the workflow decides."""

    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or ("Editors",):
            # get_or_create: a transactional test starts from a flushed database, whose
            # migration-made groups may be gone.
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class ReviewerFactory(EditorFactory):
    username = factory.Sequence(lambda n: f"reviewer{n}")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or ("Reviewers",):
            # get_or_create: a transactional test starts from a flushed database, whose
            # migration-made groups may be gone.
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class PublishedVerdictFactory(VerdictFactory):
    reviewer = factory.SubFactory(ReviewerFactory)
    published_at = factory.LazyFunction(timezone.now)
