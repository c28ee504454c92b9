# The Debian package (`make package`): CPack's DEB generator over the
# install rules of cmake/install.cmake. Configure the build with
#   -DCMAKE_INSTALL_PREFIX=/usr -DPATHRANK_INSTALL_SYSCONFDIR=/etc
# so that the config file lands in /etc/pathrank/ and the unit in
# /usr/lib/systemd/system (scripts/check-deb.sh checks the file list).

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pathrank)
set(CPACK_PACKAGE_VENDOR "pathrank")
set(CPACK_PACKAGE_CONTACT "pathrank maintainers <pathrank@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}: learning-path engine, library and server")
set(CPACK_PACKAGE_DESCRIPTION
  "pathrank ranks what a learner should learn next from a catalog of topics joined by weighted prerequisites, explains each ranking and plans the path to a goal. This package holds the pathrank command and REST server (with a systemd unit), the embeddable library libpathrank (shared and static, C++ and C APIs), its headers, CMake and pkg-config files, the data-source plugins and the shipped catalogs.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# Absolute destinations (/etc/pathrank) are staged under DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dpkg-shlibdeps (dpkg-dev) fills Depends
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/packaging/conffiles)
file(WRITE ${PROJECT_BINARY_DIR}/packaging/conffiles
  "${PATHRANK_FULL_SYSCONFDIR}/pathrank/pathrank.json\n")
include(CPack)
