"""API keys in the admin: create (the key is shown once), set expiry, revoke. The secret is never stored."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils import timezone

from api.keys import api_key_create, api_key_revoke, api_key_validate
from api.models import ApiKey, Scope
from claims.errors import ApplicationError


class ApiKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(choices=Scope.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = ApiKey
        fields = ["name", "organisation", "scopes", "user", "expires_at", "throttle_rate"]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        try:
            _, data["scopes"] = api_key_validate(
                name=data.get("name", ""),
                scopes=data.get("scopes", []),
                expires_at=data.get("expires_at") if not self.instance.pk else None,
                user=data.get("user"),
                throttle_rate=data.get("throttle_rate", ""),
            )
        except ApplicationError as exc:
            for field, problems in exc.fields.items():
                self.add_error(field if field in self.fields else None, problems)
        return data


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    form = ApiKeyForm
    list_display = ["name", "organisation", "prefix", "scopes", "user", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["organisation", "revoked_at"]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "revoked_at", "last_used_at", "created_at"]
    raw_id_fields = ["user"]
    actions = ["revoke"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # revoke instead: the row documents who had access

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        try:
            created = api_key_create(
                name=obj.name,
                scopes=obj.scopes,
                expires_at=obj.expires_at,
                user=obj.user,
                throttle_rate=obj.throttle_rate,
                organisation=obj.organisation,
            )
        except ApplicationError as exc:  # validated by the form already; only a race gets here
            self.message_user(request, exc.message, messages.ERROR)
            return
        obj.pk = created.api_key.pk
        obj.prefix = created.api_key.prefix
        obj.hashed_key = created.api_key.hashed_key
        obj._state.adding = False
        self.message_user(
            request,
            f"The new key is {created.key} -- copy it now, it will not be shown again.",
            messages.WARNING,
        )

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request, queryset) -> None:
        count = 0
        for api_key in queryset.filter(revoked_at__isnull=True):
            api_key_revoke(api_key=api_key)
            count += 1
        self.message_user(request, f"Revoked {count} key(s) at {timezone.now():%Y-%m-%d %H:%M} UTC.")
