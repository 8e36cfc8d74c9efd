from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView

from api import feeds as api_feeds
from api import pages as api_pages
from claims import views as claim_views

admin.site.site_header = "Claim registry"
admin.site.site_title = "Claim registry"
admin.site.index_title = "Review claims"
# "View site" in the admin header: there is no home page at "/", the API documentation is the public front.
admin.site.site_url = "/api/docs/"

# A bad Host header (and other requests Django refuses) under /api/ is answered in the API's error shape.
handler400 = "api.pages.bad_request"

urlpatterns = [
    # The review desk lives in the claim admin (ClaimAdmin.get_urls, /admin/claims/claim/desk/); the short
    # address leads there with its query string (filters, claim) kept.
    path("admin/claims/desk/", RedirectView.as_view(pattern_name="admin:claims_claim_desk", query_string=True)),
    path("admin/", admin.site.urls),
    # --- REST API (api app): v1, its OpenAPI schema and docs, the public claim pages, JSON 404s ---
    path("api/v1/", include("api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_pages.api_docs, name="api-docs"),
    re_path(r"^api/(?P<rest>[\s\S]*)$", api_pages.api_not_found),
    path("claims/<int:claim_id>/", api_pages.public_claim, name="public-claim"),
    # Public feeds of the published claims, for aggregators and search engines (api/feeds.py).
    path("claims/feed.jsonld", api_feeds.claims_feed, name="claims-feed"),
    path("sitemap.xml", api_feeds.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", api_feeds.sitemap_section, name="sitemap-section"),
    # --- end of REST API routes ---
    path("health/", claim_views.health, name="health"),
]
