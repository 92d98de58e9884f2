import pytest


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the rebuild) as a real commit would, inside the test transaction."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run
