"""Real validators behind the KYC step: python-stdnum for national and tax identifiers, phonenumbers,
email-validator (syntax only: no DNS, the engine does no I/O) and pycountry. Each returns None when the
value is valid, else a short reason."""

from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType
from typing import Any

import phonenumbers
import pycountry
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.util import get_cc_module

# Identifier kinds as clients name them → python-stdnum module, per country. Anything not listed falls
# back to `stdnum.<cc>.<kind in lower case>` when python-stdnum has such a module.
_MODULES: dict[tuple[str, str], str] = {
    ("US", "SSN"): "stdnum.us.ssn",
    ("US", "EIN"): "stdnum.us.ein",
    ("US", "ITIN"): "stdnum.us.itin",
    ("US", "TIN"): "stdnum.us.tin",
    ("US", "TAX_ID"): "stdnum.us.tin",
    ("AU", "TFN"): "stdnum.au.tfn",
    ("AU", "ABN"): "stdnum.au.abn",
    ("AU", "ACN"): "stdnum.au.acn",
    ("GB", "UTR"): "stdnum.gb.utr",
    ("GB", "VAT"): "stdnum.gb.vat",
    ("GB", "NHS"): "stdnum.gb.nhs",
    ("CA", "SIN"): "stdnum.ca.sin",
    ("CA", "BN"): "stdnum.ca.bn",
    ("NL", "BSN"): "stdnum.nl.bsn",
    ("ES", "DNI"): "stdnum.es.dni",
    ("ES", "NIE"): "stdnum.es.nie",
    ("IT", "CODICE_FISCALE"): "stdnum.it.codicefiscale",
    ("FR", "NIR"): "stdnum.fr.nir",
    ("DE", "IDNR"): "stdnum.de.idnr",
    ("IN", "PAN"): "stdnum.in_.pan",
    ("IN", "AADHAAR"): "stdnum.in_.aadhaar",
    ("BR", "CPF"): "stdnum.br.cpf",
    ("BR", "CNPJ"): "stdnum.br.cnpj",
}
# Document types that name no number scheme of their own: the country's generic modules are tried.
_GENERIC_KINDS = {"NATIONAL_ID": ("personalid", "idnr", "tin"), "TAX_ID": ("tin", "vat")}


@lru_cache(maxsize=512)
def identifier_module(kind: str, country: str | None) -> ModuleType | None:
    """The python-stdnum module validating identifiers of this kind in this country, None if unknown."""
    if not country:
        return None
    cc, key = country.upper(), kind.upper()
    if (cc, key) in _MODULES:
        return importlib.import_module(_MODULES[(cc, key)])
    for name in _GENERIC_KINDS.get(key, (key.lower(),)):
        module: Any = get_cc_module(cc.lower(), name)
        if isinstance(module, ModuleType):
            return module
    return None


def identifier_problem(kind: str, value: str, country: str | None) -> str | None:
    module = identifier_module(kind, country)
    if module is None:
        return None  # no scheme known: nothing to say about the number
    try:
        module.validate(value)
    except StdnumError as exc:
        return f"not a valid {country} {kind}: {exc}"
    return None


def email_problem(value: str) -> str | None:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


def phone_problem(value: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        return str(exc)
    if not phonenumbers.is_valid_number(number):
        return "not a valid phone number" + (f" for {region}" if region else "")
    return None


@lru_cache(maxsize=512)
def country_alpha2(value: str) -> str | None:
    """ISO 3166 alpha-2 of an alpha-2 or alpha-3 code, None when it is no country."""
    code = value.strip().upper()
    if len(code) == 2:
        country = pycountry.countries.get(alpha_2=code)
    elif len(code) == 3:
        country = pycountry.countries.get(alpha_3=code)
    else:
        return None
    return None if country is None else str(country.alpha_2)
