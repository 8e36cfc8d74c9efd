from django.contrib import admin
from django.urls import include, path

from claims import views as claim_views

admin.site.site_header = "Claim registry"
admin.site.site_title = "Claim registry"
admin.site.index_title = "Review claims"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("health/", claim_views.health, name="health"),
]
