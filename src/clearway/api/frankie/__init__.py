"""The verification dialect ("FrankieOne-style" REST under `/v2`): header auth, routes, wire schemas and
the one mapping of domain errors to the vendor's `Error` format."""
