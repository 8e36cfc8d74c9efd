"""Output representations shared by several endpoints.

Each serializer declares its fields (they document the OpenAPI schema and are the contract), and
implements `to_representation` by hand for speed: a page of 50 claims with their dates, places and
sources is built several times faster than by DRF's generic field-by-field path. tests/api checks
that the hand-written path and the generic path produce identical output, so they cannot drift.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.claimreview import public_claim_url
from claims.models import Article, Claim, ClaimDate, ClaimPlace, Outlet, Review, SourceLink, Speaker, Verdict


def iso(value: datetime | None) -> str | None:
    """DRF's datetime format: ISO 8601, UTC written as Z."""
    if value is None:
        return None
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class Urls:
    """Absolute URLs of API resources, built from one reverse() per request rather than one per item."""

    def __init__(self, request):
        self._root = request.build_absolute_uri(reverse("api:claim-list")).removesuffix("claims/")

    @classmethod
    def for_site(cls, site: str) -> Urls:
        """The URLs of the service at `site` (e.g. "https://registry.example/"), for work without a request."""
        urls = cls.__new__(cls)
        urls._root = site.rstrip("/") + "/" + reverse("api:claim-list").lstrip("/").removesuffix("claims/")
        return urls

    def claim(self, pk: int) -> str:
        return f"{self._root}claims/{pk}/"

    def resource(self, relative: str) -> str:
        return f"{self._root}{relative}"

    def source(self, claim_pk: int, pk: int) -> str:
        return f"{self._root}claims/{claim_pk}/sources/{pk}/"

    def claims_of(self, filter_name: str, pk: int) -> str:
        return f"{self._root}claims/?{filter_name}={pk}"

    def claimreview(self, pk: int) -> str:
        return f"{self._root}claims/{pk}/claimreview/"

    def article(self, pk: int) -> str:
        return f"{self._root}articles/{pk}/"

    def article_revisions(self, pk: int) -> str:
        return f"{self._root}articles/{pk}/revisions/"

    def article_revision(self, pk: int, number: int) -> str:
        return f"{self._root}articles/{pk}/revisions/{number}/"

    def speaker(self, pk: int) -> str:
        return f"{self._root}speakers/{pk}/"

    def public_claim(self, pk: int) -> str:
        # The configured public address (REGISTRY_PUBLIC_URL), not the request's Host header.
        return public_claim_url(pk)


def _urls(serializer: serializers.Serializer) -> Urls:
    return serializer.context["urls"]


class Fast(serializers.Serializer):
    """A read-only serializer whose to_representation is a plain function of the instance."""

    def to_representation(self, instance):
        return self.represent(instance, self.context)

    @staticmethod
    def represent(instance, context: dict) -> dict[str, Any] | None:  # None: no related object (OutletOut)
        raise NotImplementedError

    def generic_representation(self, instance) -> dict[str, Any]:
        """DRF's own field-by-field output (used by the tests that keep `represent` honest)."""
        return serializers.Serializer.to_representation(self, instance)


class DateOut(Fast):
    text = serializers.CharField(help_text="The words in the article, e.g. 'last Tuesday'.")
    start = serializers.IntegerField(
        allow_null=True, help_text="Offset in the article body (characters); null when the claim is not in it."
    )
    end = serializers.IntegerField(allow_null=True)
    value = serializers.CharField(help_text="ISO date: YYYY-MM-DD, YYYY-MM or YYYY.")
    value_end = serializers.CharField(help_text="End of a range (ISO), or empty.")
    granularity = serializers.ChoiceField(choices=ClaimDate.Granularity.choices)

    @staticmethod
    def represent(d: ClaimDate, context: dict) -> dict[str, Any]:
        return {
            "text": d.text,
            "start": d.start,
            "end": d.end,
            "value": d.value,
            "value_end": d.value_end,
            "granularity": d.granularity,
        }


class PlaceOut(Fast):
    text = serializers.CharField()
    start = serializers.IntegerField(allow_null=True)
    end = serializers.IntegerField(allow_null=True)
    kind = serializers.ChoiceField(choices=ClaimPlace.Kind.choices)
    code = serializers.CharField(help_text="ISO 3166 code or GeoNames id, or empty.")

    @staticmethod
    def represent(p: ClaimPlace, context: dict) -> dict[str, Any]:
        return {"text": p.text, "start": p.start, "end": p.end, "kind": p.kind, "code": p.code}


