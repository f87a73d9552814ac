"""`business.create | get | update | addOwner | getOwner | listOwners`."""

from __future__ import annotations

from clearway.api.kompliant import presenters, schemas
from clearway.api.kompliant.methods.changes import sent_fields
from clearway.api.kompliant.registry import CallContext, registry
from clearway.applications import service as applications
from clearway.parties import service as parties

ENTITY, OWNER = "Business", "BusinessOwner"


@registry.method(
    "business.create",
    schemas.BusinessCreateRequest,
    schemas.BusinessCreated,
    "Create the business of a subject record (at most one).",
)
def create(context: CallContext, request: schemas.BusinessCreateRequest) -> schemas.BusinessCreated:
    record = applications.get_subject_record(context.session, context.account.id, request.subject_record_id)
    business = parties.create_business(
        context.session, context.account, record, sent_fields(request.business)
    )
    context.audit(ENTITY, business.id, None, parties.snapshot(business, parties.BUSINESS_FIELDS))
    return schemas.BusinessCreated(business_id=business.id)


@registry.method(
    "business.get",
    schemas.BusinessIdRequest,
    schemas.BusinessOut,
    "A business; `verbose` embeds its owners; tax id masked unless `show_sensitive_data`.",
)
def get(context: CallContext, request: schemas.BusinessIdRequest) -> schemas.BusinessOut:
    business = parties.get_business(context.session, context.account.id, request.business_id)
    return presenters.business(context.session, business, request.verbose, request.show_sensitive_data)


@registry.method(
    "business.update",
    schemas.BusinessUpdateRequest,
    schemas.Empty,
    "Partial update: omitted fields keep their values, null unsets, [] clears a list.",
)
def update(context: CallContext, request: schemas.BusinessUpdateRequest) -> schemas.Empty:
    business = parties.get_business(context.session, context.account.id, request.business_id)
    before = parties.snapshot(business, parties.BUSINESS_FIELDS)
    parties.update_business(context.session, business, sent_fields(request.business))
    context.audit(ENTITY, business.id, before, parties.snapshot(business, parties.BUSINESS_FIELDS))
    return schemas.Empty()


@registry.method(
    "business.addOwner",
    schemas.BusinessAddOwnerRequest,
    schemas.BusinessOwnerCreated,
    "Add a person of the subject record as an owner of its business.",
)
def add_owner(context: CallContext, request: schemas.BusinessAddOwnerRequest) -> schemas.BusinessOwnerCreated:
    business = parties.get_business(context.session, context.account.id, request.business_id)
    person = parties.get_person(
        context.session, context.account.id, request.owner.person_id, "owner.person_id"
    )
    changes = sent_fields(request.owner)
    owner = parties.add_owner(context.session, context.account, business, person, changes)
    context.audit(
        OWNER,
        owner.id,
        None,
        {"business_id": business.id, **parties.snapshot(owner, parties.OWNER_FIELDS), "person_id": person.id},
    )
    return schemas.BusinessOwnerCreated(business_owner_id=owner.id)


@registry.method(
    "business.getOwner",
    schemas.BusinessOwnerIdRequest,
    schemas.BusinessOwnerOut,
    "A business owner; `verbose` embeds the person.",
)
def get_owner(context: CallContext, request: schemas.BusinessOwnerIdRequest) -> schemas.BusinessOwnerOut:
    owner = parties.get_owner(context.session, context.account.id, request.business_owner_id)
    return presenters.owner(context.session, owner, request.verbose, request.show_sensitive_data)


@registry.method(
    "business.listOwners",
    schemas.BusinessIdRequest,
    schemas.BusinessOwnerList,
    "The owners of a business; `verbose` embeds each person.",
)
def list_owners(context: CallContext, request: schemas.BusinessIdRequest) -> schemas.BusinessOwnerList:
    business = parties.get_business(context.session, context.account.id, request.business_id)
    owners = parties.list_owners(context.session, business)
    return schemas.BusinessOwnerList(
        business_owners=[
            presenters.owner(context.session, o, request.verbose, request.show_sensitive_data) for o in owners
        ]
    )
