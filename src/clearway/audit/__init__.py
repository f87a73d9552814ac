"""The tamper-evident audit trail: every mutation, hash-chained per account."""
