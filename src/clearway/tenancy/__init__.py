"""Accounts (tenants), child accounts, settings and credentials."""