class SourceOut(Fast):
    id = serializers.IntegerField()
    url = serializers.URLField()
    title = serializers.CharField()
    publisher = serializers.CharField()
    stance = serializers.ChoiceField(choices=SourceLink.Stance.choices)
    excerpt = serializers.CharField()
    state = serializers.ChoiceField(choices=SourceLink.State.choices, help_text="Link health from re-checks.")
    last_checked_at = serializers.DateTimeField(allow_null=True)
    added_at = serializers.DateTimeField()
    version = serializers.IntegerField()

    @staticmethod
    def represent(s: SourceLink, context: dict) -> dict[str, Any]:
        return {
            "id": s.id,
            "url": s.url,
            "title": s.title,
            "publisher": s.publisher,
            "stance": s.stance,
            "excerpt": s.excerpt,
            "state": s.state,
            "last_checked_at": iso(s.last_checked_at),
            "added_at": iso(s.added_at),
            "version": s.version,
        }


class OutletOut(Fast):
    name = serializers.CharField()
    domain = serializers.CharField()

    @staticmethod
    def represent(o: Outlet | None, context: dict) -> dict[str, Any] | None:
        return None if o is None else {"name": o.name, "domain": o.domain}


class SpeakerRef(Fast):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Speaker.Kind.choices)

    @extend_schema_field(serializers.URLField())
    def get_url(self, s: Speaker) -> str:
        return _urls(self).speaker(s.pk)

    @staticmethod
    def represent(s: Speaker | None, context: dict) -> dict[str, Any] | None:
        if s is None:
            return None
        return {"id": s.id, "url": context["urls"].speaker(s.id), "name": s.name, "kind": s.kind}


