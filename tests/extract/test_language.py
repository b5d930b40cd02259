from wiretrace.extract.language import detect_language


def test_english_prose_is_english() -> None:
    text = ("The ministry said on Tuesday that it had not confirmed the report, which was published "
            "by a regional newspaper citing two officials familiar with the talks.")
    assert detect_language(text) == "en"


def test_other_languages_are_not_taken_for_english() -> None:
    # The Dutch and German samples share words with English ("is", "was", "in", "an").
    samples = {
        "de": "Die Regierung hat am Dienstag erklärt, dass sie den Bericht nicht bestätigen kann, "
              "was viele Beobachter überrascht hat, denn das Ministerium war an den Gesprächen beteiligt.",
        "nl": "Het ministerie zei dinsdag dat het het bericht niet kon bevestigen, dat is gepubliceerd "
              "door een regionale krant die zich baseerde op twee ambtenaren.",
        "fr": "Le ministère a déclaré mardi qu'il ne pouvait pas confirmer l'information publiée par un "
              "journal régional citant deux responsables proches des négociations.",
        "es": "El ministerio dijo el martes que no podía confirmar el informe publicado por un diario "
              "regional que citaba a dos funcionarios cercanos a las conversaciones.",
    }
    for code, text in samples.items():
        assert detect_language(text) == code, code


def test_too_little_text_has_no_language() -> None:
    assert detect_language("Menu") is None
