"""Admin registration for the domain. (first version: every model works; the review workflow refines it)"""

from django.contrib import admin

from claims.models import Article, Claim, ClaimDate, ClaimPlace, LinkCheck, Outlet, Review, SourceLink, Speaker


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_at", "status", "extractor_version"]
    list_filter = ["status", "outlet"]
    search_fields = ["title", "url"]
    list_select_related = ["outlet"]
    readonly_fields = ["body_hash", "status", "status_error", "extractor_version", "extracted_at", "created_at"]


class ClaimDateInline(admin.TabularInline):
    model = ClaimDate
    extra = 0


class ClaimPlaceInline(admin.TabularInline):
    model = ClaimPlace
    extra = 0


class SourceLinkInline(admin.StackedInline):
    model = SourceLink
    extra = 0
    fields = ["url", "title", "publisher", "stance", "excerpt", "state"]
    readonly_fields = ["state"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "verdict", "article", "updated_at"]
    list_filter = ["verdict", "needs_recheck"]
    search_fields = ["text", "speaker__name"]
    list_select_related = ["speaker", "article"]
    raw_id_fields = ["article", "speaker"]
    inlines = [ClaimDateInline, ClaimPlaceInline, SourceLinkInline]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    search_fields = ["name"]


@admin.register(SourceLink)
class SourceLinkAdmin(admin.ModelAdmin):
    list_display = ["url", "claim", "stance", "state", "last_checked_at"]
    list_filter = ["stance", "state"]
    raw_id_fields = ["claim"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["claim", "reviewer", "from_verdict", "to_verdict", "created_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    list_display = ["source", "checked_at", "status_code", "error"]

    def has_change_permission(self, request, obj=None):
        return False
