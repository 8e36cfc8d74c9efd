"""Webhooks in the admin, for editors: subscriptions (test event, rotation, re-enabling) and the delivery log
with its filters (failed only, by endpoint)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages

from claims import permissions
from claims.errors import ApplicationError
from webhooks import services
from webhooks.models import Attempt, Delivery, EventType, Subscription


class EditorsOnly:
    """Only editors (and superusers) see and change webhooks: endpoints receive everything the registry sends."""

    def has_module_permission(self, request) -> bool:
        return permissions.is_editor(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return permissions.is_editor(request.user)

    def has_add_permission(self, request, *args) -> bool:
        return permissions.is_editor(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return permissions.is_editor(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return permissions.is_editor(request.user)


class SubscriptionForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(choices=EventType.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Subscription
        fields = ["organisation", "url", "events", "description"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        why = services.url_problem(url)
        if why:
            raise forms.ValidationError(f"Refused: {why}.")
        return url


@admin.register(Subscription)
class SubscriptionAdmin(EditorsOnly, admin.ModelAdmin):
    form = SubscriptionForm
    list_display = ["url", "organisation", "enabled", "disabled_reason", "failing_since", "created_at"]
    list_filter = ["enabled", "organisation"]
    search_fields = ["url", "organisation__name"]
    readonly_fields = ["enabled", "disabled_reason", "disabled_at", "failing_since", "consecutive_failures",
                       "paused_until", "previous_secret_expires_at", "created_at", "updated_at"]  # fmt: skip
    actions = ["send_test_event", "rotate_secret", "enable", "disable"]

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        try:
            if change:
                services.subscription_update(
                    obj, url=data["url"], events=list(data["events"]), description=data["description"]
                )
                return
            created = services.subscription_create(
                organisation_id=data["organisation"].pk,
                url=data["url"],
                events=list(data["events"]),
                description=data["description"],
            )
        except ApplicationError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        obj.pk = created.subscription.pk
        obj._state.adding = False
        self.message_user(
            request, f"The signing secret is {created.secret} -- give it to the endpoint's owner now.", messages.WARNING
        )

    @admin.action(description="Send a test event")
    def send_test_event(self, request, queryset) -> None:
        for subscription in queryset:
            services.subscription_send_test(subscription)
        self.message_user(request, f"Test event queued for {queryset.count()} endpoint(s); see the delivery log.")

    @admin.action(description="Rotate the signing secret (the old one signs for the overlap period)")
    def rotate_secret(self, request, queryset) -> None:
        for subscription in queryset:
            secret = services.subscription_rotate_secret(subscription)
            self.message_user(request, f"New secret of {subscription.url}: {secret}", messages.WARNING)

    @admin.action(description="Enable (clears the failure state)")
    def enable(self, request, queryset) -> None:
        for subscription in queryset:
            services.subscription_update(subscription, enabled=True)
        self.message_user(request, f"Enabled {queryset.count()} endpoint(s).")

    @admin.action(description="Disable")
    def disable(self, request, queryset) -> None:
        for subscription in queryset:
            services.subscription_update(subscription, enabled=False)
        self.message_user(request, f"Disabled {queryset.count()} endpoint(s).")


class FailedFilter(admin.SimpleListFilter):
    title = "outcome"
    parameter_name = "outcome"

    def lookups(self, request, model_admin):
        return [("failed", "Failed only (given up, or a failed attempt)"), ("delivered", "Delivered")]

    def queryset(self, request, queryset):
        if self.value() == "failed":
            return queryset.exclude(status=Delivery.Status.DELIVERED).filter(attempts__gt=0)
        if self.value() == "delivered":
            return queryset.filter(status=Delivery.Status.DELIVERED)
        return queryset


_ATTEMPT_FIELDS = ("number", "ok", "status_code", "latency_ms", "error", "response_excerpt", "created_at")
_DELIVERY_FIELDS = (
    "subscription", "event", "status", "attempts", "next_attempt_at", "last_attempt_at", "last_error"
)  # fmt: skip


class AttemptInline(admin.TabularInline):
    model = Attempt
    extra = 0
    can_delete = False
    fields = readonly_fields = _ATTEMPT_FIELDS

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = ["id", "subscription", "event_type", "webhook_id", "status", "attempts", "last_error", "created_at"]
    list_filter = [FailedFilter, "status", "subscription"]
    list_select_related = ["subscription", "subscription__organisation", "event"]
    search_fields = ["event__msg_id"]
    inlines = [AttemptInline]
    actions = ["redeliver"]
    fields = readonly_fields = _DELIVERY_FIELDS

    @admin.display(description="Event")
    def event_type(self, obj: Delivery) -> str:
        return obj.event.type

    @admin.display(description="webhook-id")
    def webhook_id(self, obj: Delivery) -> str:
        return obj.event.msg_id

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Deliver again (same webhook-id)")
    def redeliver(self, request, queryset) -> None:
        count = 0
        for delivery in queryset.select_related("subscription"):
            count += services.redeliver(delivery.subscription, delivery_id=delivery.pk)
        self.message_user(request, f"Queued {count} delivery(ies) again.")
