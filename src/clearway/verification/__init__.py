"""Verification: workflow definitions, the engine and its steps, executions, results, risk, overrides."""
