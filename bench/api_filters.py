"""The claims-list filters that bench/api_load.py counts queries for and locust requests."""

FILTERS = [
    "state=in_review&kind=area",
    "outcome=inconsistent&kind=length",
    "state=published&rating=3",
    "search=Kupyansk&state=new",
    "qualifier=exact&si_value_min=100&si_value_max=5000",
]
