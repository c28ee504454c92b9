# Installation: `cmake --install <build> --prefix <dir>` puts under <dir>
#   bin/pathrank                         the command line and server
#   <libdir>/libpathrank.so*, libpathrank.a
#   <libdir>/pathrank/plugins/*.so       the data-source plugins
#   include/pathrank/...                 public headers, c.h, plugin.h
#   <libdir>/cmake/pathrank/             find_package(pathrank 0.1 CONFIG):
#                                        pathrank::engine (shared),
#                                        pathrank::engine_static
#   <libdir>/pkgconfig/pathrank.pc       pkg-config --cflags --libs pathrank
#   share/pathrank/datasets/             the shipped catalogs
#   share/doc/pathrank/                  README, docs/
#   <PATHRANK_INSTALL_SYSCONFDIR>/pathrank/pathrank.json, and the systemd
#   unit in <PATHRANK_INSTALL_SYSTEMDDIR>: the service (packaging/).
# docs/embedding.md describes the result; packaging/cpack.cmake builds the
# .deb from the same rules.

include(CMakePackageConfigHelpers)

set(PATHRANK_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/pathrank)
set(PATHRANK_INSTALL_SYSCONFDIR ${CMAKE_INSTALL_SYSCONFDIR} CACHE STRING
    "Where the server's config file goes (/etc in the .deb; relative = under the prefix)")
set(PATHRANK_INSTALL_SYSTEMDDIR lib/systemd/system CACHE STRING
    "Where the systemd unit goes (relative = under the prefix)")

install(TARGETS pathrank_shared pathrank_static EXPORT pathrankTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT library NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(TARGETS pathrank RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(TARGETS pathrank_plugin_csv pathrank_plugin_exercism pathrank_plugin_xapi
  pathrank_plugin_metacademy pathrank_plugin_ossu pathrank_plugin_case pathrank_plugin_awesome_go
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/pathrank/plugins COMPONENT server)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/pathrank
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_SOURCE_DIR}/plugins/include/pathrank/plugin.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pathrank COMPONENT dev)

install(EXPORT pathrankTargets NAMESPACE pathrank:: FILE pathrankTargets.cmake
  DESTINATION ${PATHRANK_INSTALL_CMAKEDIR} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/packaging/pathrankConfig.cmake.in
  ${PROJECT_BINARY_DIR}/pathrankConfig.cmake
  INSTALL_DESTINATION ${PATHRANK_INSTALL_CMAKEDIR})
# 0.x: a minor version is a new ABI; 1.x onwards, SameMajorVersion.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pathrankConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/pathrankConfig.cmake
              ${PROJECT_BINARY_DIR}/pathrankConfigVersion.cmake
  DESTINATION ${PATHRANK_INSTALL_CMAKEDIR} COMPONENT dev)

# pathrank.pc, relocatable: the prefix is found from the file's own place.
file(RELATIVE_PATH PATHRANK_PC_TO_PREFIX
  ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" PATHRANK_PC_TO_PREFIX "${PATHRANK_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/packaging/pathrank.pc.in
  ${PROJECT_BINARY_DIR}/pathrank.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pathrank.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/datasets/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/pathrank/datasets COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/embedding.md
              ${PROJECT_SOURCE_DIR}/docs/server.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT server)

# The service: a config file naming the installed catalog and a store under
# /var/lib/pathrank, and a systemd unit running `pathrank serve` with it.
set(PATHRANK_FULL_DATADIR ${CMAKE_INSTALL_FULL_DATADIR})
set(PATHRANK_FULL_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
if(IS_ABSOLUTE "${PATHRANK_INSTALL_SYSCONFDIR}")
  set(PATHRANK_FULL_SYSCONFDIR ${PATHRANK_INSTALL_SYSCONFDIR})
else()
  set(PATHRANK_FULL_SYSCONFDIR ${CMAKE_INSTALL_PREFIX}/${PATHRANK_INSTALL_SYSCONFDIR})
endif()
configure_file(${PROJECT_SOURCE_DIR}/packaging/pathrank.json.in
  ${PROJECT_BINARY_DIR}/packaging/pathrank.json @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/packaging/pathrank.service.in
  ${PROJECT_BINARY_DIR}/packaging/pathrank.service @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/pathrank.json
  DESTINATION ${PATHRANK_INSTALL_SYSCONFDIR}/pathrank COMPONENT server)
install(FILES ${PROJECT_BINARY_DIR}/packaging/pathrank.service
  DESTINATION ${PATHRANK_INSTALL_SYSTEMDDIR} COMPONENT server)
