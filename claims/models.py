"""The domain: articles, the claims extracted from them, and the evidence reviewers attach.

Business rules live in services.py; models hold data and database-level invariants only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from claims import speaker_names
from claims.text import bidi_visible, cut_at_word
from claims.validators import validate_wikidata_id


class Organisation(models.Model):
    """A newsroom using the registry: API keys, submitted articles and webhook subscriptions belong to one."""

    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Outlet(models.Model):
    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    class Status(models.TextChoices):
        FETCHING = "fetching", "Fetching"  # submitted by URL: the page is fetched in the background
        PENDING = "pending", "Pending"
        EXTRACTING = "extracting", "Extracting"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles")
    # The canonical URL (claims.canonical_url): shown and fetched. NULL when the article has none.
    url = models.URLField(max_length=2000, null=True, blank=True)  # noqa: DJ001 (the API shows null)
    # The URL exactly as submitted (before canonicalisation).
    original_url = models.URLField(max_length=2000, blank=True, default="")
    # SHA-256 of the URL's identity (canonical form without the scheme): one article per URL, however
    # it is written. NULL (not "") when there is no URL, so the unique constraint binds real URLs only.
    url_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, default="en")
    body = models.TextField(help_text="Plain text; every claim offset refers to it.")
    body_hash = models.CharField(max_length=64, db_index=True)
    raw_html = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    status_error = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    extraction_started_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    extraction_attempts = models.PositiveIntegerField(default=0)
    retracted_at = models.DateTimeField(null=True, blank=True)
    # The number of the current text: 1 as first submitted, +1 for each correction (the same URL submitted
    # with other text); the earlier texts are kept as ArticleRevision rows.
    revision = models.PositiveIntegerField(default=1)
    # When the current text became the article's: its submission, or the correction that brought it.
    revised_at = models.DateTimeField(null=True, blank=True)
    # A correction sent as an HTML page, waiting for the worker to read it (the request never parses HTML):
    # {"html", "title", "byline", "published"}; null when none is waiting.
    pending_correction = models.JSONField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The newsroom whose API key submitted the article (null: submitted in the admin or before organisations).
    submitted_by_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "extraction_started_at"], name="article_status_idx")]
        constraints = [
            # One article per text: concurrent submissions of the same body cannot both be stored.
            # (Articles submitted by URL have no body, and no hash, until their page is fetched.)
            models.UniqueConstraint(fields=["body_hash"], condition=~Q(body_hash=""), name="article_body_hash_unique"),
        ]

    # Set on the objects of an API page by api.selectors.attach_verdict_counts (not a column).
    verdict_counts: dict[str, int]

    def __str__(self) -> str:
        return bidi_visible(self.title) if self.title else f"Article {self.pk}"


class ArticleRevision(models.Model):
    """An earlier text of an article, kept when a correction (the same URL, other text) replaced it.

    The current text stays on the article (claim offsets index it); revision `number` is the text the
    article had from `submitted_at` until `replaced_at`.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    body = models.TextField()
    body_hash = models.CharField(max_length=64, db_index=True)  # an earlier text sent again is this article
    raw_html = models.TextField(blank=True)
    submitted_at = models.DateTimeField()
    replaced_at = models.DateTimeField()

    class Meta:
        ordering = ["article", "number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="article_revision_unique")]

    def __str__(self) -> str:
        return f"Article {self.article_id}, revision {self.number}"


class Speaker(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(max_length=300, help_text="The canonical name.")
    key = models.CharField(max_length=300, unique=True, help_text="Normalised name used to merge mentions.")
    # The looser key of claims.speakers.match_key (diacritics, titles, romanisation endings): the second
    # step of resolving a name, after the exact keys of the speaker and its aliases.
    match_key = models.CharField(max_length=300, blank=True, db_index=True, editable=False)
    # The last word of match_key (names of two words or more): finds "President Marchenkyy".
    surname_key = models.CharField(max_length=300, blank=True, db_index=True, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.UNKNOWN)
    wikidata_id = models.CharField(
        max_length=20,
        blank=True,
        validators=[validate_wikidata_id],
        help_text="Wikidata item id, e.g. Q42: the speaker's sameAs in ClaimReview.",
    )
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    # Set on the objects of an API page by api.selectors.attach_verdict_counts (not a column).
    verdict_counts: dict[str, int]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The keys are derived from the name, whoever saves it (admin form, service, fixture). The exact
        # key is set once: after a rename it still maps the first name to this speaker.
        if not self.key:
            self.key = speaker_names.exact_key(self.name)[:300]
        self.match_key = speaker_names.match_key(self.name)[:300]
        self.surname_key = speaker_names.surname_key(self.name)[:300]
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "match_key", "surname_key"}
        super().save(*args, **kwargs)

    @property
    def wikidata_url(self) -> str:
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""


class SpeakerAlias(models.Model):
    """Another name of a speaker: extraction maps a mention with this name to the speaker."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    # The same normalisation as Speaker.key; unique, so a name leads to one speaker.
    key = models.CharField(max_length=300, unique=True)
    match_key = models.CharField(max_length=300, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = speaker_names.exact_key(self.name)[:300]
        self.match_key = speaker_names.match_key(self.name)[:300]
        super().save(*args, **kwargs)


class SpeakerMerge(models.Model):
    """The record of one merge: speaker `from_id` (now gone) was merged into speaker `into_id`.

    Plain ids, not foreign keys: the merged speaker no longer exists, and the kept one may itself be merged
    later (the API follows the chain to answer an old id with a redirect).
    """

    from_id = models.BigIntegerField(db_index=True)
    from_name = models.CharField(max_length=300)
    into_id = models.BigIntegerField(db_index=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    claims_moved = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["merged_at", "id"]

    def __str__(self) -> str:
        return f"speaker {self.from_id} ({self.from_name}) → {self.into_id}"


class Verdict(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


class Claim(models.Model):
    class Kind(models.TextChoices):
        DIRECT_QUOTE = "direct_quote", "Direct quote"
        REPORTED_SPEECH = "reported_speech", "Reported speech"
        STATEMENT = "statement", "Statement"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    position = models.PositiveIntegerField(default=0, help_text="Order of the claim in its article.")
    text = models.TextField()
    # Offsets of `text` in the article body. NULL for a reviewed claim whose sentence is no longer in
    # the article after a correction: it is kept with its verdict and history, "detached".
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.STATEMENT)
    quote = models.TextField(blank=True)
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    speaker_role = models.CharField(max_length=300, blank=True)
    attribution_cue = models.CharField(max_length=300, blank=True)
    checkworthiness = models.FloatField(default=0.0)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, default=Verdict.UNREVIEWED)
    verdict_note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped by every write.")
    needs_recheck = models.BooleanField(default=False)
    recheck_reason = models.TextField(blank=True)
    # The claim family: a hash of the normalised sentence (claims.services.matching.family_key). Claims
    # with the same key say the same words in different articles; each keeps its own verdict.
    family_key = models.CharField(max_length=64, blank=True, default="", db_index=True, editable=False)
    # Set by "same as this one": the earlier reviewed claim whose verdict and sources this one took.
    same_as = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="same_as_claims", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article_id", "position"]
        indexes = [
            models.Index(fields=["verdict"], name="claim_verdict_idx"),
            models.Index(fields=["updated_at", "id"], name="claim_updated_idx"),
            models.Index(fields=["article", "position"], name="claim_article_idx"),
            models.Index(fields=["needs_recheck"], name="claim_recheck_idx"),
            # The review desk reads its queue in this order (claims.selectors.desk_after), a slice at a time.
            models.Index(fields=["-checkworthiness", "id"], name="claim_desk_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="claim_offsets_ordered"),
            # Both offsets or neither: a claim is either anchored in the body or detached from it.
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True) | Q(start__isnull=False, end__isnull=False),
                name="claim_offsets_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        # Admin headline, breadcrumb and <title>: cut at a word with "…" (a cut must not read as a whole
        # claim), bidi controls shown as markers (the admin shows reviewers what is really stored).
        return cut_at_word(bidi_visible(self.text), 80)

    @property
    def in_article(self) -> bool:
        """False for a kept claim whose sentence is no longer in the article (no offsets)."""
        return self.start is not None


class ClaimDate(models.Model):
    class Granularity(models.TextChoices):
        DAY = "day", "Day"
        WEEK = "week", "Week"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="dates")
    text = models.CharField(max_length=200)
    # NULL when the claim is detached from the article (see Claim.start).
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    value = models.CharField(max_length=10, help_text="ISO date: YYYY-MM-DD, YYYY-Www (a week), YYYY-MM or YYYY")
    value_end = models.CharField(max_length=10, blank=True)
    granularity = models.CharField(max_length=8, choices=Granularity.choices, default=Granularity.DAY)

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.text} = {self.value}{'..' + self.value_end if self.value_end else ''}"


class ClaimPlace(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        REGION = "region", "Region"
        CITY = "city", "City"
        VENUE = "venue", "Venue"
        OTHER = "other", "Other"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="places")
    text = models.CharField(max_length=300)
    # NULL when the claim is detached from the article (see Claim.start).
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    code = models.CharField(max_length=32, blank=True, help_text="ISO 3166 code or GeoNames id")

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return self.text


class SourceLink(models.Model):
    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        CONTEXT = "context", "Context"

    class State(models.TextChoices):
        UNCHECKED = "unchecked", "Not checked yet"
        OK = "ok", "OK"
        REDIRECTED = "redirected", "Redirected"
        CHANGED = "changed", "Changed"
        BROKEN = "broken", "Broken"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    stance = models.CharField(max_length=16, choices=Stance.choices, default=Stance.SUPPORTS)
    excerpt = models.TextField(blank=True, help_text="The words on the page that matter.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    # Link health, written by the background re-checks.
    state = models.CharField(max_length=16, choices=State.choices, default=State.UNCHECKED)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    next_check_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_status = models.PositiveIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    content_hash = models.CharField(max_length=64, blank=True)
    excerpt_present = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return bidi_visible(self.url)


class ClaimMatch(models.Model):
    """A likely earlier check of a claim: a reviewed claim that may state the same fact (claims.services.matching).

    Written when the claim's article is extracted; `why` is what the two share, for the reviewer to judge:
    {"words": [...], "numbers": [...], "speaker": bool, "same_sentence": bool}.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches")
    matched = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matched_by")
    score = models.FloatField()
    why = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "-score", "matched_id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "matched"], name="claimmatch_unique"),
            models.CheckConstraint(condition=~Q(claim=F("matched")), name="claimmatch_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} ~ {self.matched_id} ({self.score:.2f})"


# --- the matching index kept in the database (claims.services.match_index) ------------------------------
# Derived from the claims (rebuilt by `manage.py match_index --rebuild`), so never exported in a backup.


class MatchEntry(models.Model):
    """One claim of the matching index: a reviewed claim (verdict given, article not retracted), analysed.

    `claim_id` is a plain id, not a foreign key: the row leaves the index when the change log reports its
    claim changed or removed. On PostgreSQL the table also has `tsv`, a stored tsvector of the terms with a
    GIN index (added by the migration, unknown to the ORM); on SQLite an FTS5 table kept by triggers.
    """

    claim_id = models.BigIntegerField(primary_key=True)
    terms = models.TextField(help_text="The engine's terms of the claim's text, space-separated.")
    title_terms = models.TextField(blank=True, help_text="The engine's terms of the article's title.")
    cleaned = models.TextField(blank=True, help_text="The cleaned text and title (for character n-grams).")
    speaker = models.CharField(max_length=300, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"match entry {self.claim_id}"


class MatchTerm(models.Model):
    """In how many indexed claims a term occurs, in the text and in the title (the engine's idf)."""

    key = models.CharField(max_length=100, primary_key=True)
    body_df = models.IntegerField(default=0)
    title_df = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.key


class MatchGram(models.Model):
    """In how many indexed claims a character n-gram occurs (the idf of the engine's character feature)."""

    key = models.CharField(max_length=16, primary_key=True)
    df = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.key


class MatchIndexState(models.Model):
    """The index's totals and how far it has followed the change log (one row, id 1)."""

    claims = models.BigIntegerField(default=0)
    body_length = models.BigIntegerField(default=0)
    title_length = models.BigIntegerField(default=0)
    cursor_xid = models.BigIntegerField(default=-1)
    cursor_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"match index of {self.claims} claims"


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Review rows are append-only: they cannot be updated")

    def delete(self):
        raise TypeError("Review rows are append-only: they cannot be deleted")


class Review(models.Model):
    """An append-only record of one verdict change. Never updated or deleted."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    from_verdict = models.CharField(max_length=16, choices=Verdict.choices)
    to_verdict = models.CharField(max_length=16, choices=Verdict.choices)
    note = models.TextField(blank=True)
    sources = models.JSONField(default=list, help_text="The claim's source links at that moment.")
    action = models.CharField(max_length=32, default="verdict", help_text="verdict, sign_off, recheck_cleared...")
    # The earlier claim this review cites ("same as this one" copies its verdict and sources). A plain id,
    # not a foreign key: history rows are never updated, whatever happens to the cited claim.
    cites_claim_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_verdict} → {self.to_verdict}"

    def save(self, *args, **kwargs):
        # The one invariant guarded here rather than in a service: history must be tamper-proof
        # whichever code path touches it.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise TypeError("Review rows are append-only: they cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Review rows are append-only: they cannot be deleted")


class ClaimComment(models.Model):
    """One message in a claim's discussion thread (reviewers and editors). Append-only, like reviews.

    Written by claims.services.comments.comment_add; the thread is part of the claim's record, so a comment
    is never edited or deleted (a correction is a new comment).
    """

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(help_text="At most claims.services.comments.COMMENT_MAX_LENGTH characters.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["claim", "created_at"], name="claimcomment_claim_idx")]

    def __str__(self) -> str:
        return f"comment {self.pk} on claim {self.claim_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise TypeError("Comments are append-only: they cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Comments are append-only: they cannot be deleted")


class LinkCheck(models.Model):
    """One attempt at fetching a source link."""

    source = models.ForeignKey(SourceLink, on_delete=models.CASCADE, related_name="checks")
    # Identifies the attempt (e.g. the task id), so a redelivered task records it once.
    attempt_key = models.CharField(max_length=100, unique=True)
    checked_at = models.DateTimeField(auto_now_add=True)
    final_url = models.URLField(max_length=2000, blank=True)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    elapsed_ms = models.PositiveIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    excerpt_present = models.BooleanField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-checked_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_id} {self.status_code or self.error[:40]}"


class Tombstone(models.Model):
    """Marks a claim or article removed or retracted, or a speaker merged into another, so API mirrors can
    delete their copy."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        CLAIM = "claim", "Claim"
        SPEAKER = "speaker", "Speaker"  # merged into another speaker (see SpeakerMerge)

    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.BigIntegerField()
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["kind", "object_id"], name="tombstone_obj_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class RegistryImport(models.Model):
    """Progress of `manage.py import_registry`, committed with each batch of rows, so a re-run resumes.

    Not part of an export: it describes this database's restore, not the registry's data.
    """

    export_id = models.CharField(max_length=64, unique=True, help_text="The export's id, from its header line.")
    source = models.CharField(max_length=1000, blank=True, help_text="The file name given to the import.")
    line = models.PositiveBigIntegerField(default=1, help_text="Last line of the file whose row is committed.")
    rows = models.PositiveBigIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"import {self.export_id} (line {self.line})"


class Change(models.Model):
    """One entry of the change log that the API's feeds follow, written in the same transaction as the change.

    `xid` is the writing transaction's id on PostgreSQL (`pg_current_xact_id()`, 64 bits, never wraps),
    0 on SQLite. Feeds read in (xid, id) order and only below the oldest transaction still running, so a
    row can never appear behind a cursor a reader has already passed (see claims.services.changes).
    """

    class Kind(models.TextChoices):
        CLAIM = "claim", "Claim"
        SPEAKER = "speaker", "Speaker"
        ARTICLE = "article", "Article"
        TOMBSTONE = "tombstone", "Tombstone"

    class Op(models.TextChoices):
        UPSERT = "upsert", "Created or changed"
        DELETE = "delete", "Removed"

    id = models.BigAutoField(primary_key=True)
    xid = models.BigIntegerField(default=0)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.BigIntegerField()
    op = models.CharField(max_length=8, choices=Op.choices, default=Op.UPSERT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["xid", "id"]
        indexes = [
            models.Index(fields=["kind", "xid", "id"], name="change_feed_idx"),
            models.Index(fields=["kind", "object_id", "xid", "id"], name="change_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} {self.op}"
