# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the cost of encrypting and decrypting one personal field (AES-256-GCM).

    /work/main/.venv/bin/python benchmarks/crypto_fields.py [iterations]

Prints microseconds per operation for a short field (a name) and a long one
(a referral summary), for unwrapping a resident's data key, and for reading
an attribute of a loaded model (key already unwrapped and cached).
"""

import statistics
import sys
import time

import _setup  # noqa: F401  (sets up the import path and settings)


def per_op_us(fn, iterations: int, repeats: int = 5) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(iterations):
            fn()
        runs.append((time.perf_counter() - start) / iterations * 1e6)
    return statistics.median(runs)


def main(iterations: int) -> None:
    import django

    django.setup()
    from referrals.models import Resident, crypto

    key = crypto.new_data_key()
    short, long = "Oosterhuis-Bakkali", "Aanmaningen van de energieleverancier; wil hulp bij een regeling. " * 8
    aad = "referrals.resident.family_name:6f1c0d9e-0000-4000-8000-000000000000"
    short_ct, long_ct = crypto.encrypt_value(key, short, aad), crypto.encrypt_value(key, long, aad)
    master = crypto.current_master_key()
    wrapped = crypto.wrap_data_key(key, "6f1c0d9e", master)
    resident = Resident()
    # A data key that exists already: a new one would be wrapped through the key checks (a database).
    resident.wrapped_data_key = crypto.wrap_data_key(key, str(resident.uid), master)
    resident.family_name = short

    rows = [
        (f"encrypt {len(short)} chars", per_op_us(lambda: crypto.encrypt_value(key, short, aad), iterations)),
        (f"decrypt {len(short)} chars", per_op_us(lambda: crypto.decrypt_value(key, short_ct, aad), iterations)),
        (f"encrypt {len(long)} chars", per_op_us(lambda: crypto.encrypt_value(key, long, aad), iterations)),
        (f"decrypt {len(long)} chars", per_op_us(lambda: crypto.decrypt_value(key, long_ct, aad), iterations)),
        ("unwrap a data key (master key)", per_op_us(lambda: crypto.unwrap_data_key(wrapped, "6f1c0d9e"), iterations)),
        ("read resident.family_name (cached key)", per_op_us(lambda: resident.family_name, iterations)),
    ]
    print(f"Field encryption, AES-256-GCM, median of 5 runs x {iterations} iterations")
    for label, us in rows:
        print(f"  {label:<42} {us:8.1f} µs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
