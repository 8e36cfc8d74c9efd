from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from claims.services.changes import change_logged
        from webhooks.dispatch import kick_dispatcher

        change_logged.connect(kick_dispatcher, dispatch_uid="webhooks-kick-dispatcher")
