"""The Plans section: the list and its filters (``section``), the dialogs and printing (``dialogs``),
the selection and the steps (``steps``)."""

from desktop_app.ui.views.plans.section import PlansView

__all__ = ["PlansView"]
