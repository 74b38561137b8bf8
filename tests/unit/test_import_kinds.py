"""Questions or comments: the importer's documented heuristic, on English and Spanish."""

from __future__ import annotations

import pytest

from candor_tools.qa_import.kinds import Classifier, looks_like_question

EXAMPLES = [
    # English: a question mark, or a sentence opening with a question word
    ("<p>Will prices go up in 2027?</p>", True),
    ("<p>What is the plan for Rotterdam</p>", True),
    ("<p>Thanks for the update. Is the Requena site still on track</p>", True),
    ("<p>I wonder whether the board has decided</p>", True),
    ("<p>Does anyone know when the report comes out</p>", True),
    ("<p>Great post, thanks for being open about this.</p>", False),
    ("<p>I agree with Ana.</p><p>Keep it up.</p>", False),
    ("<p>How brilliant!</p>", False),  # an exclamation is not a question
    ("<p>Whatever happens, we are with you.</p>", False),  # 'what' only as a whole word
    ("<p>See <a href=\"https://x.example/?p=42\">the old post</a>.</p>", False),  # URL's '?'
    # Spanish: '¿' or '?', or a question word with its accent
    ("<p>¿Qué pasará con los precios en 2027?</p>", True),
    ("<p>¿Cuándo abrirá la planta de Requena</p>", True),
    ("<p>Cómo se calcula el margen</p>", True),
    ("<p>Me pregunto si habrá más contratos</p>", True),
    ("<p>Por qué no publicáis los sueldos</p>", True),
    ("<p>Gracias por la transparencia.</p>", False),
    ("<p>Cuando llegue el verano lo veremos.</p>", False),  # no accent: not a question word
    ("<p>Que buena noticia para Valencia.</p>", False),
    ("<p>¡Qué buena noticia!</p>", False),
]


@pytest.mark.parametrize(("text", "question"), EXAMPLES)
def test_examples_in_english_and_spanish(text, question):
    assert looks_like_question(text) is question


def test_the_word_list_is_configurable():
    assert not looks_like_question("<p>Kindly explain the margin</p>")
    assert looks_like_question("<p>Kindly explain the margin</p>", ("Kindly explain",))
    assert not looks_like_question("<p>What a year</p>", ("kindly explain",))


def test_the_source_flag_wins_and_a_mode_forces_one_kind():
    auto = Classifier()
    assert auto.kind_of("<p>Thanks.</p>") == "comment"
    assert auto.kind_of("<p>Thanks.</p>", source_flag=True) == "question"
    assert auto.kind_of("<p>Why?</p>", source_flag=False) == "comment"
    assert Classifier("question").kind_of("<p>Thanks.</p>") == "question"
    assert Classifier("comment").kind_of("<p>Why?</p>") == "comment"
