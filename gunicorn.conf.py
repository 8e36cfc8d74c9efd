"""gunicorn settings, read by every `gunicorn` started in this folder (the Dockerfile's and compose's web).

Requests gunicorn refuses itself (request line too long, malformed headers such as a bad
Content-Length, broken chunked encoding) are answered in the API's JSON error shape, not in HTML.

Workers are gthread workers, with one thread each by default: one request at a time per process, as
with sync workers, but the worker's main thread keeps telling gunicorn it is alive while the request
runs, so a long streamed answer -- the claims export, minutes for a million claims -- is not killed by
the worker timeout (30 s) in the middle of the download, as a sync worker's would be. `--threads N`
lets each process answer N requests at once; `--worker-class sync` (with one thread) restores sync workers.
"""

from registry.gunicorn_errors import install

worker_class = "gthread"

install()
