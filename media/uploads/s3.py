"""Direct uploads to S3: the server signs, the browser carries the bytes.

Django never sees the file: it hands out presigned URLs (one PUT, or one per
numbered part), asks S3 what arrived, and finishes or aborts the upload.
Resuming after a dropped part is asking S3 which parts it already holds.
"""

from botocore.exceptions import ClientError
from django.conf import settings

from media.storage_access import error_code, s3_client, s3_key
from media.uploads import StoredObject


class S3Uploads:
    def __init__(self, storage):
        self.storage = storage
        self.client = s3_client(storage)
        self.bucket = storage.bucket_name
        # Upload URLs live shorter than download URLs: a URL signed before a
        # cancel must not be able to put the object back for long.
        self.expire = min(
            storage.querystring_expire, settings.CHAINON_UPLOAD_URL_EXPIRE
        )

    def _object(self, name: str) -> dict:
        return {"Bucket": self.bucket, "Key": s3_key(name, self.storage)}

    def start_multipart(self, upload) -> str:
        response = self.client.create_multipart_upload(
            **self._object(upload.name),
            ContentType=upload.content_type,
            **self._write_parameters(),
        )
        return response["UploadId"]

    def _write_parameters(self) -> dict:
        acl = self.storage.default_acl
        return {"ACL": acl} if acl else {}

    def single_url(self, upload) -> dict:
        """A PUT URL that signs the declared type and length: S3 refuses a
        body of another length or a request with another Content-Type."""
        url = self.client.generate_presigned_url(
            "put_object",
            Params={
                **self._object(upload.name),
                "ContentType": upload.content_type,
                "ContentLength": upload.size,
            },
            ExpiresIn=self.expire,
        )
        return {"url": url, "headers": {"Content-Type": upload.content_type}}

    def part_url(self, upload, number: int, length: int) -> str:
        """A PUT URL for one part that signs its length: S3 refuses a part
        of any other size, so nothing larger than declared is ever stored."""
        return self.client.generate_presigned_url(
            "upload_part",
            Params={
                **self._object(upload.name),
                "UploadId": upload.multipart_id,
                "PartNumber": number,
                "ContentLength": length,
            },
            ExpiresIn=self.expire,
        )

    def uploaded_parts(self, upload) -> dict[int, dict] | None:
        """``{number: {"size": .., "etag": ..}}`` of the parts S3 holds, or
        None when the multipart upload no longer exists (assembled already,
        or aborted)."""
        parts, marker = {}, 0
        while True:
            try:
                response = self.client.list_parts(
                    **self._object(upload.name),
                    UploadId=upload.multipart_id,
                    PartNumberMarker=marker,
                )
            except ClientError as error:
                if error_code(error) in ("NoSuchUpload", "404"):
                    return None
                raise
            for part in response.get("Parts", []):
                parts[part["PartNumber"]] = {"size": part["Size"], "etag": part["ETag"]}
            if not response.get("IsTruncated"):
                return parts
            marker = response["NextPartNumberMarker"]

    def finish_multipart(self, upload, parts: dict[int, dict]) -> None:
        self.client.complete_multipart_upload(
            **self._object(upload.name),
            UploadId=upload.multipart_id,
            MultipartUpload={
                "Parts": [
                    {"PartNumber": number, "ETag": parts[number]["etag"]}
                    for number in sorted(parts)
                ]
            },
        )

    def stat(self, upload) -> StoredObject | None:
        try:
            head = self.client.head_object(**self._object(upload.name))
        except ClientError as error:
            if error_code(error) in ("404", "NoSuchKey", "NotFound"):
                return None
            raise
        return StoredObject(head["ContentLength"], head.get("ContentType", ""))

    def read_head(self, upload, length: int) -> bytes:
        response = self.client.get_object(
            **self._object(upload.name), Range=f"bytes=0-{length - 1}"
        )
        with response["Body"] as body:
            return body.read(length)

    def discard(self, upload) -> None:
        self.discard_object(upload.name, upload.multipart_id)

    def discard_object(self, name: str, multipart_id: str = "") -> None:
        """Abort the multipart upload (S3 then drops its parts) and delete
        whatever object a single PUT or a finished upload left."""
        target = self._object(name)
        if multipart_id:
            try:
                self.client.abort_multipart_upload(**target, UploadId=multipart_id)
            except ClientError as error:
                if error_code(error) not in ("NoSuchUpload", "404"):
                    raise
        self.client.delete_object(**target)
