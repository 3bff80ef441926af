"""manage.py ingest: the seed article's header, duplicates, and bad files."""

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article
from tests.paths import SEED

pytestmark = pytest.mark.django_db


def ingest(*paths, capsys):
    call_command("ingest", *map(str, paths))
    return capsys.readouterr()


def test_the_seed_article_is_ingested_with_dateline_byline_and_publisher(capsys):
    out = ingest(SEED, capsys=capsys).out
    article = Article.objects.get()
    assert f"stored as article {article.pk}" in out
    assert article.dateline.isoformat() == "2022-09-14"
    assert article.byline == "Yulia Kesaieva and Sana Noor Haq"
    assert article.publisher == "CNN"
    assert article.raw == SEED.read_text(encoding="utf-8")
    assert article.text.startswith("Ukrainian President Volodymyr Zelensky visited")
    assert "date 2022-09-14" not in article.text


def test_the_same_text_ingested_twice_is_stored_once(capsys):
    ingest(SEED, capsys=capsys)
    article = Article.objects.get()
    out = ingest(SEED, capsys=capsys).out
    assert f"already stored as article {article.pk}" in out
    assert Article.objects.count() == 1


def test_the_same_text_with_other_facts_says_which_differ_and_changes_nothing(tmp_path, capsys):
    ingest(SEED, capsys=capsys)
    article = Article.objects.get()
    other = tmp_path / "again.txt"
    header, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    other.write_text(header.replace("2022-09-14", "2022-09-15") + "\n" + body, encoding="utf-8")
    out = ingest(other, capsys=capsys).out
    assert f"already stored as article {article.pk}" in out
    assert "this file's facts differ and were not applied: " in out
    assert "dateline “2022-09-15” (stored: “2022-09-14”)" in out
    assert Article.objects.get().dateline.isoformat() == "2022-09-14"


def test_html_is_kept_as_received_and_cleaned(tmp_path, capsys):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Dam bursts</title><script>alert(1)</script></head><body><article>"
        "<h1>Dam bursts</h1><p>The dam burst on Monday, flooding 40 square kilometres of "
        "farmland in the valley below, officials said on Tuesday evening.</p>"
        "<p>Some 2,000 people were moved to shelters in the town of Brenna.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    ingest(page, capsys=capsys)
    article = Article.objects.get()
    assert article.raw_content_type == "text/html"
    assert "<script>" in article.raw
    assert "40 square kilometres" in article.text
    assert "alert" not in article.text and "<" not in article.text


def test_a_cp1252_file_is_converted(tmp_path, capsys):
    path = tmp_path / "latin.txt"
    path.write_bytes("The repairs cost \u20ac85m, the \u201cmayor\u201d said.".encode("cp1252"))
    ingest(path, capsys=capsys)
    assert Article.objects.get().text == "The repairs cost \u20ac85m, the \u201cmayor\u201d said."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(128, 256)) * 4, "not text in UTF-8 or another common encoding"),
    ],
    ids=["empty", "blank", "png", "undecodable"],
)
def test_a_bad_file_gives_a_one_line_message_and_stores_nothing(tmp_path, capsys, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError):
        call_command("ingest", str(path))
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{path}: ") and message in err
    assert len(err.splitlines()) == 1
    assert Article.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(tmp_path, capsys, settings):
    settings.INGEST_MAX_BYTES = 1000
    path = tmp_path / "big.txt"
    path.write_text("The road is 12 km long. " * 100, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("ingest", str(path))
    assert "over the limit of 1,000 bytes" in capsys.readouterr().err
    assert Article.objects.count() == 0


def test_good_files_are_kept_when_another_in_the_same_run_is_bad(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    with pytest.raises(CommandError, match="1 of 2"):
        call_command("ingest", str(SEED), str(bad))
    assert Article.objects.count() == 1
