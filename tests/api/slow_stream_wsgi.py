"""A WSGI app that streams one line every 0.6 s for about 6 s (tests/api/test_export.py runs it under gunicorn)."""

import time


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/x-ndjson")])

    def lines():
        for n in range(10):
            time.sleep(0.6)
            yield f'{{"n": {n}}}\n'.encode()
        yield b'{"type": "cursor"}\n'

    return lines()
