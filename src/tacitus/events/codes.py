"""The code of a chain of triggers: the act's CAMEO code made more specific by what the event is about
(``refine.tsv``: 060 + military -> 062), then passed through the frames above it from the inside out
(``derive.tsv``: intent to 062 -> 0312), and turned into an intent or a threat when it is announced for
the future. ``CodeComposer`` is mixed into ``compose.SentenceReader``.
"""
from __future__ import annotations

from .match import Trigger
from .modality import own_modality, verb_of
from .syntax import SUBJECT_DEPS, lemma, phrase_tokens

# Frames that fix the kind of the event; an intent frame inside one of them adds nothing ("urged Y to
# agree to hold talks" is an appeal for talks).
STRONG_FRAMES = frozenset({"appeal", "demand", "refuse", "threaten", "deny", "accuse", "stop"})
PASS_THROUGH = frozenset({"realis", "light"})
# Verbs by which a request or proposal is carried out rather than made.
ADOPTING = frozenset({"accept", "approve", "adopt", "implement", "endorse", "ratify", "enact", "pass", "execute",
                      "fulfil", "fulfill", "grant", "heed", "meet", "satisfy"})


def specificity(code: str) -> int:
    """4-digit codes say most, residual x0 codes least: 1831 > 194 > 190."""
    return len(code) * 2 - (1 if code.endswith("0") else 0)


class CodeComposer:
    """Needs ``self.lex`` and ``self.merged`` (see ``links.Linker``)."""

    def _code(self, chain: list[Trigger]) -> str | None:
        act = chain[-1] if not chain[-1].frame else None
        if act is not None:
            base_index = len(chain) - 1
        else:
            with_code = [i for i, t in enumerate(chain) if t.entry.code]
            if not with_code:
                return None
            base_index = with_code[-1]
        base = chain[base_index]
        code = self.refine(base.entry.code, base)
        for part in self.merged.get(base.token.i, []):
            code = max(code, self.refine(part.entry.code, part), key=specificity)
        frame_tokens = {t.token.i for t in chain[:base_index]}
        if base_index > 0 and verb_of(base.token).i not in frame_tokens and \
                own_modality(base.token, self.lex.modality).negated:
            code = self.lex.derived(code, "stop")  # "promised not to attack": an intent to de-escalate
            if code is None:
                return None
        frames = chain[:base_index]
        for i in range(len(frames) - 1, -1, -1):
            code = self._through(code, frames[i], {f.frame for f in frames[:i]})
            if code is None:
                return None
        return code

    def _through(self, code: str, frame: Trigger, outer_kinds: set[str | None]) -> str | None:
        kind = frame.frame
        if kind in PASS_THROUGH or kind == "speech":
            return code
        if frame.is_noun and outer_kinds & (STRONG_FRAMES | {"intent"}):
            return code  # "rejected calls for X", "accepted an offer to X": the verb's frame decides
        if frame.is_noun and lemma(frame.token.head) in ADOPTING:
            return code  # "approved a proposal to build ...": the proposal is carried out
        if kind == "negate":
            return None
        if kind == "attempt":
            return self.lex.derived(code, "attempt") or code
        if kind == "deny":
            return "016"
        if kind == "consider":
            return "014"  # "considering slashing aid": an option weighed, not an act
        if kind == "intent":
            if outer_kinds & STRONG_FRAMES:
                return code
            return self._intent(code)
        if kind == "prepare":
            # "the army prepared to resume shelling": forces readying an attack show military power (CAMEO
            # 150); "is prepared to", or readying anything else, is an intent
            stative = frame.token.dep_ in ("acomp", "amod") or any(
                c.dep_ == "auxpass" for c in frame.token.children)
            if int(code[:2]) >= 18 and not stative and not outer_kinds & STRONG_FRAMES:
                return frame.entry.code
            return code if outer_kinds & STRONG_FRAMES else self._intent(code)
        return self.lex.derived(code, kind) or frame.entry.code

    def _intent(self, code: str) -> str:
        if code[:2] in ("01", "02", "03", "10", "11", "12", "13"):
            return code  # "offered condolences" is the condolence
        if int(code[:2]) >= 14:
            return self.lex.derived(code, "threaten") or "130"
        return self.lex.derived(code, "intent") or "030"

    def _future(self, code: str, negated: bool = False) -> str | None:
        """A cooperative act announced is an intent (03x), a conflictual one a threat (13x); announced as
        not going to happen, the first is a refusal ("will not release" 1243) and the second an intent to
        de-escalate ("will not attack" 0356)."""
        root = int(code[:2])
        if negated:
            if 4 <= root <= 8:
                return self.lex.derived(code, "refuse")
            stopped = self.lex.derived(code, "stop") if root >= 14 else None
            return self._future(stopped) if stopped else None
        if 4 <= root <= 8:
            return self.lex.derived(code, "intent") or "030"
        if root >= 14:
            return self.lex.derived(code, "threaten") or "130"
        return code

    def refine(self, code: str, trigger: Trigger) -> str:
        options = self.lex.refine.get(code)
        if not options:
            return code
        found = self.contexts(trigger)
        for context, refined in options:
            if context in found:
                return self.refine(refined, trigger) if refined != code else refined
        return code

    def contexts(self, trigger: Trigger) -> set[str]:
        skip = [c for c in trigger.token.children if c.dep_ in SUBJECT_DEPS]
        found: set[str] = set()
        for token in phrase_tokens(trigger.token, skip):
            found |= self.lex.contexts.get(lemma(token), frozenset())
            found |= self.lex.contexts.get(token.lower_, frozenset())
            for child in token.children:  # "war crimes" -> war-crime
                if child.dep_ == "compound":
                    found |= self.lex.contexts.get(f"{lemma(child)}-{lemma(token)}", frozenset())
        return found
