"""Reference values checked against their claim (issue 13, item 5), for every kind of claim,
through the service and through each door: the web panel, the admin and the API; and the
machine's suggestion named on the rating scale (item 6)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from claims import services
from claims.checks.reference import GRADES
from claims.extraction.quantity import KINDS
from claims.models import ClaimState, Source
from claims.services.reference_values import FIGURE_MESSAGE, NO_QUANTITY, read_figure
from claims.services.references import grade_label, scale_labels
from claims.web.forms import SourceForm
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, QuantityFactory
from tests.web.reading import as_read

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@dataclass(frozen=True)
class Case:
    sentence: str
    mention: str
    value: float
    unit: str
    right: tuple[float, str]  # a figure in a unit of the claim's kind, that agrees with it
    wrong: str  # a unit of another kind
    wrong_is: str  # what the message calls it


CASES = {
    "area": Case("Forces retook 8,000 square kilometres of land.", "8,000 square kilometres",
                 8000, "kilometer ** 2", (3100, "square miles"), "kg", "is a mass"),
    "length": Case("Kupyansk lies 30 miles north of Izium.", "30 miles", 30, "mile",
                   (48, "km"), "kg", "is a mass"),
    "duration": Case("The siege lasted five days in all.", "five days", 5, "day",
                     (120, "hours"), "km", "is a distance"),
    "speed": Case("The train ran at 120 km/h on the plain.", "120 km/h", 120,
                  "kilometer / hour", (75, "mph"), "kg", "is a mass"),
    "mass": Case("The catch weighed 300 kg at the port.", "300 kg", 300, "kilogram",
                 (0.3, "tonnes"), "km", "is a distance"),
    "volume": Case("The tank holds 500 litres of water.", "500 litres", 500, "liter",
                   (0.5, "m3"), "kg", "is a mass"),
    "temperature": Case("It was 30 °C in Kyiv at noon.", "30 °C", 30, "degree_Celsius",
                        (86, "F"), "km", "is a distance"),
    "currency": Case("The bridge cost $2 million to build.", "$2 million", 2e6, "USD",
                     (2e6, "USD"), "kg", "is a mass"),
    "percentage": Case("Turnout was 62 % in the city.", "62 %", 62, "percent",
                       (62, "per cent"), "km", "is a distance"),
    "count": Case("The attack killed 40 people in the town.", "40 people", 40, "",
                  (40, ""), "kg", "is a mass"),
}  # fmt: skip


def test_every_kind_of_claim_has_a_case():
    assert set(CASES) == set(KINDS)


def _claim(editor, kind: str, *, sentence: str = "", mention: str = "", value: float = 0):
    """A claim in progress, assigned to `editor`, whose one quantity is `mention`."""
    case = CASES[kind]
    sentence, mention = sentence or case.sentence, mention or case.mention
    value = value or case.value
    article = ArticleFactory(raw=sentence)
    start = sentence.index(mention)
    end = start + len(mention)
    claim = ClaimFactory(article=article, start=start, end=end, sentence_start=0,
                         sentence_end=len(sentence), kind=kind, state=ClaimState.IN_PROGRESS,
                         assignee=editor)  # fmt: skip
    QuantityFactory(claim=claim, start=start, end=end, text=mention, value=value,
                    unit=case.unit, kind=kind, si_value=value, step=None)  # fmt: skip
    return claim


def _add(editor, claim, value, unit):
    return services.source_add(
        actor=editor, claim_id=claim.pk, title="Source", reference_value=value, reference_unit=unit
    )


def _refused(editor, claim, value, unit) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        _add(editor, claim, value, unit)
    assert not Source.objects.filter(claim=claim).exists()
    return refused.value.message_dict


@pytest.mark.parametrize("kind", KINDS)
def test_a_unit_of_the_claims_kind_is_taken_and_checked(kind):
    editor = EditorFactory()
    claim = _claim(editor, kind)
    value, unit = CASES[kind].right
    source = _add(editor, claim, value, unit)
    finding = source.check_results.get()
    assert finding.outcome == "consistent", finding.explanation
    assert "The machine suggests: 5 – True." in finding.explanation


@pytest.mark.parametrize("kind", KINDS)
def test_a_unit_of_another_kind_is_refused_with_both_named(kind):
    editor = EditorFactory()
    case = CASES[kind]
    errors = _refused(editor, _claim(editor, kind), case.right[0], case.wrong)
    [message] = errors["reference_unit"]
    assert message.startswith("This claim is ")
    assert f"“{case.wrong}” {case.wrong_is}." in message


@pytest.mark.parametrize("kind", KINDS)
def test_a_negative_figure_is_refused_but_for_a_temperature(kind):
    editor = EditorFactory()
    claim = _claim(editor, kind)
    value, unit = CASES[kind].right
    if kind == "temperature":
        assert _add(editor, claim, -value, unit).reference_value == -value
        return
    [message] = _refused(editor, claim, -value, unit)["reference_value"]
    assert message.endswith("cannot be negative; give the source's figure without a minus sign.")


@pytest.mark.parametrize("kind", KINDS)
def test_words_for_the_figure_are_refused_with_what_to_write(kind):
    editor = EditorFactory()
    claim = _claim(editor, kind)
    form = SourceForm({"title": "Source", "reference_value": "eight thousand",
                       "reference_unit": CASES[kind].right[1]})  # fmt: skip
    assert not form.is_valid()
    assert form.errors == {"reference_value": [FIGURE_MESSAGE]}  # not "A unit needs a value."
    assert not Source.objects.filter(claim=claim).exists()


def test_the_distance_message_says_what_to_write():
    editor = EditorFactory()
    errors = _refused(editor, _claim(editor, "area"), 8000, "kg")
    assert errors == {
        "reference_unit": [
            "This claim is an area (km²); “kg” is a mass. Give the source's figure in a unit of "
            "area such as km², sq mi or m²."
        ]
    }
    errors = _refused(editor, _claim(editor, "length"), -48, "km")
    assert errors == {
        "reference_value": [
            "A distance cannot be negative; give the source's figure without a minus sign."
        ]
    }


@pytest.mark.parametrize(
    ("kind", "sentence", "mention"),
    [
        ("percentage", "Unemployment fell by 3 % last year.", "3 %"),
        ("percentage", "Unemployment fell by about 3 % last year.", "3 %"),
        ("percentage", "Shares were down 3 % at noon.", "3 %"),
        ("percentage", "Output saw a 3 % drop in May.", "3 %"),
        ("percentage", "Prices were 3 % lower than in May.", "3 %"),
        ("percentage", "GDP grew -0.5 % in the quarter.", "-0.5 %"),
        ("currency", "Profits saw a drop of $2 million this year.", "$2 million"),
        ("currency", "The firm made a loss of $2 million this year.", "$2 million"),
    ],
)
def test_a_claim_that_states_a_change_takes_a_negative_figure(kind, sentence, mention):
    editor = EditorFactory()
    stated = {"$2 million": 2e6, "-0.5 %": -0.5}.get(mention, 3)
    claim = _claim(editor, kind, sentence=sentence, mention=mention, value=stated)
    figure = -2e6 if kind == "currency" else -3
    source = _add(editor, claim, figure, CASES[kind].right[1])
    assert source.reference_value == figure


def test_a_change_stated_by_size_is_compared_by_size_with_a_signed_source():
    editor = EditorFactory()
    claim = _claim(
        editor, "percentage", sentence="Sales fell by 3 % in May.", mention="3 %", value=3
    )
    finding = _add(editor, claim, -3, "%").check_results.get()
    assert finding.outcome == "consistent"
    assert "compared by size" in finding.explanation


@pytest.mark.parametrize(
    "sentence",
    ["Turnout rose to 62 % in the city.", "Spending was 62 % of the budget.",
     "Up to 62 % of voters stayed home."],
)  # fmt: skip
def test_a_level_is_no_change_and_takes_no_negative_figure(sentence):
    editor = EditorFactory()
    claim = _claim(editor, "percentage", sentence=sentence, mention="62 %", value=62)
    [message] = _refused(editor, claim, -62, "%")["reference_value"]
    assert message.startswith("A percentage cannot be negative")


def test_a_claim_without_a_quantity_takes_no_reference_value():
    editor = EditorFactory()
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=editor)
    assert _refused(editor, claim, 61, "km") == {"reference_value": [NO_QUANTITY]}
    assert _add(editor, claim, None, "").reference_value is None  # a source without a figure


def test_a_dimensional_claim_needs_the_unit_and_a_count_or_percentage_does_not():
    editor = EditorFactory()
    [message] = _refused(editor, _claim(editor, "length"), 48, "")["reference_unit"]
    assert message == (
        "This claim is a distance (mi); give the unit of the source's figure, such as mi, km or m."
    )
    finding = _add(editor, _claim(editor, "percentage"), 62, "").check_results.get()
    assert finding.outcome == "consistent"  # a bare figure beside a percentage is one


def test_another_currency_is_stored_and_needs_an_exchange_rate():
    editor = EditorFactory()
    finding = _add(editor, _claim(editor, "currency"), 1.8e6, "€").check_results.get()
    assert finding.outcome == "unverifiable"
    assert "exchange rate" in finding.explanation


@pytest.mark.parametrize(
    ("written", "value"),
    [("8000", 8000), ("3.5", 3.5), ("8,000", 8000), ("8 000", 8000), ("8\u202f000", 8000),
     ("-3", -3), ("−3", -3), ("1,234.5", 1234.5)],
)  # fmt: skip
def test_thousands_separators_are_read(written, value):
    assert read_figure(written) == value


@pytest.mark.parametrize(
    "written", ["eight thousand", "8000 km", "3,5", "1,23,000", "inf", "nan", "1e400", "", "-"]
)
def test_anything_but_a_number_is_refused(written):
    with pytest.raises(ValueError, match="Write the source's figure as a number"):
        read_figure(written)


# --- the suggestion on the rating scale ------------------------------------------------------


@pytest.mark.django_db
def test_every_grade_maps_to_a_label_of_the_default_scale():
    labels = scale_labels()
    assert [grade_label(g, labels).choice_name for g in GRADES] == [  # type: ignore[union-attr]
        "5 – True",
        "4 – Mostly true",
        "1 – False",
    ]


@pytest.mark.parametrize(
    ("value", "unit", "named"),
    [(3100, "sq mi", "5 – True"), (3400, "sq mi", "4 – Mostly true"), (6000, "km²", "1 – False")],
)
def test_the_panel_names_the_suggested_rating(client, value, unit, named):
    editor = EditorFactory()
    claim = _claim(editor, "area")
    claim.quantities.update(step=1000)
    _add(editor, claim, value, unit)
    client.force_login(editor)
    page = client.get(reverse("web:claim", args=[claim.pk]), **HTMX).content.decode()
    assert f"The machine suggests: {named}." in page  # in the finding
    assert f"The machine suggests: <strong>{named}</strong>" in page  # beside the verdict form
    assert "accurate" not in page


# --- the doors -------------------------------------------------------------------------------


def test_the_web_form_shows_a_wrong_unit_on_its_field(client):
    editor = EditorFactory()
    claim = _claim(editor, "length")
    client.force_login(editor)
    data = {"title": "Atlas", "reference_value": "48", "reference_unit": "kg"}
    response = client.post(reverse("web:source_add", args=[claim.pk]), data, **HTMX)
    page = response.content.decode()
    assert '<div class="field invalid">' in page
    assert "This claim is a distance (mi); “kg” is a mass." in page
    assert not claim.sources.exists()


def test_the_web_form_refuses_words_without_saying_a_value_is_missing(client):
    editor = EditorFactory()
    claim = _claim(editor, "length")
    client.force_login(editor)
    data = {"title": "Atlas", "reference_value": "forty-eight", "reference_unit": "km"}
    page = client.post(reverse("web:source_add", args=[claim.pk]), data, **HTMX).content.decode()
    assert "Write the source&#x27;s figure as a number" in page
    assert "A unit needs a value." not in page
    data["reference_value"] = "4,800"
    client.post(reverse("web:source_add", args=[claim.pk]), data, **HTMX)
    assert claim.sources.get().reference_value == 4800


def test_the_web_edit_form_refuses_a_negative_distance(client):
    editor = EditorFactory()
    claim = _claim(editor, "length")
    source = _add(editor, claim, 48, "km")
    client.force_login(editor)
    data = {"edit-title": "Atlas", "edit-reference_value": "-48", "edit-reference_unit": "km"}
    data |= as_read("web:source_edit", source.pk)
    page = client.post(reverse("web:source_edit", args=[source.pk]), data, **HTMX)
    assert "A distance cannot be negative" in page.content.decode()
    source.refresh_from_db()
    assert source.reference_value == 48


def test_the_api_answers_400_with_the_field():
    editor = EditorFactory()
    claim = _claim(editor, "length")
    api = APIClient()
    api.force_authenticate(editor)
    body = {"claim": claim.pk, "title": "Atlas", "reference_value": 48, "reference_unit": "kg"}
    response = api.post("/api/v1/sources/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["reference_unit"]
    body.update(reference_value="forty-eight", reference_unit="km")
    response = api.post("/api/v1/sources/", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"reference_value": [FIGURE_MESSAGE]}
    body.update(reference_value="4,800")
    assert api.post("/api/v1/sources/", body, format="json").status_code == 201


def test_the_api_refuses_a_negative_distance_on_update():
    editor = EditorFactory()
    source = _add(editor, _claim(editor, "length"), 48, "km")
    api = APIClient()
    api.force_authenticate(editor)
    url = f"/api/v1/sources/{source.pk}/"
    etag = api.get(url)["ETag"]
    response = api.patch(url, {"reference_value": -48}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["reference_value"]


def test_the_admin_form_shows_the_error(client):
    editor = EditorFactory()
    claim = _claim(editor, "length")
    client.force_login(editor)
    data = {"claim": claim.pk, "title": "Atlas", "reference_value": "48", "reference_unit": "kg"}
    response = client.post(reverse("admin:claims_source_add"), data)
    assert response.status_code == 200
    assert "This claim is a distance (mi); “kg” is a mass." in response.content.decode()
    data.update(reference_value="forty-eight", reference_unit="km")
    page = client.post(reverse("admin:claims_source_add"), data).content.decode()
    assert "Write the source&#x27;s figure as a number" in page
    assert not claim.sources.exists()
