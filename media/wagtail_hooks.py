from wagtail import hooks

from media.h5p_admin import H5PPackageViewSet


@hooks.register("register_admin_viewset")
def register_h5p_packages():
    return H5PPackageViewSet("h5p_packages")
