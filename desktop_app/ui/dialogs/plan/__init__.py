"""The KTP dialogs: the editor, the file and folder imports, copying, dates, the association's outcome, the history."""
