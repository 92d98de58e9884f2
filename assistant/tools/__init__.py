"""The tools an assistant may call: each a thin call into a service or selector of its app.

Arguments are validated by the API's own serializers, so a tool refuses what the API refuses,
with the same field names. Importing this package registers every tool with the server.
"""

from . import career, jobs, writing  # noqa: F401
