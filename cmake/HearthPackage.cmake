# What `cmake --install` and `cpack` ship besides the programs themselves: the CMake package
# (find_package(Hearth) -> Hearth::core), hearth.pc, the sample devices, and the .deb settings.
# Included from the top-level CMakeLists.txt after core/ and gui/.
include(CMakePackageConfigHelpers)

set(HEARTH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Hearth)

# The private dependencies of hearth::core, read from its own link line so a dependency added in
# core/CMakeLists.txt is covered here without a second list. Only a static libhearth-core needs
# them found by consumers (as LINK_ONLY items); they never reach the public interface.
set(HEARTH_FIND_DEPENDENCIES "")
set(HEARTH_PC_REQUIRES_PRIVATE "")
set(HEARTH_PC_LIBS_PRIVATE "")
get_target_property(hearth_core_links hearth_core LINK_LIBRARIES)
foreach(item IN LISTS hearth_core_links)
  if(item MATCHES "^\\$<" OR NOT item MATCHES "^([A-Za-z0-9_]+)::([A-Za-z0-9_]+)$")
    continue()  # build-tree-only flags (hearth::warnings) and plain names
  endif()
  set(ns "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  if(ns STREQUAL "hearth")
    continue()
  elseif(ns STREQUAL "PkgConfig")
    string(TOLOWER "${name}" module)
    string(APPEND HEARTH_FIND_DEPENDENCIES
      "  find_dependency(PkgConfig)\n  pkg_check_modules(${name} REQUIRED IMPORTED_TARGET ${module})\n")
    list(APPEND HEARTH_PC_REQUIRES_PRIVATE ${module})
  elseif(ns STREQUAL "Threads")
    string(APPEND HEARTH_FIND_DEPENDENCIES "  find_dependency(Threads)\n")
    list(APPEND HEARTH_PC_LIBS_PRIVATE -pthread)
  else()
    string(APPEND HEARTH_FIND_DEPENDENCIES "  find_dependency(${ns})\n")
    string(TOLOWER "${ns}" module)
    if(module STREQUAL "nlohmann_json")
      # header-only: nothing to link
    else()
      list(APPEND HEARTH_PC_REQUIRES_PRIVATE ${module})
    endif()
  endif()
endforeach()
list(JOIN HEARTH_PC_REQUIRES_PRIVATE " " HEARTH_PC_REQUIRES_PRIVATE)
list(JOIN HEARTH_PC_LIBS_PRIVATE " " HEARTH_PC_LIBS_PRIVATE)
if(HEARTH_CORE_SHARED)
  set(HEARTH_PC_REQUIRES_PRIVATE "")  # the shared library records its own dependencies
  set(HEARTH_PC_LIBS_PRIVATE "")
  set(HEARTH_CORE_SHARED_BOOL TRUE)
else()
  set(HEARTH_CORE_SHARED_BOOL FALSE)
endif()

# CMake package: HearthConfig.cmake, HearthConfigVersion.cmake, HearthTargets.cmake.
install(EXPORT HearthTargets NAMESPACE Hearth:: DESTINATION ${HEARTH_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/HearthConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/HearthConfig.cmake INSTALL_DESTINATION ${HEARTH_CMAKE_DIR})
# 0.x: a minor release may break the API, so 0.1 is not compatible with 0.2.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/HearthConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/package/HearthConfig.cmake
              ${PROJECT_BINARY_DIR}/package/HearthConfigVersion.cmake
        DESTINATION ${HEARTH_CMAKE_DIR} COMPONENT dev)

# pkg-config: relocatable (prefix from the .pc file's own place).
file(RELATIVE_PATH HEARTH_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" HEARTH_PC_TO_PREFIX "${HEARTH_PC_TO_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/hearth.pc.in ${PROJECT_BINARY_DIR}/package/hearth.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/package/hearth.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# The sample devices: hearth-gui opens share/hearth/samples/devices/seed when no device is named.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/devices
        DESTINATION ${CMAKE_INSTALL_DATADIR}/hearth/samples COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

# ---- cpack -G DEB: one package, hearth, with what `cmake --install` puts under /usr -----------
set(CPACK_PACKAGE_NAME hearth)
set(CPACK_PACKAGE_VENDOR "The Hearth developers")
set(CPACK_PACKAGE_CONTACT "The Hearth developers <hearth@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Android intent resolution and HOME launcher emulation, offline")
set(CPACK_PACKAGE_DESCRIPTION
  "Hearth answers which activity handles an intent and which one becomes HOME, as Android's
PackageManager would, from AndroidManifest.xml files and APKs: the hearth command, hearth-gui
(when built), and the hearth::core library with its headers, CMake package and pkg-config file.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Depends: the Debian packages of the shared libraries the programs load (dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR}/core)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_STRIP_FILES ON)
include(CPack)
