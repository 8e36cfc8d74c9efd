"""gunicorn settings, read by every `gunicorn` started in this folder (the Dockerfile's and compose's web).

Requests gunicorn refuses itself (request line too long, malformed headers such as a bad
Content-Length, broken chunked encoding) are answered in the API's JSON error shape, not in HTML.
"""

from registry.gunicorn_errors import install

install()
