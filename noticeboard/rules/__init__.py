"""Checks beyond types, one module per concern."""
