"""Plain Django views of the domain: the health check."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from claims.extraction import VERSION


@require_GET
def health(request):
    """Liveness and database reachability, for load balancers and compose health checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "degraded", "database": database, "extractor_version": VERSION},
        status=status,
    )
