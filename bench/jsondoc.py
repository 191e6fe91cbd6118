"""The JSON document both parsers decode, generated from a seed.

Generated rather than checked in: a megabyte of fixture in git says less than
the twenty lines that make it, and the same seed and size give the same bytes
on every machine (``random.Random`` with an integer seed is stable across
Python versions for ``random()`` and ``randrange()``).  The records mix what
real API payloads carry: integers, floats, booleans, nested objects, arrays,
escaped quotes and non-ASCII text.
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

SEED = 16

_FIRST = ["Ada", "Björn", "Chiara", "Dmitri", "Élodie", "Farah", "Grace", "Hiro"]
_LAST = ["Okafor", "Lindqvist", "Rossi", "Ivanov", "Dubois", "Haddad", "Hopper"]
_CITIES = ["Zürich", "São Paulo", "Kraków", "Osaka", "Lagos", "Montréal", "Oslo"]
_COUNTRIES = ["CH", "BR", "PL", "JP", "NG", "CA", "NO"]
_STREETS = ["Main St", "Hauptstraße", "Rue de la Paix", "Calle Mayor", "Via Roma"]
_TAGS = ["admin", "beta", "billing", "eu", "mobile", "newsletter", "trial", "vip"]
_STATUS = ["pending", "paid", "shipped", "delivered", "refunded"]
_WORDS = [
    "fast", "simple", "safe", "concurrent", "garbage", "ownership", "borrow",
    "channel", "goroutine", "trait", "interface", "generic", "compile",
    "runtime", "deploy", "binary", "latency", "throughput",
]  # fmt: skip


def _user(rng: random.Random, ident: int) -> tuple[dict[str, object], int]:
    """One user record and how many orders it holds."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    city = rng.randrange(len(_CITIES))
    bio = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(8, 24)))
    orders = [
        {
            "id": ident * 100 + n,
            "total": round(rng.random() * 500, 2),
            "items": rng.randrange(1, 12),
            "status": rng.choice(_STATUS),
        }
        for n in range(rng.randrange(0, 5))
    ]
    user = {
        "id": ident,
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower()}{ident}@example.com",
        "active": rng.random() < 0.7,
        "score": round(rng.random() * 100, 3),
        "tags": rng.sample(_TAGS, rng.randrange(0, 4)),
        "address": {
            "street": f"{rng.randrange(1, 300)} {rng.choice(_STREETS)}",
            "city": _CITIES[city],
            "zip": f"{rng.randrange(10000, 99999)}",
            "country": _COUNTRIES[city],
        },
        "orders": orders,
        "bio": f'Says "{bio}".\nLikes {rng.choice(_WORDS)} → {rng.choice(_WORDS)}.',
    }
    return user, len(orders)


def generate(size: int, seed: int = SEED) -> bytes:
    """Users until the document reaches ``size`` bytes (it ends within one
    record, about 500 bytes, above it), as compact UTF-8 JSON."""
    rng = random.Random(seed)
    users: list[dict[str, object]] = []
    orders = 0
    length = 60  # the envelope around the users array, at most
    while length < size:
        user, user_orders = _user(rng, len(users) + 1)
        users.append(user)
        orders += user_orders
        length += len(_dump(user)) + 1
    return _dump({"seed": seed, "count": len(users), "orders": orders, "users": users})


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def write(path: Path, size: int, seed: int = SEED) -> int:
    """Write the document unless an identical one is already there; return
    its size in bytes."""
    data = generate(size, seed)
    if not path.exists() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return len(data)
