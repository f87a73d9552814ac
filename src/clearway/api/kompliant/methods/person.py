"""`person.create | get | list`."""

from __future__ import annotations

from clearway.api.kompliant import presenters, schemas
from clearway.api.kompliant.methods.changes import sent_fields
from clearway.api.kompliant.registry import CallContext, registry
from clearway.applications import service as applications
from clearway.parties import service as parties

ENTITY = "Person"


@registry.method(
    "person.create", schemas.PersonCreateRequest, schemas.PersonCreated, "Add a person to a subject record."
)
def create(context: CallContext, request: schemas.PersonCreateRequest) -> schemas.PersonCreated:
    record = applications.get_subject_record(context.session, context.account.id, request.subject_record_id)
    person = parties.create_person(context.session, context.account, record, sent_fields(request.person))
    context.audit(ENTITY, person.id, None, parties.snapshot(person, parties.PERSON_FIELDS))
    return schemas.PersonCreated(person_id=person.id)


@registry.method(
    "person.get",
    schemas.PersonIdRequest,
    schemas.PersonOut,
    "A person; the tax id is masked unless `show_sensitive_data` is true.",
)
def get(context: CallContext, request: schemas.PersonIdRequest) -> schemas.PersonOut:
    person = parties.get_person(context.session, context.account.id, request.person_id)
    return presenters.person(person, request.show_sensitive_data)


@registry.method(
    "person.list", schemas.PersonListRequest, schemas.PersonList, "The persons of a subject record."
)
def list_(context: CallContext, request: schemas.PersonListRequest) -> schemas.PersonList:
    record = applications.get_subject_record(context.session, context.account.id, request.subject_record_id)
    persons = parties.list_persons(context.session, record)
    return schemas.PersonList(persons=[presenters.person(p, request.show_sensitive_data) for p in persons])
