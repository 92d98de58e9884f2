"""Contact pages (list, detail with every application and interview, form, vCard) and company pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.exceptions import ValidationError

from resumate.web import add_service_errors, paginate

from . import selectors, services
from .forms import CompanyForm, ContactForm
from .vcard import contact_vcard


@login_required
def contact_list(request):
    page = paginate(request, selectors.contact_list(user=request.user).order_by("name", "id"))
    return render(request, "job_tracker/contacts/list.html", {"page": page})


@login_required
def contact_detail(request, pk):
    contact = selectors.contact_get(user=request.user, pk=pk)
    context = {
        "contact": contact,
        "applications": selectors.contact_applications(contact=contact),
        "interviews": selectors.contact_interviews(contact=contact),
    }
    return render(request, "job_tracker/contacts/detail.html", context)


@login_required
def contact_form(request, pk=None):
    contact = selectors.contact_get(user=request.user, pk=pk) if pk else None
    form = ContactForm(request.POST or None, instance=contact, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if contact is None:
                contact = services.contact_create(user=request.user, **data)
            else:
                contact = services.contact_update(
                    contact=selectors.contact_get(user=request.user, pk=pk), **data
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved %(contact)s.") % {"contact": contact})
            return redirect("job_tracker:contact", pk=contact.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "job_tracker/contacts/form.html", {"form": form, "contact": contact}, status=status
    )


@login_required
@require_POST
def contact_delete(request, pk):
    contact = selectors.contact_get(user=request.user, pk=pk)
    services.contact_delete(contact=contact)
    messages.success(request, _("Deleted %(contact)s.") % {"contact": contact})
    return redirect("job_tracker:contacts")


@login_required
def contact_vcard_download(request, pk):
    contact = selectors.contact_get(user=request.user, pk=pk)
    response = HttpResponse(contact_vcard(contact), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(contact.name) or "contact"}.vcf"'
    return response


@login_required
def company_detail(request, pk):
    company = selectors.company_get(user=request.user, pk=pk)
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_update(
                company=selectors.company_get(user=request.user, pk=pk), **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("job_tracker:company", pk=company.pk)
    context = {
        "company": company,
        "form": form,
        "applications": selectors.company_applications(company=company),
        "postings": selectors.company_postings(company=company),
    }
    return render(request, "job_tracker/contacts/company.html", context, status=400 if form.errors else 200)


@login_required
def company_list(request):
    page = paginate(request, selectors.company_list(user=request.user))
    return render(request, "job_tracker/contacts/companies.html", {"page": page})
