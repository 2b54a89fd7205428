"""Printed documents (documents.md): one builder module per kind, on ReportLab."""

from desktop_app.documents.reportlab_import import import_paragraph

import_paragraph()
