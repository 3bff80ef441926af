"""Rating scales as data (issue 14): a newsroom's own labels, their numbers or none, the
machine's suggestion on the scale in use, and published verdicts that keep their labels."""

from __future__ import annotations

import json
import re

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from claims import services
from claims.checks.reference import FAR, INSIDE, NEAR
from claims.models import ClaimState, RatingLabel, RatingScale
from claims.services.references import grade_label, scale_labels
from claims.services.review import correction_approve
from tests.factories import ClaimFactory, SourceFactory

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# Name, ClaimReview number or None, colour.
SIX = [
    ("True", 5, "#1a7f37"),
    ("Mostly true", 4, "#4d8f2a"),
    ("Half true", 3, "#9a6700"),
    ("Misleading", 2, "#c2410c"),
    ("False", 1, "#b42318"),
    ("Unproven", None, "#57606a"),
]


@pytest.fixture
def six_labels(people) -> RatingScale:
    scale = RatingScale.objects.create(name="Desk scale")
    for position, (name, value, colour) in enumerate(SIX, start=1):
        RatingLabel.objects.create(
            scale=scale, name=name, position=position, rating_value=value, colour=colour
        )
    services.rating_scale_put_in_use(actor=people["superuser"], scale_id=scale.pk)
    return scale


def _published(people, label: RatingLabel):
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=people["editor"])
    SourceFactory(claim=claim, added_by=people["editor"])
    services.verdict_propose(
        actor=people["editor"],
        claim_id=claim.pk,
        rating=label,
        headline=f"A claim rated {label.name}",
        claim_reviewed="The lake covers 120 square miles.",
        rationale="Checked against the survey.",
    )
    services.claim_publish(actor=people["reviewer"], claim_id=claim.pk)
    return claim


def _json_ld(client, claim) -> dict:
    page = client.get(reverse("web:public_check", args=[claim.pk])).content.decode()
    (block,) = LD.findall(page)
    return json.loads(block)


def test_a_six_label_scale_publishes_each_label_with_the_right_json_ld(client, people, six_labels):
    assert RatingScale.current() == six_labels
    for name, value, _colour in SIX:
        claim = _published(people, six_labels.find_label(name))
        data = _json_ld(client, claim)
        rating = data["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] == name
        if value is None:  # a textual rating: the name only, as Google allows
            assert set(rating) == {"@type", "alternateName"}
        else:
            assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (
                value,
                5,
                1,
            )
        assert data["headline"] == f"A claim rated {name}"
        assert data["claimReviewed"] == "The lake covers 120 square miles."


def test_misleading_is_2_and_unproven_has_no_number(client, people, six_labels):
    misleading = _json_ld(client, _published(people, six_labels.find_label("Misleading")))
    unproven = _json_ld(client, _published(people, six_labels.find_label("unproven")))
    assert misleading["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Misleading",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert unproven["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}


def test_the_web_form_lists_the_scale_in_use_in_its_order(client, people, six_labels):
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=people["editor"])
    SourceFactory(claim=claim, added_by=people["editor"])
    client.force_login(people["editor"])
    page = client.get(reverse("web:claim", args=[claim.pk]), HTTP_HX_REQUEST="true")
    select = re.search(r'<select name="verdict-rating".*?</select>', page.content.decode(), re.S)
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select.group(0))
    assert options == [
        "Choose a rating",
        "5 – True",
        "4 – Mostly true",
        "3 – Half true",
        "2 – Misleading",
        "1 – False",
        "Unproven",
    ]


def test_the_api_takes_a_label_by_name_and_refuses_one_off_the_scale(people, six_labels):
    from rest_framework.test import APIClient

    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=people["editor"])
    SourceFactory(claim=claim, added_by=people["editor"])
    api = APIClient()
    api.force_authenticate(people["editor"])
    url = f"/api/v1/claims/{claim.pk}/propose/"
    etag = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    body = {"headline": "H", "claim_reviewed": "C.", "rationale": "R."}
    refused = api.post(url, {**body, "rating": "Pants on fire"}, format="json", HTTP_IF_MATCH=etag)
    assert refused.status_code == 400
    message = refused.json()["error"]["fields"]["rating"][0]
    assert message.startswith("“Pants on fire” is not a rating of the scale in use.")
    assert "2 – Misleading" in message and "Unproven" in message
    taken = api.post(url, {**body, "rating": "unproven"}, format="json", HTTP_IF_MATCH=etag)
    assert taken.status_code == 200, taken.content
    verdict = taken.json()["verdict"]
    assert (verdict["rating"], verdict["rating_label"]) == (None, "Unproven")


