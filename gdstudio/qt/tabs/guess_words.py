"""B's words in Guess the number, in the current language (shared by the game, the race and
"You are A").

The texts keep the ``GuessView`` translation context they had when they lived in the view, so
the translations in resources/i18n apply unchanged.
"""

from __future__ import annotations

from gdstudio.qt.common import translate
from gdstudio.scenarios.guess_number import GuessNumber, degree


def level_words(level: int) -> str:
    """B's vague answer for a degree from -3 (too low) to +3 (too high).

    Only the one answer is translated: the number line asks for a row's words on every frame
    of a run, and translating all seven each time was most of its refresh.
    """
    if level < 0:
        if level == -3:
            return translate("GuessView", "too low")
        if level == -2:
            return translate("GuessView", "low")
        return translate("GuessView", "a bit low")
    if level == 0:
        return translate("GuessView", "correct!")
    if level == 1:
        return translate("GuessView", "a bit high")
    if level == 2:
        return translate("GuessView", "high")
    if level == 3:
        return translate("GuessView", "too high")
    raise IndexError(level)


def answer_words(model: GuessNumber, guess: int) -> str:
    """What B says to ``guess``: the exact difference, or a vague word."""
    miss = guess - model.secret
    if model.feedback_mode == "exact" and miss:
        return translate("GuessView", "off by {miss}").format(miss=f"{miss:+d}")
    return level_words(degree(miss, model.low, model.high))


def guesses_words(n: int) -> str:
    """ "1 guess", "5 guesses"."""
    if n == 1:
        return translate("GuessView", "1 guess")
    return translate("GuessView", "{n} guesses").format(n=n)
