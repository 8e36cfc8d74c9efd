"""The newsroom REST API, under /api/v1/."""

from django.urls import path, register_converter

from api import views
from webhooks import views as webhook_views


class IdConverter:
    """A database id: at most 18 digits, so it always fits a 64-bit integer (longer ids are 404s)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

app_name = "api"
urlpatterns = [
    path("", views.ApiRootApi.as_view(), name="root"),
    path("articles/", views.ArticleListApi.as_view(), name="article-list"),
    path("articles/<id:article_id>/", views.ArticleDetailApi.as_view(), name="article-detail"),
    path("articles/<id:article_id>/revisions/", views.ArticleRevisionsApi.as_view(), name="article-revisions"),
    path(
        "articles/<id:article_id>/revisions/<id:number>/",
        views.ArticleRevisionApi.as_view(),
        name="article-revision",
    ),
    path("articles/<id:article_id>/retry/", views.ArticleRetryApi.as_view(), name="article-retry"),
    path("claims/", views.ClaimListApi.as_view(), name="claim-list"),
    path("export/claims.ndjson", views.ClaimExportApi.as_view(), name="claim-export"),
    path("claims/search/", views.ClaimSearchApi.as_view(), name="claim-search"),
    path("claims/<id:claim_id>/", views.ClaimDetailApi.as_view(), name="claim-detail"),
    path("claims/<id:claim_id>/matches/", views.ClaimMatchesApi.as_view(), name="claim-matches"),
    path("claims/<id:claim_id>/sources/", views.ClaimSourcesApi.as_view(), name="claim-sources"),
    path("claims/<id:claim_id>/sources/<id:source_id>/", views.ClaimSourceDetailApi.as_view(), name="claim-source"),
    path("claims/<id:claim_id>/reviews/", views.ClaimReviewsApi.as_view(), name="claim-reviews"),
    path("claims/<id:claim_id>/verdict/", views.ClaimVerdictApi.as_view(), name="claim-verdict"),
    path("claims/<id:claim_id>/claimreview/", views.ClaimReviewApi.as_view(), name="claim-claimreview"),
    path("speakers/", views.SpeakerListApi.as_view(), name="speaker-list"),
    path("speakers/<id:speaker_id>/", views.SpeakerDetailApi.as_view(), name="speaker-detail"),
    path("tombstones/", views.TombstoneListApi.as_view(), name="tombstone-list"),
    path("webhooks/", webhook_views.WebhookListApi.as_view(), name="webhook-list"),
    path("webhooks/<id:subscription_id>/", webhook_views.WebhookDetailApi.as_view(), name="webhook-detail"),
    path(
        "webhooks/<id:subscription_id>/rotate-secret/",
        webhook_views.WebhookRotateSecretApi.as_view(),
        name="webhook-rotate-secret",
    ),
    path(
        "webhooks/<id:subscription_id>/deliveries/",
        webhook_views.WebhookDeliveriesApi.as_view(),
        name="webhook-deliveries",
    ),
    path(
        "webhooks/<id:subscription_id>/redeliver/",
        webhook_views.WebhookRedeliverApi.as_view(),
        name="webhook-redeliver",
    ),
    path("webhooks/<id:subscription_id>/test/", webhook_views.WebhookTestApi.as_view(), name="webhook-test"),
]
