import codecs

import pytest

from pipeline.decode import DecodeError, decode_bytes, sniff_binary

FRENCH = "Le cœur de l’été : déjà 30 °C à Besançon, « chaleur » et crème brûlée à 5 €."


def test_utf8_plain():
    assert decode_bytes(FRENCH.encode("utf-8")) == (FRENCH, "utf-8")


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks_are_honoured_and_stripped(bom, codec):
    text, enc = decode_bytes(bom + FRENCH.encode(codec))
    assert text == FRENCH
    assert enc == codec


def test_windows_1252_is_detected():
    data = (FRENCH + " Les négociations ont échoué après trois réunions très tendues.").encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, enc = decode_bytes(data)
    assert "cœur de l’été" in text and "5 €" in text and "négociations" in text
    assert enc == "cp1252"


def test_latin1_is_detected():
    src = "Ça coûte très cher à Genève, déclare le maître d'hôtel. Les élèves étaient présents à la fête."
    text, _ = decode_bytes(src.encode("latin-1"))
    assert text == src


def test_declared_html_charset_is_used():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Crème brûlée – « déjà »</p></body></html>'
    text, enc = decode_bytes(html.encode("cp1252"), is_html=True)
    assert "Crème brûlée – « déjà »" in text
    assert enc == "cp1252"


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG image"),
    (b"PK\x03\x04" + b"\x00" * 40, "ZIP archive"),
    (b"%PDF-1.7\n...", "PDF document"),
    (b"abc\x00\x00\x00def" * 10, "NUL bytes"),
])
def test_binary_content_is_refused_with_its_kind(data, kind):
    assert kind in (sniff_binary(data) or "")
    with pytest.raises(DecodeError, match="binary content"):
        decode_bytes(data)


def test_mixed_utf8_and_cp1252_lines_are_each_decoded_right():
    data = "Première ligne en UTF-8 : été.\n".encode() + "Deuxième ligne en cp1252 : cœur.\n".encode("cp1252")
    text, enc = decode_bytes(data)
    assert text == "Première ligne en UTF-8 : été.\nDeuxième ligne en cp1252 : cœur.\n"
    assert enc == "mixed utf-8/cp1252"
