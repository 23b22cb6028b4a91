"""The form side of ``StoredFileField``: a file input that uploads on its own.

With JavaScript, choosing a file starts a direct upload (to S3, or streamed
to Chaînon on local storage) with a progress bar, a cancel button and a
resume button after a dropped connection; the form then submits a short
signed token instead of the bytes. Without JavaScript the same input posts
the file with the form, and the same rules apply to it.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from media import sniff
from media.messages import refusal_message
from media.upload_rules import UploadRefused, check_declaration, normalise_content_type


@dataclass(frozen=True)
class UploadToken:
    """The signed proof, posted by the widget, that an upload is ready."""

    token: str


class DirectUploadWidget(forms.ClearableFileInput):
    template_name = "media/widgets/direct_upload.html"

    def __init__(self, *, target="", content_types=(), max_size=None, attrs=None):
        self.target = target
        self.content_types = tuple(content_types)
        self.max_size = max_size
        attrs = dict(attrs or {})
        if self.content_types:
            attrs.setdefault("accept", ",".join(self.content_types))
        super().__init__(attrs=attrs)

    @property
    def media(self):
        return forms.Media(
            js=[forms.Script("media/js/direct-upload.js", type="module")],
            css={"all": ["media/css/direct-upload.css"]},
        )

    def token_name(self, name):
        return f"{name}-upload"

    def value_from_datadict(self, data, files, name):
        token = data.get(self.token_name(name))
        if token and not files.get(name):
            if self.clear_checkbox_name(name) in data and not self.is_required:
                return forms.widgets.FILE_INPUT_CONTRADICTION
            return UploadToken(token)
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return self.token_name(name) not in data and super().value_omitted_from_data(
            data, files, name
        )

    def format_value(self, value):
        return None if isinstance(value, UploadToken) else super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["token_name"] = self.token_name(name)
        widget["token"] = value.token if isinstance(value, UploadToken) else ""
        widget["start_url"] = reverse("media-api:uploads")
        widget["target"] = self.target
        widget["max_size"] = self.max_size or settings.CHAINON_UPLOAD_MAX_SIZE
        widget["max_size_label"] = filesizeformat(widget["max_size"])
        return context


class DirectUploadField(forms.FileField):
    widget = DirectUploadWidget
    default_error_messages = {
        **forms.FileField.default_error_messages,
        "contradiction": _("Choose a new file or remove the current one, not both."),
    }

    def __init__(
        self, *, model_field=None, target="", max_size=None, content_types=(), **kwargs
    ):
        if model_field is not None:
            from media.targets import UploadTarget

            upload_target = UploadTarget(model_field)
            target = upload_target.name
            max_size = upload_target.max_size
            content_types = upload_target.content_types
        self.target = target
        self.max_size = max_size or settings.CHAINON_UPLOAD_MAX_SIZE
        self.content_types = tuple(content_types)
        widget = kwargs.get("widget")
        if (
            widget is None
            or isinstance(widget, type)
            or isinstance(widget, forms.ClearableFileInput)
        ):
            kwargs["widget"] = DirectUploadWidget(
                target=target, content_types=self.content_types, max_size=self.max_size
            )
        super().__init__(**kwargs)

    def bound_data(self, data, initial):
        """A form shown again after an error keeps the finished upload."""
        if isinstance(data, UploadToken):
            return data
        return super().bound_data(data, initial)

    def _clean_bound_field(self, bound_field):
        # A form that knows who is editing (Wagtail's admin forms set
        # ``for_user``; front-end forms may too) only takes that person's
        # tokens; a model form's record may post its own file's token again.
        form = bound_field.form
        self._user = getattr(form, "for_user", None)
        current = getattr(getattr(form, "instance", None), bound_field.name, None)
        self._current_name = getattr(current, "name", "") or ""
        return super()._clean_bound_field(bound_field)

    def to_python(self, data):
        if isinstance(data, UploadToken):
            from media.uploads.service import UploadFailed, redeem

            try:
                return redeem(
                    data.token,
                    self.target,
                    getattr(self, "_user", None),
                    getattr(self, "_current_name", ""),
                ).name
            except UploadFailed as error:
                raise forms.ValidationError(error.message, code="upload") from None
        uploaded = super().to_python(data)
        if uploaded is not None:
            self._check_posted_file(uploaded)
        return uploaded

    def _check_posted_file(self, uploaded):
        """The same rules for a file posted with the form (no JavaScript)."""
        try:
            content_type = normalise_content_type(
                getattr(uploaded, "content_type", "") or "application/octet-stream"
            )
            check_declaration(
                size=uploaded.size,
                content_type=content_type,
                max_size=self.max_size,
                allowed_types=self.content_types,
            )
            uploaded.seek(0)
            head = uploaded.read(sniff.HEAD_LENGTH)
            uploaded.seek(0)
            if not sniff.content_matches(content_type, head):
                raise UploadRefused("content_mismatch", expected=content_type)
        except UploadRefused as error:
            raise forms.ValidationError(refusal_message(error), code="upload") from None
