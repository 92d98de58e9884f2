"""Contacts and company records: writes and the rules they keep."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from rest_framework.exceptions import ValidationError

from job_tracker.models import Company, Contact

CONTACT_FIELDS = frozenset({"name", "role", "company", "email", "phone", "linkedin_url", "notes"})
COMPANY_FIELDS = frozenset({"website", "size", "notes"})


def _clean(instance, *, exclude=("user",)) -> None:
    try:
        instance.full_clean(exclude=list(exclude), validate_constraints=False)
    except DjangoValidationError as exc:
        raise ValidationError(exc.message_dict) from exc


def _owned(user, rows, field: str):
    rows = list(rows or [])
    if any(row.user_id != user.pk for row in rows):
        raise ValidationError({field: ["Not found."]})
    return rows


@transaction.atomic
def contact_create(*, user, applications=(), **fields) -> Contact:
    """A contact of ``user`` linked to some of their applications (anyone else's is a field error)."""
    if set(fields) - CONTACT_FIELDS:
        raise TypeError(f"Not editable: {', '.join(sorted(set(fields) - CONTACT_FIELDS))}")
    applications = _owned(user, applications, "applications")
    contact = Contact(user=user, **fields)
    _clean(contact)
    contact.save()
    contact.applications.set(applications)
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, applications=None, **fields) -> Contact:
    """Change fields; ``applications`` (when given) replaces the linked applications."""
    if set(fields) - CONTACT_FIELDS:
        raise TypeError(f"Not editable: {', '.join(sorted(set(fields) - CONTACT_FIELDS))}")
    for name, value in fields.items():
        setattr(contact, name, value)
    _clean(contact)
    contact.save()
    if applications is not None:
        contact.applications.set(_owned(contact.user, applications, "applications"))
    return contact


def contact_delete(*, contact: Contact) -> None:
    contact.delete()


def company_key(name: str) -> str:
    return " ".join((name or "").split()).casefold()[:200]


def company_ensure(*, user, name: str) -> Company | None:
    """The user's record for employer ``name`` (case-insensitive), created empty the first time."""
    name = (name or "").strip()
    if not name:
        return None
    key = company_key(name)
    found = Company.objects.filter(user=user, name_key=key).first()
    if found:
        return found
    try:
        with transaction.atomic():
            return Company.objects.create(user=user, name=name[:200], name_key=key)
    except IntegrityError:  # created meanwhile by a parallel request
        return Company.objects.get(user=user, name_key=key)


def company_update(*, company: Company, **fields) -> Company:
    if set(fields) - COMPANY_FIELDS:
        raise TypeError(f"Not editable: {', '.join(sorted(set(fields) - COMPANY_FIELDS))}")
    for name, value in fields.items():
        setattr(company, name, value)
    _clean(company)
    company.save()
    return company
