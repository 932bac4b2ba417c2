"""Schemathesis hooks for tests/api/fuzz.test.ts (loaded through the generated schemathesis.toml).

- Inbound webhooks are signed per Standard Webhooks with the source's current secret, so the
  generated bodies get past the signature and reach the body validation and the effects. The
  secrets come from the test (RELANCE_FUZZ_INBOUND_SECRETS) and follow the fuzzer's own
  PUT /v1/inbound-sources/{source}, which rotates them.
  A source the fuzzer deletes is put back at once, for the same reason.
- The fuzzer may not revoke the API key it fuzzes with (a later GET /v1/api-keys shows its id):
  such a DELETE goes to a spare key instead, and every other operation keeps being tested.
"""

import base64
import hashlib
import hmac
import itertools
import json
import os
import time

import requests
import schemathesis
from schemathesis.core import NotSet

SECRETS = json.loads(os.environ.get("RELANCE_FUZZ_INBOUND_SECRETS", "{}"))
FUZZ_KEY_ID = os.environ["RELANCE_FUZZ_KEY_ID"]
SPARE_KEY_ID = os.environ["RELANCE_FUZZ_SPARE_KEY_ID"]
_ids = itertools.count()
SIGNATURE_HEADERS = {"webhook-id", "webhook-timestamp", "webhook-signature"}


def _sign(secret: str, message_id: str, timestamp: str, raw: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{message_id}.{timestamp}.".encode() + raw, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def _message_id(generated: object) -> str:
    # A generated id is kept when it can travel in a header, so replays (200 duplicate) happen too.
    if isinstance(generated, str) and 0 < len(generated) <= 255 and generated.isascii() and generated.isprintable():
        return generated
    return f"fuzz-{next(_ids)}"


@schemathesis.hook
def before_call(context, case, kwargs):
    path = case.operation.path
    if case.method.upper() == "DELETE" and path == "/v1/api-keys/{keyId}":
        if (case.path_parameters or {}).get("keyId") == FUZZ_KEY_ID:
            case.path_parameters = {**case.path_parameters, "keyId": SPARE_KEY_ID}
        return
    if not path.startswith("/v1/inbound/"):
        return
    secret = SECRETS.get(path.rsplit("/", 1)[1])
    headers = dict(case.headers or {})
    # A case that leaves a signature header out tests that refusal: it goes unsigned.
    if secret is None or not SIGNATURE_HEADERS <= headers.keys():
        return
    if isinstance(case.body, NotSet):
        raw = b""
    elif isinstance(case.body, (bytes, bytearray)):
        raw = bytes(case.body)
    elif case.media_type in (None, "application/json"):
        raw = json.dumps(case.body).encode()
    else:
        return
    message_id = _message_id(headers.get("webhook-id"))
    timestamp = str(int(time.time()))
    headers.update({"webhook-id": message_id, "webhook-timestamp": timestamp, "webhook-signature": _sign(secret, message_id, timestamp, raw)})
    case.headers = headers
    kwargs["data"] = raw


@schemathesis.hook
def after_call(context, case, response):
    if case.operation.path != "/v1/inbound-sources/{source}":
        return
    method = case.method.upper()
    # PUT rotates the secret: sign with the new one from now on.
    if method == "PUT" and response.status_code in (200, 201):
        body = response.json()
        SECRETS[body["source"]] = body["secret"]
    # DELETE removes the source: put it back, or every later delivery of it is a plain 401.
    elif method == "DELETE" and response.status_code == 204:
        url = response.request.url
        again = requests.put(url, headers={"Authorization": f"Bearer {os.environ['RELANCE_FUZZ_KEY']}"}, timeout=20)
        again.raise_for_status()
        body = again.json()
        SECRETS[body["source"]] = body["secret"]
