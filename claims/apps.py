from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from claims.services.changes import connect_signals

        connect_signals()  # the change log's safety net (claims.services.changes)
