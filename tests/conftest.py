"""Shared fixtures. spaCy is loaded once per test session; the gold data and the seed article live outside
the repository (../shared) and tests that need them skip cleanly when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_0910d14dd6ca0188.txt"
EVAL = SHARED / "eval"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def nlp():
    from tacitus import nlp as nlp_layer

    return nlp_layer.load()


@pytest.fixture(scope="session")
def coder(nlp):
    from tacitus.pipeline import Coder

    return Coder(nlp=nlp)


@pytest.fixture(scope="session")
def placed(nlp):
    """Runs the places stage alone on a text: (doc, coded article)."""
    from tacitus import nlp as nlp_layer
    from tacitus.model import Article
    from tacitus.pipeline import Coder
    from tacitus.where import PlaceStage

    coder = Coder(nlp=nlp, stages=[PlaceStage()])

    def run(text: str):
        doc = next(nlp_layer.parse([text], nlp))
        return doc, coder.code_doc(Article(text=text, date="2012-10-24"), doc)

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not present")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(coder, seed_text):
    """The seed article coded with publication date 2012-10-24."""
    return coder.code(seed_text, date="2012-10-24")


def eval_path(*parts: str) -> Path:
    """A path under ../shared/eval, skipping the test when it is missing."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path
