"""What every face of the app (web UI, admin, API) shares about HTTP, below all of them."""
