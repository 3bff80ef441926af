from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from factcheck.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("claims.api.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("claims.web.urls")),
]

handler404 = "claims.api.errors.json_not_found"
handler500 = "claims.api.errors.json_server_error"
