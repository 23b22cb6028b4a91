"""Direct uploads: the browser sends a file straight to the storage (S3) or,
on local storage, streams it to Chaînon; ``service`` holds the steps."""