class ArticleRef(Fast):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text="This article in the API.")
    canonical_url = serializers.URLField(source="url", allow_null=True, help_text="Where it was published.")
    title = serializers.CharField()
    outlet = OutletOut(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    revision = serializers.IntegerField(
        help_text="The revision of the article's text that the claim's offsets index (1 until a correction)."
    )

    @extend_schema_field(serializers.URLField())
    def get_url(self, a: Article) -> str:
        return _urls(self).article(a.pk)

    @staticmethod
    def represent(a: Article, context: dict) -> dict[str, Any]:
        return {
            "id": a.id,
            "url": context["urls"].article(a.id),
            "canonical_url": a.url,
            "title": a.title,
            "outlet": OutletOut.represent(a.outlet, context),
            "published_at": iso(a.published_at),
            "revision": a.revision,
        }


class ClaimOut(Fast):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    public_url = serializers.SerializerMethodField(help_text="The public claim page (reviewed claims only).")
    claimreview_url = serializers.SerializerMethodField(help_text="ClaimReview JSON-LD (reviewed claims only).")
    article = ArticleRef()
    position = serializers.IntegerField(help_text="Order of the claim in its article.")
    text = serializers.CharField(help_text="The sentence, exactly as in the article body.")
    start = serializers.IntegerField(
        allow_null=True,
        help_text="Offset of the sentence in the article body; null (with end) when a correction removed it "
        "from the article: the reviewed claim is kept, detached, with needs_recheck set.",
    )
    end = serializers.IntegerField(allow_null=True)
    kind = serializers.ChoiceField(choices=Claim.Kind.choices)
    quote = serializers.CharField(help_text="The quoted words, for direct quotes.")
    speaker = SpeakerRef(allow_null=True)
    speaker_role = serializers.CharField()
    attribution_cue = serializers.CharField(help_text="The reporting verb, e.g. 'said'.")
    checkworthiness = serializers.FloatField(min_value=0, max_value=1)
    dates = DateOut(many=True)
    places = PlaceOut(many=True)
    sources = SourceOut(many=True)
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    verdict_note = serializers.CharField()
    reviewed_at = serializers.DateTimeField(allow_null=True)
    needs_recheck = serializers.BooleanField()
    recheck_reason = serializers.CharField()
    version = serializers.IntegerField(help_text="Bumped by every change; usable in If-Match.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    @extend_schema_field(serializers.URLField())
    def get_url(self, c: Claim) -> str:
        return _urls(self).claim(c.pk)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_public_url(self, c: Claim) -> str | None:
        return None if c.verdict == Verdict.UNREVIEWED else _urls(self).public_claim(c.pk)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_claimreview_url(self, c: Claim) -> str | None:
        return None if c.verdict == Verdict.UNREVIEWED else _urls(self).claimreview(c.pk)

    @staticmethod
    def represent(c: Claim, context: dict, details: Any = None) -> dict[str, Any]:
        """`details` (selectors.ClaimDetails): the claim's dates, places and sources loaded in bulk;
        without it they are read from the claim's prefetched relations."""
        urls: Urls = context["urls"]
        reviewed = c.verdict != Verdict.UNREVIEWED
        if details is None:
            dates, places, sources = c.dates.all(), c.places.all(), c.sources.all()
        else:
            dates, places, sources = details.dates, details.places, details.sources
        return {
            "id": c.id,
            "url": urls.claim(c.id),
            "public_url": urls.public_claim(c.id) if reviewed else None,
            "claimreview_url": urls.claimreview(c.id) if reviewed else None,
            "article": ArticleRef.represent(c.article, context),
            "position": c.position,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "kind": c.kind,
            "quote": c.quote,
            "speaker": SpeakerRef.represent(c.speaker, context),
            "speaker_role": c.speaker_role,
            "attribution_cue": c.attribution_cue,
            "checkworthiness": float(c.checkworthiness),
            "dates": [DateOut.represent(d, context) for d in dates],
            "places": [PlaceOut.represent(p, context) for p in places],
            "sources": [SourceOut.represent(s, context) for s in sources],
            "verdict": c.verdict,
            "verdict_note": c.verdict_note,
            "reviewed_at": iso(c.reviewed_at),
            "needs_recheck": c.needs_recheck,
            "recheck_reason": c.recheck_reason,
            "version": c.version,
            "created_at": iso(c.created_at),
            "updated_at": iso(c.updated_at),
        }


class MatchWhy(serializers.Serializer):
    words = serializers.ListField(child=serializers.CharField(), help_text="Shared words (stemmed, normalised).")
    numbers = serializers.ListField(child=serializers.CharField(), help_text="Shared numbers, written one way.")
    speaker = serializers.BooleanField(help_text="The same speaker.")
    same_sentence = serializers.BooleanField(help_text="The same sentence (the same claim family).")

    class Meta:
        ref_name = "MatchWhy"


class MatchOut(Fast):
    """A reviewed claim likely to state the same checkable fact, with what the two share."""

    score = serializers.FloatField(help_text="The matching engine's score (0 to about 6; higher is closer).")
    why = MatchWhy()
    claim = ClaimOut(help_text="The earlier reviewed claim, with its verdict and sources.")

    @staticmethod
    def represent(item: tuple[Claim, float, dict[str, Any]], context: dict) -> dict[str, Any]:
        claim, score, why = item
        return {
            "score": round(float(score), 4),
            "why": {
                "words": list(why.get("words") or []),
                "numbers": list(why.get("numbers") or []),
                "speaker": bool(why.get("speaker")),
                "same_sentence": bool(why.get("same_sentence")),
            },
            "claim": ClaimOut.represent(claim, context),
        }


class VerdictCounts(serializers.Serializer):
    total = serializers.IntegerField()
    unreviewed = serializers.IntegerField()
    verified = serializers.IntegerField()
    disputed = serializers.IntegerField()
    unverifiable = serializers.IntegerField()


class ReviewOut(Fast):
    id = serializers.IntegerField()
    action = serializers.CharField(help_text="verdict, sign_off, recheck_cleared, ...")
    from_verdict = serializers.ChoiceField(choices=Verdict.choices)
    to_verdict = serializers.ChoiceField(choices=Verdict.choices)
    note = serializers.CharField()
    sources = serializers.ListField(child=serializers.DictField(), help_text="The claim's sources at that moment.")
    created_at = serializers.DateTimeField()

    @staticmethod
    def represent(r: Review, context: dict) -> dict[str, Any]:
        return {
            "id": r.id,
            "action": r.action,
            "from_verdict": r.from_verdict,
            "to_verdict": r.to_verdict,
            "note": r.note,
            "sources": r.sources if isinstance(r.sources, list) else [],
            "created_at": iso(r.created_at),
        }
