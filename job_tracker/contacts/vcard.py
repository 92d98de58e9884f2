"""One contact as a vCard 3.0 card (vobject), the version every address book imports."""

import vobject


def contact_vcard(contact) -> str:
    card = vobject.vCard()
    card.add("fn").value = contact.name
    parts = contact.name.rsplit(" ", 1)
    family, given = (parts[1], parts[0]) if len(parts) == 2 else (parts[0], "")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.role:
        card.add("title").value = contact.role
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.phone:
        card.add("tel").value = contact.phone
    if contact.linkedin_url:
        card.add("url").value = contact.linkedin_url
    if contact.notes:
        card.add("note").value = contact.notes
    card.add("uid").value = f"resumate-contact-{contact.pk}"
    return card.serialize()
