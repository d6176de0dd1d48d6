"""The Settings dialog's parts: form tabs over the profile text, the text tab, device rows.

The profile's TOML text is the one source of truth: a form edit rewrites the text through
``console.profile_form``, a text edit refreshes the forms, ``profile_edit.validate_text`` checks
both, and its error is shown on the widget of the field it names.
"""
