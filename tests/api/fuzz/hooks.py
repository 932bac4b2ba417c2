"""Schemathesis hooks for tests/api/fuzz.test.ts (loaded through the generated schemathesis.toml).

- Inbound webhooks are signed per Standard Webhooks, so the generated bodies get past the
  signature and reach the body validation and the effects. The fuzzer itself rotates and deletes
  the sources' secrets (PUT/DELETE /v1/inbound-sources/{source}), so each signed delivery first
  takes a fresh secret with that same PUT. A case that leaves a signature header out goes
  unsigned: it tests that refusal.
- The fuzzer may not revoke the API key it fuzzes with (a later GET /v1/api-keys shows its id):
  such a DELETE goes to a spare key instead, and every other operation keeps being tested.
- Generated Idempotency-Keys recur ("0", "a"): the API rightly answers a repeated key with the
  first request's stored answer, whose resource may have been deleted since, and the stateful
  phase reads that as "created resource not found". A valid key is made unique per request; an
  invalid one is left as generated, to test its refusal (replays have their own tests).
"""

import base64
import hashlib
import hmac
import itertools
import json
import os
import re
import time

import requests
import schemathesis
from schemathesis.core import NotSet

API = os.environ["RELANCE_FUZZ_API"]
FUZZ_KEY = os.environ["RELANCE_FUZZ_KEY"]
FUZZ_KEY_ID = os.environ["RELANCE_FUZZ_KEY_ID"]
SPARE_KEY_ID = os.environ["RELANCE_FUZZ_SPARE_KEY_ID"]
SIGNATURE_HEADERS = {"webhook-id", "webhook-timestamp", "webhook-signature"}
_ids = itertools.count()
IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,240}$")


def _fresh_secret(source: str) -> str:
    res = requests.put(f"{API}/v1/inbound-sources/{source}", headers={"Authorization": f"Bearer {FUZZ_KEY}"}, timeout=20)
    res.raise_for_status()
    return res.json()["secret"]


def _sign(secret: str, message_id: str, timestamp: str, raw: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{message_id}.{timestamp}.".encode() + raw, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def _message_id(generated: object) -> str:
    # A generated id is kept when it travels unchanged in a header, so replays (200 duplicate) happen too.
    if isinstance(generated, str) and 0 < len(generated) <= 255 and generated.isascii() and generated.isprintable() and generated == generated.strip():
        return generated
    return f"fuzz-{next(_ids)}"


@schemathesis.hook
def before_call(context, case, kwargs):
    path = case.operation.path
    key = (case.headers or {}).get("idempotency-key")
    if isinstance(key, str) and IDEMPOTENCY_KEY.match(key):
        case.headers = {**case.headers, "idempotency-key": f"{key}.{next(_ids)}"}
    if case.method.upper() == "DELETE" and path == "/v1/api-keys/{keyId}":
        if (case.path_parameters or {}).get("keyId") == FUZZ_KEY_ID:
            case.path_parameters = {**case.path_parameters, "keyId": SPARE_KEY_ID}
        return
    if not path.startswith("/v1/inbound/"):
        return
    headers = dict(case.headers or {})
    if not SIGNATURE_HEADERS <= headers.keys():
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
    secret = _fresh_secret(path.rsplit("/", 1)[1])
    headers.update({"webhook-id": message_id, "webhook-timestamp": timestamp, "webhook-signature": _sign(secret, message_id, timestamp, raw)})
    case.headers = headers
    kwargs["data"] = raw


