"""The application dialect (Kompliant-style RPC): `POST /<object>.<verb>`, `{meta, data}` envelopes, KSig1."""
