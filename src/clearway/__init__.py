"""Clearway: self-hosted KYC/KYB onboarding and compliance decisions."""

__version__ = "0.1.0"
