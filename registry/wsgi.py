import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
application = get_wsgi_application()

from registry.staticfiles import report_static_files_problem  # noqa: E402  (needs the app registry loaded above)
from registry.warmup import warm_up_and_freeze  # noqa: E402

report_static_files_problem()
warm_up_and_freeze()
