"""Locust load for bench/api_load.py: the filtered claims list, with a token, on loopback."""

import os
import random
import sys
from pathlib import Path

from locust import FastHttpUser, constant, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_filters import FILTERS


class Tool(FastHttpUser):
    wait_time = constant(0)

    auth = {"Authorization": f"Bearer {os.environ.get('BENCH_API_TOKEN', '')}"}

    @task
    def filtered_claims(self) -> None:
        query = random.choice(FILTERS)
        self.client.get(
            f"/api/v1/claims/?{query}&page_size=50", name="claims (filtered)", headers=self.auth
        )
