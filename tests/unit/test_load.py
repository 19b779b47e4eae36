"""Decoding and bad input: one clear line (ReaderError, exit 2), never a traceback."""

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.load import SourceKind, load_bytes, load_path

TEXT = "Café déjà vu: “quoted” — naïve résumé.\nSecond line, привет, 안녕하세요.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "utf32"],
)
def test_unicode_encodings_decode_to_the_same_text(data):
    assert load_bytes(data, "x").text == TEXT


def test_legacy_encoding_is_detected():
    text = "Les élèves étaient très contents de leur journée à la mer. " * 5
    assert load_bytes(text.encode("cp1252"), "x").text == text
    russian = "Президент заявил, что переговоры будут продолжены на следующей неделе. " * 5
    assert load_bytes(russian.encode("cp1251"), "x").text == russian


def test_crlf_nul_controls_and_escapes_are_removed_and_text_is_nfc():
    data = "line one\r\nline\x00 two\x1b[31m red\x1b[0m\r\ncafe\u0301\r\n".encode()
    assert load_bytes(data, "x").text == "line one\nline two red\ncafé\n"


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50), "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40), "zip"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(60), "executable"),
        (b"MZ\x90\x00\x03" + bytes(60) + b"This program cannot be run in DOS mode", "executable"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
        (bytes(range(256)) * 4, "binary"),
    ],
    ids=["pdf", "png", "jpeg", "zip", "elf", "exe", "gzip", "random"],
)
def test_binary_files_are_refused_naming_their_type(data, named):
    with pytest.raises(ReaderError, match=named):
        load_bytes(data, "file.bin")


def test_empty_file_says_so(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ReaderError, match="empty"):
        load_path(path)


def test_whitespace_only_file_says_so(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  \n")
    with pytest.raises(ReaderError, match="only whitespace"):
        load_path(path)


def test_file_over_the_limit_is_refused_and_the_option_raises_it(tmp_path, capsys):
    path = tmp_path / "big.txt"
    path.write_bytes(b"A sentence of the article goes here.\n" * 40_000)  # about 1.5 MB
    status = main(["clean", str(path), "--max-size", "1"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("reader: ") and "limit" in err and err.count("\n") == 1
    assert main(["clean", str(path), "--max-size", "2", "--format", "text"]) == 0


def test_missing_file_and_directory_are_one_line_errors(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["clean", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


def test_binary_file_through_the_cli_is_one_line_and_status_2(tmp_path, capsys):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(200))
    assert main(["clean", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"reader: {path.resolve()}: this is a PDF document, not a text, HTML or Markdown article\n"
    )


def test_kind_is_guessed_from_name_and_content():
    assert load_bytes(b"<!DOCTYPE html><html><body>x</body></html>", "page").kind is SourceKind.HTML
    assert load_bytes(b"# Title\n\nText", "notes.md").kind is SourceKind.MARKDOWN
    assert load_bytes(b"Just text.", "-").kind is SourceKind.TEXT


def test_a_huge_single_line_is_cleaned(tmp_path, capsys):
    # A page saved without line breaks: a few MB on one line still comes out, unchanged.
    words = "the river rose again and the people of the town watched it from the bridge. "
    path = tmp_path / "one-line.txt"
    path.write_text(words * 15_000, encoding="utf-8")  # about 1 MB
    assert main(["clean", str(path), "--format", "text", "--body-only"]) == 0
    assert capsys.readouterr().out.strip() == (words * 15_000).strip()


def test_html_meta_charset_is_honoured():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><p>Привет, мир! Это проверка кодировки.</p></body></html>"
    )
    assert "Привет, мир!" in load_bytes(page.encode("cp1251"), "page.html").text


def test_the_reader_refuses_a_file_over_its_max_size_in_one_line(tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text("A paragraph of an article.\n\n" * 80_000, encoding="utf-8")  # 2.2 MB
    assert main([str(path), "--max-size", "1"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "over the 1 MB limit" in error and "--max-size" in error
    assert main([str(path), "--max-size", "0"]) == 2
    assert "positive" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("megabytes", "said"),
    [("0.5", "over the 0.5 MB limit"), ("0.0002", "over the 200 bytes limit"), ("1.25", "1.25 MB")],
)
def test_a_limit_under_a_megabyte_is_told_as_it_is_not_as_zero(tmp_path, capsys, megabytes, said):
    path = tmp_path / "long.txt"
    path.write_text("A paragraph of an article.\n\n" * 80_000, encoding="utf-8")  # 2.2 MB
    assert main([str(path), "--max-size", megabytes]) == 2
    error = capsys.readouterr().err
    assert said in error and "0 MB" not in error
