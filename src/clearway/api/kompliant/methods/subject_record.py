"""`subjectRecord.create | get | list`."""

from __future__ import annotations

from clearway.api.kompliant import presenters, schemas
from clearway.api.kompliant.registry import CallContext, registry
from clearway.applications import service as applications

ENTITY = "SubjectRecord"


@registry.method(
    "subjectRecord.create",
    schemas.SubjectRecordCreateRequest,
    schemas.SubjectRecordCreated,
    "Create a subject record: the container of one business and its persons.",
)
def create(context: CallContext, request: schemas.SubjectRecordCreateRequest) -> schemas.SubjectRecordCreated:
    record = applications.create_subject_record(context.session, context.account, request.type)
    context.audit(ENTITY, record.id, None, {"type": record.type})
    return schemas.SubjectRecordCreated(subject_record_id=record.id)


@registry.method(
    "subjectRecord.get",
    schemas.SubjectRecordIdRequest,
    schemas.SubjectRecordOut,
    "A subject record; `verbose` embeds its business, persons and workflows.",
)
def get(context: CallContext, request: schemas.SubjectRecordIdRequest) -> schemas.SubjectRecordOut:
    record = applications.get_subject_record(context.session, context.account.id, request.subject_record_id)
    return presenters.subject_record(context.session, record, request.verbose, request.show_sensitive_data)


@registry.method(
    "subjectRecord.list",
    schemas.SubjectRecordListRequest,
    schemas.SubjectRecordList,
    "Every subject record of the account.",
)
def list_(context: CallContext, request: schemas.SubjectRecordListRequest) -> schemas.SubjectRecordList:
    records = applications.list_subject_records(context.session, context.account.id)
    return schemas.SubjectRecordList(
        subject_records=[
            presenters.subject_record(context.session, record, request.verbose, request.show_sensitive_data)
            for record in records
        ]
    )
