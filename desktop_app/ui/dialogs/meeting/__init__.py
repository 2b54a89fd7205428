"""The meeting editor: header and attendance, the agenda, autosave of drafts."""

from desktop_app.ui.dialogs.meeting.editor import MeetingDialog

__all__ = ["MeetingDialog"]
