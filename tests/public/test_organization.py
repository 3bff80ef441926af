"""The organisation: one row, edited in the admin, shown on every public page."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from claims.models import Organization
from tests.factories import EditorFactory, SuperuserFactory
from tests.public.conftest import publish

pytestmark = pytest.mark.django_db


def test_current_makes_the_row_when_it_is_missing(db):
    Organization.objects.all().delete()
    organization = Organization.current()
    assert (organization.pk, organization.name) == (1, "Factcheck")
    assert "We check the numbers" in organization.methodology
    assert Organization.current().pk == 1 and Organization.objects.count() == 1


def test_a_second_row_cannot_be_made(db):
    Organization.current()
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization(name="Another").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(pk=2, name="Another")  # the check constraint
    assert list(Organization.objects.values_list("pk", "name")) == [(1, "Factcheck")]


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


def test_the_admin_list_opens_the_one_row(admin_client):
    response = admin_client.get(reverse("admin:claims_organization_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:claims_organization_change", args=[1])
    assert admin_client.get(reverse("admin:claims_organization_add")).status_code == 403
    delete = reverse("admin:claims_organization_delete", args=[1])
    assert admin_client.get(delete).status_code == 403


def test_the_admin_edits_the_one_row_and_keeps_its_history(admin_client):
    Organization.objects.all().delete()  # as after a flush: the page makes it again
    url = reverse("admin:claims_organization_change", args=[1])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "name": "Numbers Desk",
            "url": "https://numbers.example.org/",
            "logo_url": "",
            "contact_email": "desk@numbers.example.org",
            "methodology": "## We measure twice",
            "corrections_policy": "We say so.",
            "show_names": "on",
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get()
    assert (organization.name, organization.show_names) == ("Numbers Desk", True)
    assert organization.history.count() >= 2  # made, then changed


def test_the_admin_refuses_a_javascript_address(admin_client, organization):
    url = reverse("admin:claims_organization_change", args=[1])
    response = admin_client.post(
        url,
        {
            "name": "X",
            "url": "javascript:alert(1)",
            "logo_url": "data:image/png;base64,AAAA",
            "methodology": "m",
            "corrections_policy": "c",
        },
    )
    assert response.status_code == 200  # the form again, with its errors
    assert response.context["adminform"].form.errors.keys() == {"url", "logo_url"}


def test_an_editor_without_the_permission_cannot_edit_it(client):
    client.force_login(EditorFactory())
    response = client.get(reverse("admin:claims_organization_change", args=[1]))
    assert response.status_code in (302, 403)


def test_public_pages_render_the_organisations_texts(client, organization):
    organization.methodology = "## Two people\n\nEvery check is *reviewed*.<script>x()</script>"
    organization.corrections_policy = "- We correct\n- We say so"
    organization.contact_email = "desk@example.org"
    organization.save()
    methodology = client.get(reverse("web:methodology"))
    assert methodology.status_code == 200
    page = methodology.content.decode()
    assert "<h2>Two people</h2>" in page and "<em>reviewed</em>" in page
    assert "x()" not in page
    policy = client.get(reverse("web:corrections_policy")).content.decode()
    assert "<li>We correct</li>" in policy


@pytest.mark.parametrize("name", ["checks", "methodology", "corrections_policy"])
def test_every_public_page_has_the_footer_and_no_editors_nav(client, organization, name):
    organization.name = "Numbers Desk"
    organization.contact_email = "desk@example.org"
    organization.save()
    client.force_login(EditorFactory())  # signed in or not, the public frame is the same
    page = client.get(reverse(f"web:{name}")).content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    for link in ("checks", "methodology", "corrections_policy"):
        assert f'href="{reverse(f"web:{link}")}"' in footer
    assert 'href="mailto:desk@example.org">Contact</a>' in footer
    assert "<strong>Numbers Desk</strong>" in footer
    assert f'href="{reverse("web:dashboard")}"' not in page
    assert f'href="{reverse("web:articles")}"' not in page
    assert "Log out" not in page and 'aria-label="Main"' not in page


def test_the_fact_check_page_has_the_public_frame_too(client):
    claim = publish()
    client.force_login(EditorFactory())
    page = client.get(reverse("web:public_check", args=[claim.pk])).content.decode()
    assert '<footer class="site-footer">' in page and 'aria-label="Main"' not in page


def test_the_footer_links_to_report_an_error(client):
    page = client.get(reverse("web:methodology")).content.decode()
    assert f'<a href="{reverse("web:report_error")}">Report an error</a>' in page