def test_changing_the_scale_never_rewrites_a_published_verdict(client, people, six_labels):
    misleading = six_labels.find_label("Misleading")
    claim = _published(people, misleading)
    misleading.name, misleading.rating_value, misleading.colour = "Spin", 3, "#000000"
    misleading.save()
    services.rating_scale_put_in_use(
        actor=people["superuser"], scale_id=RatingScale.objects.get(in_use=False).pk
    )
    data = _json_ld(client, claim)
    assert data["reviewRating"]["alternateName"] == "Misleading"
    assert data["reviewRating"]["ratingValue"] == 2
    verdict = claim.verdicts.get()
    assert (verdict.rating_name, verdict.rating_value, verdict.rating_colour) == (
        "Misleading",
        2,
        "#c2410c",
    )
    # A label that verdicts use cannot be deleted out from under them.
    with pytest.raises(ProtectedError):
        misleading.delete()


def test_a_correction_is_rated_on_the_scale_in_use_and_the_old_verdict_keeps_its_label(
    client, people, six_labels
):
    claim = _published(people, six_labels.find_label("Unproven"))
    old = claim.verdicts.get()
    services.verdict_correct(
        actor=people["reviewer"],
        claim_id=claim.pk,
        rating=six_labels.find_label("False"),
        rationale="The survey came out.",
        note="The survey settled it.",
    )
    new = correction_approve(actor=people["superuser"], claim_id=claim.pk)
    old.refresh_from_db()
    assert (old.rating_name, old.is_current) == ("Unproven", False)
    assert (new.rating_name, new.rating_value) == ("False", 1)
    # The correction keeps the published headline and statement when it gives none.
    assert (new.headline, new.claim_reviewed) == (old.headline, old.claim_reviewed)
    assert _json_ld(client, claim)["reviewRating"]["alternateName"] == "False"


@pytest.mark.django_db
def test_the_machines_grades_map_onto_the_scale_in_use(people, six_labels):
    labels = scale_labels()
    named = {grade: grade_label(grade, labels).name for grade in (INSIDE, NEAR, FAR)}
    assert named == {INSIDE: "True", NEAR: "Mostly true", FAR: "False"}
    # On a scale of True / Misleading / False / Unproven, "near" (4) is nearest True (5);
    # a scale of names only gets no suggestion at all.
    short = [label for label in labels if label.name in {"True", "Misleading", "False"}]
    assert grade_label(NEAR, short).name == "True"
    assert grade_label(FAR, short).name == "False"
    assert grade_label(INSIDE, [six_labels.find_label("Unproven")]) is None


@pytest.mark.django_db
def test_a_database_without_a_scale_in_use_gets_the_default_back():
    RatingScale.objects.update(in_use=False)
    scale = RatingScale.current()
    assert scale.in_use
    assert [label.choice_name for label in scale.labels.all()] == [
        "5 – True",
        "4 – Mostly true",
        "3 – Half true",
        "2 – Mostly false",
        "1 – False",
    ]


def test_an_admin_defines_labels_and_puts_the_scale_in_use(client, people, six_labels):
    client.force_login(people["superuser"])
    default = RatingScale.objects.get(name="Five-point scale")
    page = client.get(reverse("admin:claims_ratingscale_change", args=[six_labels.pk]))
    assert page.status_code == 200
    assert 'type="color"' in page.content.decode()
    changelist = reverse("admin:claims_ratingscale_changelist")
    response = client.post(
        changelist,
        {"action": "put_in_use", "_selected_action": [default.pk]},
        follow=True,
    )
    assert "“Five-point scale” is in use" in response.content.decode()
    assert RatingScale.current() == default
    assert list(RatingScale.objects.filter(in_use=True)) == [default]
    # Two at once is refused, and nothing changes.
    response = client.post(
        changelist,
        {"action": "put_in_use", "_selected_action": [default.pk, six_labels.pk]},
        follow=True,
    )
    assert "Choose exactly one scale." in response.content.decode()
    assert RatingScale.current() == default
