"""Exports of a collation: CSV, JSON, XLSX, SQLite, report."""
