"""Demo data of the resumes app for ``seed_demo``."""


def seed(*, staff, demo, stdout):
    from resumes.integrations import demo as integrations_demo

    integrations_demo.seed(staff=staff, demo=demo, stdout=stdout)
