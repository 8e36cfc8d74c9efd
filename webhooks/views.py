"""The webhook subscription endpoints under /api/v1/webhooks/ (scope `webhooks`, an organisation's key).

Thin: the organisation comes from the API key, the services do the work. A subscription of another
organisation answers exactly like a missing one (404).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response

from api.authentication import request_api_key
from api.base import ApiView, ListParams, page_of
from api.models import Scope
from api.pagination import orderings, paginate
from api.schema import READ_ERRORS, WRITE_ERRORS, errors, location
from api.serializers import iso
from claims.errors import ApplicationError, NotFound, PermissionDenied
from webhooks import selectors, services
from webhooks.models import Delivery, EventType, Subscription

WEBHOOKS = (Scope.WEBHOOKS,)
NO_ORGANISATION = (
    "Webhook subscriptions belong to an organisation: use an API key of your organisation with the "
    "'webhooks' scope (this one belongs to none; editors manage any subscription in the admin)."
)


def subscription_out(s: Subscription, urls) -> dict[str, Any]:
    return {
        "id": s.pk,
        "url": s.url,
        "events": s.events,
        "description": s.description,
        "enabled": s.enabled,
        "disabled_reason": s.disabled_reason,
        "disabled_at": iso(s.disabled_at),
        "failing_since": iso(s.failing_since),
        "previous_secret_expires_at": iso(s.previous_secret_expires_at) if s.previous_secret else None,
        "deliveries": urls.resource(f"webhooks/{s.pk}/deliveries/"),
        "created_at": iso(s.created_at),
        "updated_at": iso(s.updated_at),
    }


def delivery_out(d: Delivery) -> dict[str, Any]:
    return {
        "id": d.pk,
        "webhook_id": d.event.msg_id,
        "type": d.event.type,
        "status": d.status,
        "attempts": [
            {
                "number": a.number,
                "ok": a.ok,
                "status_code": a.status_code,
                "latency_ms": a.latency_ms,
                "error": a.error,
                "response_excerpt": a.response_excerpt,
                "at": iso(a.created_at),
            }
            for a in d.attempt_log.all()
        ],
        "next_attempt_at": iso(d.next_attempt_at) if d.status == Delivery.Status.PENDING else None,
        "last_error": d.last_error,
        "created_at": iso(d.created_at),
    }


class SubscriptionOut(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    events = serializers.ListField(child=serializers.ChoiceField(choices=EventType.choices))
    description = serializers.CharField()
    enabled = serializers.BooleanField()
    disabled_reason = serializers.CharField(help_text="Why it was disabled (e.g. 24 h of failures, a 410).")
    disabled_at = serializers.DateTimeField(allow_null=True)
    failing_since = serializers.DateTimeField(allow_null=True, help_text="Since when every attempt failed.")
    previous_secret_expires_at = serializers.DateTimeField(
        allow_null=True, help_text="Until when the secret before the last rotation still signs too."
    )
    deliveries = serializers.URLField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    class Meta:
        ref_name = "WebhookSubscription"


class CreatedOut(SubscriptionOut):
    secret = serializers.CharField(help_text="The signing secret (whsec_...): shown only now.")

    class Meta:
        ref_name = "WebhookSubscriptionCreated"


class SubscriptionIn(serializers.Serializer):
    url = serializers.CharField(max_length=2000, help_text="https in production; never a private address.")
    events = serializers.ListField(child=serializers.CharField(max_length=40), max_length=20)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

    class Meta:
        ref_name = "WebhookSubscriptionInput"


class SubscriptionPatch(serializers.Serializer):
    url = serializers.CharField(max_length=2000, required=False)
    events = serializers.ListField(child=serializers.CharField(max_length=40), max_length=20, required=False)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    enabled = serializers.BooleanField(required=False, help_text="true re-enables a disabled endpoint.")

    class Meta:
        ref_name = "WebhookSubscriptionPatch"


class AttemptOut(serializers.Serializer):
    number = serializers.IntegerField()
    ok = serializers.BooleanField()
    status_code = serializers.IntegerField(allow_null=True)
    latency_ms = serializers.IntegerField()
    error = serializers.CharField()
    response_excerpt = serializers.CharField(help_text="The start of the answer's body (at most 1,000 bytes).")
    at = serializers.DateTimeField()

    class Meta:
        ref_name = "WebhookAttempt"


class DeliveryOut(serializers.Serializer):
    id = serializers.IntegerField()
    webhook_id = serializers.CharField(help_text="The webhook-id header: the same on every retry.")
    type = serializers.CharField()
    status = serializers.CharField(help_text="pending (waiting for its next attempt), delivered, or failed (given up).")
    attempts = AttemptOut(many=True)
    next_attempt_at = serializers.DateTimeField(allow_null=True)
    last_error = serializers.CharField()
    created_at = serializers.DateTimeField()

    class Meta:
        ref_name = "WebhookDelivery"


class WebhookView(ApiView):
    required_scopes = {m: WEBHOOKS for m in ("GET", "POST", "PATCH", "DELETE")}

    def organisation_id(self) -> int:
        api_key = request_api_key(self.request)
        if api_key is None or api_key.organisation_id is None:
            raise PermissionDenied(NO_ORGANISATION)
        return api_key.organisation_id

    def subscription(self, subscription_id: int) -> Subscription:
        found = selectors.subscription_of(self.organisation_id(), subscription_id)
        if found is None:
            raise NotFound(f"Webhook subscription {subscription_id} does not exist.")
        return found

    def log_location(self, subscription_id: int) -> dict[str, str]:
        """Where to watch an accepted delivery: the endpoint's delivery log."""
        return {"Location": self.context()["urls"].resource(f"webhooks/{subscription_id}/deliveries/")}

    def body(self, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:
        if not isinstance(self.request.data, dict):
            raise ApplicationError("The body must be a JSON object.")
        data = serializer_class(data=self.request.data)
        data.is_valid(raise_exception=True)
        unknown = sorted(set(self.request.data) - set(serializer_class._declared_fields))
        if unknown:
            raise ApplicationError(
                f"Unknown field(s): {', '.join(unknown)}.", fields={name: ["Unknown field."] for name in unknown}
            )
        return data.validated_data


class WebhookListApi(WebhookView):
    """The organisation's webhook endpoints: list them, or register one (the secret is shown once)."""

    @extend_schema(operation_id="webhooks_list", responses={200: SubscriptionOut(many=True), **errors(*READ_ERRORS)})
    def get(self, request):
        urls = self.context()["urls"]
        return Response([subscription_out(s, urls) for s in selectors.subscriptions_of(self.organisation_id())])

    @extend_schema(
        operation_id="webhooks_create",
        request=SubscriptionIn,
        parameters=[location(201)],
        responses={201: CreatedOut, **errors(*WRITE_ERRORS)},
    )
    def post(self, request):
        values = self.body(SubscriptionIn)
        created = services.subscription_create(organisation_id=self.organisation_id(), **values)
        urls = self.context()["urls"]
        out = {**subscription_out(created.subscription, urls), "secret": created.secret}
        return Response(
            out, status=status.HTTP_201_CREATED, headers={"Location": urls.resource(f"webhooks/{out['id']}/")}
        )


class WebhookDetailApi(WebhookView):
    http_method_names = ["get", "patch", "delete", "head"]

    @extend_schema(operation_id="webhooks_retrieve", responses={200: SubscriptionOut, **errors(*READ_ERRORS)})
    def get(self, request, subscription_id: int):
        return Response(subscription_out(self.subscription(subscription_id), self.context()["urls"]))

    @extend_schema(
        operation_id="webhooks_update",
        request=SubscriptionPatch,
        responses={200: SubscriptionOut, **errors(*WRITE_ERRORS)},
    )
    def patch(self, request, subscription_id: int):
        subscription = self.subscription(subscription_id)
        values = self.body(SubscriptionPatch)
        services.subscription_update(subscription, **values)
        return Response(subscription_out(subscription, self.context()["urls"]))

    @extend_schema(
        operation_id="webhooks_destroy",
        responses={204: OpenApiResponse(description="Deleted, with its delivery log."), **errors(*READ_ERRORS)},
    )
    def delete(self, request, subscription_id: int):
        services.subscription_delete(self.subscription(subscription_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookRotateSecretApi(WebhookView):
    """A new signing secret (shown once); the previous one keeps signing during the overlap."""

    @extend_schema(
        operation_id="webhooks_rotate_secret", request=None, responses={200: CreatedOut, **errors(*WRITE_ERRORS)}
    )
    def post(self, request, subscription_id: int):
        subscription = self.subscription(subscription_id)
        secret = services.subscription_rotate_secret(subscription)
        return Response({**subscription_out(subscription, self.context()["urls"]), "secret": secret})


class WebhookDeliveriesApi(WebhookView):
    """The endpoint's delivery log, newest first: every attempt with its status, latency and error."""

    ORDERING = orderings("id")["-id"]

    class FilterSerializer(ListParams):
        failed = serializers.BooleanField(required=False, help_text="true: only deliveries with a failed attempt.")

        class Meta:
            ref_name = "WebhookDeliveryFilter"

    @extend_schema(
        operation_id="webhooks_deliveries",
        parameters=[FilterSerializer],
        responses={200: page_of(DeliveryOut, "WebhookDeliveryPage"), **errors(*READ_ERRORS)},
    )
    def get(self, request, subscription_id: int):
        subscription = self.subscription(subscription_id)
        params = self.query(self.FilterSerializer)
        queryset = selectors.deliveries_of(subscription.pk, failed_only=params.get("failed", False))
        page = paginate(queryset, self.ORDERING, cursor=params.get("cursor"), page_size=params.get("page_size", 50))
        return self.page_response(page, [delivery_out(d) for d in page.items])


class WebhookTestApi(WebhookView):
    """Send a `webhook.test` event to this endpoint now (also when it is disabled)."""

    @extend_schema(
        operation_id="webhooks_test",
        request=None,
        parameters=[location(202)],
        responses={202: DeliveryOut, **errors(*WRITE_ERRORS)},
    )
    def post(self, request, subscription_id: int):
        delivery = services.subscription_send_test(self.subscription(subscription_id))
        delivery = selectors.deliveries_of(delivery.subscription_id).get(pk=delivery.pk)
        return Response(
            delivery_out(delivery), status=status.HTTP_202_ACCEPTED, headers=self.log_location(subscription_id)
        )


class RedeliverIn(serializers.Serializer):
    delivery = serializers.IntegerField(required=False, min_value=1, help_text="One delivery to send again.")
    since = serializers.DateTimeField(required=False, help_text="Or every delivery made from this moment...")
    until = serializers.DateTimeField(required=False, help_text="...until this one (default: now).")

    class Meta:
        ref_name = "WebhookRedeliverInput"


class WebhookRedeliverApi(WebhookView):
    """Send one delivery, or those of a time range, again (same webhook-id: receivers drop duplicates)."""

    @extend_schema(
        operation_id="webhooks_redeliver",
        request=RedeliverIn,
        parameters=[location(202)],
        responses={
            202: inline_serializer("WebhookRedelivered", {"redelivered": serializers.IntegerField()}),
            **errors(*WRITE_ERRORS),
        },
    )
    def post(self, request, subscription_id: int):
        subscription = self.subscription(subscription_id)
        values = self.body(RedeliverIn)
        if ("delivery" in values) == ("since" in values):
            raise ApplicationError(
                "Give either a delivery or a time range (since, optionally until).",
                fields={"non_field_errors": ["Either delivery or since."]},
            )
        count = services.redeliver(
            subscription, delivery_id=values.get("delivery"), since=values.get("since"), until=values.get("until")
        )
        if "delivery" in values and not count:
            raise NotFound(f"Delivery {values['delivery']} of this endpoint does not exist.")
        return Response(
            {"redelivered": count}, status=status.HTTP_202_ACCEPTED, headers=self.log_location(subscription_id)
        )
