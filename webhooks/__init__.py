"""Signed webhooks (Standard Webhooks): subscriptions, events read from the change log, deliveries."""
