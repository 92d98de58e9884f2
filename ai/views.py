def assistant(r):
    pass


def feature_page(r, feature):
    pass


def save_draft(r, token):
    pass
