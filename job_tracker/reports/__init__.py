"""Weekly reports: numbers per user and week, recommendations, charts, e-mail.

``metrics`` computes a batch of users at once, ``services`` stores and sends,
``charts`` draws, ``emails`` renders and sends one message, ``tasks`` runs the
weekly schedule.
"""
