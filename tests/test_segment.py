from pipeline.segment import classify, normalize_text, segment_text, split_lines


def test_normalize_keeps_characters_but_unifies_whitespace_and_nfc():
    assert normalize_text("l’e\u0301te\u0301\u00a0 ici\r\n") == "l’été ici\n"


def test_one_paragraph_per_line_and_blank_line_separated_both_work():
    assert split_lines("Un.\nDeux.\n\nTrois.") == ["Un.", "Deux.", "Trois."]


def test_hard_wrapped_lines_are_joined():
    text = ("The council met on Tuesday to discuss the budget for the coming\n"
            "year, which includes new spending on roads.\nA second paragraph starts here.")
    assert split_lines(text) == [
        "The council met on Tuesday to discuss the budget for the coming year, which includes new spending on roads.",
        "A second paragraph starts here.",
    ]


def test_kinds():
    assert classify("  • Microsoft a supprimé des emplois.").kind == "list_item"
    assert classify("- item two").text == "item two"
    assert classify("« Une seule citation, du début à la fin. »").kind == "quote"
    assert classify("« Citation », a dit X. « Et une autre. »").kind == "paragraph"
    assert classify("Dans les coulisses : le calcul des entreprises").kind == "heading"
    assert classify("Une phrase complète qui se termine par un point.").kind == "paragraph"


def test_segment_text_order_is_kept():
    blocks = segment_text("A heading\n\nFirst paragraph here.\n• item\n“A quote.”")
    assert [b.kind for b in blocks] == ["heading", "paragraph", "list_item", "quote"]
