"""The newsroom REST API, under /api/v1/."""

from django.urls import path

from api import views

app_name = "api"
urlpatterns = [
    path("articles/", views.ArticleListApi.as_view(), name="article-list"),
    path("articles/<int:article_id>/", views.ArticleDetailApi.as_view(), name="article-detail"),
    path("claims/", views.ClaimListApi.as_view(), name="claim-list"),
    path("claims/<int:claim_id>/", views.ClaimDetailApi.as_view(), name="claim-detail"),
    path("claims/<int:claim_id>/sources/", views.ClaimSourcesApi.as_view(), name="claim-sources"),
    path("claims/<int:claim_id>/reviews/", views.ClaimReviewsApi.as_view(), name="claim-reviews"),
    path("claims/<int:claim_id>/verdict/", views.ClaimVerdictApi.as_view(), name="claim-verdict"),
    path("claims/<int:claim_id>/claimreview/", views.ClaimReviewApi.as_view(), name="claim-claimreview"),
    path("speakers/", views.SpeakerListApi.as_view(), name="speaker-list"),
    path("speakers/<int:speaker_id>/", views.SpeakerDetailApi.as_view(), name="speaker-detail"),
    path("tombstones/", views.TombstoneListApi.as_view(), name="tombstone-list"),
]
